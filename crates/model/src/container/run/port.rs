//! Published ports (`-p`): what the run dialog's port rows and the CLI's `-p` text mean, checked before any request.
//!
//! Invariant: a `PortSpec` always has a container port in 1..=65535 and a known protocol; a host port of `None`
//! means "any free port", chosen by the engine.

use crate::input::{Input, InputError};

use serde::{Deserialize, Serialize};
use std::fmt;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Protocol {
    #[default]
    Tcp,
    Udp,
    Sctp,
}

impl Protocol {
    pub const ALL: [Protocol; 3] = [Protocol::Tcp, Protocol::Udp, Protocol::Sctp];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Tcp => "tcp",
            Self::Udp => "udp",
            Self::Sctp => "sctp",
        }
    }

    pub fn parse(text: &str) -> Result<Self, InputError> {
        match text.trim().to_ascii_lowercase().as_str() {
            "" | "tcp" => Ok(Self::Tcp),
            "udp" => Ok(Self::Udp),
            "sctp" => Ok(Self::Sctp),
            other => Err(Input::Protocol.refuse(format!(
                "{other:?} is not a protocol: use tcp, udp or sctp."
            ))),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct PortSpec {
    /// The host address to listen on; `None` is every address (`0.0.0.0` and `::`).
    pub host_ip: Option<String>,
    /// `None`: the engine picks a free port.
    pub host_port: Option<u16>,
    pub container_port: u16,
    pub protocol: Protocol,
}

/// A port number as typed: 1–65535.
pub fn parse_port(text: &str, what: &str) -> Result<u16, InputError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(Input::Port.refuse(format!("The {what} is missing.")));
    }
    if !text.chars().all(|c| c.is_ascii_digit()) {
        return Err(Input::Port.refuse(format!(
            "{text:?} is not a {what}: use a number from 1 to 65535."
        )));
    }
    match text.parse::<u32>() {
        Ok(port @ 1..=65535) => Ok(port as u16),
        _ => Err(Input::Port.refuse(format!(
            "{text} is out of range: a {what} is from 1 to 65535."
        ))),
    }
}

fn parse_ip(text: &str) -> Result<Option<String>, InputError> {
    let text = text.trim().trim_start_matches('[').trim_end_matches(']');
    if text.is_empty() {
        return Ok(None);
    }
    text.parse::<std::net::IpAddr>()
        .map(|ip| Some(ip.to_string()))
        .map_err(|_| {
            Input::HostAddress.refuse({
                format!(
                "{text:?} is not an IP address (e.g. 127.0.0.1 to publish on this machine only)."
            )
            })
        })
}

impl PortSpec {
    /// From the run dialog's separate fields; an empty host port is a random one, an empty host IP is every address.
    pub fn from_parts(
        host_ip: &str,
        host_port: &str,
        container_port: &str,
        protocol: &str,
    ) -> Result<Self, InputError> {
        Ok(Self {
            host_ip: parse_ip(host_ip)?,
            host_port: match host_port.trim() {
                "" => None,
                text => Some(parse_port(text, "host port")?),
            },
            container_port: parse_port(container_port, "container port")?,
            protocol: Protocol::parse(protocol)?,
        })
    }

    /// The CLI's `-p` forms: `80`, `8080:80`, `127.0.0.1:8080:80`, `127.0.0.1::80`, `[::1]:8080:80`, each with an
    /// optional `/udp`. Ranges are not accepted (one row per port).
    pub fn parse(text: &str) -> Result<Self, InputError> {
        let text = text.trim();
        let (body, protocol) = match text.rsplit_once('/') {
            Some((body, protocol)) => (body, protocol),
            None => (text, "tcp"),
        };
        if body.contains('-') {
            return Err(Input::PortMapping.refuse(format!(
                "{text:?}: port ranges are not supported here; add one row per port."
            )));
        }
        // An IPv6 host address is bracketed so its colons are not taken as separators.
        let (ip, rest) = match body.strip_prefix('[') {
            Some(after) => match after.split_once("]:") {
                Some((ip, rest)) => (ip, rest),
                None => {
                    return Err(Input::PortMapping.refuse(format!(
                        "{text:?}: an IPv6 address goes in brackets, e.g. [::1]:8080:80."
                    )))
                }
            },
            None => ("", body),
        };
        let parts: Vec<&str> = rest.split(':').collect();
        let (ip, host, container) = match (ip, parts.as_slice()) {
            ("", [container]) => ("", "", *container),
            ("", [host, container]) => ("", *host, *container),
            ("", [ip, host, container]) => (*ip, *host, *container),
            (ip, [host, container]) => (ip, *host, *container),
            _ => {
                return Err(Input::PortMapping.refuse(format!(
                    "{text:?} is not a port mapping: write HOST:CONTAINER, e.g. 8080:80."
                )))
            }
        };
        Self::from_parts(ip, host, container, protocol)
    }

    /// The key the engine uses for the container side: `80/tcp`.
    pub fn container_key(&self) -> String {
        format!("{}/{}", self.container_port, self.protocol.as_str())
    }

    /// Two rows clash when they ask for the same fixed host port and protocol on overlapping addresses.
    pub fn clashes_with(&self, other: &PortSpec) -> bool {
        let (Some(a), Some(b)) = (self.host_port, other.host_port) else {
            return false;
        };
        let every =
            |ip: &Option<String>| ip.as_deref().is_none_or(|ip| ip == "0.0.0.0" || ip == "::");
        a == b
            && self.protocol == other.protocol
            && (every(&self.host_ip) || every(&other.host_ip) || self.host_ip == other.host_ip)
    }
}

impl fmt::Display for PortSpec {
    /// The `-p` text, which `parse` reads back.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.host_ip {
            Some(ip) if ip.contains(':') => write!(f, "[{ip}]:")?,
            Some(ip) => write!(f, "{ip}:")?,
            None => {}
        }
        match (self.host_port, &self.host_ip) {
            (Some(port), _) => write!(f, "{port}:")?,
            (None, Some(_)) => write!(f, ":")?,
            (None, None) => {}
        }
        write!(f, "{}", self.container_port)?;
        if self.protocol != Protocol::Tcp {
            write!(f, "/{}", self.protocol.as_str())?;
        }
        Ok(())
    }
}
