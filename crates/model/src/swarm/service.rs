//! `docker service create`: the form as typed (in the style of the run dialog), its checks, the request that crosses
//! IPC, and the command — with environment values left out of what is recorded and shown.

use crate::input::{Input, InputError};

use crate::container::run::{FieldError, MountSpec};
use crate::swarm::service_policy::{
    self, mount_flag, parse_cpus, parse_delay, parse_mount, policy_flags, FailureAction,
    RestartCondition, TaskResources, TaskRestart, UpdateOrder, UpdatePolicy,
};
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
    /// One `SOURCE:TARGET[:ro]` per line (`service_policy::parse_mount`).
    pub mounts: String,
    /// `any` (empty), `on-failure` or `none`.
    pub restart_condition: String,
    /// Empty: no limit.
    pub restart_attempts: String,
    /// Empty: 1.
    pub update_parallelism: String,
    /// `10s`, `1m30s`; empty: none.
    pub update_delay: String,
    /// `pause` (empty), `continue` or `rollback`.
    pub update_failure_action: String,
    /// `stop-first` (empty) or `start-first`.
    pub update_order: String,
    pub limit_cpus: String,
    pub limit_memory: String,
    pub reserve_cpus: String,
    pub reserve_memory: String,
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
    #[serde(default)]
    pub mounts: Vec<MountSpec>,
    #[serde(default)]
    pub restart: TaskRestart,
    #[serde(default)]
    pub update: UpdatePolicy,
    #[serde(default)]
    pub resources: TaskResources,
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
        let mounts = lines(&self.mounts)
            .iter()
            .map(|l| parse_mount(l))
            .collect::<Result<Vec<_>, _>>()
            .map_err(|e| problem("mounts", e))?;
        Ok(ServiceCreate {
            name,
            image,
            replicas,
            ports,
            env,
            constraints,
            command,
            mounts,
            restart: self.restart()?,
            update: self.update()?,
            resources: self.resources()?,
        })
    }

    fn restart(&self) -> Result<TaskRestart, FieldError> {
        let condition = match self.restart_condition.trim() {
            "" => RestartCondition::Any,
            word => RestartCondition::parse(word)
                .ok_or_else(|| problem("restart", "Restart: any, on-failure or none."))?,
        };
        let max_attempts = match self.restart_attempts.trim() {
            "" => None,
            text => Some(
                text.parse::<u64>()
                    .ok()
                    .filter(|n| *n <= 1000)
                    .ok_or_else(|| {
                        problem(
                            "restart",
                            "Restart attempts: a number from 0 to 1000, or empty for no limit.",
                        )
                    })?,
            ),
        };
        Ok(TaskRestart {
            condition,
            max_attempts,
        })
    }

    fn update(&self) -> Result<UpdatePolicy, FieldError> {
        let engine = UpdatePolicy::default();
        let parallelism = match self.update_parallelism.trim() {
            "" => engine.parallelism,
            text => text
                .parse::<u64>()
                .ok()
                .filter(|n| *n <= 1000)
                .ok_or_else(|| {
                    problem(
                        "update",
                        "Tasks updated at a time: a number from 0 (all) to 1000.",
                    )
                })?,
        };
        let delay_secs = parse_delay(&self.update_delay).map_err(|e| problem("update", e))?;
        let failure_action = match self.update_failure_action.trim() {
            "" => engine.failure_action,
            word => FailureAction::parse(word).ok_or_else(|| {
                problem(
                    "update",
                    "When an update fails: pause, continue or rollback.",
                )
            })?,
        };
        let order = match self.update_order.trim() {
            "" => engine.order,
            word => UpdateOrder::parse(word)
                .ok_or_else(|| problem("update", "Update order: stop-first or start-first."))?,
        };
        Ok(UpdatePolicy {
            parallelism,
            delay_secs,
            failure_action,
            order,
        })
    }

    fn resources(&self) -> Result<TaskResources, FieldError> {
        let cpus = |text: &str| parse_cpus(text).map_err(|e| problem("resources", e));
        let memory = |text: &str| {
            crate::container::run::parse_size(text).map_err(|e| problem("resources", e))
        };
        let resources = TaskResources {
            limit_nano_cpus: cpus(&self.limit_cpus)?,
            limit_memory: memory(&self.limit_memory)?,
            reserve_nano_cpus: cpus(&self.reserve_cpus)?,
            reserve_memory: memory(&self.reserve_memory)?,
        };
        let over = |reserve: Option<u64>, limit: Option<u64>| matches!((reserve, limit), (Some(r), Some(l)) if r > l);
        if over(
            resources.reserve_nano_cpus.map(|n| n as u64),
            resources.limit_nano_cpus.map(|n| n as u64),
        ) || over(resources.reserve_memory, resources.limit_memory)
        {
            return Err(problem(
                "resources",
                "A reservation cannot be more than the limit: a task is promised what it may use at most.",
            ));
        }
        Ok(resources)
    }
}

impl ServiceCreate {
    /// Whether this request is exactly what its form would make: the backend's own check of what crosses IPC, with
    /// the form's parsers (a request the window could not have sent is refused, naming the field).
    pub fn check(&self) -> Result<(), FieldError> {
        let again = self.to_form().request()?;
        if &again == self {
            Ok(())
        } else {
            Err(problem(
                "service",
                "The service's settings are not ones the form accepts.",
            ))
        }
    }

    /// The form that makes this request.
    pub fn to_form(&self) -> ServiceForm {
        let lines = |items: Vec<String>| items.join("\n");
        let optional = |value: Option<String>| value.unwrap_or_default();
        let engine = UpdatePolicy::default();
        ServiceForm {
            name: self.name.clone(),
            image: self.image.clone(),
            global: self.replicas.is_none(),
            replicas: self.replicas.map(|n| n.to_string()).unwrap_or_default(),
            ports: lines(
                self.ports
                    .iter()
                    .map(|p| format!("{}:{}/{}", p.published, p.target, p.protocol))
                    .collect(),
            ),
            host_mode: self.ports.first().is_some_and(|p| p.host_mode),
            env: lines(crate::container::run::env_lines(&self.env)),
            constraints: lines(self.constraints.clone()),
            command: crate::container::run::join(&self.command),
            mounts: lines(
                self.mounts
                    .iter()
                    .map(|m| match m {
                        MountSpec::Volume {
                            name,
                            target,
                            read_only,
                        } => format!("{name}:{target}{}", if *read_only { ":ro" } else { "" }),
                        MountSpec::Bind {
                            source,
                            target,
                            read_only,
                        } => format!("{source}:{target}{}", if *read_only { ":ro" } else { "" }),
                        // Not a service form's mount: refused when parsed again.
                        MountSpec::Tmpfs { target, .. } => format!("tmpfs {target}"),
                    })
                    .collect(),
            ),
            restart_condition: self.restart.condition.as_str().into(),
            restart_attempts: optional(self.restart.max_attempts.map(|n| n.to_string())),
            update_parallelism: self.update.parallelism.to_string(),
            update_delay: if self.update.delay_secs == engine.delay_secs {
                String::new()
            } else {
                format!("{}s", self.update.delay_secs)
            },
            update_failure_action: self.update.failure_action.as_str().into(),
            update_order: self.update.order.as_str().into(),
            limit_cpus: optional(
                self.resources
                    .limit_nano_cpus
                    .map(service_policy::cpus_text),
            ),
            limit_memory: optional(self.resources.limit_memory.map(|b| b.to_string())),
            reserve_cpus: optional(
                self.resources
                    .reserve_nano_cpus
                    .map(service_policy::cpus_text),
            ),
            reserve_memory: optional(self.resources.reserve_memory.map(|b| b.to_string())),
        }
    }

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
        for mount in &self.mounts {
            words.extend(["--mount".into(), mount_flag(mount)]);
        }
        words.extend(policy_flags(&self.restart, &self.update, &self.resources));
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

    fn with_policies() -> ServiceForm {
        ServiceForm {
            mounts: "data:/var/lib/data\n/srv/site:/usr/share/site:ro".into(),
            restart_condition: "on-failure".into(),
            restart_attempts: "3".into(),
            update_parallelism: "2".into(),
            update_delay: "10s".into(),
            update_failure_action: "rollback".into(),
            update_order: "start-first".into(),
            limit_cpus: "0.5".into(),
            limit_memory: "256m".into(),
            reserve_memory: "64m".into(),
            ..form()
        }
    }

    #[test]
    fn mounts_and_policies_in_the_command() {
        let cli = with_policies().request().unwrap().cli(true);
        assert!(
            cli.contains(
                "--mount type=volume,source=data,target=/var/lib/data \
                 --mount type=bind,source=/srv/site,target=/usr/share/site,readonly \
                 --restart-condition on-failure --restart-max-attempts 3 --update-parallelism 2 \
                 --update-delay 10s --update-failure-action rollback --update-order start-first --limit-cpu 0.5 \
                 --limit-memory 256m --reserve-memory 64m nginx:1.27"
            ),
            "{cli}"
        );
    }

    #[test]
    fn the_backend_accepts_only_what_the_form_makes() {
        for form in [form(), with_policies()] {
            let request = form.request().unwrap();
            assert_eq!(request.check(), Ok(()), "{request:?}");
        }
        let mut zero_port = form().request().unwrap();
        zero_port.ports[0].published = 0;
        assert!(zero_port.check().is_err());
        let mut tmpfs = form().request().unwrap();
        tmpfs.mounts.push(MountSpec::Tmpfs {
            target: "/cache".into(),
            size: None,
        });
        assert!(tmpfs.check().is_err());
        let mut too_much = with_policies().request().unwrap();
        too_much.resources.reserve_memory = Some(1 << 30);
        assert_eq!(too_much.check().unwrap_err().field, "resources");
    }

    proptest::proptest! {
        #[test]
        fn every_form_accepted_is_accepted_by_the_backend(
            mounts in "[a-z/:]{0,14}",
            cpus in "[0-9.]{0,5}",
            memory in "[0-9kmg]{0,5}",
            delay in "[0-9ms]{0,5}",
            attempts in "[0-9]{0,4}",
            command in "[a-z \"']{0,12}",
        ) {
            let typed = ServiceForm {
                mounts,
                limit_cpus: cpus,
                reserve_memory: memory,
                update_delay: delay,
                restart_attempts: attempts,
                command,
                ..with_policies()
            };
            if let Ok(request) = typed.request() {
                proptest::prop_assert_eq!(request.check(), Ok(()));
            }
        }
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
        for (bad, named) in [
            (
                ServiceForm {
                    mounts: "data".into(),
                    ..form()
                },
                "mounts",
            ),
            (
                ServiceForm {
                    restart_condition: "always".into(),
                    ..form()
                },
                "restart",
            ),
            (
                ServiceForm {
                    restart_attempts: "-1".into(),
                    ..form()
                },
                "restart",
            ),
            (
                ServiceForm {
                    update_delay: "soon".into(),
                    ..form()
                },
                "update",
            ),
            (
                ServiceForm {
                    update_order: "random".into(),
                    ..form()
                },
                "update",
            ),
            (
                ServiceForm {
                    limit_cpus: "half".into(),
                    ..form()
                },
                "resources",
            ),
            (
                ServiceForm {
                    limit_memory: "lots".into(),
                    ..form()
                },
                "resources",
            ),
            (
                ServiceForm {
                    reserve_cpus: "2".into(),
                    limit_cpus: "1".into(),
                    ..form()
                },
                "resources",
            ),
        ] {
            assert_eq!(field(bad), named);
        }
    }
}
