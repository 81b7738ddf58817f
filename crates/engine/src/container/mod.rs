//! One container: its details (`docker inspect`) and lifecycle — start, stop, kill, restart, pause, unpause, rename,
//! remove. Each failure gets a sentence
//! specific to the action, chosen by the error's kind (from the engine's status code).
//!
//! This folder holds everything done to containers: the list (`list`), `run`, logs, stats, processes and the
//! terminal (`exec`), its files (`files`, `copy`, both reading `archive`) and writable layer (`layers`); this file the
//! lifecycle actions and inspect.

mod archive;
pub mod copy;
pub mod exec;
pub mod files;
pub mod layers;
pub mod list;
pub mod logs;
pub mod processes;
pub mod recreate;
pub mod run;
mod settings;
pub mod stats;
mod update;

use crate::error::from_bollard_with;
use crate::Engine;
use bollard::query_parameters::{
    InspectContainerOptions, KillContainerOptions, RemoveContainerOptions, RenameContainerOptions,
    RestartContainerOptions, StopContainerOptions,
};
use porthole_model::{ContainerAction, ContainerDetails, ErrorKind, PortholeError};

/// `docker inspect`: everything the container page shows.
pub async fn details(engine: &Engine, id: &str) -> Result<ContainerDetails, PortholeError> {
    crate::as_action(
        porthole_model::Action::InspectContainer {
            container: id.to_owned(),
        },
        async move {
            engine
                .docker
                .inspect_container(id, None::<InspectContainerOptions>)
                .await
                .map(ContainerDetails::from)
                .map_err(crate::error::from_bollard)
        },
    )
    .await
}

/// Performs `action` on the container `id` (an id or a name).
pub async fn perform(
    engine: &Engine,
    id: &str,
    action: &ContainerAction,
) -> Result<(), PortholeError> {
    // The window checks limits as they are typed; the backend checks them again before any request.
    if let ContainerAction::Update { limits } = action {
        limits
            .validate()
            .map_err(|e| PortholeError::invalid_input(e.message))?;
    }
    crate::as_action(
        porthole_model::Action::Container {
            container: id.to_owned(),
            action: action.clone(),
        },
        async move {
            let docker = &engine.docker;
            let result = match action {
                ContainerAction::Start => {
                    docker
                        .start_container(
                            id,
                            None::<bollard::query_parameters::StartContainerOptions>,
                        )
                        .await
                }
                ContainerAction::Stop { timeout_secs } => {
                    let options = StopContainerOptions {
                        t: timeout_secs.map(|t| t as i32),
                        signal: None,
                    };
                    docker.stop_container(id, Some(options)).await
                }
                ContainerAction::Kill { signal } => {
                    docker
                        .kill_container(
                            id,
                            Some(KillContainerOptions {
                                signal: signal.clone(),
                            }),
                        )
                        .await
                }
                ContainerAction::Restart => {
                    docker
                        .restart_container(id, None::<RestartContainerOptions>)
                        .await
                }
                ContainerAction::Pause => docker.pause_container(id).await,
                ContainerAction::Unpause => docker.unpause_container(id).await,
                ContainerAction::Update { limits } => update::update(docker, id, limits).await,
                ContainerAction::Rename { name } => {
                    let options = RenameContainerOptions {
                        name: name.trim().to_owned(),
                    };
                    docker.rename_container(id, options).await
                }
                ContainerAction::StopAndRemove { volumes } => {
                    match docker
                        .stop_container(id, None::<StopContainerOptions>)
                        .await
                    {
                        Ok(()) => {
                            let options = RemoveContainerOptions {
                                force: false,
                                v: *volumes,
                                link: false,
                            };
                            docker.remove_container(id, Some(options)).await
                        }
                        Err(error) => Err(error),
                    }
                }
                ContainerAction::Remove { force, volumes } => {
                    let options = RemoveContainerOptions {
                        force: *force,
                        v: *volumes,
                        link: false,
                    };
                    docker.remove_container(id, Some(options)).await
                }
            };
            result.map_err(|error| from_bollard_with(error, |kind| sentence(action, kind)))
        },
    )
    .await
}

fn sentence(action: &ContainerAction, kind: ErrorKind) -> Option<String> {
    let text = match (action, kind) {
        (_, ErrorKind::NotFound) => "No such container: it was removed meanwhile. The list has been refreshed.",
        (ContainerAction::Remove { force: false, .. }, ErrorKind::Conflict) => {
            "The container is running, so the engine will not remove it. Stop it first, or remove it with force \
             (`docker rm -f`), which kills it."
        }
        (ContainerAction::Remove { .. }, ErrorKind::Conflict) => {
            "The engine is already removing this container, or cannot remove it right now."
        }
        (ContainerAction::Pause | ContainerAction::Unpause, ErrorKind::Conflict) => {
            "The container is not in a state that allows this: only a running container can be paused, and only a \
             paused one resumed."
        }
        (ContainerAction::Kill { .. }, ErrorKind::Conflict) => "The container is not running, so there is nothing to kill.",
        (ContainerAction::Start, ErrorKind::Internal) => {
            "The engine could not start the container. The detail below says why — often a port that is already \
             taken or a command that does not exist in the image."
        }
        (ContainerAction::Kill { .. }, ErrorKind::InvalidInput) => "The engine does not know that signal.",
        (ContainerAction::Rename { .. }, ErrorKind::Conflict) => {
            "Another container already has that name: choose a different one."
        }
        (ContainerAction::Update { .. }, ErrorKind::InvalidInput | ErrorKind::Conflict) => {
            "The engine refused these limits. The detail below says why — a memory limit above the swap limit, or \
             more CPUs than the machine has."
        }
        (ContainerAction::Rename { .. }, ErrorKind::InvalidInput) => {
            "That is not a valid container name: a letter or digit first, then letters, digits, _ . or -."
        }
        _ => return None,
    };
    Some(text.to_owned())
}
