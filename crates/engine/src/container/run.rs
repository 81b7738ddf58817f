//! `docker run -d`: pull the image when it is not here yet, create the container from a `RunRequest`, start it.
//!
//! Invariant: a request that fails to start leaves nothing behind — the created container is removed again, so the
//! user can fix the form (a taken port, a missing command) and press Run with the same name.

use crate::error::from_bollard_with;
use crate::registry::credentials::Store;
use crate::Engine;
use bollard::models::{
    ContainerCreateBody, HostConfig, Mount, MountTmpfsOptions, MountTypeEnum, PortBinding,
};
use bollard::models::{RestartPolicy as EngineRestart, RestartPolicyNameEnum};
use bollard::query_parameters::{
    CreateContainerOptions, RemoveContainerOptions, StartContainerOptions,
};
use porthole_model::container::run::{MountSpec, RestartPolicy, RunRequest};
use porthole_model::{ErrorKind, ImageReference, PortholeError};
use std::collections::HashMap;

/// Creates and starts the container; returns its id.
pub async fn run(
    engine: &Engine,
    store: &Store,
    request: &RunRequest,
) -> Result<String, PortholeError> {
    crate::as_action(porthole_model::Action::Run { request: request.clone() }, async move {
        if let Some(problem) = request.validate(&[]).into_iter().next() {
            return Err(PortholeError::of_kind(
                ErrorKind::InvalidInput,
                problem.message,
            ));
        }
        let image = request.image.trim();
        if engine.docker.inspect_image(image).await.is_err() {
            let reference = ImageReference::parse(image).map_err(|problem| {
                PortholeError::of_kind(ErrorKind::InvalidInput, problem.to_string())
            })?;
            crate::image::pull(engine, store, &reference, None, |_| {}).await?;
        }
        let options = CreateContainerOptions {
            name: Some(request.name.trim().to_owned()).filter(|n| !n.is_empty()),
            ..Default::default()
        };
        let created = engine
            .docker
            .create_container(Some(options), body(request))
            .await
            .map_err(|error| from_bollard_with(error, create_sentence))?;
        if let Err(error) = engine
            .docker
            .start_container(&created.id, None::<StartContainerOptions>)
            .await
        {
            let remove = RemoveContainerOptions {
                force: true,
                v: true,
                ..Default::default()
            };
            let _ = engine
                .docker
                .remove_container(&created.id, Some(remove))
                .await;
            let mut error = from_bollard_with(error, |_| {
                Some(
                    "The container was created but could not start, so it was removed again. The detail below says why \
                     — often a host port that is already taken, a host folder that does not exist, or a command the \
                     image does not have."
                        .into(),
                )
            });
            if error.diagnosis.is_some() {
                error.message = format!(
                    "The container could not start, so it was removed again. {}",
                    error.message
                );
            }
            return Err(error);
        }
        Ok(created.id)
    })
    .await
}

fn create_sentence(kind: ErrorKind) -> Option<String> {
    Some(match kind {
        ErrorKind::Conflict => "A container with that name already exists: choose another name, or remove it first.",
        ErrorKind::NotFound => "The image or a network named in the form does not exist on this engine.",
        ErrorKind::InvalidInput => "The engine refused the settings; the detail below names the one it rejects.",
        _ => return None,
    }
    .into())
}

/// The engine's create body, field for field from the request.
pub fn body(request: &RunRequest) -> ContainerCreateBody {
    let mut exposed: HashMap<String, HashMap<(), ()>> = HashMap::new();
    let mut bindings: HashMap<String, Option<Vec<PortBinding>>> = HashMap::new();
    for port in &request.ports {
        exposed.insert(port.container_key(), HashMap::new());
        bindings
            .entry(port.container_key())
            .or_insert_with(|| Some(Vec::new()))
            .get_or_insert_with(Vec::new)
            .push(PortBinding {
                host_ip: port.host_ip.clone(),
                // An empty host port asks the engine for any free one.
                host_port: Some(port.host_port.map(|p| p.to_string()).unwrap_or_default()),
            });
    }
    let mounts = request.mounts.iter().map(mount).collect::<Vec<_>>();
    let restart = match request.restart {
        RestartPolicy::No => None,
        policy => Some(EngineRestart {
            name: Some(match policy {
                RestartPolicy::Always => RestartPolicyNameEnum::ALWAYS,
                RestartPolicy::UnlessStopped => RestartPolicyNameEnum::UNLESS_STOPPED,
                _ => RestartPolicyNameEnum::ON_FAILURE,
            }),
            maximum_retry_count: match policy {
                RestartPolicy::OnFailure { max_retries } => Some(i64::from(max_retries)),
                _ => None,
            },
        }),
    };
    let text = |value: &str| Some(value.trim().to_owned()).filter(|v| !v.is_empty());
    ContainerCreateBody {
        image: Some(request.image.trim().to_owned()),
        cmd: Some(request.command.clone()).filter(|c| !c.is_empty()),
        entrypoint: request.entrypoint.clone(),
        env: Some(porthole_model::container::run::env_lines(&request.env)),
        labels: Some(request.labels.iter().cloned().collect()),
        working_dir: text(&request.workdir),
        user: text(&request.user),
        exposed_ports: Some(exposed).filter(|e| !e.is_empty()),
        host_config: Some(HostConfig {
            port_bindings: Some(bindings).filter(|b| !b.is_empty()),
            mounts: Some(mounts).filter(|m| !m.is_empty()),
            restart_policy: restart,
            auto_remove: Some(request.auto_remove),
            network_mode: text(&request.network),
            nano_cpus: request.nano_cpus,
            memory: request.memory.map(|m| m as i64),
            ..Default::default()
        }),
        ..Default::default()
    }
}

fn mount(spec: &MountSpec) -> Mount {
    match spec {
        MountSpec::Volume {
            name,
            target,
            read_only,
        } => Mount {
            typ: Some(MountTypeEnum::VOLUME),
            source: Some(name.clone()).filter(|n| !n.is_empty()),
            target: Some(target.clone()),
            read_only: Some(*read_only),
            ..Default::default()
        },
        MountSpec::Bind {
            source,
            target,
            read_only,
        } => Mount {
            typ: Some(MountTypeEnum::BIND),
            source: Some(source.clone()),
            target: Some(target.clone()),
            read_only: Some(*read_only),
            ..Default::default()
        },
        MountSpec::Tmpfs { target, size } => Mount {
            typ: Some(MountTypeEnum::TMPFS),
            target: Some(target.clone()),
            tmpfs_options: size.map(|bytes| MountTmpfsOptions {
                size_bytes: i64::try_from(bytes).ok(),
                ..Default::default()
            }),
            ..Default::default()
        },
    }
}
