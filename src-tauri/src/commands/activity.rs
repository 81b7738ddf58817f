//! The activity console: the requests the app sent, one request's detail, clearing, and the live feed.

use crate::state::AppState;
use crate::subscriptions::Topic;
use porthole_model::{ActivityDetail, ActivityEntry, ActivityMessage};
use tauri::ipc::Channel;
use tauri::State;

#[tauri::command]
pub fn list_activity(state: State<'_, AppState>) -> Vec<ActivityEntry> {
    state.activity().entries()
}

/// `None` once the entry has left the log (it keeps the last 2,000).
#[tauri::command]
pub fn activity_detail(state: State<'_, AppState>, id: u64) -> Option<ActivityDetail> {
    state.activity().detail(id)
}

#[tauri::command]
pub fn clear_activity(state: State<'_, AppState>) {
    state.activity().clear();
}

/// New records as they are made; a reader that fell behind gets `Cleared` and reloads the list.
#[tauri::command]
pub fn subscribe_activity(state: State<'_, AppState>, on_message: Channel<ActivityMessage>) -> u64 {
    let mut live = state.activity().subscribe();
    state.subscriptions.spawn(Topic::Activity, async move {
        loop {
            let message = match live.recv().await {
                Ok(message) => message,
                Err(tokio::sync::broadcast::error::RecvError::Lagged(_)) => {
                    ActivityMessage::Cleared
                }
                Err(tokio::sync::broadcast::error::RecvError::Closed) => return,
            };
            if on_message.send(message).is_err() {
                return;
            }
        }
    })
}
