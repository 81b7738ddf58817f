//! `docker network create`: the form as typed, its checks field by field (subnet, gateway and IP range must agree:
//! CIDR inside CIDR, gateway inside the subnet), the request that crosses IPC, and the command it amounts to.
//!
//! Invariant: `NetworkCreate` is only built by `NetworkCreateForm::request` or re-checked by `validate`, so the
//! backend never sends the engine a request the form would have refused.

use super::cidr::{parse_address, usable_in, Cidr};
use crate::container::run::FieldError;
use crate::input::Input;
use serde::{Deserialize, Serialize};

/// The form's fields as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NetworkCreateForm {
    pub name: String,
    /// `bridge` (empty means bridge) or `overlay`.
    pub driver: String,
    pub subnet: String,
    pub gateway: String,
    pub ip_range: String,
    pub internal: bool,
    pub attachable: bool,
    /// One `key=value` per line.
    pub labels: String,
    /// Whether the engine is a Swarm manager: only then may the driver be `overlay`.
    pub swarm_manager: bool,
}

/// A checked `docker network create` request.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NetworkCreate {
    pub name: String,
    pub driver: String,
    pub subnet: Option<String>,
    pub gateway: Option<String>,
    pub ip_range: Option<String>,
    pub internal: bool,
    pub attachable: bool,
    pub labels: Vec<(String, String)>,
}

fn problem(field: &str, message: String) -> FieldError {
    FieldError {
        field: field.into(),
        message,
    }
}

fn optional(text: &str) -> Option<&str> {
    Some(text.trim()).filter(|t| !t.is_empty())
}

impl NetworkCreateForm {
    /// Every field's problem, at most one per field, in the form's order.
    pub fn problems(&self) -> Vec<FieldError> {
        self.request().err().unwrap_or_default()
    }

    /// The request, or every field's problem.
    pub fn request(&self) -> Result<NetworkCreate, Vec<FieldError>> {
        let mut problems = Vec::new();
        let name = super::parse_name(&self.name).unwrap_or_else(|e| {
            problems.push(problem("name", e.into()));
            String::new()
        });
        let driver = match self.driver.trim() {
            "" | "bridge" => "bridge",
            "overlay" if self.swarm_manager => "overlay",
            "overlay" => {
                problems.push(problem(
                    "driver",
                    "An overlay network spans a Swarm cluster: this engine is not a Swarm manager."
                        .into(),
                ));
                "overlay"
            }
            other => {
                problems.push(problem(
                    "driver",
                    format!("{other:?}: choose bridge or overlay."),
                ));
                "bridge"
            }
        };
        let subnet = optional(&self.subnet).and_then(|text| {
            Cidr::parse(text)
                .map_err(|e| problems.push(problem("subnet", e.into())))
                .ok()
        });
        let gateway = optional(&self.gateway).and_then(|text| {
            let checked = parse_address(text).and_then(|address| match &subnet {
                Some(subnet) => usable_in(subnet, address).map(|()| address),
                None => Err(Input::IpAddress.refuse(
                    "A gateway needs a subnet to sit in: fill in the subnet first.".into(),
                )),
            });
            checked
                .map_err(|e| problems.push(problem("gateway", e.into())))
                .ok()
        });
        let ip_range = optional(&self.ip_range).and_then(|text| {
            let checked = Cidr::parse(text).and_then(|range| match &subnet {
                Some(subnet) if subnet.contains_block(&range) => Ok(range),
                Some(subnet) => {
                    Err(Input::Subnet.refuse(format!("{range} is not inside the subnet {subnet}.")))
                }
                None => Err(Input::Subnet
                    .refuse("An IP range narrows a subnet: fill in the subnet first.".into())),
            });
            checked
                .map_err(|e| problems.push(problem("ip_range", e.into())))
                .ok()
        });
        let labels: Vec<(String, String)> = self
            .labels
            .lines()
            .filter(|l| !l.trim().is_empty())
            .filter_map(|l| {
                crate::container::run::parse_label(l)
                    .map_err(|e| problems.push(problem("labels", format!("Label: {e}"))))
                    .ok()
            })
            .collect();
        if !problems.is_empty() {
            // One message per field: the first is the one to fix first.
            problems.dedup_by(|a, b| a.field == b.field);
            return Err(problems);
        }
        Ok(NetworkCreate {
            name,
            driver: driver.into(),
            subnet: subnet.map(|s| s.to_string()),
            gateway: gateway.map(|g| g.to_string()),
            ip_range: ip_range.map(|r| r.to_string()),
            internal: self.internal,
            attachable: self.attachable,
            labels,
        })
    }
}

impl NetworkCreate {
    /// The same checks as the form's, for the backend: the request is re-read as a form and must come out equal.
    pub fn validate(&self) -> Result<(), FieldError> {
        let form = NetworkCreateForm {
            name: self.name.clone(),
            driver: self.driver.clone(),
            subnet: self.subnet.clone().unwrap_or_default(),
            gateway: self.gateway.clone().unwrap_or_default(),
            ip_range: self.ip_range.clone().unwrap_or_default(),
            internal: self.internal,
            attachable: self.attachable,
            labels: String::new(),
            swarm_manager: true,
        };
        form.request()
            .map(|_| ())
            .map_err(|mut problems| problems.remove(0))?;
        for (key, _) in &self.labels {
            crate::container::run::parse_label(&format!("{key}="))
                .map_err(|e| problem("labels", e.into()))?;
        }
        Ok(())
    }

    /// The `docker network create` command with the same effect.
    pub fn cli(&self) -> String {
        let mut words: Vec<String> = vec!["docker".into(), "network".into(), "create".into()];
        if self.driver != "bridge" && !self.driver.is_empty() {
            words.extend(["--driver".into(), self.driver.clone()]);
        }
        for (flag, value) in [
            ("--subnet", &self.subnet),
            ("--gateway", &self.gateway),
            ("--ip-range", &self.ip_range),
        ] {
            if let Some(value) = value {
                words.extend([flag.into(), value.clone()]);
            }
        }
        if self.internal {
            words.push("--internal".into());
        }
        if self.attachable {
            words.push("--attachable".into());
        }
        crate::container::run::join_with_labels_and_name(words, &self.labels, &self.name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(name: &str, subnet: &str, gateway: &str, range: &str) -> NetworkCreateForm {
        NetworkCreateForm {
            name: name.into(),
            subnet: subnet.into(),
            gateway: gateway.into(),
            ip_range: range.into(),
            ..Default::default()
        }
    }

    fn fields(form: &NetworkCreateForm) -> Vec<String> {
        form.problems().into_iter().map(|p| p.field).collect()
    }

    #[test]
    fn a_full_request_and_its_command() {
        let mut full = form("shop", "172.28.0.0/16", "172.28.0.1", "172.28.5.0/24");
        full.internal = true;
        full.labels = "team=web\n\n".into();
        let request = full.request().unwrap();
        assert_eq!(
            request.cli(),
            "docker network create --subnet 172.28.0.0/16 --gateway 172.28.0.1 --ip-range 172.28.5.0/24 \
             --internal --label team=web shop"
        );
        assert!(request.validate().is_ok());
        assert_eq!(
            form("plain", "", "", "").request().unwrap().cli(),
            "docker network create plain"
        );
    }

    #[test]
    fn addresses_must_agree() {
        assert_eq!(fields(&form("n", "", "10.0.0.1", "")), ["gateway"]);
        assert_eq!(fields(&form("n", "", "", "10.0.0.0/24")), ["ip_range"]);
        assert_eq!(
            fields(&form("n", "10.1.0.0/16", "10.2.0.1", "")),
            ["gateway"]
        );
        assert_eq!(
            fields(&form("n", "10.1.0.0/16", "10.1.0.0", "")),
            ["gateway"]
        );
        assert_eq!(
            fields(&form("n", "10.1.0.0/16", "", "10.0.0.0/8")),
            ["ip_range"]
        );
        assert_eq!(fields(&form("n", "10.1.0.5/16", "", "")), ["subnet"]);
        assert_eq!(fields(&form("", "bad", "", "")), ["name", "subnet"]);
        assert_eq!(
            fields(&form("n", "fd00::/64", "fd00::1", "")),
            Vec::<String>::new()
        );
        assert_eq!(fields(&form("n", "fd00::/64", "10.0.0.1", "")), ["gateway"]);
    }

    #[test]
    fn overlay_needs_a_swarm_manager() {
        let mut overlay = form("o", "", "", "");
        overlay.driver = "overlay".into();
        assert_eq!(fields(&overlay), ["driver"]);
        overlay.swarm_manager = true;
        overlay.attachable = true;
        assert_eq!(
            overlay.request().unwrap().cli(),
            "docker network create --driver overlay --attachable o"
        );
    }

    #[test]
    fn the_backend_recheck_refuses_a_forged_request() {
        let forged = NetworkCreate {
            name: "n".into(),
            driver: "bridge".into(),
            subnet: Some("10.1.0.0/16".into()),
            gateway: Some("10.9.0.1".into()),
            ..Default::default()
        };
        assert_eq!(forged.validate().unwrap_err().field, "gateway");
    }
}
