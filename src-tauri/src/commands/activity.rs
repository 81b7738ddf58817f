//! The activity console: the requests the app sent, one request's detail, clearing, and the live feed.

use crate::state::AppState;
use crate::subscriptions::Topic;
use porthole_model::contract::{command as c, Answer, Args, Message};
use tauri::ipc::Channel;
use tauri::State;

#[tauri::command]
pub fn list_activity(
    state: State<'_, AppState>,
    args: Args<c::list_activity>,
) -> Answer<c::list_activity> {
    let () = args;
    Ok(state.activity().entries())
}

/// `None` once the entry has left the log (it keeps the last 2,000).
#[tauri::command]
pub fn activity_detail(
    state: State<'_, AppState>,
    args: Args<c::activity_detail>,
) -> Answer<c::activity_detail> {
    Ok(state.activity().detail(args))
}

#[tauri::command]
pub fn clear_activity(
    state: State<'_, AppState>,
    args: Args<c::clear_activity>,
) -> Answer<c::clear_activity> {
    let () = args;
    state.activity().clear();
    Ok(())
}

/// New records as they are made; a reader that fell behind gets `Cleared` and reloads the list.
#[tauri::command]
pub fn subscribe_activity(
    state: State<'_, AppState>,
    args: Args<c::subscribe_activity>,
    on_message: Channel<Message<c::subscribe_activity>>,
) -> Answer<c::subscribe_activity> {
    let () = args;
    let live = state.activity().subscribe();
    Ok(state.subscriptions.spawn(
        Topic::Activity,
        crate::streams::activity::follow(live, on_message),
    ))
}
