//! Services (`docker service ls|create|scale|update|rollback|rm`) and their tasks (`docker service ps`). An update
//! reads the service's current spec and version and changes only what was asked, so the engine refuses (rather than
//! loses) a change made meanwhile.

use crate::error::{from_bollard, from_bollard_with};
use crate::swarm::service_spec::spec_of;
use crate::Engine;
use bollard::models::ServiceSpec;
use bollard::query_parameters::{
    InspectServiceOptions, ListServicesOptions, ListTasksOptions, UpdateServiceOptions,
};
use porthole_model::swarm::{ServiceSummary, SwarmAction, TaskSummary};
use porthole_model::{ErrorKind, PortholeError};
use std::collections::HashMap;

/// The label `docker stack deploy` puts on a stack's services.
const STACK_LABEL: &str = "com.docker.stack.namespace";

/// Every service by name, with running/desired tasks and its update's state.
pub async fn list(engine: &Engine) -> Result<Vec<ServiceSummary>, PortholeError> {
    let options = ListServicesOptions {
        status: Some(true),
        ..Default::default()
    };
    let services = engine
        .docker
        .list_services(Some(options))
        .await
        .map_err(from_bollard)?;
    let mut list: Vec<ServiceSummary> = services
        .into_iter()
        .map(|service| {
            let spec = service.spec.unwrap_or_default();
            let labels = spec.labels.clone().unwrap_or_default();
            let replicas = spec
                .mode
                .as_ref()
                .and_then(|m| m.replicated.as_ref())
                .map(|r| r.replicas.unwrap_or(1).max(0) as u64);
            let image = spec
                .task_template
                .and_then(|t| t.container_spec)
                .and_then(|c| c.image)
                .map(|i| i.split('@').next().unwrap_or_default().to_owned())
                .unwrap_or_default();
            let ports = service
                .endpoint
                .and_then(|e| e.ports)
                .unwrap_or_default()
                .into_iter()
                .map(|p| {
                    format!(
                        "{}:{}/{} ({})",
                        p.published_port.unwrap_or_default(),
                        p.target_port.unwrap_or_default(),
                        p.protocol
                            .map(|p| p.to_string())
                            .unwrap_or_else(|| "tcp".into()),
                        p.publish_mode
                            .map(|m| m.to_string())
                            .unwrap_or_else(|| "ingress".into())
                    )
                })
                .collect();
            let status = service.service_status.unwrap_or_default();
            let update = service.update_status.unwrap_or_default();
            ServiceSummary {
                id: service.id.unwrap_or_default(),
                name: spec.name.unwrap_or_default(),
                image,
                replicas,
                running: status.running_tasks.unwrap_or_default(),
                desired: status.desired_tasks.unwrap_or_default(),
                ports,
                update_state: update.state.map(|s| s.to_string()).unwrap_or_default(),
                update_message: update.message.unwrap_or_default(),
                stack: labels.get(STACK_LABEL).cloned(),
                version: service.version.and_then(|v| v.index).unwrap_or_default(),
            }
        })
        .collect();
    list.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(list)
}

/// `docker service inspect SERVICE`: the engine's JSON, for the service's spec tree.
pub async fn inspect(engine: &Engine, service: &str) -> Result<String, PortholeError> {
    let found = engine
        .docker
        .inspect_service(service, None::<InspectServiceOptions>)
        .await
        .map_err(from_bollard)?;
    serde_json::to_string_pretty(&found)
        .map_err(|e| PortholeError::of_kind(ErrorKind::Internal, e.to_string()))
}

/// The tasks of `service`, newest state first within each slot.
pub async fn tasks(engine: &Engine, service: &str) -> Result<Vec<TaskSummary>, PortholeError> {
    let options = ListTasksOptions {
        filters: Some(HashMap::from([(
            "service".to_owned(),
            vec![service.to_owned()],
        )])),
    };
    let tasks = engine
        .docker
        .list_tasks(Some(options))
        .await
        .map_err(from_bollard)?;
    let nodes =
        porthole_model::swarm::node_names(&super::node::list(engine).await.unwrap_or_default());
    let mut list: Vec<TaskSummary> = tasks
        .into_iter()
        .map(|task| {
            let status = task.status.unwrap_or_default();
            let node = task.node_id.unwrap_or_default();
            TaskSummary {
                id: task.id.unwrap_or_default(),
                slot: task.slot,
                node: nodes.get(&node).cloned().unwrap_or_else(|| node.clone()),
                node_id: node,
                desired_state: task
                    .desired_state
                    .map(|s| s.to_string())
                    .unwrap_or_default(),
                state: status.state.map(|s| s.to_string()).unwrap_or_default(),
                message: status.message.unwrap_or_default(),
                error: status.err.unwrap_or_default(),
                exit_code: status.container_status.and_then(|c| c.exit_code),
                since: status.timestamp.map(|t| t.to_string()).unwrap_or_default(),
                image: task
                    .spec
                    .and_then(|s| s.container_spec)
                    .and_then(|c| c.image)
                    .map(|i| i.split('@').next().unwrap_or_default().to_owned())
                    .unwrap_or_default(),
            }
        })
        .collect();
    list.sort_by(|a, b| {
        (a.slot, std::cmp::Reverse(&a.since)).cmp(&(b.slot, std::cmp::Reverse(&b.since)))
    });
    Ok(list)
}

/// Creates, scales, updates, rolls back or removes a service.
pub(super) async fn act(engine: &Engine, action: &SwarmAction) -> Result<(), PortholeError> {
    match action {
        SwarmAction::CreateService { request } => {
            request
                .check()
                .map_err(|e| PortholeError::invalid_input(e.message))?;
            let name = request.name.clone();
            engine
                .docker
                .create_service(spec_of(request), None)
                .await
                .map(|_| ())
                .map_err(|error| {
                    from_bollard_with(error, |kind| {
                        (kind == ErrorKind::Conflict)
                            .then(|| format!("A service called {name} already exists."))
                    })
                })
        }
        SwarmAction::Scale { service, replicas } => {
            update(engine, service, None, |spec| {
                match spec.mode.as_mut().and_then(|m| m.replicated.as_mut()) {
                    Some(replicated) => {
                        replicated.replicas = Some(*replicas as i64);
                        Ok(())
                    }
                    None => Err(PortholeError::invalid_input(format!(
                        "{service} is global: it runs one task per node and cannot be scaled."
                    ))),
                }
            })
            .await
        }
        SwarmAction::UpdateImage { service, image } => {
            let image = porthole_model::ImageReference::parse(image)
                .map_err(|e| PortholeError::invalid_input(e.to_string()))?
                .to_string();
            update(engine, service, None, |spec| {
                let container = spec
                    .task_template
                    .get_or_insert_with(Default::default)
                    .container_spec
                    .get_or_insert_with(Default::default);
                container.image = Some(image.clone());
                Ok(())
            })
            .await
        }
        SwarmAction::Rollback { service } => {
            update(engine, service, Some("previous".into()), |_| Ok(())).await
        }
        SwarmAction::RemoveService { service } => engine
            .docker
            .delete_service(service)
            .await
            .map_err(|error| {
                from_bollard_with(error, |kind| {
                    (kind == ErrorKind::NotFound)
                        .then(|| format!("There is no service {service} (any more)."))
                })
            }),
        _ => Err(PortholeError::invalid_input("Not a service action.")),
    }
}

/// `docker service logs -f --tail 200 SERVICE` through the docker CLI (the engine's service-logs endpoint merges
/// every task's output; bollard 0.19 does not offer it); `on_line` gets each line, false stops it.
pub async fn logs(
    engine: &Engine,
    service: &str,
    mut on_line: impl FnMut(String) -> bool,
) -> Result<(), PortholeError> {
    // A name, never a flag: it starts with a letter or digit.
    porthole_model::names::volume_name(service).map_err(PortholeError::invalid_input)?;
    let mut cli = tokio::process::Command::new("docker");
    cli.args(["service", "logs", "-f", "--tail", "200", service])
        .env("DOCKER_HOST", &engine.endpoint.host);
    crate::process::run_lines(cli, "docker service logs", &mut on_line).await
}

/// Reads `service`'s spec and version, lets `change` edit the spec, and sends it back naming that version.
async fn update(
    engine: &Engine,
    service: &str,
    rollback: Option<String>,
    change: impl FnOnce(&mut ServiceSpec) -> Result<(), PortholeError>,
) -> Result<(), PortholeError> {
    let current = engine
        .docker
        .inspect_service(service, None::<InspectServiceOptions>)
        .await
        .map_err(from_bollard)?;
    let mut spec = current.spec.unwrap_or_default();
    change(&mut spec)?;
    let options = UpdateServiceOptions {
        version: current.version.and_then(|v| v.index).unwrap_or_default() as i32,
        rollback,
        ..Default::default()
    };
    engine
        .docker
        .update_service(service, spec, options, None)
        .await
        .map(|_| ())
        .map_err(from_bollard)
}
