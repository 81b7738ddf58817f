//! The run dialog's form as typed — text fields and port and storage rows — and what it amounts to: the
//! `RunRequest` it would send and every problem with it, by field (`image`, `env`, `port.1`, `port-row.0`, …).
//! The dialog shows each problem beside its field and runs only a form with none.

use super::{
    parse_env_lines, parse_label, split_command, FieldError, MountDraft, PortDraft, RestartPolicy,
    RunRequest,
};
use crate::input::{Input, InputError};

#[derive(Clone, Debug, Default, PartialEq)]
pub struct RunForm {
    pub image: String,
    pub name: String,
    pub command: String,
    pub entrypoint: String,
    /// `KEY=value` lines.
    pub env: String,
    /// `key=value` lines.
    pub labels: String,
    /// `no`, `always`, `unless-stopped`, `on-failure[:N]`.
    pub restart: String,
    /// `--cpus`: `1.5`; empty is no limit.
    pub cpus: String,
    /// `--memory`: `512m`; empty is no limit.
    pub memory: String,
    pub auto_remove: bool,
    pub network: String,
    pub workdir: String,
    pub user: String,
    pub ports: Vec<PortDraft>,
    pub mounts: Vec<MountDraft>,
}

impl RunForm {
    /// The request as typed, and every problem with it: each field's parser first, then the whole-form checks
    /// (`RunRequest::validate`, with the container names already `taken`), then incomplete rows.
    pub fn check(&self, taken: &[String]) -> (RunRequest, Vec<FieldError>) {
        let mut errors: Vec<FieldError> = Vec::new();
        let mut note = |field: &str, result: Result<(), String>| {
            if let Err(message) = result {
                errors.push(FieldError {
                    field: field.to_owned(),
                    message,
                });
            }
        };
        let message = |e: &InputError| e.message.clone();
        let command = split_command(&self.command);
        note("command", command.as_ref().map(|_| ()).map_err(message));
        let entrypoint = split_command(&self.entrypoint);
        note(
            "entrypoint",
            entrypoint.as_ref().map(|_| ()).map_err(message),
        );
        let env = parse_env_lines(&self.env);
        note("env", env.as_ref().map(|_| ()).map_err(message));
        let labels: Result<Vec<_>, InputError> = self
            .labels
            .lines()
            .filter(|l| !l.trim().is_empty())
            .enumerate()
            .map(|(i, l)| {
                parse_label(l).map_err(|e| Input::Label.refuse(format!("Line {}: {e}", i + 1)))
            })
            .collect();
        note("labels", labels.as_ref().map(|_| ()).map_err(message));
        let restart = RestartPolicy::parse(&self.restart);
        note("restart", restart.as_ref().map(|_| ()).map_err(message));
        let nano_cpus = crate::swarm::service_policy::parse_cpus(&self.cpus);
        note("cpus", nano_cpus.as_ref().map(|_| ()).map_err(message));
        let memory = super::parse_size(&self.memory);
        note("memory", memory.as_ref().map(|_| ()).map_err(message));
        if self.image.trim().is_empty() {
            note("image", Err("Choose an image to run.".into()));
        }
        let entrypoint = entrypoint.unwrap_or_default();
        let request = RunRequest {
            image: self.image.trim().to_owned(),
            name: self.name.trim().to_owned(),
            command: command.unwrap_or_default(),
            entrypoint: (!entrypoint.is_empty()).then_some(entrypoint),
            env: env.unwrap_or_default(),
            ports: self.ports.iter().filter_map(|r| r.parsed().ok()).collect(),
            mounts: self.mounts.iter().filter_map(|r| r.parsed().ok()).collect(),
            restart: restart.unwrap_or_default(),
            auto_remove: self.auto_remove,
            network: self.network.trim().to_owned(),
            workdir: self.workdir.trim().to_owned(),
            user: self.user.trim().to_owned(),
            labels: labels.unwrap_or_default(),
            nano_cpus: nano_cpus.unwrap_or_default(),
            memory: memory.unwrap_or_default(),
        };
        // Row indexes refer to the parsed rows; with every row valid they are the dialog's rows.
        errors.extend(request.validate(taken));
        if let Some(bad) = self.ports.iter().position(|r| r.parsed().is_err()) {
            errors.push(FieldError {
                field: format!("port-row.{bad}"),
                message: "A port row is incomplete.".into(),
            });
        }
        if let Some(bad) = self.mounts.iter().position(|r| r.parsed().is_err()) {
            errors.push(FieldError {
                field: format!("mount-row.{bad}"),
                message: "A storage row is incomplete.".into(),
            });
        }
        (request, errors)
    }
}

/// The problem reported for `field`, if any.
pub fn problem_of(errors: &[FieldError], field: &str) -> Option<String> {
    errors
        .iter()
        .find(|e| e.field == field)
        .map(|e| e.message.clone())
}

/// The problems of the rows named `prefix` + index (`port-row.`, `mount.`), by row index.
pub fn row_problems(errors: &[FieldError], prefix: &str) -> Vec<(usize, String)> {
    errors
        .iter()
        .filter_map(|e| {
            let index = e.field.strip_prefix(prefix)?.parse().ok()?;
            Some((index, e.message.clone()))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form() -> RunForm {
        RunForm {
            image: "web:1".into(),
            restart: "no".into(),
            ..Default::default()
        }
    }

    #[test]
    fn a_complete_form_is_the_request_it_shows() {
        let mut typed = form();
        typed.name = " site ".into();
        typed.command = "sleep 600".into();
        typed.env = "A=1\nB=two words".into();
        typed.labels = "team=web".into();
        let (request, errors) = typed.check(&[]);
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(request.name, "site");
        assert_eq!(request.command, vec!["sleep", "600"]);
        assert_eq!(request.env.len(), 2);
        assert_eq!(request.labels, vec![("team".into(), "web".into())]);
        assert_eq!(request.entrypoint, None);
    }

    #[test]
    fn each_problem_is_named_by_its_field() {
        let mut typed = form();
        typed.image = " ".into();
        typed.command = "echo 'unclosed".into();
        typed.labels = "ok=1\nnot a label".into();
        typed.restart = "sometimes".into();
        let (_, errors) = typed.check(&[]);
        for field in ["image", "command", "labels", "restart"] {
            assert!(problem_of(&errors, field).is_some(), "{field}: {errors:?}");
        }
        assert!(problem_of(&errors, "labels")
            .unwrap()
            .starts_with("Line 2:"));
    }

    #[test]
    fn a_taken_name_and_an_incomplete_row_are_reported() {
        let mut typed = form();
        typed.name = "site".into();
        typed.ports = vec![PortDraft::default()];
        let (_, errors) = typed.check(&["site".to_owned()]);
        assert!(problem_of(&errors, "name").is_some(), "{errors:?}");
        assert_eq!(
            row_problems(&errors, "port-row.").first().map(|p| p.0),
            Some(0)
        );
    }
}
