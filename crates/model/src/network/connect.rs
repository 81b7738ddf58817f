//! `docker network connect [--alias A] [--ip IP] NETWORK CONTAINER`: the form, its checks (aliases are names other
//! containers look up; a fixed address must lie in one of the network's subnets) and the command.

use crate::input::{Input, InputError};

use super::cidr::{parse_address, usable_in, Cidr};
use crate::container::run::FieldError;
use serde::{Deserialize, Serialize};

/// The connect form as typed, with the network's subnets to check a fixed address against.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NetworkConnectForm {
    pub network: String,
    pub container: String,
    /// Separated by commas or spaces.
    pub aliases: String,
    pub ip: String,
    pub subnets: Vec<String>,
}

/// A checked connect request.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NetworkConnect {
    pub network: String,
    pub container: String,
    pub aliases: Vec<String>,
    pub ip: Option<String>,
}

/// An alias as the engine's DNS serves it: a letter or digit, then letters, digits, `_ . -`; at most 63.
pub fn parse_alias(text: &str) -> Result<String, InputError> {
    let alias = text.trim();
    let mut chars = alias.chars();
    let ok = chars.next().is_some_and(|c| c.is_ascii_alphanumeric())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-'))
        && alias.len() <= 63;
    if ok {
        Ok(alias.to_owned())
    } else {
        Err(Input::Alias.refuse(format!(
            "{alias:?} is not an alias: a letter or digit, then letters, digits, _ . or - (63 at most)."
        )))
    }
}

fn problem(field: &str, message: String) -> FieldError {
    FieldError {
        field: field.into(),
        message,
    }
}

impl NetworkConnectForm {
    pub fn request(&self) -> Result<NetworkConnect, FieldError> {
        if self.network.trim().is_empty() {
            return Err(problem("network", "Choose the network to join.".into()));
        }
        let container = self.container.trim();
        if container.is_empty() {
            return Err(problem(
                "container",
                "Choose the container to connect.".into(),
            ));
        }
        let aliases = self
            .aliases
            .split([',', ' '])
            .filter(|a| !a.trim().is_empty())
            .map(parse_alias)
            .collect::<Result<Vec<_>, _>>()
            .map_err(|e| problem("aliases", e.into()))?;
        let ip = match self.ip.trim() {
            "" => None,
            text => {
                let address = parse_address(text).map_err(|e| problem("ip", e.into()))?;
                let subnets: Vec<Cidr> = self
                    .subnets
                    .iter()
                    .filter_map(|s| Cidr::parse(s).ok())
                    .collect();
                if subnets.is_empty() {
                    return Err(problem(
                        "ip",
                        "A fixed address needs a network created with a subnet (--subnet); this one has none."
                            .into(),
                    ));
                }
                let fits = subnets.iter().find(|s| s.contains(address));
                match fits {
                    Some(subnet) => {
                        usable_in(subnet, address).map_err(|e| problem("ip", e.into()))?
                    }
                    None => {
                        let list: Vec<String> = subnets.iter().map(|s| s.to_string()).collect();
                        return Err(problem(
                            "ip",
                            format!(
                                "{address} is not inside this network's subnet ({}).",
                                list.join(", ")
                            ),
                        ));
                    }
                }
                Some(address.to_string())
            }
        };
        Ok(NetworkConnect {
            network: self.network.clone(),
            container: container.to_owned(),
            aliases,
            ip,
        })
    }
}

impl NetworkConnect {
    /// The backend's own check of a request that came over IPC (without the subnets: the engine checks those).
    pub fn validate(&self) -> Result<(), FieldError> {
        if self.network.trim().is_empty() {
            return Err(problem("network", "Which network?".into()));
        }
        if self.container.trim().is_empty() {
            return Err(problem(
                "container",
                "Choose the container to connect.".into(),
            ));
        }
        for alias in &self.aliases {
            parse_alias(alias).map_err(|e| problem("aliases", e.into()))?;
        }
        if let Some(ip) = &self.ip {
            parse_address(ip).map_err(|e| problem("ip", e.into()))?;
        }
        Ok(())
    }

    pub fn cli(&self) -> String {
        let mut words: Vec<String> = vec!["docker".into(), "network".into(), "connect".into()];
        for alias in &self.aliases {
            words.extend(["--alias".into(), alias.clone()]);
        }
        if let Some(ip) = &self.ip {
            let flag = if ip.contains(':') { "--ip6" } else { "--ip" };
            words.extend([flag.into(), ip.clone()]);
        }
        words.extend([self.network.clone(), self.container.clone()]);
        crate::container::run::join(&words)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(aliases: &str, ip: &str, subnets: &[&str]) -> NetworkConnectForm {
        NetworkConnectForm {
            network: "shop".into(),
            container: "web".into(),
            aliases: aliases.into(),
            ip: ip.into(),
            subnets: subnets.iter().map(|s| (*s).into()).collect(),
        }
    }

    #[test]
    fn aliases_and_a_fixed_address() {
        let request = form("api, backend", "172.28.0.9", &["172.28.0.0/16"])
            .request()
            .unwrap();
        assert_eq!(
            request.cli(),
            "docker network connect --alias api --alias backend --ip 172.28.0.9 shop web"
        );
        assert!(request.validate().is_ok());
        assert_eq!(
            form("", "", &[]).request().unwrap().cli(),
            "docker network connect shop web"
        );
    }

    #[test]
    fn refusals_name_their_field() {
        assert_eq!(
            form("bad!", "", &[]).request().unwrap_err().field,
            "aliases"
        );
        assert_eq!(form("", "10.0.0.1", &[]).request().unwrap_err().field, "ip");
        assert!(form("", "10.9.0.1", &["172.28.0.0/16"])
            .request()
            .unwrap_err()
            .message
            .contains("172.28.0.0/16"));
        assert_eq!(
            form("", "nope", &["172.28.0.0/16"])
                .request()
                .unwrap_err()
                .field,
            "ip"
        );
        let mut nobody = form("", "", &[]);
        nobody.container = " ".into();
        assert_eq!(nobody.request().unwrap_err().field, "container");
    }
}
