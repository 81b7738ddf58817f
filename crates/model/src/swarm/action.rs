//! Every Swarm action and its `docker swarm|node|service` command; which ones move or end work (asked first) and
//! what the user should know before confirming.

use crate::input::{Input, InputError};

use super::ServiceCreate;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum SwarmAction {
    /// `docker swarm init --advertise-addr ADDRESS --listen-addr ADDRESS:2377`: this engine becomes a one-node
    /// swarm's manager, listening on that address only (another engine on the same machine can then be a node too).
    Init {
        advertise: String,
        /// `join::listen_address`: the advertised address's own port 2377, or every address.
        listen: String,
    },
    /// `docker swarm join --token TOKEN --advertise-addr ADDRESS --listen-addr ADDRESS:2377 MANAGER`: this engine
    /// joins the swarm `remote` (`host:port`) manages, as the token says (worker or manager). See `parse_join`.
    Join {
        remote: String,
        token: String,
        advertise: String,
        listen: String,
    },
    /// `docker swarm leave`; a manager needs `--force`.
    Leave {
        force: bool,
    },
    /// `docker node update --availability active|pause|drain NODE`.
    NodeAvailability {
        node: String,
        hostname: String,
        availability: String,
        version: u64,
    },
    /// `docker node promote|demote NODE`.
    NodeRole {
        node: String,
        hostname: String,
        role: String,
        version: u64,
    },
    /// `docker node update --label-add KEY=VALUE --label-rm KEY NODE`: labels that placement constraints match.
    NodeLabels {
        node: String,
        hostname: String,
        add: Vec<(String, String)>,
        remove: Vec<String>,
        version: u64,
    },
    CreateService {
        request: ServiceCreate,
    },
    /// `docker service scale NAME=N`.
    Scale {
        service: String,
        replicas: u64,
    },
    /// `docker service update --image IMAGE NAME`: a rolling update, task by task.
    UpdateImage {
        service: String,
        image: String,
    },
    /// `docker service rollback NAME`: back to the previous spec.
    Rollback {
        service: String,
    },
    /// `docker service rm NAME`.
    RemoveService {
        service: String,
    },
}

impl SwarmAction {
    pub fn cli(&self, mask: bool) -> String {
        let words = |list: &[&str]| {
            crate::container::run::join(&list.iter().map(|w| (*w).to_owned()).collect::<Vec<_>>())
        };
        match self {
            Self::Init { advertise, listen } => {
                let mut list = vec!["docker", "swarm", "init", "--advertise-addr", advertise];
                // The CLI's default is left out, as a user would.
                if listen != super::join::LISTEN_EVERYWHERE {
                    list.extend(["--listen-addr", listen]);
                }
                words(&list)
            }
            Self::Join {
                remote,
                token,
                advertise,
                listen,
            } => {
                // A token is of the shell-safe alphabet `parse_join` checks, and its mask is not quoted either.
                let token = if mask {
                    super::mask(token)
                } else {
                    token.clone()
                };
                let mut list = vec!["--advertise-addr", advertise.as_str()];
                if listen != super::join::LISTEN_EVERYWHERE {
                    list.extend(["--listen-addr", listen.as_str()]);
                }
                list.push(remote);
                let rest = words(&list);
                format!("docker swarm join --token {token} {rest}")
            }
            Self::Leave { force: true } => "docker swarm leave --force".into(),
            Self::Leave { force: false } => "docker swarm leave".into(),
            Self::NodeAvailability {
                hostname,
                availability,
                ..
            } => words(&[
                "docker",
                "node",
                "update",
                "--availability",
                availability,
                hostname,
            ]),
            Self::NodeRole { hostname, role, .. } => {
                let verb = if role == "manager" {
                    "promote"
                } else {
                    "demote"
                };
                words(&["docker", "node", verb, hostname])
            }
            Self::NodeLabels {
                hostname,
                add,
                remove,
                ..
            } => {
                let mut list = vec!["docker".to_owned(), "node".into(), "update".into()];
                for (key, value) in add {
                    list.extend(["--label-add".to_owned(), format!("{key}={value}")]);
                }
                for key in remove {
                    list.extend(["--label-rm".to_owned(), key.clone()]);
                }
                list.push(hostname.clone());
                crate::container::run::join(&list)
            }
            Self::CreateService { request } => request.cli(mask),
            Self::Scale { service, replicas } => words(&[
                "docker",
                "service",
                "scale",
                &format!("{service}={replicas}"),
            ]),
            Self::UpdateImage { service, image } => {
                words(&["docker", "service", "update", "--image", image, service])
            }
            Self::Rollback { service } => words(&["docker", "service", "rollback", service]),
            Self::RemoveService { service } => words(&["docker", "service", "rm", service]),
        }
    }

    pub fn label(&self) -> &'static str {
        match self {
            Self::Init { .. } => "Initialise a swarm",
            Self::Join { .. } => "Join the swarm",
            Self::Leave { .. } => "Leave the swarm",
            Self::NodeAvailability { availability, .. } if availability == "drain" => "Drain",
            Self::NodeAvailability { availability, .. } if availability == "pause" => "Pause",
            Self::NodeAvailability { .. } => "Activate",
            Self::NodeRole { role, .. } if role == "manager" => "Promote",
            Self::NodeRole { .. } => "Demote",
            Self::NodeLabels { .. } => "Save labels",
            Self::CreateService { .. } => "Create service",
            Self::Scale { .. } => "Scale",
            Self::UpdateImage { .. } => "Update image",
            Self::Rollback { .. } => "Roll back",
            Self::RemoveService { .. } => "Remove",
        }
    }

    /// Whether it ends or moves running work, so the UI asks first.
    pub fn is_destructive(&self) -> bool {
        match self {
            Self::Leave { .. } | Self::RemoveService { .. } => true,
            Self::NodeAvailability { availability, .. } => availability != "active",
            Self::NodeRole { role, .. } => role != "manager",
            _ => false,
        }
    }

    pub fn consequence(&self) -> &'static str {
        match self {
            Self::Leave { .. } => {
                "This engine leaves the swarm. On the last manager that ends the swarm: its services, their tasks and \
                 overlay networks are gone, and the other nodes are orphaned. Plain containers are not touched."
            }
            Self::RemoveService { .. } => "The service and every one of its tasks (containers) are removed on every node.",
            Self::NodeAvailability { availability, .. } if availability == "drain" => {
                "The node takes no new tasks, and its running tasks are moved to other nodes (stopped here, started \
                 there). With no other node, they wait."
            }
            Self::NodeAvailability { .. } => "The node takes no new tasks; those running stay.",
            Self::NodeRole { .. } => "The node stops being a manager: it no longer holds the swarm's state or takes votes.",
            _ => "",
        }
    }

    /// The object it is about, for busy indicators.
    pub fn target(&self) -> Option<&str> {
        match self {
            Self::Scale { service, .. }
            | Self::UpdateImage { service, .. }
            | Self::Rollback { service }
            | Self::RemoveService { service } => Some(service),
            Self::CreateService { request } => Some(&request.name),
            Self::NodeAvailability { hostname, .. }
            | Self::NodeRole { hostname, .. }
            | Self::NodeLabels { hostname, .. } => Some(hostname),
            _ => None,
        }
    }
}

/// The label change that turns `node`'s labels into those typed in `text` (`KEY=VALUE` per line): what to add or
/// change, and which keys go. Nothing to change is an error, so the Save button says why it waits.
pub fn node_labels(node: &super::NodeSummary, text: &str) -> Result<SwarmAction, InputError> {
    let mut wanted = Vec::<(String, String)>::new();
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let (key, value) = crate::container::run::parse_label(line)?;
        if let Some(at) = wanted.iter().position(|(k, _)| *k == key) {
            wanted[at].1 = value;
        } else {
            wanted.push((key, value));
        }
    }
    let add: Vec<(String, String)> = wanted
        .iter()
        .filter(|pair| !node.labels.contains(pair))
        .cloned()
        .collect();
    let remove: Vec<String> = node
        .labels
        .iter()
        .filter(|(key, _)| !wanted.iter().any(|(k, _)| k == key))
        .map(|(key, _)| key.clone())
        .collect();
    if add.is_empty() && remove.is_empty() {
        return Err(Input::NodeLabels.refuse("No change to save.".into()));
    }
    Ok(SwarmAction::NodeLabels {
        node: node.id.clone(),
        hostname: node.hostname.clone(),
        add,
        remove,
        version: node.version,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_action_as_typed() {
        assert_eq!(
            SwarmAction::Init {
                advertise: "10.0.0.2".into(),
                listen: "10.0.0.2:2377".into(),
            }
            .cli(false),
            "docker swarm init --advertise-addr 10.0.0.2 --listen-addr 10.0.0.2:2377"
        );
        let drain = SwarmAction::NodeAvailability {
            node: "id".into(),
            hostname: "pi".into(),
            availability: "drain".into(),
            version: 3,
        };
        assert_eq!(
            drain.cli(false),
            "docker node update --availability drain pi"
        );
        assert!(drain.is_destructive());
        assert_eq!(
            SwarmAction::Scale {
                service: "web".into(),
                replicas: 5
            }
            .cli(false),
            "docker service scale web=5"
        );
        assert_eq!(
            SwarmAction::UpdateImage {
                service: "web".into(),
                image: "nginx:1.27".into()
            }
            .cli(false),
            "docker service update --image nginx:1.27 web"
        );
        assert!(SwarmAction::RemoveService {
            service: "web".into()
        }
        .is_destructive());
        assert!(!SwarmAction::Rollback {
            service: "web".into()
        }
        .is_destructive());
        assert_eq!(
            SwarmAction::NodeRole {
                node: "id".into(),
                hostname: "pi".into(),
                role: "worker".into(),
                version: 1
            }
            .cli(false),
            "docker node demote pi"
        );
    }

    #[test]
    fn node_labels_as_typed_become_adds_and_removals() {
        let node = crate::swarm::NodeSummary {
            id: "n1".into(),
            hostname: "pi".into(),
            labels: vec![
                ("zone".into(), "attic".into()),
                ("disk".into(), "ssd".into()),
            ],
            version: 7,
            ..Default::default()
        };
        let action = node_labels(&node, "zone=garage\ndisk=ssd\n\ngpu\n").unwrap();
        assert_eq!(
            action.cli(false),
            "docker node update --label-add zone=garage --label-add gpu= pi"
        );
        let action = node_labels(&node, "zone=attic").unwrap();
        assert_eq!(action.cli(false), "docker node update --label-rm disk pi");
        assert!(
            !action.is_destructive(),
            "labels move no work by themselves"
        );
        assert_eq!(
            node_labels(&node, "disk=ssd\nzone=attic"),
            Err(crate::Input::NodeLabels.refuse("No change to save.".into()))
        );
        assert!(node_labels(&node, "=x").is_err());
    }
}
