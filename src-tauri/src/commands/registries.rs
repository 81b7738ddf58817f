//! Registries: logins shared with the docker CLI, browsing a registry, and Docker Hub search.

use crate::state::AppState;
use porthole_model::contract::{command as c, Answer, Args};
use tauri::State;

/// Registries with a stored login; the UI adds Docker Hub and the ones the user added (`registry::merge`).
#[tauri::command]
pub async fn list_registries(
    state: State<'_, AppState>,
    args: Args<c::list_registries>,
) -> Answer<c::list_registries> {
    let () = args;
    porthole_engine::registry::list(&state.credentials).await
}

#[tauri::command]
pub async fn login(state: State<'_, AppState>, args: Args<c::login>) -> Answer<c::login> {
    porthole_engine::registry::login(&state.engine()?, &state.credentials, &args).await
}

#[tauri::command]
pub async fn logout(state: State<'_, AppState>, args: Args<c::logout>) -> Answer<c::logout> {
    porthole_engine::registry::logout(&state.credentials, &args).await
}

/// The registry's repositories (`GET /v2/_catalog`), with the stored login when it asks for one.
#[tauri::command]
pub async fn registry_catalog(
    state: State<'_, AppState>,
    args: Args<c::registry_catalog>,
) -> Answer<c::registry_catalog> {
    porthole_engine::registry::browse::catalog(&state.engine()?, &state.credentials, &args).await
}

#[tauri::command]
pub async fn registry_tags(
    state: State<'_, AppState>,
    args: Args<c::registry_tags>,
) -> Answer<c::registry_tags> {
    let engine = state.engine()?;
    porthole_engine::registry::browse::tags(
        &engine,
        &state.credentials,
        &args.registry,
        &args.repository,
    )
    .await
}

/// `docker search` on Docker Hub, through the engine.
#[tauri::command]
pub async fn search_hub(
    state: State<'_, AppState>,
    args: Args<c::search_hub>,
) -> Answer<c::search_hub> {
    porthole_engine::registry::browse::search(&state.engine()?, &args).await
}
