//! Engine-wide facts (`docker version`, `docker info`).
//!
//! This folder holds the engine itself: the connection and its endpoint, the transport that records each request,
//! the docker contexts (`context`), TLS to `tcp://` engines (`tls`), the event stream (`events`), each engine
//! followed live for the Engines overview (`overview`), where the disk went (`disk`), and (here)
//! `docker version` / `docker info`.

pub mod connection;
pub mod context;
pub mod disk;
pub mod endpoint;
pub mod events;
pub mod overview;
pub(crate) mod ssh;
pub mod tls;
pub(crate) mod transport;

use crate::error::from_bollard;
use crate::{volume, Engine};
use porthole_model::{EngineInfo, PortholeError};

/// What the Engine page shows. Three cheap requests in parallel: `/version`, `/info`, `/volumes`.
pub async fn info(engine: &Engine) -> Result<EngineInfo, PortholeError> {
    crate::as_action(porthole_model::Action::EngineInfo, async move {
        let (version, info, volumes) = tokio::try_join!(
            async { engine.docker.version().await.map_err(from_bollard) },
            async { engine.docker.info().await.map_err(from_bollard) },
            volume::names(engine),
        )?;
        Ok(EngineInfo {
            endpoint: engine.endpoint.host.clone(),
            endpoint_source: engine.endpoint.source.describe(),
            product: product(&version),
            version: version.version.unwrap_or_default(),
            api_version: version.api_version.unwrap_or_default(),
            negotiated_api_version: engine.api_version(),
            min_api_version: version.min_api_version.unwrap_or_default(),
            os: info.operating_system.unwrap_or_default(),
            os_type: info.os_type.unwrap_or_default(),
            kernel: info.kernel_version.unwrap_or_default(),
            architecture: info.architecture.unwrap_or_default(),
            storage_driver: info.driver.unwrap_or_default(),
            cgroup_version: info
                .cgroup_version
                .map(|v| v.to_string())
                .unwrap_or_default(),
            cpus: info.ncpu.unwrap_or_default(),
            memory_bytes: info.mem_total.unwrap_or_default(),
            containers_running: info.containers_running.unwrap_or_default(),
            containers_paused: info.containers_paused.unwrap_or_default(),
            // Docker's stopped count is every container neither running nor paused; Podman's leaves out the ones
            // only created, so it is worked out from the total, which both engines report the same way.
            containers_stopped: info
                .containers
                .map(|all| {
                    all - info.containers_running.unwrap_or_default()
                        - info.containers_paused.unwrap_or_default()
                })
                .or(info.containers_stopped)
                .unwrap_or_default(),
            images: info.images.unwrap_or_default(),
            volumes: volumes.len() as i64,
            name: info.name.unwrap_or_default(),
            root_dir: info.docker_root_dir.unwrap_or_default(),
            system_time: info.system_time.unwrap_or_default(),
            swarm_state: info
                .swarm
                .as_ref()
                .and_then(|s| s.local_node_state.as_ref())
                .map(|s| s.to_string())
                .unwrap_or_default(),
            swarm_manager: info
                .swarm
                .as_ref()
                .and_then(|s| s.control_available)
                .unwrap_or_default(),
        })
    })
    .await
}

/// `Podman` when Podman's engine answers (its `/version` names a "Podman Engine" component), else `Docker`.
fn product(version: &bollard::models::SystemVersion) -> String {
    let podman = version
        .components
        .iter()
        .flatten()
        .any(|component| component.name.starts_with("Podman"));
    if podman { "Podman" } else { "Docker" }.into()
}
