//! Volumes, and the other storage containers use (bind mounts, tmpfs).

use crate::state::AppState;
use porthole_model::volume::{MountUse, VolumeCreate};
use porthole_model::{PortholeError, VolumeSummary};
use tauri::State;

#[tauri::command]
pub async fn list_volumes(state: State<'_, AppState>) -> Result<Vec<VolumeSummary>, PortholeError> {
    porthole_engine::volumes::list(&state.engine()?).await
}

#[tauri::command]
pub async fn create_volume(
    state: State<'_, AppState>,
    request: VolumeCreate,
) -> Result<(), PortholeError> {
    porthole_engine::volumes::create(&state.engine()?, &request).await
}

#[tauri::command]
pub async fn remove_volume(state: State<'_, AppState>, name: String) -> Result<(), PortholeError> {
    porthole_engine::volumes::remove(&state.engine()?, &name).await
}

#[tauri::command]
pub async fn prune_volumes(state: State<'_, AppState>) -> Result<Vec<String>, PortholeError> {
    porthole_engine::volumes::prune(&state.engine()?).await
}

#[tauri::command]
pub async fn inspect_volume(
    state: State<'_, AppState>,
    name: String,
) -> Result<String, PortholeError> {
    porthole_engine::volumes::inspect(&state.engine()?, &name).await
}

#[tauri::command]
pub async fn list_host_mounts(state: State<'_, AppState>) -> Result<Vec<MountUse>, PortholeError> {
    porthole_engine::volumes::host_mounts(&state.engine()?).await
}
