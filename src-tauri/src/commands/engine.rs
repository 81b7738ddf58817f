//! The engine connection and `docker info`.

use crate::state::AppState;
use porthole_model::contract::{command as c, Answer, Args};
use tauri::State;

/// "Retry now" on the unreachable page: ends the current wait before the next try.
#[tauri::command]
pub fn retry_connection(
    state: State<'_, AppState>,
    args: Args<c::retry_connection>,
) -> Answer<c::retry_connection> {
    let () = args;
    state.shared().retry.notify_one();
    Ok(())
}

#[tauri::command]
pub async fn engine_info(
    state: State<'_, AppState>,
    args: Args<c::engine_info>,
) -> Answer<c::engine_info> {
    let () = args;
    porthole_engine::system::info(&state.engine()?).await
}
