//! Volumes, and the other storage containers use (bind mounts, tmpfs).

use crate::state::AppState;
use porthole_model::contract::{command as c, Answer, Args};
use tauri::State;

#[tauri::command]
pub async fn list_volumes(
    state: State<'_, AppState>,
    args: Args<c::list_volumes>,
) -> Answer<c::list_volumes> {
    let () = args;
    porthole_engine::volume::list(&state.engine()?).await
}

#[tauri::command]
pub async fn create_volume(
    state: State<'_, AppState>,
    args: Args<c::create_volume>,
) -> Answer<c::create_volume> {
    porthole_engine::volume::create(&state.engine()?, &args).await
}

#[tauri::command]
pub async fn remove_volume(
    state: State<'_, AppState>,
    args: Args<c::remove_volume>,
) -> Answer<c::remove_volume> {
    porthole_engine::volume::remove(&state.engine()?, &args).await
}

#[tauri::command]
pub async fn remove_volumes(
    state: State<'_, AppState>,
    args: Args<c::remove_volumes>,
) -> Answer<c::remove_volumes> {
    porthole_engine::volume::remove_many(&state.engine()?, &args).await
}

#[tauri::command]
pub async fn inspect_volume(
    state: State<'_, AppState>,
    args: Args<c::inspect_volume>,
) -> Answer<c::inspect_volume> {
    porthole_engine::volume::inspect(&state.engine()?, &args).await
}

#[tauri::command]
pub async fn list_host_mounts(
    state: State<'_, AppState>,
    args: Args<c::list_host_mounts>,
) -> Answer<c::list_host_mounts> {
    let () = args;
    porthole_engine::volume::host_mounts(&state.engine()?).await
}
