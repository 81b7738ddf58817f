//! A logs subscription: the bounded tail, then followed lines in batches of at most `EVERY`.

use porthole_engine::Engine;
use porthole_model::LogMessage;
use std::time::Duration;
use tauri::ipc::Channel;

/// Batches of at most 50 ms: a 20,000 lines/s writer becomes about 1,000 lines per message, small enough that the
/// page parses and renders one well inside a frame budget, and few enough messages to keep the IPC cheap.
const EVERY: Duration = Duration::from_millis(50);

pub async fn follow(engine: Engine, container: String, tail: u32, channel: Channel<LogMessage>) {
    let result =
        porthole_engine::container::logs::follow(&engine, &container, tail, EVERY, |lines| {
            let batch = porthole_model::LogBatch::from_lines(&lines);
            channel.send(LogMessage::Lines { batch }).is_ok()
        })
        .await;
    super::finish(&channel, result);
}
