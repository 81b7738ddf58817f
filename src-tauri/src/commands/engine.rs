//! The engine connection and `docker info`.

use crate::state::AppState;
use porthole_model::{EngineInfo, PortholeError};
use tauri::State;

/// "Retry now" on the unreachable page: ends the current backoff wait.
#[tauri::command]
pub fn retry_connection(state: State<'_, AppState>) {
    state.shared().retry.notify_one();
}

#[tauri::command]
pub async fn engine_info(state: State<'_, AppState>) -> Result<EngineInfo, PortholeError> {
    porthole_engine::system::info(&state.engine()?).await
}
