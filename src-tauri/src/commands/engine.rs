//! The engine: its connection, `docker info`, the engines a user has, and where its disk went (`docker system df`).

use crate::state::AppState;
use crate::subscriptions::Topic;
use porthole_engine::system::context;
use porthole_model::contract::{command as c, Answer, Args, Message};
use tauri::ipc::Channel;
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

/// The process environment, as the engine list reads it.
pub fn environment(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.is_empty())
}

/// Every engine the user has, each probed (reachable, version, counts) at the same time.
#[tauri::command]
pub async fn list_engines(
    state: State<'_, AppState>,
    args: Args<c::list_engines>,
) -> Answer<c::list_engines> {
    let () = args;
    Ok(context::list_probed(environment, &state.shared().endpoint()).await)
}

/// The Engines overview, live: each engine listed now followed on its own connection (`streams::engines`).
#[tauri::command]
pub fn subscribe_engines(
    state: State<'_, AppState>,
    args: Args<c::subscribe_engines>,
    on_message: Channel<Message<c::subscribe_engines>>,
) -> Answer<c::subscribe_engines> {
    let () = args;
    let engines = context::list(environment, &state.shared().endpoint())
        .iter()
        .map(|entry| (entry.name.clone(), context::endpoint_of(environment, entry)))
        .collect();
    let follow = crate::streams::engines::follow(engines, on_message);
    Ok(state.subscriptions.spawn(Topic::Engines, follow))
}

/// Follows the engine named `args` from now on; answers how many streams of the previous engine were cancelled.
#[tauri::command]
pub fn switch_engine(
    state: State<'_, AppState>,
    args: Args<c::switch_engine>,
) -> Answer<c::switch_engine> {
    Ok(state.switch(context::endpoint_named(
        environment,
        &state.shared().endpoint(),
        &args,
    )?))
}

/// The add form's engine, tried as typed before it is saved.
#[tauri::command]
pub async fn probe_engine(args: Args<c::probe_engine>) -> Answer<c::probe_engine> {
    context::probe_new(&args).await
}

/// `docker context create`, through the docker CLI.
#[tauri::command]
pub async fn add_engine(args: Args<c::add_engine>) -> Answer<c::add_engine> {
    context::create(None, &args).await
}

#[tauri::command]
pub async fn disk_usage(
    state: State<'_, AppState>,
    _args: Args<c::disk_usage>,
) -> Answer<c::disk_usage> {
    porthole_engine::system::disk::usage(&state.engine()?).await
}

#[tauri::command]
pub async fn reclaim(state: State<'_, AppState>, args: Args<c::reclaim>) -> Answer<c::reclaim> {
    let engine = state.engine()?;
    let reclaim = porthole_engine::system::disk::reclaim(&engine, &args);
    let task = porthole_model::notification::Task::Reclaim;
    state.notifications().around(task, reclaim).await
}
