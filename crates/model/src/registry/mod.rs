//! Registries as the user knows them: Docker Hub and every `host[:port]` they pull from or push to, with whether
//! they are logged in and where the docker CLI keeps that login.
//!
//! Invariants:
//! - A registry has one address form (`docker.io` for Docker Hub, `host[:port]` otherwise) and one key in the docker
//!   CLI's `config.json` (`https://index.docker.io/v1/` for Docker Hub, the address otherwise), so a login made in a
//!   terminal and one made in Porthole land on the same entry.
//! - A password only ever travels from the UI to the backend (`Login`); no type here sends one back, and `Login`'s
//!   `Debug` hides it.

use crate::input::{Input, InputError};

use serde::{Deserialize, Serialize};
use std::fmt;

/// Docker Hub's address as Porthole shows it.
pub const HUB: &str = "docker.io";
/// The key the docker CLI stores Docker Hub's login under.
pub const HUB_CONFIG_KEY: &str = "https://index.docker.io/v1/";

const HUB_ALIASES: [&str; 4] = [
    "docker.io",
    "index.docker.io",
    "registry-1.docker.io",
    "hub.docker.com",
];

/// One registry on the Registries page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Registry {
    /// `docker.io` or `host[:port]`.
    pub address: String,
    /// Who the user is logged in as, when logged in.
    pub username: Option<String>,
    /// Where the login is kept: `config.json` or the `docker-credential-…` helper's name.
    pub stored_in: Option<String>,
}

impl Registry {
    pub fn is_hub(&self) -> bool {
        self.address == HUB
    }

    /// Whether the engine will talk plain HTTP to it without extra configuration: only loopback addresses are
    /// treated as insecure registries by default.
    pub fn is_loopback(&self) -> bool {
        let host = host_of(&self.address);
        host == "localhost" || host.starts_with("127.") || host == "[::1]"
    }
}

/// A registry's repositories (`GET /v2/_catalog`), and whether it asked for a login to list them.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Catalog {
    pub repositories: Vec<String>,
    /// `true` when the registry refused anonymous access: a private registry.
    pub private: bool,
}

/// One repository's tags (`GET /v2/<name>/tags/list`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tags {
    pub repository: String,
    pub tags: Vec<String>,
    pub private: bool,
}

/// One Docker Hub search result (`docker search`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchResult {
    pub name: String,
    pub description: String,
    pub stars: i64,
    pub official: bool,
}

/// What the login form sends. The password goes to the engine for verification and to the credential store, never
/// back to the UI.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Login {
    pub registry: String,
    pub username: String,
    pub password: String,
}

impl fmt::Debug for Login {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Login")
            .field("registry", &self.registry)
            .field("username", &self.username)
            .field("password", &"<hidden>")
            .finish()
    }
}

/// The Registries page's list: Docker Hub first, then every registry with a stored login or added by the user,
/// each once, sorted by address.
pub fn merge(stored: Vec<Registry>, added: &[String]) -> Vec<Registry> {
    let mut others: Vec<Registry> = Vec::new();
    let mut hub = Registry {
        address: HUB.to_owned(),
        username: None,
        stored_in: None,
    };
    for registry in stored {
        if registry.address == HUB {
            hub = registry;
        } else if !others.iter().any(|r| r.address == registry.address) {
            others.push(registry);
        }
    }
    for address in added.iter().map(|a| address(a)) {
        if address != HUB && !others.iter().any(|r| r.address == address) {
            others.push(Registry {
                address,
                username: None,
                stored_in: None,
            });
        }
    }
    others.sort_by(|a, b| a.address.cmp(&b.address));
    std::iter::once(hub).chain(others).collect()
}

/// The address Porthole shows for what the user typed: `https://index.docker.io/v1/`, `index.docker.io` and `""`
/// are Docker Hub (`docker.io`); a scheme and a trailing path are dropped (`http://myhost:5000/v2/` →
/// `myhost:5000`).
pub fn address(input: &str) -> String {
    let trimmed = input.trim();
    let without_scheme = trimmed
        .strip_prefix("https://")
        .or_else(|| trimmed.strip_prefix("http://"))
        .unwrap_or(trimmed);
    let host = without_scheme
        .split('/')
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase();
    if host.is_empty() || HUB_ALIASES.contains(&host.as_str()) {
        HUB.to_owned()
    } else {
        host
    }
}

/// The docker CLI's `config.json` key for a registry.
pub fn config_key(input: &str) -> String {
    match address(input) {
        hub if hub == HUB => HUB_CONFIG_KEY.to_owned(),
        other => other,
    }
}

/// Validates a registry address typed by the user: `host`, `host:port`, an IPv4 address or `[v6]:port`.
pub fn parse_address(input: &str) -> Result<String, InputError> {
    let trimmed = input.trim();
    if trimmed.is_empty() {
        return Err(Input::RegistryAddress.refuse(
            "Type a registry address, like myregistry.example.com or localhost:5000.".into(),
        ));
    }
    let address = address(trimmed);
    let host = host_of(&address);
    let port = address
        .strip_prefix(host)
        .and_then(|rest| rest.strip_prefix(':'));
    if let Some(port) = port {
        if port.parse::<u16>().map_or(true, |p| p == 0) {
            return Err(Input::RegistryAddress.refuse(format!(
                "{port} is not a port: use a number from 1 to 65535."
            )));
        }
    } else if address.len() != host.len() {
        return Err(Input::RegistryAddress.refuse(format!("{trimmed} is not host[:port].")));
    }
    let valid_host = if host.starts_with('[') {
        host.ends_with(']') && host.len() > 2
    } else {
        !host.is_empty()
            && host.split('.').all(|label| {
                !label.is_empty()
                    && !label.starts_with('-')
                    && !label.ends_with('-')
                    && label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
            })
    };
    if valid_host {
        Ok(address)
    } else {
        Err(Input::RegistryAddress.refuse(format!(
            "{host} is not a host name: use letters, digits, dots and dashes."
        )))
    }
}

fn host_of(address: &str) -> &str {
    if address.starts_with('[') {
        return address.split_inclusive(']').next().unwrap_or(address);
    }
    address.split(':').next().unwrap_or(address)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hub_has_one_address_and_the_cli_key() {
        for input in [
            "",
            "docker.io",
            "https://index.docker.io/v1/",
            "index.docker.io",
            "registry-1.docker.io",
        ] {
            assert_eq!(address(input), HUB, "{input}");
            assert_eq!(config_key(input), HUB_CONFIG_KEY, "{input}");
        }
    }

    #[test]
    fn other_registries_keep_host_and_port() {
        assert_eq!(address("http://MyHost:5000/v2/"), "myhost:5000");
        assert_eq!(config_key("127.0.0.1:5001"), "127.0.0.1:5001");
        assert_eq!(
            parse_address(" docker-local-registry:4000 "),
            Ok("docker-local-registry:4000".into())
        );
        assert_eq!(parse_address("[::1]:5000"), Ok("[::1]:5000".into()));
    }

    #[test]
    fn bad_addresses_are_refused_with_a_reason() {
        for bad in [
            "",
            "host:",
            "host:99999",
            "host:0",
            "host:abc",
            "bad_host",
            "-x.com",
            "a..b",
            "a:1:2",
        ] {
            assert!(parse_address(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn loopback_registries_need_no_insecure_setting() {
        let registry = |address: &str| Registry {
            address: address.into(),
            username: None,
            stored_in: None,
        };
        assert!(registry("127.0.0.1:5001").is_loopback());
        assert!(registry("localhost:5000").is_loopback());
        assert!(!registry("docker-local-registry:4000").is_loopback());
    }

    #[test]
    fn the_list_has_hub_first_and_each_registry_once() {
        let stored = vec![
            Registry {
                address: "b:1".into(),
                username: Some("me".into()),
                stored_in: Some("config.json".into()),
            },
            Registry {
                address: HUB.into(),
                username: Some("hubber".into()),
                stored_in: None,
            },
        ];
        let list = merge(stored, &["a:2".into(), "b:1".into(), "docker.io".into()]);
        let addresses: Vec<&str> = list.iter().map(|r| r.address.as_str()).collect();
        assert_eq!(addresses, ["docker.io", "a:2", "b:1"]);
        assert_eq!(list[0].username.as_deref(), Some("hubber"));
        assert_eq!(list[2].username.as_deref(), Some("me"));
    }

    #[test]
    fn a_login_never_prints_its_password() {
        let login = Login {
            registry: "r".into(),
            username: "u".into(),
            password: "s3cret".into(),
        };
        assert!(!format!("{login:?}").contains("s3cret"));
    }
}
