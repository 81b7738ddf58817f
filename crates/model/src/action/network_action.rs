//! What can be done to one network: remove it, connect a container to it, disconnect one — each with its command,
//! what the user loses, and what the confirmation lists.

use crate::network::NetworkConnect;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum NetworkAction {
    /// `docker network rm`: refused by the engine while a container is attached.
    Remove,
    /// `docker network connect`, with aliases and a fixed address when asked.
    Connect { request: NetworkConnect },
    /// `docker network disconnect [-f]`.
    Disconnect { container: String, force: bool },
    /// Disconnects exactly these containers (the ones the engine's refusal named), then removes the network.
    DisconnectAllAndRemove { containers: Vec<String> },
}

impl NetworkAction {
    pub fn cli(&self, network: &str) -> String {
        let words = |words: &[&str]| {
            crate::container::run::join(&words.iter().map(|w| (*w).to_owned()).collect::<Vec<_>>())
        };
        match self {
            Self::Remove => words(&["docker", "network", "rm", network]),
            Self::Connect { request } => request.cli(),
            Self::Disconnect {
                container,
                force: false,
            } => words(&["docker", "network", "disconnect", network, container]),
            Self::Disconnect {
                container,
                force: true,
            } => words(&["docker", "network", "disconnect", "-f", network, container]),
            Self::DisconnectAllAndRemove { containers } => {
                let mut commands: Vec<String> = containers
                    .iter()
                    .map(|c| words(&["docker", "network", "disconnect", network, c]))
                    .collect();
                commands.push(words(&["docker", "network", "rm", network]));
                commands.join(" && ")
            }
        }
    }

    pub fn label(&self) -> &'static str {
        match self {
            Self::Remove => "Remove",
            Self::Connect { .. } => "Connect",
            Self::Disconnect { .. } => "Disconnect",
            Self::DisconnectAllAndRemove { .. } => "Disconnect them, then remove the network",
        }
    }

    pub fn is_destructive(&self) -> bool {
        !matches!(self, Self::Connect { .. })
    }

    pub fn consequence(&self) -> &'static str {
        match self {
            Self::Remove => {
                "The network is removed. Containers are not touched; the engine refuses while one is attached."
            }
            Self::Disconnect { .. } => {
                "The container loses its address on this network: other containers on it can no longer reach it by \
                 name. A running container keeps running."
            }
            Self::DisconnectAllAndRemove { .. } => {
                "Each container listed loses its address on this network (running ones keep running), then the \
                 network is removed. A container attached since is not in the list, so the removal is refused again."
            }
            Self::Connect { .. } => "",
        }
    }

    /// The follow-up to offer after this failed: a removal refused while containers are attached (409) offers to
    /// disconnect exactly the containers the refusal named, then remove.
    pub fn follow_up(&self, kind: crate::ErrorKind, related: &[String]) -> Option<NetworkAction> {
        match self {
            Self::Remove if kind == crate::ErrorKind::Conflict && !related.is_empty() => {
                Some(Self::DisconnectAllAndRemove {
                    containers: related.to_vec(),
                })
            }
            _ => None,
        }
    }
}
