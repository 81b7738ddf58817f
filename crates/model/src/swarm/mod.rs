//! Docker Swarm as Porthole shows it: this engine's place in a swarm, the join commands, the nodes, the services
//! with their replicas and rolling updates, and each service's tasks — and every Swarm action with its command.
//!
//! Owns: the summaries that cross IPC (`SwarmInfo`, `NodeSummary`, `ServiceSummary`, `TaskSummary`), the service
//! form (`service`), and `SwarmAction` with its `docker swarm|node|service` command (`action`).
//! Invariant: a join token is never shown whole unless the user asks; the command is built masked by default.

use serde::{Deserialize, Serialize};

pub mod action;
pub mod join;
pub mod logs;
pub mod service;
pub mod service_policy;
pub mod stack;
pub mod update;

pub use action::SwarmAction;
pub use join::parse_join;
pub use service::{ServiceCreate, ServiceForm, ServicePort};
pub use stack::StackCommand;

/// This engine and its swarm.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SwarmInfo {
    /// `inactive`, `pending`, `active`, `error`, `locked`.
    pub state: String,
    /// Whether this engine manages the swarm (may create services, see nodes).
    pub manager: bool,
    pub node_id: String,
    pub nodes: i64,
    pub managers: i64,
    /// The join commands' parts, known to managers only.
    pub join: Option<JoinTokens>,
    /// Addresses this engine could advertise when a swarm is initialised (from its interfaces), best first.
    pub addresses: Vec<String>,
}

impl SwarmInfo {
    pub fn is_active(&self) -> bool {
        self.state == "active"
    }
}

/// What another engine needs to join.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct JoinTokens {
    pub worker: String,
    pub manager: String,
    /// `address:2377` of a manager.
    pub address: String,
}

impl JoinTokens {
    /// `docker swarm join --token … ADDRESS`, the token masked unless `reveal`.
    pub fn command(&self, as_manager: bool, reveal: bool) -> String {
        let token = if as_manager {
            &self.manager
        } else {
            &self.worker
        };
        let shown = if reveal { token.clone() } else { mask(token) };
        format!("docker swarm join --token {shown} {}", self.address)
    }
}

/// A token with its secret part hidden: `SWMTKN-1-` and the cluster's part stay, the rest is dots.
pub fn mask(token: &str) -> String {
    let visible: String = token.chars().take(12).collect();
    format!("{visible}••••••••")
}

/// Each node's name for showing, by id: its hostname, or — where several nodes share one (cloned machines, two
/// engines on one host) — the hostname with the start of the node's id, so tasks on different nodes never read
/// alike.
pub fn node_names(nodes: &[NodeSummary]) -> std::collections::HashMap<String, String> {
    nodes
        .iter()
        .map(|node| {
            let shared = nodes.iter().filter(|n| n.hostname == node.hostname).count() > 1;
            let name = if shared {
                let short: String = node.id.chars().take(6).collect();
                format!("{} ({short})", node.hostname)
            } else {
                node.hostname.clone()
            };
            (node.id.clone(), name)
        })
        .collect()
}

/// One node of the swarm (`docker node ls`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NodeSummary {
    pub id: String,
    pub hostname: String,
    /// `manager` or `worker`.
    pub role: String,
    /// `active`, `pause`, `drain`.
    pub availability: String,
    /// `ready`, `down`, `unknown`, `disconnected`.
    pub status: String,
    /// For managers: `reachable`, `unreachable`; empty for workers.
    pub reachability: String,
    pub leader: bool,
    pub engine_version: String,
    pub address: String,
    pub labels: Vec<(String, String)>,
    /// The engine's own node (the one Porthole talks to).
    pub this_node: bool,
    /// The spec's version, which an update must name.
    pub version: u64,
}

/// One service (`docker service ls`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServiceSummary {
    pub id: String,
    pub name: String,
    pub image: String,
    /// `None`: global (one task per node).
    pub replicas: Option<u64>,
    pub running: u64,
    pub desired: u64,
    /// `8080:80/tcp (ingress)`.
    pub ports: Vec<String>,
    /// The rolling update's state (`updating`, `completed`, `rollback_completed`, `paused`, …), empty when none.
    pub update_state: String,
    pub update_message: String,
    /// The stack it belongs to (`com.docker.stack.namespace`).
    pub stack: Option<String>,
    pub version: u64,
}

/// The stacks among `services` (by their stack label), sorted, each with its services' names.
pub fn stacks(services: &[ServiceSummary]) -> Vec<(String, Vec<String>)> {
    let mut stacks: std::collections::BTreeMap<String, Vec<String>> =
        std::collections::BTreeMap::new();
    for service in services {
        if let Some(stack) = &service.stack {
            stacks
                .entry(stack.clone())
                .or_default()
                .push(service.name.clone());
        }
    }
    stacks.into_iter().collect()
}

impl ServiceSummary {
    pub fn mode(&self) -> &'static str {
        if self.replicas.is_some() {
            "replicated"
        } else {
            "global"
        }
    }

    /// `2/3`, as `docker service ls` shows replicas.
    pub fn replicas_label(&self) -> String {
        format!("{}/{}", self.running, self.desired)
    }
}

/// One task of a service (`docker service ps`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TaskSummary {
    pub id: String,
    pub slot: Option<i64>,
    /// The node's name as `node_names` gives it.
    pub node: String,
    #[serde(default)]
    pub node_id: String,
    pub desired_state: String,
    pub state: String,
    /// The engine's message for the state (`started`, `preparing`, …).
    pub message: String,
    /// Why it failed, in the engine's words.
    pub error: String,
    pub exit_code: Option<i64>,
    /// RFC 3339, when the state was reached.
    pub since: String,
    pub image: String,
}

impl TaskSummary {
    /// Why a task is not running, in plain words (the engine's own words follow).
    pub fn reason(&self) -> Option<String> {
        if self.error.is_empty() && self.exit_code.unwrap_or(0) == 0 {
            return None;
        }
        // Stopped on purpose (replaced by an update, scaled down, moved off a drained node): its exit code is the
        // stop's (143, 137), not a failure.
        if self.desired_state == "shutdown" && self.error.is_empty() {
            return None;
        }
        let what = match (self.state.as_str(), self.exit_code) {
            ("rejected", _) => {
                "The node refused to start it (often: its image cannot be pulled there).".to_owned()
            }
            ("failed", Some(code)) if code != 0 => {
                format!("Its container exited with code {code}; the swarm starts another.")
            }
            ("failed", _) => "It failed to start; the swarm tries again.".to_owned(),
            ("pending", _) => {
                "No node can take it (constraints, resources or a drained node).".to_owned()
            }
            _ => "It stopped.".to_owned(),
        };
        Some(if self.error.is_empty() {
            what
        } else {
            format!("{what} {}", self.error)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_task_stopped_on_purpose_has_no_reason_to_show() {
        let replaced = TaskSummary {
            desired_state: "shutdown".into(),
            state: "shutdown".into(),
            exit_code: Some(137),
            ..Default::default()
        };
        assert_eq!(replaced.reason(), None);
        let crashed = TaskSummary {
            desired_state: "running".into(),
            ..replaced.clone()
        };
        assert!(crashed.reason().is_some());
    }

    #[test]
    fn nodes_sharing_a_hostname_are_told_apart_by_id() {
        let node = |id: &str, hostname: &str| NodeSummary {
            id: id.into(),
            hostname: hostname.into(),
            ..Default::default()
        };
        let names = node_names(&[
            node("m3vmhn7z", "vm"),
            node("quhqd7ei", "vm"),
            node("x1", "pi"),
        ]);
        assert_eq!(names["m3vmhn7z"], "vm (m3vmhn)");
        assert_eq!(names["quhqd7ei"], "vm (quhqd7)");
        assert_eq!(names["x1"], "pi");
    }

    #[test]
    fn the_join_command_hides_the_token_unless_asked() {
        let tokens = JoinTokens {
            worker: "SWMTKN-1-abcdefghijklmnop-secretpart".into(),
            manager: "SWMTKN-1-abcdefghijklmnop-managerpart".into(),
            address: "10.0.0.2:2377".into(),
        };
        let masked = tokens.command(false, false);
        assert!(
            !masked.contains("secretpart")
                && masked.starts_with("docker swarm join --token SWMTKN-1-abc")
        );
        assert!(tokens.command(true, true).contains("managerpart"));
        assert!(masked.ends_with(" 10.0.0.2:2377"));
    }

    #[test]
    fn a_failed_task_says_why() {
        let failed = TaskSummary {
            state: "failed".into(),
            exit_code: Some(3),
            error: "task: non-zero exit (3)".into(),
            ..Default::default()
        };
        assert!(failed.reason().unwrap().contains("code 3"));
        let rejected = TaskSummary {
            state: "rejected".into(),
            error: "No such image: nope:1".into(),
            ..Default::default()
        };
        assert!(rejected.reason().unwrap().contains("No such image"));
        assert_eq!(
            TaskSummary {
                state: "running".into(),
                ..Default::default()
            }
            .reason(),
            None
        );
        let service = ServiceSummary {
            replicas: Some(3),
            running: 2,
            desired: 3,
            ..Default::default()
        };
        assert_eq!(
            (service.mode(), service.replicas_label().as_str()),
            ("replicated", "2/3")
        );
    }
}
