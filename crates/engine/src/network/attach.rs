//! `docker network connect` and `disconnect`: a container joins a network (with aliases and a fixed address when
//! asked) or leaves it. A running container keeps running either way.

use crate::error::{from_bollard, from_bollard_with};
use crate::Engine;
use bollard::models::{
    EndpointIpamConfig, EndpointSettings, NetworkConnectRequest, NetworkDisconnectRequest,
};
use bollard::query_parameters::InspectContainerOptions;
use porthole_model::network::NetworkConnect;
use porthole_model::{ErrorKind, PortholeError};

/// Attaches `request.container` to `request.network`.
pub async fn connect(engine: &Engine, request: &NetworkConnect) -> Result<(), PortholeError> {
    request
        .validate()
        .map_err(|e| PortholeError::invalid_input(e.message))?;
    let ip = request.ip.clone();
    let ipam_config = ip.as_ref().map(|ip| EndpointIpamConfig {
        ipv4_address: Some(ip.clone()).filter(|ip| !ip.contains(':')),
        ipv6_address: Some(ip.clone()).filter(|ip| ip.contains(':')),
        ..Default::default()
    });
    let config = NetworkConnectRequest {
        container: Some(request.container.clone()),
        endpoint_config: Some(EndpointSettings {
            aliases: Some(request.aliases.clone()).filter(|a| !a.is_empty()),
            ipam_config,
            ..Default::default()
        }),
    };
    let (network, container) = (&request.network, &request.container);
    engine
        .docker
        .connect_network(network, config)
        .await
        .map_err(|error| {
            from_bollard_with(error, |kind| match kind {
                ErrorKind::NotFound => Some(format!(
                    "{container} or the network {network} is not on this engine (any more)."
                )),
                ErrorKind::Forbidden if ip.is_some() => Some(format!(
                    "{network} cannot give a fixed address: only networks created with a subnet of your own \
                     (--subnet) can, and not the default bridge."
                )),
                ErrorKind::Forbidden | ErrorKind::Conflict => {
                    Some(format!("{container} is already attached to {network}, or the network does not take containers."))
                }
                _ => None,
            })
        })
}

/// Detaches `container` from `network`; `force` also when the engine thinks the endpoint is still busy.
pub async fn disconnect(
    engine: &Engine,
    network: &str,
    container: &str,
    force: bool,
) -> Result<(), PortholeError> {
    let config = NetworkDisconnectRequest {
        container: Some(container.to_owned()),
        force: Some(force),
    };
    let Err(error) = engine.docker.disconnect_network(network, config).await else {
        return Ok(());
    };
    let mut error = from_bollard(error);
    if error.kind == ErrorKind::EngineUnavailable {
        return Err(error);
    }
    // Engines answer "not attached" with 403, 404 or even 500 depending on their version: ask the container.
    let attached = engine
        .docker
        .inspect_container(container, None::<InspectContainerOptions>)
        .await
        .ok()
        .map(|inspect| {
            inspect
                .network_settings
                .and_then(|s| s.networks)
                .unwrap_or_default()
                .into_iter()
                .any(|(name, settings)| {
                    name == network || settings.network_id.as_deref() == Some(network)
                })
        });
    match attached {
        Some(false) => {
            error.kind = ErrorKind::NotFound;
            error.message = format!("{container} is not attached to {network} (any more).");
        }
        None => {
            error.kind = ErrorKind::NotFound;
            error.message = format!("There is no container {container} on this engine (any more).");
        }
        Some(true) => {}
    }
    Err(error)
}
