//! Opening and closing live streams. The UI subscribes when a view mounts and unsubscribes in `on_cleanup`.

use crate::state::AppState;
use crate::subscriptions::Topic;
use porthole_model::contract::{command as c, Answer, Args, Message};
use tauri::ipc::Channel;
use tauri::State;

/// The engine stream: the current connection state at once, then every connection change and every coalesced
/// invalidation (`streams::engine`).
#[tauri::command]
pub fn subscribe_engine(
    state: State<'_, AppState>,
    args: Args<c::subscribe_engine>,
    on_message: Channel<Message<c::subscribe_engine>>,
) -> Answer<c::subscribe_engine> {
    let () = args;
    let follow = crate::streams::engine::follow(&state.shared(), on_message);
    Ok(state.subscriptions.spawn(Topic::Engine, follow))
}

#[tauri::command]
pub fn unsubscribe(
    state: State<'_, AppState>,
    args: Args<c::unsubscribe>,
) -> Answer<c::unsubscribe> {
    Ok(state.subscriptions.cancel(args))
}

/// How many streams are live: shown in the status bar's tooltip and read by the leak tests.
#[tauri::command]
pub fn subscription_count(
    state: State<'_, AppState>,
    args: Args<c::subscription_count>,
) -> Answer<c::subscription_count> {
    let () = args;
    Ok(state.subscriptions.len())
}
