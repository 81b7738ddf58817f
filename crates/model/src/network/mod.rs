//! Networks as the Networks page shows them (`docker network ls`), with the containers attached to each, what the
//! three networks every engine has are for, and which networks `docker network prune` would take.
//!
//! Owns: `NetworkSummary` and its endpoints; the create and connect forms (`create`, `connect`) with their checks;
//! CIDR arithmetic (`cidr`); the topology picture's layout (`topology`).
//! Invariant: the attached containers come from one container list (the engine's network list does not carry
//! them), so a network's users and a container's networks always agree.

use crate::input::{Input, InputError};

use serde::{Deserialize, Serialize};

pub mod cidr;
pub mod connect;
pub mod create;
pub mod topology;

pub use connect::{NetworkConnect, NetworkConnectForm};
pub use create::{NetworkCreate, NetworkCreateForm};

/// One network and the containers attached to it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NetworkSummary {
    pub id: String,
    pub name: String,
    /// `bridge`, `host`, `null`, `overlay`, `macvlan`, …
    pub driver: String,
    /// `local` or `swarm`.
    pub scope: String,
    /// The address blocks (IPAM config), IPv4 first as the engine lists them.
    pub subnets: Vec<Subnet>,
    /// No route out: containers on it reach each other only.
    pub internal: bool,
    /// An overlay network plain containers may join (not only services).
    pub attachable: bool,
    pub ipv6: bool,
    /// RFC 3339, as the engine reports it.
    pub created: String,
    pub labels: Vec<(String, String)>,
    /// The containers (any state) attached, by name.
    pub containers: Vec<Endpoint>,
}

/// One address block of a network.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Subnet {
    pub subnet: String,
    pub gateway: String,
    /// The part of the subnet containers get addresses from, when narrower than the subnet.
    pub ip_range: String,
}

/// A container's place on a network.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Endpoint {
    pub container: String,
    pub container_id: String,
    /// Empty while the container is stopped: addresses are handed out at start.
    pub ipv4: String,
    pub ipv6: String,
    pub mac: String,
}

/// The networks every engine creates itself and will not remove.
pub const BUILT_IN: [&str; 3] = ["bridge", "host", "none"];

impl NetworkSummary {
    pub fn is_built_in(&self) -> bool {
        BUILT_IN.contains(&self.name.as_str())
    }

    pub fn in_use(&self) -> bool {
        !self.containers.is_empty()
    }

    /// The first subnet as text, or empty.
    pub fn subnet(&self) -> &str {
        self.subnets.first().map_or("", |s| s.subnet.as_str())
    }

    pub fn gateway(&self) -> &str {
        self.subnets.first().map_or("", |s| s.gateway.as_str())
    }

    /// Whether containers on it find each other by name: the engine's DNS answers on user-defined networks only
    /// (not on the default `bridge`), and `host`/`none` have no endpoints of their own.
    pub fn resolves_names(&self) -> bool {
        !self.is_built_in() && self.driver != "null" && self.driver != "host"
    }

    /// What a built-in network is for, in one or two sentences; `None` for user-defined ones.
    pub fn explanation(&self) -> Option<&'static str> {
        match self.name.as_str() {
            "bridge" => Some(
                "The default network: a container run without --network lands here. Containers on it reach the \
                 outside and each other by IP address, but not by name — the engine's DNS serves user-defined \
                 networks only. Create a network of your own to let containers find each other by name.",
            ),
            "host" => Some(
                "No network of its own: the container shares the host's network stack, so a server listening on \
                 port 80 inside it listens on the host's port 80. Ports are not published (-p does nothing).",
            ),
            "none" => Some(
                "No network at all but loopback: the container cannot reach anything, nor be reached.",
            ),
            _ => None,
        }
    }

    /// When it was created, in Unix seconds, when the engine said.
    pub fn created_unix(&self) -> Option<i64> {
        chrono::DateTime::parse_from_rfc3339(&self.created)
            .ok()
            .map(|t| t.timestamp())
    }

    pub fn attached(&self, container: &str) -> bool {
        self.containers
            .iter()
            .any(|e| e.container == container || e.container_id == container)
    }
}

/// What `docker network prune` removes: every user-defined network no container is attached to.
pub fn prunable(networks: &[NetworkSummary]) -> Vec<&NetworkSummary> {
    networks
        .iter()
        .filter(|n| !n.is_built_in() && !n.in_use() && n.scope != "swarm")
        .collect()
}

/// A network name as the CLI takes it: a letter or digit, then letters, digits, `_ . -`; at most 128 characters.
pub fn parse_name(text: &str) -> Result<String, InputError> {
    let name = text.trim();
    let mut chars = name.chars();
    let first_ok = chars.next().is_some_and(|c| c.is_ascii_alphanumeric());
    let rest_ok = chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-'));
    if name.is_empty() {
        return Err(Input::NetworkName.refuse("A network needs a name.".into()));
    }
    if !first_ok || !rest_ok || name.len() > 128 {
        return Err(Input::NetworkName.refuse(format!(
            "{name:?} is not a network name: start with a letter or digit, then letters, digits, _ . or -."
        )));
    }
    if BUILT_IN.contains(&name) {
        return Err(Input::NetworkName.refuse(format!(
            "{name} is one of the engine's own networks; choose another name."
        )));
    }
    Ok(name.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn network(name: &str, containers: &[&str]) -> NetworkSummary {
        NetworkSummary {
            name: name.into(),
            driver: if name == "none" { "null" } else { "bridge" }.into(),
            scope: "local".into(),
            containers: containers
                .iter()
                .map(|c| Endpoint {
                    container: (*c).into(),
                    ..Default::default()
                })
                .collect(),
            ..Default::default()
        }
    }

    #[test]
    fn prune_takes_unused_user_networks_only() {
        let list = [
            network("bridge", &[]),
            network("none", &[]),
            network("shop", &["web"]),
            network("old", &[]),
        ];
        let names: Vec<&str> = prunable(&list).iter().map(|n| n.name.as_str()).collect();
        assert_eq!(names, ["old"]);
    }

    #[test]
    fn built_ins_are_explained_and_do_not_resolve_names() {
        assert!(network("bridge", &[])
            .explanation()
            .unwrap()
            .contains("not by name"));
        assert!(!network("bridge", &[]).resolves_names());
        assert!(network("shop", &[]).resolves_names());
        assert!(network("shop", &[]).explanation().is_none());
        assert!(network("shop", &["web"]).attached("web"));
    }

    #[test]
    fn names() {
        assert_eq!(parse_name(" shop-net ").unwrap(), "shop-net");
        assert_eq!(parse_name("a").unwrap(), "a");
        assert!(parse_name("").is_err());
        assert!(parse_name("-x").is_err());
        assert!(parse_name("a b").is_err());
        assert!(parse_name("host")
            .unwrap_err()
            .message
            .contains("own networks"));
    }
}
