//! `docker top`: the processes of a running container, as the engine's `ps` lists them.

use crate::error::from_bollard_with;
use crate::Engine;
use bollard::query_parameters::TopOptions;
use porthole_model::{ErrorKind, PortholeError, Processes};

pub async fn top(engine: &Engine, container: &str) -> Result<Processes, PortholeError> {
    crate::as_action(
        porthole_model::Action::Top {
            container: container.to_owned(),
        },
        async move {
            let top = engine
                .docker
                .top_processes(container, None::<TopOptions>)
                .await
                .map_err(|error| {
                    from_bollard_with(error, |kind| {
                        (kind == ErrorKind::Conflict)
                            .then(|| "The container is not running, so it has no processes.".into())
                    })
                })?;
            Ok(Processes {
                titles: top.titles.unwrap_or_default(),
                rows: top.processes.unwrap_or_default(),
            })
        },
    )
    .await
}
