//! A processes subscription: `docker top` every `EVERY` while the tab is open. The engine has no stream for
//! processes, so this one asks; it stops as soon as the container is no longer running.

use porthole_engine::Engine;
use porthole_model::ProcessesMessage;
use std::time::Duration;
use tauri::ipc::Channel;

const EVERY: Duration = Duration::from_secs(2);

pub async fn follow(engine: Engine, container: String, channel: Channel<ProcessesMessage>) {
    loop {
        let message = match porthole_engine::processes::top(&engine, &container).await {
            Ok(processes) => ProcessesMessage::Table { processes },
            Err(error)
                if matches!(
                    error.kind,
                    porthole_model::ErrorKind::Conflict | porthole_model::ErrorKind::NotFound
                ) =>
            {
                let _ = channel.send(ProcessesMessage::Ended);
                return;
            }
            Err(error) => {
                let _ = channel.send(ProcessesMessage::Failed { error });
                return;
            }
        };
        if channel.send(message).is_err() {
            return;
        }
        tokio::time::sleep(EVERY).await;
    }
}
