//! Container lists (`docker ps`, `docker ps -a`).

use crate::error::from_bollard;
use crate::Engine;
use bollard::query_parameters::ListContainersOptions;
use porthole_model::{ContainerSummary, PortholeError};
use std::collections::HashMap;

/// Lists containers, running only unless `all`. Never asks for sizes: that walks every writable layer.
pub async fn list(engine: &Engine, all: bool) -> Result<Vec<ContainerSummary>, PortholeError> {
    crate::as_action(porthole_model::Action::ListContainers { all }, async move {
        let containers = listed(engine, all, HashMap::new()).await?;
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
        let containers = listed(engine, true, HashMap::from([("id".to_owned(), ids)])).await?;
        Ok(containers.into_iter().map(ContainerSummary::from).collect())
    })
    .await
}

/// `GET /containers/json` as the engine answers it (running only unless `all`, narrowed by `filters`), for the
/// callers that read more of each container than the list shows (labels, mounts). Never asks for sizes.
pub(crate) async fn listed(
    engine: &Engine,
    all: bool,
    filters: HashMap<String, Vec<String>>,
) -> Result<Vec<bollard::models::ContainerSummary>, PortholeError> {
    let options = ListContainersOptions {
        all,
        size: false,
        filters: Some(filters).filter(|f| !f.is_empty()),
        ..Default::default()
    };
    engine
        .docker
        .list_containers(Some(options))
        .await
        .map_err(from_bollard)
}
