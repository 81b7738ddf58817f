//! Networks: list with the containers attached, create, connect/disconnect/remove, remove the unused, inspect.

use crate::state::AppState;
use porthole_model::contract::{command as c, Answer, Args};
use tauri::State;

#[tauri::command]
pub async fn list_networks(
    state: State<'_, AppState>,
    args: Args<c::list_networks>,
) -> Answer<c::list_networks> {
    let () = args;
    porthole_engine::network::list(&state.engine()?).await
}

#[tauri::command]
pub async fn create_network(
    state: State<'_, AppState>,
    args: Args<c::create_network>,
) -> Answer<c::create_network> {
    porthole_engine::network::create(&state.engine()?, &args).await
}

#[tauri::command]
pub async fn network_action(
    state: State<'_, AppState>,
    args: Args<c::network_action>,
) -> Answer<c::network_action> {
    porthole_engine::network::act(&state.engine()?, &args.network, &args.action).await
}

#[tauri::command]
pub async fn remove_networks(
    state: State<'_, AppState>,
    args: Args<c::remove_networks>,
) -> Answer<c::remove_networks> {
    porthole_engine::network::remove_many(&state.engine()?, &args).await
}

#[tauri::command]
pub async fn inspect_network(
    state: State<'_, AppState>,
    args: Args<c::inspect_network>,
) -> Answer<c::inspect_network> {
    porthole_engine::network::inspect(&state.engine()?, &args).await
}
