//! Containers.

use crate::state::AppState;
use porthole_model::{ContainerAction, ContainerSummary, PortholeError};
use tauri::State;

#[tauri::command]
pub async fn list_containers(
    state: State<'_, AppState>,
    all: bool,
) -> Result<Vec<ContainerSummary>, PortholeError> {
    porthole_engine::containers::list(&state.engine()?, all).await
}

#[tauri::command]
pub async fn container_action(
    state: State<'_, AppState>,
    container: String,
    action: ContainerAction,
) -> Result<(), PortholeError> {
    porthole_engine::container::perform(&state.engine()?, &container, &action).await
}
