//! Registries: logins shared with the docker CLI.

use crate::state::AppState;
use porthole_model::{Login, PortholeError, Registry};
use tauri::State;

/// Registries with a stored login; the UI adds Docker Hub and the ones the user added (`registry::merge`).
#[tauri::command]
pub async fn list_registries(state: State<'_, AppState>) -> Result<Vec<Registry>, PortholeError> {
    porthole_engine::registries::list(&state.credentials).await
}

#[tauri::command]
pub async fn login(state: State<'_, AppState>, login: Login) -> Result<Registry, PortholeError> {
    porthole_engine::registries::login(&state.engine()?, &state.credentials, &login).await
}

#[tauri::command]
pub async fn logout(state: State<'_, AppState>, registry: String) -> Result<(), PortholeError> {
    porthole_engine::registries::logout(&state.credentials, &registry).await
}
