//! Networks (`docker network ls|create|inspect|rm`), with the containers attached to each. The engine's network
//! list leaves `Containers` empty, so the endpoints come from one container list, as the volumes' users do.
//!
//! Owns: listing, creating, inspecting and removing networks; `attach` owns connect and disconnect.
//! Invariant: every request is checked by the model's parsers here too, whatever the UI already checked.

use crate::error::{from_bollard, from_bollard_with};
use crate::Engine;
use bollard::models::{Ipam, IpamConfig, NetworkCreateRequest};
use bollard::query_parameters::{
    InspectNetworkOptions, ListContainersOptions, ListNetworksOptions,
};
use porthole_model::network::{Endpoint, NetworkCreate, NetworkSummary};
use porthole_model::{Action, ErrorKind, NetworkAction, PortholeError};
use std::collections::HashMap;

mod attach;

pub use attach::{connect, disconnect};

/// Every network, sorted by name, with the containers (any state) attached to it.
pub async fn list(engine: &Engine) -> Result<Vec<NetworkSummary>, PortholeError> {
    crate::as_action(Action::ListNetworks, list_quietly(engine)).await
}

/// `list` without a record of its own, for the other functions here that need the endpoints.
async fn list_quietly(engine: &Engine) -> Result<Vec<NetworkSummary>, PortholeError> {
    let networks = engine.docker.list_networks(None::<ListNetworksOptions>);
    let containers = engine.docker.list_containers(Some(ListContainersOptions {
        all: true,
        ..Default::default()
    }));
    let (networks, containers) = tokio::try_join!(networks, containers).map_err(from_bollard)?;
    let mut endpoints: HashMap<String, Vec<Endpoint>> = HashMap::new();
    for container in containers {
        let name = container
            .names
            .unwrap_or_default()
            .into_iter()
            .map(|n| n.trim_start_matches('/').to_owned())
            .find(|n| !n.contains('/'))
            .unwrap_or_default();
        let id = container.id.unwrap_or_default();
        let attached = container
            .network_settings
            .and_then(|s| s.networks)
            .unwrap_or_default();
        for (network, settings) in attached {
            // By id when the engine gives it (a name can be reused after a removal), else by name.
            let key = settings
                .network_id
                .clone()
                .filter(|i| !i.is_empty())
                .unwrap_or(network);
            endpoints.entry(key).or_default().push(Endpoint {
                container: name.clone(),
                container_id: id.clone(),
                ipv4: settings.ip_address.unwrap_or_default(),
                ipv6: settings.global_ipv6_address.unwrap_or_default(),
                mac: settings.mac_address.unwrap_or_default(),
            });
        }
    }
    let mut list: Vec<NetworkSummary> = networks
        .into_iter()
        .map(|network| {
            let mut summary = NetworkSummary::from(network);
            let mut attached = endpoints
                .remove(&summary.id)
                .or_else(|| endpoints.remove(&summary.name))
                .unwrap_or_default();
            attached.sort_by(|a, b| a.container.cmp(&b.container));
            summary.containers = attached;
            summary
        })
        .collect();
    list.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(list)
}

/// `docker network create`: the new network's id.
pub async fn create(engine: &Engine, request: &NetworkCreate) -> Result<String, PortholeError> {
    crate::as_action(
        Action::CreateNetwork {
            request: request.clone(),
        },
        async move {
            request
                .validate()
                .map_err(|e| PortholeError::invalid_input(e.message))?;
            let ipam = request.subnet.as_ref().map(|subnet| Ipam {
                config: Some(vec![IpamConfig {
                    subnet: Some(subnet.clone()),
                    gateway: request.gateway.clone(),
                    ip_range: request.ip_range.clone(),
                    ..Default::default()
                }]),
                ..Default::default()
            });
            let options = NetworkCreateRequest {
                name: request.name.clone(),
                driver: Some(request.driver.clone()),
                internal: Some(request.internal),
                attachable: Some(request.attachable),
                ipam,
                labels: Some(request.labels.iter().cloned().collect()),
                ..Default::default()
            };
            let name = request.name.clone();
            let error = match engine.docker.create_network(options).await {
                Ok(created) => return Ok(created.id),
                Err(error) => from_bollard(error).recognised(),
            };
            // Older engines answer a taken name with 403, newer ones with 409: ask whether the name is taken.
            let taken = matches!(error.kind, ErrorKind::Forbidden | ErrorKind::Conflict)
                && engine
                    .docker
                    .inspect_network(&name, None::<InspectNetworkOptions>)
                    .await
                    .is_ok();
            if taken {
                let mut error = error;
                error.kind = ErrorKind::Conflict;
                error.message =
                    format!("A network called {name} already exists: choose another name.");
                return Err(error);
            }
            Err(error)
        },
    )
    .await
}

/// `docker network inspect`: the engine's JSON, for the Inspect panel.
pub async fn inspect(engine: &Engine, network: &str) -> Result<String, PortholeError> {
    crate::as_action(
        Action::InspectNetwork {
            network: network.to_owned(),
        },
        async move {
            let network = engine
                .docker
                .inspect_network(network, None::<InspectNetworkOptions>)
                .await
                .map_err(from_bollard)?;
            Ok(serde_json::to_string_pretty(&network).unwrap_or_default())
        },
    )
    .await
}

/// Performs a network action: remove, connect, disconnect, or "disconnect these, then remove".
pub async fn act(
    engine: &Engine,
    network: &str,
    action: &NetworkAction,
) -> Result<(), PortholeError> {
    let recorded = Action::Network {
        network: network.to_owned(),
        action: action.clone(),
    };
    crate::as_action(recorded, async move {
        match action {
            NetworkAction::Remove => remove(engine, network).await,
            NetworkAction::Connect { request } => {
                if request.network != network {
                    return Err(PortholeError::invalid_input(
                        "The request names another network.",
                    ));
                }
                connect(engine, request).await
            }
            NetworkAction::Disconnect { container, force } => {
                disconnect(engine, network, container, *force).await
            }
            NetworkAction::DisconnectAllAndRemove { containers } => {
                for container in containers {
                    disconnect(engine, network, container, false).await?;
                }
                remove(engine, network).await
            }
        }
    })
    .await
}

/// `docker network rm`. The engine refuses a built-in network and one with containers attached (403 on older
/// engines, 409 on newer); the latter comes back as a conflict naming those containers, so the UI can offer to
/// disconnect exactly them.
async fn remove(engine: &Engine, network: &str) -> Result<(), PortholeError> {
    let Err(error) = engine.docker.remove_network(network).await else {
        return Ok(());
    };
    let mut error = from_bollard_with(error, |kind| {
        (kind == ErrorKind::NotFound)
            .then(|| format!("There is no network {network} on this engine (any more)."))
    });
    if matches!(error.kind, ErrorKind::Forbidden | ErrorKind::Conflict) {
        let attached: Vec<String> = list_quietly(engine)
            .await
            .ok()
            .and_then(|list| {
                list.into_iter()
                    .find(|n| n.name == network || n.id == network)
            })
            .map(|n| n.containers.into_iter().map(|e| e.container).collect())
            .unwrap_or_default();
        if porthole_model::network::BUILT_IN.contains(&network) {
            error.message =
                format!("{network} is one of the engine's own networks: it cannot be removed.");
        } else if !attached.is_empty() {
            error.kind = ErrorKind::Conflict;
            error.message = format!(
                "Containers are still attached to {network} ({}). Disconnect them first; they keep running.",
                attached.join(", ")
            );
            error.related = attached;
        }
    }
    Err(error)
}

/// `docker network rm A B …`: exactly the named networks, each on its own; the names removed. A refusal (a
/// container joined one meanwhile) is returned after the others were tried.
pub async fn remove_many(engine: &Engine, names: &[String]) -> Result<Vec<String>, PortholeError> {
    crate::as_action(
        Action::RemoveNetworks {
            names: names.to_vec(),
        },
        crate::remove_each::remove_each(names, |name| async move { remove(engine, &name).await }),
    )
    .await
}
