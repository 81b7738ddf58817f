//! The engine stream the whole UI lives on: the current connection state at once, then every connection change and
//! every coalesced invalidation (which kinds of object changed). A lagging reader gets a full resync ("everything
//! changed") instead of missing a change.

use crate::state::Shared;
use porthole_model::system::event::Invalidation;
use porthole_model::StreamMessage;
use std::future::Future;
use tauri::ipc::Channel;
use tokio::sync::broadcast::error::RecvError;

/// The stream's task; subscribed now, so nothing that happens before the task first runs is missed.
pub fn follow(
    shared: &Shared,
    on_message: Channel<StreamMessage>,
) -> impl Future<Output = ()> + Send + 'static {
    let mut connection = shared.connection.subscribe();
    let mut invalidations = shared.invalidations.subscribe();
    async move {
        let first = connection.borrow_and_update().clone();
        if on_message
            .send(StreamMessage::Connection { state: first })
            .is_err()
        {
            return;
        }
        loop {
            let message = tokio::select! {
                changed = connection.changed() => match changed {
                    Ok(()) => StreamMessage::Connection { state: connection.borrow_and_update().clone() },
                    Err(_) => return,
                },
                batch = invalidations.recv() => match batch {
                    Ok(batch) => StreamMessage::Invalidated(batch),
                    // Batches were lost: the UI reads every list again.
                    Err(RecvError::Lagged(_)) => StreamMessage::Invalidated(Invalidation::everything()),
                    Err(RecvError::Closed) => return,
                },
            };
            // A failed send means the webview that owned the channel is gone: the subscription ends.
            if on_message.send(message).is_err() {
                return;
            }
        }
    }
}
