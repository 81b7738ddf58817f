//! Registries: logins shared with the docker CLI.

use crate::state::AppState;
use porthole_model::{Catalog, Login, PortholeError, Registry, SearchResult, Tags};
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

/// The registry's repositories (`GET /v2/_catalog`), with the stored login when it asks for one.
#[tauri::command]
pub async fn registry_catalog(
    state: State<'_, AppState>,
    registry: String,
) -> Result<Catalog, PortholeError> {
    porthole_engine::registry::catalog(&state.engine()?, &state.credentials, &registry).await
}

#[tauri::command]
pub async fn registry_tags(
    state: State<'_, AppState>,
    registry: String,
    repository: String,
) -> Result<Tags, PortholeError> {
    porthole_engine::registry::tags(&state.engine()?, &state.credentials, &registry, &repository)
        .await
}

/// `docker search` on Docker Hub, through the engine.
#[tauri::command]
pub async fn search_hub(
    state: State<'_, AppState>,
    term: String,
) -> Result<Vec<SearchResult>, PortholeError> {
    porthole_engine::registry::search(&state.engine()?, &term).await
}
