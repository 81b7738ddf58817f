//! Swarm: this engine's swarm, its actions, the nodes, the services and a service's tasks.

use crate::state::AppState;
use crate::subscriptions::Topic;
use porthole_model::contract::{command as c, Answer, Args, Message};
use tauri::ipc::Channel;
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
pub async fn inspect_service(
    state: State<'_, AppState>,
    args: Args<c::inspect_service>,
) -> Answer<c::inspect_service> {
    porthole_engine::swarm::service::inspect(&state.engine()?, &args).await
}

#[tauri::command]
pub async fn service_tasks(
    state: State<'_, AppState>,
    args: Args<c::service_tasks>,
) -> Answer<c::service_tasks> {
    porthole_engine::swarm::service::tasks(&state.engine()?, &args).await
}

/// `docker stack deploy|rm` through the docker CLI, its output streamed; cancelling kills the CLI.
#[tauri::command]
pub fn stack_run(
    state: State<'_, AppState>,
    args: Args<c::stack_run>,
    on_message: Channel<Message<c::stack_run>>,
) -> Answer<c::stack_run> {
    args.validate()
        .map_err(porthole_model::PortholeError::invalid_input)?;
    let engine = state.engine()?;
    let topic = Topic::Tool(args.name().to_owned());
    let run = crate::streams::tool::forward(on_message, move |lines| async move {
        porthole_engine::swarm::stack::run(&engine, &args, move |line| lines.send(line).is_ok())
            .await
    });
    Ok(state.subscriptions.spawn(topic, run))
}

/// `docker service logs -f SERVICE`, streamed; cancelling (the panel closing) stops the CLI.
#[tauri::command]
pub fn service_logs(
    state: State<'_, AppState>,
    args: Args<c::service_logs>,
    on_message: Channel<Message<c::service_logs>>,
) -> Answer<c::service_logs> {
    let engine = state.engine()?;
    let topic = Topic::Tool(args.clone());
    let run = crate::streams::tool::forward(on_message, move |lines| async move {
        porthole_engine::swarm::service::logs(&engine, &args, move |line| lines.send(line).is_ok())
            .await
    });
    Ok(state.subscriptions.spawn(topic, run))
}
