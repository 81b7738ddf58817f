//! What Porthole asks the Compose tool to do, and the exact command lines it runs — the same ones shown to the user
//! (`docker compose -f PATH -p NAME up -d`), so what is shown is what ran.

use crate::input::{Input, InputError};

use super::ComposeTool;
use serde::{Deserialize, Serialize};

/// `down --rmi`: which images go with the project.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RemoveImages {
    /// Only images the project built (no custom tag).
    Local,
    /// Every image the project's services use.
    All,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "verb", rename_all = "snake_case")]
pub enum ComposeVerb {
    /// `up -d`: creates and starts. `services` empty: every service (of the chosen profiles).
    Up {
        build: bool,
        pull: bool,
        profiles: Vec<String>,
        services: Vec<String>,
    },
    Stop,
    Start,
    Restart,
    Pull,
    /// `down`: stops and removes the containers and networks; `-v` the named volumes too, `--rmi` images.
    Down {
        volumes: bool,
        images: Option<RemoveImages>,
    },
    /// `up -d --scale SERVICE=N`.
    Scale {
        service: String,
        replicas: u32,
    },
    /// `logs -f`: every service's output, merged.
    Logs {
        tail: u32,
    },
}

/// One action on one project.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ComposeCommand {
    /// The compose file (absolute).
    pub file: String,
    pub project: String,
    pub verb: ComposeVerb,
}

impl ComposeVerb {
    pub fn label(&self) -> &'static str {
        match self {
            Self::Up { .. } => "Up",
            Self::Stop => "Stop",
            Self::Start => "Start",
            Self::Restart => "Restart",
            Self::Pull => "Pull",
            Self::Down { .. } => "Down",
            Self::Scale { .. } => "Scale",
            Self::Logs { .. } => "Logs",
        }
    }
}

impl ComposeCommand {
    /// The tool's argument lists, run one after the other: one, except a v1 "pull first", which has no `up --pull`
    /// and runs `pull` before `up`.
    pub fn runs(&self, tool: &ComposeTool) -> Vec<Vec<String>> {
        let mut base: Vec<String> = vec![
            "-f".into(),
            self.file.clone(),
            "-p".into(),
            self.project.clone(),
        ];
        let words = |list: &[&str]| {
            list.iter()
                .map(|w| (*w).to_owned())
                .collect::<Vec<String>>()
        };
        match &self.verb {
            ComposeVerb::Up {
                build,
                pull,
                profiles,
                services,
            } => {
                for profile in profiles {
                    base.extend(["--profile".into(), profile.clone()]);
                }
                let mut up = base.clone();
                up.extend(words(&["up", "-d"]));
                if *build {
                    up.push("--build".into());
                }
                let mut runs = Vec::new();
                if *pull && tool.is_plugin() {
                    up.extend(words(&["--pull", "always"]));
                } else if *pull {
                    let mut first = base.clone();
                    first.push("pull".into());
                    first.extend(services.iter().cloned());
                    runs.push(first);
                }
                up.extend(services.iter().cloned());
                runs.push(up);
                runs
            }
            ComposeVerb::Down { volumes, images } => {
                base.push("down".into());
                if *volumes {
                    base.push("-v".into());
                }
                match images {
                    Some(RemoveImages::Local) => base.extend(words(&["--rmi", "local"])),
                    Some(RemoveImages::All) => base.extend(words(&["--rmi", "all"])),
                    None => {}
                }
                vec![base]
            }
            ComposeVerb::Scale { service, replicas } => {
                base.extend(words(&["up", "-d", "--no-recreate", "--scale"]));
                base.push(format!("{service}={replicas}"));
                base.push(service.clone());
                vec![base]
            }
            ComposeVerb::Logs { tail } => {
                base.extend(words(&["logs", "-f", "--no-color", "--tail"]));
                base.push(tail.to_string());
                vec![base]
            }
            simple => {
                base.push(simple.label().to_lowercase());
                vec![base]
            }
        }
    }

    /// The command lines as a user types them, joined by `&&`.
    pub fn cli(&self, tool: &ComposeTool) -> String {
        self.runs(tool)
            .into_iter()
            .map(|args| {
                let mut words = tool.program.clone();
                words.extend(args);
                crate::container::run::join(&words)
            })
            .collect::<Vec<_>>()
            .join(" && ")
    }

    /// Checks made before the tool runs (the backend repeats them): a real path, a valid project name, services and
    /// profiles that are names, a sane replica count.
    pub fn validate(&self) -> Result<(), InputError> {
        super::parse_file_path(&self.file)?;
        super::parse_project_name(&self.project)?;
        // A name never starts with `-`, so it can never be read as one of the tool's flags.
        let name_ok = |n: &String| {
            n.starts_with(|c: char| c.is_ascii_alphanumeric())
                && n.chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
        };
        match &self.verb {
            ComposeVerb::Up {
                profiles, services, ..
            } => {
                if let Some(bad) = profiles.iter().chain(services).find(|n| !name_ok(n)) {
                    return Err(Input::ComposeCommand
                        .refuse(format!("{bad:?} is not a service or profile name.")));
                }
            }
            ComposeVerb::Scale { service, replicas } => {
                if !name_ok(service) {
                    return Err(
                        Input::ComposeCommand.refuse(format!("{service:?} is not a service name."))
                    );
                }
                if *replicas > 100 {
                    return Err(Input::ComposeCommand
                        .refuse("Scale to at most 100 containers from here.".into()));
                }
            }
            _ => {}
        }
        Ok(())
    }

    /// Whether this command deletes something (asks first, naming it).
    pub fn is_destructive(&self) -> bool {
        matches!(self.verb, ComposeVerb::Down { .. })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tool(plugin: bool) -> ComposeTool {
        ComposeTool {
            program: if plugin {
                vec!["docker".into(), "compose".into()]
            } else {
                vec!["docker-compose".into()]
            },
            version: "x".into(),
        }
    }

    fn command(verb: ComposeVerb) -> ComposeCommand {
        ComposeCommand {
            file: "/srv/shop/compose.yaml".into(),
            project: "shop".into(),
            verb,
        }
    }

    #[test]
    fn each_verb_as_typed() {
        let up = command(ComposeVerb::Up {
            build: true,
            pull: false,
            profiles: vec!["debug".into()],
            services: vec!["web".into()],
        });
        assert_eq!(
            up.cli(&tool(true)),
            "docker compose -f /srv/shop/compose.yaml -p shop --profile debug up -d --build web"
        );
        let down = command(ComposeVerb::Down {
            volumes: true,
            images: Some(RemoveImages::Local),
        });
        assert_eq!(
            down.cli(&tool(false)),
            "docker-compose -f /srv/shop/compose.yaml -p shop down -v --rmi local"
        );
        assert!(down.is_destructive());
        assert_eq!(
            command(ComposeVerb::Stop).cli(&tool(true)),
            "docker compose -f /srv/shop/compose.yaml -p shop stop"
        );
        let scale = command(ComposeVerb::Scale {
            service: "web".into(),
            replicas: 3,
        });
        assert!(scale
            .cli(&tool(true))
            .ends_with("up -d --no-recreate --scale web=3 web"));
    }

    #[test]
    fn pull_first_is_one_flag_for_v2_and_a_run_before_for_v1() {
        let up = command(ComposeVerb::Up {
            build: false,
            pull: true,
            profiles: vec![],
            services: vec![],
        });
        assert_eq!(up.runs(&tool(true)).len(), 1);
        assert!(up.cli(&tool(true)).ends_with("up -d --pull always"));
        assert_eq!(
            up.cli(&tool(false)),
            "docker-compose -f /srv/shop/compose.yaml -p shop pull && docker-compose -f /srv/shop/compose.yaml -p shop up -d"
        );
    }

    #[test]
    fn checks_before_running() {
        assert!(command(ComposeVerb::Stop).validate().is_ok());
        let mut bad = command(ComposeVerb::Stop);
        bad.project = "Shop!".into();
        assert!(bad.validate().is_err());
        let sneaky = command(ComposeVerb::Up {
            build: false,
            pull: false,
            profiles: vec![],
            services: vec!["--rm".into()],
        });
        assert!(sneaky.validate().is_err());
        assert!(command(ComposeVerb::Scale {
            service: "web".into(),
            replicas: 1000
        })
        .validate()
        .is_err());
    }
}
