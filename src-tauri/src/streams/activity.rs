//! The activity console's live feed: each new or completed record as it is made. A reader that fell behind gets
//! `Cleared` and reloads the whole list rather than missing records.

use porthole_model::ActivityMessage;
use tauri::ipc::Channel;
use tokio::sync::broadcast::{error::RecvError, Receiver};

pub async fn follow(mut live: Receiver<ActivityMessage>, on_message: Channel<ActivityMessage>) {
    loop {
        let message = match live.recv().await {
            Ok(message) => message,
            Err(RecvError::Lagged(_)) => ActivityMessage::Cleared,
            Err(RecvError::Closed) => return,
        };
        // A failed send means the webview that owned the channel is gone: the subscription ends.
        if on_message.send(message).is_err() {
            return;
        }
    }
}
