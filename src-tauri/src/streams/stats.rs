//! A stats subscription: the engine's one-a-second samples, forwarded as they come.

use porthole_engine::Engine;
use porthole_model::StatsMessage;
use tauri::ipc::Channel;

pub async fn follow(engine: Engine, container: String, channel: Channel<StatsMessage>) {
    let result = porthole_engine::stats::follow(&engine, &container, |sample| {
        channel.send(StatsMessage::Sample { sample }).is_ok()
    })
    .await;
    let _ = channel.send(match result {
        Ok(()) => StatsMessage::Ended,
        Err(error) => StatsMessage::Failed { error },
    });
}
