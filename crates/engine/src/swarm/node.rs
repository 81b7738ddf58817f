//! The swarm's nodes (`docker node ls`) and their updates: availability (active, pause, drain) and role (promote,
//! demote), each naming the spec version it changes so a concurrent change is refused, not lost.

use crate::error::from_bollard;
use crate::Engine;
use bollard::models::{NodeSpecAvailabilityEnum, NodeSpecRoleEnum};
use bollard::query_parameters::{ListNodesOptions, UpdateNodeOptions};
use porthole_model::swarm::{NodeSummary, SwarmAction};
use porthole_model::PortholeError;

/// Every node, managers first, then by hostname.
pub async fn list(engine: &Engine) -> Result<Vec<NodeSummary>, PortholeError> {
    let this = engine
        .docker
        .info()
        .await
        .map_err(from_bollard)?
        .swarm
        .and_then(|s| s.node_id)
        .unwrap_or_default();
    let nodes = engine
        .docker
        .list_nodes(None::<ListNodesOptions>)
        .await
        .map_err(from_bollard)?;
    let mut list: Vec<NodeSummary> = nodes
        .into_iter()
        .map(|node| {
            let spec = node.spec.unwrap_or_default();
            let description = node.description.unwrap_or_default();
            let status = node.status.unwrap_or_default();
            let manager = node.manager_status.unwrap_or_default();
            let mut labels: Vec<(String, String)> =
                spec.labels.unwrap_or_default().into_iter().collect();
            labels.sort();
            let id = node.id.unwrap_or_default();
            NodeSummary {
                this_node: id == this,
                id,
                hostname: description.hostname.unwrap_or_default(),
                role: spec.role.map(|r| r.to_string()).unwrap_or_default(),
                availability: spec.availability.map(|a| a.to_string()).unwrap_or_default(),
                status: status.state.map(|s| s.to_string()).unwrap_or_default(),
                reachability: manager
                    .reachability
                    .map(|r| r.to_string())
                    .unwrap_or_default(),
                leader: manager.leader.unwrap_or_default(),
                engine_version: description
                    .engine
                    .and_then(|e| e.engine_version)
                    .unwrap_or_default(),
                address: status.addr.unwrap_or_default(),
                labels,
                version: node.version.and_then(|v| v.index).unwrap_or_default(),
            }
        })
        .collect();
    list.sort_by(|a, b| {
        (a.role != "manager", &a.hostname).cmp(&(b.role != "manager", &b.hostname))
    });
    Ok(list)
}

/// Changes a node's availability, role or labels, keeping the rest of its spec (the version makes a change made
/// meanwhile by someone else a conflict rather than a silent overwrite).
pub(super) async fn update(engine: &Engine, action: &SwarmAction) -> Result<(), PortholeError> {
    let (node, version) = match action {
        SwarmAction::NodeAvailability { node, version, .. }
        | SwarmAction::NodeRole { node, version, .. }
        | SwarmAction::NodeLabels { node, version, .. } => (node, *version),
        _ => return Err(PortholeError::invalid_input("Not a node action.")),
    };
    let current = engine
        .docker
        .inspect_node(node)
        .await
        .map_err(from_bollard)?;
    let mut spec = current.spec.unwrap_or_default();
    match action {
        SwarmAction::NodeAvailability { availability, .. } => {
            spec.availability = Some(match availability.as_str() {
                "active" => NodeSpecAvailabilityEnum::ACTIVE,
                "pause" => NodeSpecAvailabilityEnum::PAUSE,
                "drain" => NodeSpecAvailabilityEnum::DRAIN,
                other => {
                    return Err(PortholeError::invalid_input(format!(
                        "{other:?}: active, pause or drain."
                    )))
                }
            });
        }
        SwarmAction::NodeRole { role, .. } => {
            spec.role = Some(match role.as_str() {
                "manager" => NodeSpecRoleEnum::MANAGER,
                "worker" => NodeSpecRoleEnum::WORKER,
                other => {
                    return Err(PortholeError::invalid_input(format!(
                        "{other:?}: manager or worker."
                    )))
                }
            });
        }
        SwarmAction::NodeLabels { add, remove, .. } => {
            let labels = spec.labels.get_or_insert_with(Default::default);
            for key in remove {
                labels.remove(key);
            }
            for (key, value) in add {
                labels.insert(key.clone(), value.clone());
            }
        }
        _ => {}
    }
    let options = UpdateNodeOptions {
        version: version as i64,
    };
    engine
        .docker
        .update_node(node, spec, options)
        .await
        .map_err(from_bollard)
}
