//! Clicked notifications, sent to the page that asked: what each opens.

use porthole_model::notification::Opens;
use tauri::ipc::Channel;
use tokio::sync::broadcast::{error::RecvError, Receiver};

pub async fn follow(mut opened: Receiver<Opens>, on_message: Channel<Opens>) {
    loop {
        match opened.recv().await {
            Ok(opens) => {
                // A failed send means the webview that owned the channel is gone: the subscription ends.
                if on_message.send(opens).is_err() {
                    return;
                }
            }
            // Clicks lost while the page was busy: only the latest matters, and it comes next.
            Err(RecvError::Lagged(_)) => {}
            Err(RecvError::Closed) => return,
        }
    }
}
