//! Opening and closing live streams. The UI subscribes when a view mounts and unsubscribes in `on_cleanup`.

use crate::state::AppState;
use crate::subscriptions::Topic;
use porthole_model::StreamMessage;
use tauri::ipc::Channel;
use tauri::State;
use tokio::sync::broadcast::error::RecvError;

/// The engine stream: the current connection state at once, then every connection change and every coalesced
/// invalidation. A lagging receiver gets a full resync instead of missing a change.
#[tauri::command]
pub fn subscribe_engine(state: State<'_, AppState>, on_message: Channel<StreamMessage>) -> u64 {
    let shared = state.shared();
    let mut connection = shared.connection.subscribe();
    let mut invalidations = shared.invalidations.subscribe();
    state.subscriptions.spawn(Topic::Engine, async move {
        let first = connection.borrow_and_update().clone();
        if on_message.send(StreamMessage::Connection { state: first }).is_err() {
            return;
        }
        loop {
            let message = tokio::select! {
                changed = connection.changed() => match changed {
                    Ok(()) => StreamMessage::Connection { state: connection.borrow_and_update().clone() },
                    Err(_) => return,
                },
                kinds = invalidations.recv() => match kinds {
                    Ok(kinds) => StreamMessage::Invalidated { kinds },
                    Err(RecvError::Lagged(_)) => StreamMessage::Invalidated { kinds: porthole_model::ObjectKind::Engine.affects().to_vec() },
                    Err(RecvError::Closed) => return,
                },
            };
            // A failed send means the webview that owned the channel is gone: the subscription ends.
            if on_message.send(message).is_err() {
                return;
            }
        }
    })
}

#[tauri::command]
pub fn unsubscribe(state: State<'_, AppState>, id: u64) -> bool {
    state.subscriptions.cancel(id)
}

/// How many streams are live: shown in the status bar's tooltip and read by the leak tests.
#[tauri::command]
pub fn subscription_count(state: State<'_, AppState>) -> usize {
    state.subscriptions.len()
}
