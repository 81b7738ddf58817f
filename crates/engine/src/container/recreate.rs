//! Recreating a container with a newer image (see `porthole_model::container::recreate` for the order of steps and
//! why), with the old one's settings as `settings` reads them.
//!
//! Invariant: until the new container runs, the old one is only stopped and renamed; every failure after that point
//! undoes both.

use super::settings::{create_body, run_cli};
use crate::error::from_bollard;
use crate::registry::credentials::Store;
use crate::Engine;
use bollard::models::{ContainerInspectResponse, EndpointSettings};
use bollard::query_parameters::{
    CreateContainerOptions, InspectContainerOptions, RemoveContainerOptions,
    RenameContainerOptions, StartContainerOptions, StopContainerOptions,
};
use porthole_model::container::recreate::{ComposeService, NewerImage, RecreatePlan, Recreated};
use porthole_model::{Action, ImageReference, PortholeError};

const PROJECT: &str = "com.docker.compose.project";
const SERVICE: &str = "com.docker.compose.service";
const FILES: &str = "com.docker.compose.project.config_files";

async fn inspect(
    engine: &Engine,
    container: &str,
) -> Result<ContainerInspectResponse, PortholeError> {
    engine
        .docker
        .inspect_container(container, None::<InspectContainerOptions>)
        .await
        .map_err(from_bollard)
}

/// A container run with `--rm` is removed by the engine as it stops — with its anonymous volumes — so it cannot be
/// parked while the new one starts.
fn refuse_auto_remove(old: &ContainerInspectResponse) -> Result<(), PortholeError> {
    match old.host_config.as_ref().and_then(|h| h.auto_remove) {
        Some(true) => Err(PortholeError::invalid_input(
            "This container was started with --rm: stopping it removes it (and its anonymous volumes), so it cannot \
             be recreated in place. Run a new container from the image instead.",
        )),
        _ => Ok(()),
    }
}

/// What a recreate of `container` would do.
pub async fn plan(engine: &Engine, container: &str) -> Result<RecreatePlan, PortholeError> {
    let old = inspect(engine, container).await?;
    refuse_auto_remove(&old)?;
    let labels = old
        .config
        .as_ref()
        .and_then(|c| c.labels.clone())
        .unwrap_or_default();
    let compose = match (labels.get(PROJECT), labels.get(SERVICE)) {
        (Some(project), Some(service)) => Some(ComposeService {
            project: project.clone(),
            service: service.clone(),
            files: labels
                .get(FILES)
                .map(|f| f.split(',').map(str::to_owned).collect())
                .unwrap_or_default(),
        }),
        _ => None,
    };
    let name = old
        .name
        .clone()
        .unwrap_or_default()
        .trim_start_matches('/')
        .to_owned();
    let body = create_body(engine, &old).await?;
    Ok(RecreatePlan {
        container: old.id.clone().unwrap_or_default(),
        run: run_cli(&name, &body),
        image: body.image.clone().unwrap_or_default(),
        running: old.state.as_ref().and_then(|s| s.running).unwrap_or(false),
        compose,
        name,
    })
}

/// "Check for a newer image": pulls the container's image reference and says which image it names now.
pub async fn check(
    engine: &Engine,
    store: &Store,
    container: &str,
) -> Result<NewerImage, PortholeError> {
    let old = inspect(engine, container).await?;
    let reference = old
        .config
        .as_ref()
        .and_then(|c| c.image.clone())
        .unwrap_or_default();
    let parsed = ImageReference::parse(&reference).map_err(|e| {
        PortholeError::invalid_input(format!(
            "The container was made from {reference}, which cannot be pulled by name: {e}"
        ))
    })?;
    crate::image::pull(engine, store, &parsed, None, |_| {}).await?;
    let latest = engine
        .docker
        .inspect_image(&reference)
        .await
        .map_err(from_bollard)?
        .id
        .unwrap_or_default();
    Ok(NewerImage {
        reference,
        current: old.image.unwrap_or_default(),
        latest,
    })
}

/// Recreates the container the plan names (see the module's invariant).
pub async fn recreate(engine: &Engine, plan: &RecreatePlan) -> Result<Recreated, PortholeError> {
    crate::as_action(Action::Recreate { plan: plan.clone() }, async {
        let docker = &engine.docker;
        let old = inspect(engine, &plan.container).await?;
        refuse_auto_remove(&old)?;
        let body = create_body(engine, &old).await?;
        let was_running = old.state.as_ref().and_then(|s| s.running).unwrap_or(false);
        let extra: Vec<(String, EndpointSettings)> = old
            .network_settings
            .and_then(|n| n.networks)
            .unwrap_or_default()
            .into_iter()
            .filter(|(name, _)| {
                Some(name)
                    != old
                        .host_config
                        .as_ref()
                        .and_then(|h| h.network_mode.as_ref())
            })
            .collect();
        if was_running {
            docker
                .stop_container(&plan.container, None::<StopContainerOptions>)
                .await
                .map_err(from_bollard)?;
        }
        let parked = plan.parked_name();
        let rename = |to: String| RenameContainerOptions { name: to };
        if let Err(e) = docker
            .rename_container(&plan.container, rename(parked.clone()))
            .await
        {
            undo(engine, plan, None, false, was_running).await;
            return Err(from_bollard(e));
        }
        let options = CreateContainerOptions {
            name: Some(plan.name.clone()),
            platform: String::new(),
        };
        let created = match docker.create_container(Some(options), body).await {
            Ok(created) => created.id,
            Err(e) => {
                undo(engine, plan, None, true, was_running).await;
                return Err(from_bollard(e));
            }
        };
        let mut result = Ok(());
        for (network, endpoint) in extra {
            let connect = bollard::models::NetworkConnectRequest {
                container: Some(created.clone()),
                // What `docker network connect` was given: aliases, a fixed address, links and driver options.
                endpoint_config: Some(EndpointSettings {
                    aliases: endpoint.aliases,
                    ipam_config: endpoint.ipam_config,
                    links: endpoint.links,
                    driver_opts: endpoint.driver_opts,
                    ..Default::default()
                }),
            };
            if let Err(e) = docker.connect_network(&network, connect).await {
                result = Err(from_bollard(e));
            }
        }
        if result.is_ok() {
            result = docker
                .start_container(&created, None::<StartContainerOptions>)
                .await
                .map_err(from_bollard);
        }
        if let Err(error) = result {
            undo(engine, plan, Some(&created), true, was_running).await;
            return Err(error);
        }
        let remove = RemoveContainerOptions {
            force: false,
            v: false,
            link: false,
        };
        docker
            .remove_container(&plan.container, Some(remove))
            .await
            .map_err(from_bollard)?;
        Ok(Recreated {
            id: created,
            started: true,
        })
    })
    .await
}

/// Puts the old container back: the new one removed, the old name returned, the old one started if it ran.
async fn undo(
    engine: &Engine,
    plan: &RecreatePlan,
    created: Option<&str>,
    renamed: bool,
    was_running: bool,
) {
    let docker = &engine.docker;
    if let Some(created) = created {
        let force = RemoveContainerOptions {
            force: true,
            v: false,
            link: false,
        };
        let _ = docker.remove_container(created, Some(force)).await;
    }
    if renamed {
        let _ = docker
            .rename_container(
                &plan.container,
                RenameContainerOptions {
                    name: plan.name.clone(),
                },
            )
            .await;
    }
    if was_running {
        let _ = docker
            .start_container(&plan.container, None::<StartContainerOptions>)
            .await;
    }
}
