//! Stats subscriptions: one container's stream (the engine's one-a-second samples, forwarded as they come), and
//! the containers list's columns — a one-shot sample of each visible running container every `LIST_EVERY`, its
//! CPU % computed from the previous round's sample, sent only for the containers whose cells changed. Sampling the
//! list less often than `docker stats` keeps the engine's cost down (docs/benchmarks.md).

use porthole_engine::Engine;
use porthole_model::StatsMessage;
use std::time::Duration;
use tauri::ipc::Channel;

const LIST_EVERY: Duration = Duration::from_secs(5);

pub async fn follow(engine: Engine, container: String, channel: Channel<StatsMessage>) {
    let result = porthole_engine::container::stats::follow(&engine, &container, |sample| {
        channel.send(StatsMessage::Sample { sample }).is_ok()
    })
    .await;
    super::finish(&channel, result);
}

pub async fn follow_list(engine: Engine, containers: Vec<String>, channel: Channel<StatsMessage>) {
    porthole_engine::container::stats::rounds(&engine, &containers, LIST_EVERY, |samples| {
        channel.send(StatsMessage::Round { samples }).is_ok()
    })
    .await;
}
