//! A processes subscription: `docker top` every `EVERY` while the tab is open. The engine has no stream for
//! processes, so this one asks; it stops as soon as the container is no longer running.

use porthole_engine::Engine;
use porthole_model::{ErrorKind, ProcessesMessage};
use std::time::Duration;
use tauri::ipc::Channel;

const EVERY: Duration = Duration::from_secs(2);

pub async fn follow(engine: Engine, container: String, channel: Channel<ProcessesMessage>) {
    loop {
        let message = match porthole_engine::container::processes::top(&engine, &container).await {
            Ok(processes) => ProcessesMessage::Table { processes },
            // Not running any more (refused) or gone: the stream has ended, not failed.
            Err(error) => {
                let gone = matches!(error.kind, ErrorKind::Conflict | ErrorKind::NotFound);
                super::finish(&channel, if gone { Ok(()) } else { Err(error) });
                return;
            }
        };
        if channel.send(message).is_err() {
            return;
        }
        tokio::time::sleep(EVERY).await;
    }
}
