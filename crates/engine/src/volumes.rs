//! Volume lists (`docker volume ls`).

use crate::error::from_bollard;
use crate::Engine;
use bollard::query_parameters::ListVolumesOptions;
use porthole_model::PortholeError;

/// Names of all volumes. `GET /info` does not count volumes, so the engine page asks for this list.
pub async fn names(engine: &Engine) -> Result<Vec<String>, PortholeError> {
    let response = engine
        .docker
        .list_volumes(None::<ListVolumesOptions>)
        .await
        .map_err(from_bollard)?;
    Ok(response
        .volumes
        .unwrap_or_default()
        .into_iter()
        .map(|v| v.name)
        .collect())
}
