//! Docker Swarm, the engine's own clustering: this engine's place in a swarm, init and leave, the join tokens
//! (`mod`), the nodes (`node`), and the services with their tasks (`service`). Plain async functions over bollard,
//! each run as its `SwarmAction` so the activity console shows the `docker swarm|node|service` command.

use crate::error::from_bollard;
use crate::Engine;
use bollard::models::{SwarmInitRequest, SwarmJoinRequest};
use bollard::query_parameters::{LeaveSwarmOptions, ListNetworksOptions};
use porthole_model::swarm::{JoinTokens, SwarmAction, SwarmInfo};
use porthole_model::{Action, ErrorKind, PortholeError};

pub mod node;
pub mod service;
mod service_spec;
pub mod stack;

/// This engine's swarm state, with the join tokens when it is a manager and the addresses it could advertise.
pub async fn info(engine: &Engine) -> Result<SwarmInfo, PortholeError> {
    let system = engine.docker.info().await.map_err(from_bollard)?;
    let swarm = system.swarm.unwrap_or_default();
    let state = swarm
        .local_node_state
        .map(|s| s.to_string())
        .unwrap_or_default();
    let manager = swarm.control_available.unwrap_or_default();
    let join = if manager {
        let inspect = engine.docker.inspect_swarm().await.map_err(from_bollard)?;
        let tokens = inspect.join_tokens.unwrap_or_default();
        let address = swarm
            .remote_managers
            .unwrap_or_default()
            .into_iter()
            .find_map(|m| m.addr)
            .or_else(|| swarm.node_addr.clone().map(|a| format!("{a}:2377")))
            .unwrap_or_default();
        Some(JoinTokens {
            worker: tokens.worker.unwrap_or_default(),
            manager: tokens.manager.unwrap_or_default(),
            address,
        })
    } else {
        None
    };
    Ok(SwarmInfo {
        state,
        manager,
        node_id: swarm.node_id.unwrap_or_default(),
        nodes: swarm.nodes.unwrap_or_default(),
        managers: swarm.managers.unwrap_or_default(),
        join,
        addresses: addresses(engine).await,
    })
}

/// Addresses other engines could reach this one at: a remote engine's own address, the default bridge's gateway
/// (the host as its containers see it), and loopback for a swarm of this machine alone.
async fn addresses(engine: &Engine) -> Vec<String> {
    let mut found = Vec::new();
    if let Some(rest) = engine.endpoint.host.strip_prefix("tcp://") {
        if let Some((host, _)) = rest.rsplit_once(':') {
            found.push(host.trim_matches(['[', ']']).to_owned());
        }
    }
    if let Ok(networks) = engine
        .docker
        .list_networks(None::<ListNetworksOptions>)
        .await
    {
        let gateway = networks
            .into_iter()
            .find(|n| n.name.as_deref() == Some("bridge"))
            .and_then(|n| n.ipam)
            .and_then(|ipam| ipam.config)
            .and_then(|configs| configs.into_iter().find_map(|c| c.gateway));
        found.extend(gateway);
    }
    found.push("127.0.0.1".into());
    found.dedup();
    found
}

/// Performs one Swarm action.
pub async fn act(engine: &Engine, action: &SwarmAction) -> Result<(), PortholeError> {
    let recorded = Action::Swarm {
        action: action.clone(),
    };
    crate::as_action(recorded, async move {
        match action {
            SwarmAction::Init { advertise, listen } => {
                let address = advertise.trim();
                if address.is_empty() || address.contains(char::is_whitespace) {
                    return Err(PortholeError::invalid_input(
                        "Choose the address other engines reach this one at.",
                    ));
                }
                let request = SwarmInitRequest {
                    advertise_addr: Some(address.to_owned()),
                    listen_addr: Some(listen.clone()),
                    ..Default::default()
                };
                engine
                    .docker
                    .init_swarm(request)
                    .await
                    .map(|_| ())
                    .map_err(|error| {
                        let mut error = from_bollard(error);
                        if error.kind == ErrorKind::Conflict || error.kind == ErrorKind::Forbidden {
                            error.message = "This engine is already part of a swarm.".into();
                        }
                        error
                    })
            }
            SwarmAction::Join {
                remote,
                token,
                advertise,
                listen,
            } => {
                let request = SwarmJoinRequest {
                    listen_addr: Some(listen.clone()),
                    advertise_addr: Some(advertise.clone()),
                    remote_addrs: Some(vec![remote.clone()]),
                    join_token: Some(token.clone()),
                    ..Default::default()
                };
                engine
                    .docker
                    .join_swarm(request)
                    .await
                    .map_err(from_bollard)
            }
            SwarmAction::Leave { force } => engine
                .docker
                .leave_swarm(Some(LeaveSwarmOptions { force: *force }))
                .await
                .map_err(from_bollard),
            SwarmAction::NodeAvailability { .. }
            | SwarmAction::NodeRole { .. }
            | SwarmAction::NodeLabels { .. } => node::update(engine, action).await,
            other => service::act(engine, other).await,
        }
    })
    .await
}
