//! Containers.

use crate::state::AppState;
use porthole_model::{ContainerSummary, PortholeError};
use tauri::State;

#[tauri::command]
pub async fn list_containers(
    state: State<'_, AppState>,
    all: bool,
) -> Result<Vec<ContainerSummary>, PortholeError> {
    porthole_engine::containers::list(&state.engine()?, all).await
}
