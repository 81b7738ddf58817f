//! Swarm: this engine's swarm, its actions, the nodes, the services and a service's tasks.

use crate::state::AppState;
use porthole_model::contract::{command as c, Answer, Args};
use tauri::State;

#[tauri::command]
pub async fn swarm_info(
    state: State<'_, AppState>,
    args: Args<c::swarm_info>,
) -> Answer<c::swarm_info> {
    let () = args;
    porthole_engine::swarm::info(&state.engine()?).await
}

#[tauri::command]
pub async fn swarm_action(
    state: State<'_, AppState>,
    args: Args<c::swarm_action>,
) -> Answer<c::swarm_action> {
    porthole_engine::swarm::act(&state.engine()?, &args).await
}

#[tauri::command]
pub async fn list_nodes(
    state: State<'_, AppState>,
    args: Args<c::list_nodes>,
) -> Answer<c::list_nodes> {
    let () = args;
    porthole_engine::swarm::node::list(&state.engine()?).await
}

#[tauri::command]
pub async fn list_services(
    state: State<'_, AppState>,
    args: Args<c::list_services>,
) -> Answer<c::list_services> {
    let () = args;
    porthole_engine::swarm::service::list(&state.engine()?).await
}

#[tauri::command]
pub async fn service_tasks(
    state: State<'_, AppState>,
    args: Args<c::service_tasks>,
) -> Answer<c::service_tasks> {
    porthole_engine::swarm::service::tasks(&state.engine()?, &args).await
}
