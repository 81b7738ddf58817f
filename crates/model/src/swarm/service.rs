//! `docker service create`: the form as typed (in the style of the run dialog), its checks, the request that crosses
//! IPC, and the command — with environment values left out of what is recorded and shown.

use crate::input::{Input, InputError};

use crate::container::run::FieldError;
use serde::{Deserialize, Serialize};

/// The form's fields as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ServiceForm {
    pub name: String,
    pub image: String,
    /// One task per node instead of a number of replicas.
    pub global: bool,
    pub replicas: String,
    /// One `PUBLISHED:TARGET[/udp]` per line.
    pub ports: String,
    /// Publish on each node's own port (`mode=host`) instead of the routing mesh.
    pub host_mode: bool,
    /// One `KEY=VALUE` per line.
    pub env: String,
    /// One placement constraint per line: `node.role==manager`, `node.labels.disk!=hdd`.
    pub constraints: String,
    pub command: String,
}

/// A published port of a service.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServicePort {
    pub published: u16,
    pub target: u16,
    /// `tcp` or `udp`.
    pub protocol: String,
    /// `mode=host`: each node's own port; otherwise the routing mesh (`ingress`).
    pub host_mode: bool,
}

/// A checked `docker service create`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServiceCreate {
    pub name: String,
    pub image: String,
    /// `None`: global.
    pub replicas: Option<u64>,
    pub ports: Vec<ServicePort>,
    pub env: Vec<(String, String)>,
    pub constraints: Vec<String>,
    pub command: Vec<String>,
}

fn problem(field: &str, message: impl Into<String>) -> FieldError {
    FieldError {
        field: field.into(),
        message: message.into(),
    }
}

fn parse_port(line: &str, host_mode: bool) -> Result<ServicePort, InputError> {
    let line = line.trim();
    let (ports, protocol) = match line.rsplit_once('/') {
        Some((ports, proto)) if proto == "tcp" || proto == "udp" => (ports, proto),
        Some(_) => {
            return Err(
                Input::ServicePort.refuse(format!("{line}: the protocol after / is tcp or udp."))
            )
        }
        None => (line, "tcp"),
    };
    let number = |text: &str| text.trim().parse::<u16>().ok().filter(|p| *p > 0);
    match ports.split_once(':').map(|(p, t)| (number(p), number(t))) {
        Some((Some(published), Some(target))) => Ok(ServicePort {
            published,
            target,
            protocol: protocol.into(),
            host_mode,
        }),
        _ => Err(Input::ServicePort.refuse(format!(
            "{line}: write PUBLISHED:TARGET, like 8080:80 (ports 1–65535)."
        ))),
    }
}

impl ServiceForm {
    pub fn request(&self) -> Result<ServiceCreate, FieldError> {
        let name = crate::names::volume_name(self.name.trim()).map_err(|_| {
            problem(
                "name",
                "A service name: a letter or digit, then letters, digits, _ . or -.",
            )
        })?;
        let image = crate::ImageReference::parse(self.image.trim())
            .map_err(|e| problem("image", e.to_string()))?
            .to_string();
        let replicas =
            if self.global {
                None
            } else {
                match self.replicas.trim() {
                    "" => Some(1),
                    text => Some(text.parse::<u64>().ok().filter(|n| *n <= 1000).ok_or_else(
                        || problem("replicas", "Replicas: a number from 0 to 1000."),
                    )?),
                }
            };
        let lines = |text: &str| -> Vec<String> {
            text.lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(str::to_owned)
                .collect()
        };
        let ports = lines(&self.ports)
            .iter()
            .map(|l| parse_port(l, self.host_mode))
            .collect::<Result<Vec<_>, _>>()
            .map_err(|e| problem("ports", e))?;
        let env = lines(&self.env)
            .iter()
            .map(|l| crate::container::run::parse_env(l))
            .collect::<Result<Vec<_>, _>>()
            .map_err(|e| problem("env", e))?;
        let constraints = lines(&self.constraints);
        if let Some(bad) = constraints
            .iter()
            .find(|c| !(c.contains("==") || c.contains("!=")))
        {
            return Err(problem(
                "constraints",
                format!("{bad}: a constraint compares with == or !=, like node.role==manager."),
            ));
        }
        let command = crate::container::run::split_command(&self.command)
            .map_err(|e| problem("command", e))?;
        Ok(ServiceCreate {
            name,
            image,
            replicas,
            ports,
            env,
            constraints,
            command,
        })
    }
}

impl ServiceCreate {
    /// `docker service create …`; `mask` leaves environment values out (the CLI then takes them from the shell).
    pub fn cli(&self, mask: bool) -> String {
        let mut words: Vec<String> = vec![
            "docker".into(),
            "service".into(),
            "create".into(),
            "--name".into(),
            self.name.clone(),
        ];
        match self.replicas {
            Some(n) => words.extend(["--replicas".into(), n.to_string()]),
            None => words.extend(["--mode".into(), "global".into()]),
        }
        for port in &self.ports {
            let mut spec = format!("published={},target={}", port.published, port.target);
            if port.protocol != "tcp" {
                spec.push_str(&format!(",protocol={}", port.protocol));
            }
            if port.host_mode {
                spec.push_str(",mode=host");
            }
            words.extend(["--publish".into(), spec]);
        }
        for (key, value) in &self.env {
            words.extend([
                "-e".into(),
                if mask {
                    key.clone()
                } else {
                    format!("{key}={value}")
                },
            ]);
        }
        for constraint in &self.constraints {
            words.extend(["--constraint".into(), constraint.clone()]);
        }
        words.push(self.image.clone());
        words.extend(self.command.iter().cloned());
        crate::container::run::join(&words)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form() -> ServiceForm {
        ServiceForm {
            name: "web".into(),
            image: "nginx:1.27".into(),
            replicas: "3".into(),
            ports: "8080:80\n".into(),
            env: "TOKEN=secret".into(),
            constraints: "node.role==worker".into(),
            ..Default::default()
        }
    }

    #[test]
    fn a_full_service_and_its_command() {
        let request = form().request().unwrap();
        assert_eq!(
            request.cli(false),
            "docker service create --name web --replicas 3 --publish published=8080,target=80 -e TOKEN=secret \
             --constraint node.role==worker nginx:1.27"
        );
        assert!(!request.cli(true).contains("secret"));
        let global = ServiceForm {
            global: true,
            host_mode: true,
            ports: "53:53/udp".into(),
            command: "sleep 600".into(),
            ..form()
        };
        let cli = global.request().unwrap().cli(true);
        assert!(
            cli.contains("--mode global")
                && cli.contains("published=53,target=53,protocol=udp,mode=host")
                && cli.ends_with("nginx:1.27 sleep 600"),
            "{cli}"
        );
    }

    #[test]
    fn each_field_refused_by_name() {
        let field = |f: ServiceForm| f.request().unwrap_err().field;
        assert_eq!(
            field(ServiceForm {
                name: "-x".into(),
                ..form()
            }),
            "name"
        );
        assert_eq!(
            field(ServiceForm {
                image: "UPPER".into(),
                ..form()
            }),
            "image"
        );
        assert_eq!(
            field(ServiceForm {
                replicas: "many".into(),
                ..form()
            }),
            "replicas"
        );
        assert_eq!(
            field(ServiceForm {
                ports: "80".into(),
                ..form()
            }),
            "ports"
        );
        assert_eq!(
            field(ServiceForm {
                constraints: "node.role".into(),
                ..form()
            }),
            "constraints"
        );
        assert_eq!(
            field(ServiceForm {
                env: "=x".into(),
                ..form()
            }),
            "env"
        );
    }
}
