//! Stats subscriptions: one container's stream (the engine's one-a-second samples, forwarded as they come), and
//! the containers list's columns — a one-shot sample of each visible running container every `LIST_EVERY`, its
//! CPU % computed from the previous round's sample. Sampling the list less often than `docker stats` keeps the
//! engine's cost down (docs/benchmarks.md).

use porthole_engine::Engine;
use porthole_model::StatsMessage;
use std::collections::HashMap;
use std::time::Duration;
use tauri::ipc::Channel;

const LIST_EVERY: Duration = Duration::from_secs(3);

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

pub async fn follow_list(engine: Engine, containers: Vec<String>, channel: Channel<StatsMessage>) {
    let mut previous: HashMap<String, porthole_model::StatsSample> = HashMap::new();
    loop {
        let reads = containers
            .iter()
            .map(|id| porthole_engine::stats::once(&engine, id));
        let results = futures_util::future::join_all(reads).await;
        let mut samples = Vec::new();
        for (id, result) in containers.iter().zip(results) {
            // A container that stopped or went away meanwhile is simply left out of this round.
            let Ok(sample) = result else { continue };
            let sample = match previous.get(id) {
                Some(earlier) => sample.clone().cpu_since(earlier),
                None => sample.clone(),
            };
            previous.insert(id.clone(), sample.clone());
            samples.push((id.clone(), sample));
        }
        if channel.send(StatsMessage::Round { samples }).is_err() {
            return;
        }
        tokio::time::sleep(LIST_EVERY).await;
    }
}
