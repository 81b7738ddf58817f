//! Container lists (`docker ps`, `docker ps -a`).

use crate::error::from_bollard;
use crate::Engine;
use bollard::query_parameters::ListContainersOptions;
use porthole_model::{ContainerSummary, PortholeError};

/// Lists containers, running only unless `all`. Never asks for sizes: that walks every writable layer.
pub async fn list(engine: &Engine, all: bool) -> Result<Vec<ContainerSummary>, PortholeError> {
    crate::as_action(porthole_model::Action::ListContainers { all }, async move {
        let options = ListContainersOptions {
            all,
            size: false,
            ..Default::default()
        };
        let containers = engine
            .docker
            .list_containers(Some(options))
            .await
            .map_err(from_bollard)?;
        Ok(containers.into_iter().map(ContainerSummary::from).collect())
    })
    .await
}

/// Lists the containers `ids` (in any state): those an event burst named. One the engine no longer has is simply
/// not in the answer.
pub async fn list_named(
    engine: &Engine,
    ids: Vec<String>,
) -> Result<Vec<ContainerSummary>, PortholeError> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let action = porthole_model::Action::ListNamedContainers { ids: ids.clone() };
    crate::as_action(action, async move {
        let options = ListContainersOptions {
            all: true,
            size: false,
            filters: Some(std::collections::HashMap::from([("id".to_owned(), ids)])),
            ..Default::default()
        };
        let containers = engine
            .docker
            .list_containers(Some(options))
            .await
            .map_err(from_bollard)?;
        Ok(containers.into_iter().map(ContainerSummary::from).collect())
    })
    .await
}
