//! The visual `docker run`: what the run dialog collects, the parsers behind each field, the whole-form checks
//! (clashing host ports, a taken name, `--rm` with a restart policy), and the equivalent CLI command.
//!
//! Invariant: a `RunRequest` that `validate` accepts is what the engine layer sends, field for field; the CLI text
//! from `cli()` has the same effect when pasted into a shell.

use crate::input::{Input, InputError};

use serde::{Deserialize, Serialize};

mod draft;
mod env;
mod form;
mod mount;
mod port;
mod restart;
#[cfg(test)]
mod tests;

pub use draft::{edit_row, row_index, DraftRow, MountDraft, PortDraft};
pub use env::{env_lines, parse_env, parse_env_lines, parse_label};
pub use form::{problem_of, row_problems, RunForm};
pub use mount::{parse_bind_source, parse_size, parse_target, MountKind, MountSpec};
pub use port::{parse_port, PortSpec, Protocol};
pub use restart::RestartPolicy;

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RunRequest {
    /// A local image or a reference to pull first.
    pub image: String,
    /// Empty: the engine makes one up (`focused_turing`).
    pub name: String,
    /// Replaces the image's CMD; empty keeps it.
    pub command: Vec<String>,
    /// Replaces the image's ENTRYPOINT; `None` keeps it.
    pub entrypoint: Option<Vec<String>>,
    pub env: Vec<(String, String)>,
    pub ports: Vec<PortSpec>,
    pub mounts: Vec<MountSpec>,
    pub restart: RestartPolicy,
    /// `--rm`: the engine removes the container (and its anonymous volumes) when it stops.
    pub auto_remove: bool,
    /// Empty: the default bridge network.
    pub network: String,
    pub workdir: String,
    pub user: String,
    pub labels: Vec<(String, String)>,
    /// `--cpus`, in nano-CPUs; `None`: no limit.
    #[serde(default)]
    pub nano_cpus: Option<i64>,
    /// `--memory`, in bytes; `None`: no limit.
    #[serde(default)]
    pub memory: Option<u64>,
}

/// A problem with one field of the form, so the dialog can show it next to that field.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    /// `image`, `name`, `port.2`, `mount.0`, `restart` …
    pub field: String,
    pub message: String,
}

/// A container name as the engine allows it: a letter or digit, then letters, digits, `_ . -`; two or more.
pub fn parse_name(text: &str) -> Result<String, InputError> {
    let name = text.trim().trim_start_matches('/');
    crate::names::volume_name(name).map_err(|_| Input::ContainerName.refuse({
        format!("{name:?} is not a container name: start with a letter or digit, then letters, digits, _ . or - (2 or more).")
    }))
}

/// A command line as a shell would split it (`sh -c "echo hi"` → three words).
pub fn split_command(text: &str) -> Result<Vec<String>, InputError> {
    shell_words::split(text).map_err(|_| Input::Command.refuse("A quote is not closed.".to_owned()))
}

/// An untagged image is picked by its id (`sha256:…` or a hex prefix of 12 or more).
fn is_image_id(text: &str) -> bool {
    let hex = text.trim().strip_prefix("sha256:").unwrap_or(text.trim());
    hex.len() >= 12
        && hex.len() <= 64
        && hex
            .chars()
            .all(|c| c.is_ascii_hexdigit() && !c.is_ascii_uppercase())
}

/// The end of a `docker volume|network create` command: its `--label KEY=VALUE` words, then the name (`NAME` while
/// none is typed, so the shown command always reads whole), joined like `join`.
pub fn join_with_labels_and_name(
    mut words: Vec<String>,
    labels: &[(String, String)],
    name: &str,
) -> String {
    for (key, value) in labels {
        words.extend(["--label".into(), format!("{key}={value}")]);
    }
    words.push(if name.is_empty() { "NAME" } else { name }.to_owned());
    join(&words)
}

/// Words joined for a POSIX shell, quoting only the words that need it (Python's `shlex.quote` rule), so the
/// command reads as a person would type it.
pub fn join(words: &[String]) -> String {
    words
        .iter()
        .map(|word| {
            let safe = !word.is_empty()
                && word
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "@%+=:,./-_".contains(c));
            if safe {
                word.clone()
            } else {
                format!("'{}'", word.replace('\'', "'\"'\"'"))
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

impl RunRequest {
    /// Every whole-form problem; the per-field parsers have already run while typing. `taken` is the names of the
    /// containers that exist.
    pub fn validate(&self, taken: &[String]) -> Vec<FieldError> {
        let mut errors = Vec::new();
        let mut error = |field: String, message: String| errors.push(FieldError { field, message });
        if !is_image_id(&self.image) {
            if let Err(problem) = crate::ImageReference::parse(&self.image) {
                error("image".into(), problem.to_string());
            }
        }
        if !self.name.is_empty() {
            match parse_name(&self.name) {
                Err(message) => error("name".into(), message.into()),
                Ok(name) if taken.iter().any(|t| t.trim_start_matches('/') == name) => error(
                    "name".into(),
                    format!("A container named {name} already exists: choose another name, or remove that one."),
                ),
                Ok(_) => {}
            }
        }
        for (i, port) in self.ports.iter().enumerate() {
            if let Some(other) = self.ports[..i]
                .iter()
                .find(|other| other.clashes_with(port))
            {
                error(
                    format!("port.{i}"),
                    format!(
                        "Host port {} is already used by the row {other}.",
                        port.host_port.unwrap_or(0)
                    ),
                );
            }
        }
        for (i, mount) in self.mounts.iter().enumerate() {
            if self.mounts[..i]
                .iter()
                .any(|other| other.target() == mount.target())
            {
                error(
                    format!("mount.{i}"),
                    format!("Two mounts cannot share the path {}.", mount.target()),
                );
            }
        }
        // Every value is checked again here, not only as the form parsed it: the backend validates what it runs.
        for (key, value) in &self.env {
            if let Err(message) = parse_env(&format!("{key}={value}")) {
                error("env".into(), message.into());
            }
        }
        for (key, value) in &self.labels {
            if let Err(message) = parse_label(&format!("{key}={value}")) {
                error("labels".into(), message.into());
            }
        }
        for (i, port) in self.ports.iter().enumerate() {
            let ip = port.host_ip.clone().unwrap_or_default();
            let host = port.host_port.map(|p| p.to_string()).unwrap_or_default();
            let again = PortSpec::from_parts(
                &ip,
                &host,
                &port.container_port.to_string(),
                port.protocol.as_str(),
            );
            if let Err(message) = again {
                error(format!("port.{i}"), message.into());
            }
        }
        for (i, mount) in self.mounts.iter().enumerate() {
            if let Err(message) = mount.check() {
                error(format!("mount.{i}"), message.into());
            }
        }
        if !(self.workdir.is_empty() || self.workdir.starts_with('/')) {
            error(
                "workdir".into(),
                "The working directory must be an absolute path.".into(),
            );
        }
        if self.nano_cpus.is_some_and(|n| n <= 0) {
            error("cpus".into(), "More than 0 CPUs.".into());
        }
        if self
            .memory
            .is_some_and(|m| m < crate::container::limits::MIN_MEMORY)
        {
            error(
                "memory".into(),
                "A memory limit of at least 6m: the engine refuses less.".into(),
            );
        }
        if self.auto_remove && self.restart != RestartPolicy::No {
            error(
                "restart".into(),
                "A container that removes itself when it stops cannot also be restarted: choose one.".into(),
            );
        }
        errors
    }

    /// The `docker run` command with the same effect, each argument quoted for a POSIX shell.
    pub fn cli(&self) -> String {
        self.cli_words(false)
    }

    /// The same command with each environment value left out (`-e GREETING`, which the CLI fills from the shell's
    /// own environment): what the activity console records, since values often hold tokens.
    pub fn cli_masked(&self) -> String {
        self.cli_words(true)
    }

    fn cli_words(&self, mask_env: bool) -> String {
        let mut args: Vec<String> = vec!["docker".into(), "run".into(), "-d".into()];
        let mut flag = |name: &str, value: String| {
            args.push(name.to_owned());
            args.push(value);
        };
        if !self.name.is_empty() {
            flag("--name", self.name.trim().to_owned());
        }
        for port in &self.ports {
            flag("-p", port.to_string());
        }
        for mount in &self.mounts {
            flag("--mount", mount.cli());
        }
        for (key, value) in &self.env {
            flag(
                "-e",
                if mask_env {
                    key.clone()
                } else {
                    format!("{key}={value}")
                },
            );
        }
        for (key, value) in &self.labels {
            flag("-l", format!("{key}={value}"));
        }
        if self.restart != RestartPolicy::No {
            flag("--restart", self.restart.cli());
        }
        if let Some(nano) = self.nano_cpus {
            flag("--cpus", crate::swarm::service_policy::cpus_text(nano));
        }
        if let Some(memory) = self.memory {
            flag(
                "--memory",
                crate::swarm::service_policy::memory_text(memory),
            );
        }
        if !self.network.is_empty() {
            flag("--network", self.network.clone());
        }
        if !self.workdir.is_empty() {
            flag("-w", self.workdir.clone());
        }
        if !self.user.is_empty() {
            flag("-u", self.user.clone());
        }
        // The CLI's --entrypoint takes one word; any further words go after the image, before the command.
        let mut tail = Vec::new();
        if let Some(entrypoint) = &self.entrypoint {
            flag(
                "--entrypoint",
                entrypoint.first().cloned().unwrap_or_default(),
            );
            tail.extend(entrypoint.iter().skip(1).cloned());
        }
        if self.auto_remove {
            args.push("--rm".into());
        }
        args.push(if self.image.trim().is_empty() {
            "IMAGE".into()
        } else {
            self.image.trim().to_owned()
        });
        args.extend(tail);
        args.extend(self.command.iter().cloned());
        join(&args)
    }
}
