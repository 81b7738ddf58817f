//! One container as the lists show it, and the rules of its lifecycle state.
//!
//! This folder holds everything about containers: the list (`list`), one container's details, logs, stats,
//! processes and terminal, the run request (`run`) and the status words (`status`).

pub mod chart;
pub mod details;
pub mod files;
pub mod limits;
pub mod list;
pub mod log_buffer;
pub mod logs;
pub mod processes;
pub mod reads;
pub mod recreate;
pub mod run;
pub mod stats;
pub mod status;
pub mod stop;
pub mod terminal;

use serde::{Deserialize, Serialize};

/// The engine's container state (`State` in `GET /containers/json`). Unknown strings map to `Unknown` rather than
/// failing, so a newer engine never breaks the list.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ContainerState {
    Created,
    Running,
    Paused,
    Restarting,
    Removing,
    Exited,
    Dead,
    #[default]
    Unknown,
}

impl ContainerState {
    /// Parses the engine's lowercase state word; anything unexpected is `Unknown`.
    pub fn parse(word: &str) -> Self {
        match word.to_ascii_lowercase().as_str() {
            "created" => Self::Created,
            "running" => Self::Running,
            "paused" => Self::Paused,
            "restarting" => Self::Restarting,
            "removing" => Self::Removing,
            "exited" => Self::Exited,
            "dead" => Self::Dead,
            _ => Self::Unknown,
        }
    }

    /// The word Docker itself uses, for badges and filters.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Created => "created",
            Self::Running => "running",
            Self::Paused => "paused",
            Self::Restarting => "restarting",
            Self::Removing => "removing",
            Self::Exited => "exited",
            Self::Dead => "dead",
            Self::Unknown => "unknown",
        }
    }

    /// `docker ps` without `-a` shows exactly these: everything whose process is alive, paused included.
    pub fn is_running(self) -> bool {
        matches!(self, Self::Running | Self::Paused | Self::Restarting)
    }

    /// Stopped for the engine page's counts: `docker info` counts created, exited and dead as stopped.
    pub fn is_stopped(self) -> bool {
        matches!(self, Self::Created | Self::Exited | Self::Dead)
    }

    pub fn can_start(self) -> bool {
        matches!(self, Self::Created | Self::Exited)
    }

    pub fn can_stop(self) -> bool {
        matches!(self, Self::Running | Self::Restarting | Self::Paused)
    }

    pub fn can_pause(self) -> bool {
        self == Self::Running
    }

    pub fn can_unpause(self) -> bool {
        self == Self::Paused
    }

    /// The engine refuses to remove a running container without force; the UI offers force instead of failing.
    pub fn needs_force_to_remove(self) -> bool {
        matches!(self, Self::Running | Self::Paused | Self::Restarting)
    }
}

/// One published or exposed port of a container (`Ports` in `GET /containers/json`).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct PortMapping {
    pub host_ip: Option<String>,
    pub host_port: Option<u16>,
    pub container_port: u16,
    /// `tcp`, `udp` or `sctp`.
    pub protocol: String,
}

impl PortMapping {
    /// Docker's own notation: `0.0.0.0:8080->80/tcp`, or `80/tcp` when only exposed.
    pub fn label(&self) -> String {
        match (self.host_port, &self.host_ip) {
            (Some(host), Some(ip)) if !ip.is_empty() => {
                let ip = if ip.contains(':') {
                    format!("[{ip}]")
                } else {
                    ip.clone()
                };
                format!("{ip}:{host}->{}/{}", self.container_port, self.protocol)
            }
            (Some(host), _) => format!("{host}->{}/{}", self.container_port, self.protocol),
            (None, _) => format!("{}/{}", self.container_port, self.protocol),
        }
    }

    /// The engine reports one row per address family (0.0.0.0 and ::) for the same binding; the list shows one.
    pub fn dedup_families(ports: &mut Vec<PortMapping>) {
        ports.sort_by(|a, b| {
            (a.container_port, &a.protocol, a.host_port, is_v6(a)).cmp(&(
                b.container_port,
                &b.protocol,
                b.host_port,
                is_v6(b),
            ))
        });
        ports.dedup_by(|later, earlier| {
            later.container_port == earlier.container_port
                && later.protocol == earlier.protocol
                && later.host_port == earlier.host_port
                && is_wildcard(later)
                && is_wildcard(earlier)
        });
    }
}

fn is_v6(port: &PortMapping) -> bool {
    port.host_ip.as_deref().is_some_and(|ip| ip.contains(':'))
}

fn is_wildcard(port: &PortMapping) -> bool {
    matches!(
        port.host_ip.as_deref(),
        None | Some("") | Some("0.0.0.0") | Some("::")
    )
}

/// A container as `docker ps` lists it. Sizes are deliberately absent: asking the engine for them walks every
/// container's writable layer and is far too slow for a live list.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContainerSummary {
    pub id: String,
    /// The primary name without the engine's leading `/`.
    pub name: String,
    /// The image as the user asked for it (`nginx:latest`), or the image id when it has no name any more.
    pub image: String,
    pub image_id: String,
    pub command: String,
    pub state: ContainerState,
    /// The engine's human status, e.g. `Up 3 minutes` or `Exited (0) 2 hours ago`.
    pub status: String,
    pub ports: Vec<PortMapping>,
    /// Unix seconds.
    pub created: i64,
    /// `com.docker.compose.project`, when the container belongs to a compose project.
    pub compose_project: Option<String>,
    /// The compose service it runs (`com.docker.compose.service`), when a project made it.
    #[serde(default)]
    pub compose_service: Option<String>,
}

impl ContainerSummary {
    pub fn short_id(&self) -> &str {
        short_id(&self.id)
    }

    pub fn ports_label(&self) -> String {
        self.ports
            .iter()
            .map(PortMapping::label)
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// The 12-character id Docker prints, without any `sha256:` prefix.
pub fn short_id(id: &str) -> &str {
    let id = id.strip_prefix("sha256:").unwrap_or(id);
    id.get(..12).unwrap_or(id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn state_parses_every_engine_word_and_tolerates_new_ones() {
        for word in [
            "created",
            "running",
            "paused",
            "restarting",
            "removing",
            "exited",
            "dead",
        ] {
            assert_eq!(ContainerState::parse(word).as_str(), word);
        }
        assert_eq!(ContainerState::parse("Running"), ContainerState::Running);
        assert_eq!(
            ContainerState::parse("hibernating"),
            ContainerState::Unknown
        );
    }

    #[test]
    fn lifecycle_rules() {
        use ContainerState::*;
        assert!(Running.can_stop() && !Running.can_start());
        assert!(Exited.can_start() && !Exited.can_stop());
        assert!(Paused.can_unpause() && !Paused.can_pause() && Paused.can_stop());
        assert!(Created.can_start() && Created.is_stopped());
        assert!(Running.needs_force_to_remove() && !Exited.needs_force_to_remove());
        assert!(Paused.is_running() && !Dead.is_running() && Dead.is_stopped());
    }

    fn port(ip: Option<&str>, host: Option<u16>, container: u16) -> PortMapping {
        PortMapping {
            host_ip: ip.map(str::to_owned),
            host_port: host,
            container_port: container,
            protocol: "tcp".into(),
        }
    }

    #[test]
    fn port_labels_follow_docker_notation() {
        assert_eq!(
            port(Some("0.0.0.0"), Some(8080), 80).label(),
            "0.0.0.0:8080->80/tcp"
        );
        assert_eq!(
            port(Some("::"), Some(8080), 80).label(),
            "[::]:8080->80/tcp"
        );
        assert_eq!(port(None, None, 80).label(), "80/tcp");
    }

    #[test]
    fn dual_stack_bindings_collapse_to_one() {
        let mut ports = vec![
            port(Some("::"), Some(8080), 80),
            port(Some("0.0.0.0"), Some(8080), 80),
        ];
        PortMapping::dedup_families(&mut ports);
        assert_eq!(ports, vec![port(Some("0.0.0.0"), Some(8080), 80)]);
        let mut distinct = vec![
            port(Some("127.0.0.1"), Some(1), 80),
            port(Some("0.0.0.0"), Some(2), 80),
        ];
        PortMapping::dedup_families(&mut distinct);
        assert_eq!(distinct.len(), 2);
    }

    #[test]
    fn short_ids() {
        assert_eq!(short_id("sha256:0123456789abcdef"), "0123456789ab");
        assert_eq!(short_id("abc"), "abc");
    }
}

/// The published TCP ports as addresses a browser can open — the learner's notes' `curl http://localhost:80`.
/// A port published on every address is opened on `localhost`.
pub fn port_links(ports: &[PortMapping]) -> Vec<String> {
    let mut links: Vec<String> = ports
        .iter()
        .filter(|p| p.protocol == "tcp")
        .filter_map(|p| {
            let port = p.host_port?;
            let host = match p.host_ip.as_deref() {
                None | Some("") | Some("0.0.0.0") | Some("::") => "localhost".to_owned(),
                Some(ip) if ip.contains(':') => format!("[{ip}]"),
                Some(ip) => ip.to_owned(),
            };
            Some(format!("http://{host}:{port}"))
        })
        .collect();
    links.dedup();
    links
}

/// Whether two bindings want the same host port on overlapping addresses (every address overlaps any).
pub fn bindings_clash(a: &PortMapping, b: &PortMapping) -> bool {
    let every = |p: &PortMapping| {
        matches!(
            p.host_ip.as_deref(),
            None | Some("") | Some("0.0.0.0") | Some("::")
        )
    };
    a.host_port.is_some()
        && a.host_port == b.host_port
        && a.protocol == b.protocol
        && (every(a) || every(b) || a.host_ip == b.host_ip)
}

/// For each stopped container (with the ports it asks for), the running containers that hold one of those host
/// ports: starting it would fail until they stop. `(stopped, port, protocol, holders)`.
pub fn port_clashes(
    running: &[ContainerSummary],
    stopped: &[(String, Vec<PortMapping>)],
) -> Vec<(String, u16, String, Vec<String>)> {
    let mut clashes = Vec::new();
    for (name, wanted) in stopped {
        for want in wanted {
            let holders: Vec<String> = running
                .iter()
                .filter(|c| {
                    c.state.is_running() && c.ports.iter().any(|held| bindings_clash(want, held))
                })
                .map(|c| c.name.clone())
                .collect();
            if let (false, Some(port)) = (holders.is_empty(), want.host_port) {
                clashes.push((name.clone(), port, want.protocol.clone(), holders));
            }
        }
    }
    clashes.dedup();
    clashes
}

#[cfg(test)]
mod port_tests;
