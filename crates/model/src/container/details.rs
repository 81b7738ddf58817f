//! One container as its page shows it (`docker inspect`): the overview's facts, plus the engine's own JSON for the
//! Inspect tab.

use crate::container::run::MountKind;
use crate::container::{ContainerState, PortMapping};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContainerDetails {
    pub id: String,
    pub name: String,
    /// As the user asked for it (`nginx:1.25`).
    pub image: String,
    pub image_id: String,
    pub state: ContainerState,
    pub exit_code: i64,
    /// `healthy`, `unhealthy` or `starting` when the image defines a health check.
    pub health: Option<String>,
    /// RFC 3339; the engine's zero time (`0001-01-01…`) when never started.
    pub started_at: String,
    pub finished_at: String,
    pub created: String,
    /// Entrypoint and command together, as the process is started.
    pub command: Vec<String>,
    pub ports: Vec<PortMapping>,
    /// The ports it asks for when it runs (`HostConfig.PortBindings`), known also while it is stopped.
    pub port_bindings: Vec<PortMapping>,
    pub mounts: Vec<MountInfo>,
    pub networks: Vec<NetworkAttachment>,
    pub restart_count: i64,
    pub restart_policy: String,
    pub env: Vec<(String, String)>,
    pub labels: Vec<(String, String)>,
    pub workdir: String,
    pub user: String,
    /// CPU and memory limits (`docker update` changes them).
    #[serde(default)]
    pub limits: crate::container::limits::ContainerLimits,
    /// The engine's answer, pretty-printed, for the Inspect tab.
    pub inspect_json: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MountInfo {
    pub kind: MountKind,
    /// The volume's name, or the host folder of a bind mount; empty for tmpfs.
    pub source: String,
    pub destination: String,
    pub read_only: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NetworkAttachment {
    pub network: String,
    /// Other names it answers to on this network (`--alias`), besides its own name.
    #[serde(default)]
    pub aliases: Vec<String>,
    pub ip: String,
    pub gateway: String,
    pub mac: String,
}

impl ContainerDetails {
    /// The time it started, when it ever did (the engine writes a zero year otherwise).
    pub fn started(&self) -> Option<chrono::DateTime<chrono::Utc>> {
        chrono::DateTime::parse_from_rfc3339(&self.started_at)
            .ok()
            .map(|t| t.with_timezone(&chrono::Utc))
            .filter(|t| chrono::Datelike::year(t) > 1)
    }

    /// The published ports a browser can open: `http://localhost:8080`.
    pub fn links(&self) -> Vec<String> {
        crate::container::port_links(&self.ports)
    }
}
