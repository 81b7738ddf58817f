//! Live resource usage (`docker stats`): the engine's own stream (one sample a second), each converted to a
//! `StatsSample` with CPU % from the sample's previous reading.

use crate::error::from_bollard;
use crate::Engine;
use bollard::query_parameters::StatsOptions;
use futures_util::StreamExt;
use porthole_model::{PortholeError, StatsSample};
use std::collections::HashMap;

/// Follows the container's stats until it stops (the stream ends) or `on_sample` returns false.
pub async fn follow(
    engine: &Engine,
    container: &str,
    mut on_sample: impl FnMut(StatsSample) -> bool,
) -> Result<(), PortholeError> {
    crate::as_action(
        porthole_model::Action::Stats {
            container: container.to_owned(),
        },
        async move {
            let options = StatsOptions {
                stream: true,
                one_shot: false,
            };
            let mut stream = engine.docker.stats(container, Some(options));
            while let Some(next) = stream.next().await {
                let sample = StatsSample::from(next.map_err(from_bollard)?);
                // A stopped container's stream sends zeroed samples (no read time) until it is removed: that is the end.
                if is_zeroed(&sample) {
                    break;
                }
                if !on_sample(sample) {
                    break;
                }
            }
            Ok(())
        },
    )
    .await
}

/// One sample, for the containers list's CPU and memory columns.
pub async fn once(engine: &Engine, container: &str) -> Result<StatsSample, PortholeError> {
    crate::as_action(
        porthole_model::Action::StatsOnce {
            container: container.to_owned(),
        },
        async move {
            let options = StatsOptions {
                stream: false,
                one_shot: false,
            };
            let mut stream = engine.docker.stats(container, Some(options));
            match stream.next().await {
                Some(sample) => Ok(StatsSample::from(sample.map_err(from_bollard)?)),
                None => Ok(StatsSample::default()),
            }
        },
    )
    .await
}

/// The containers list's sampler: every `every`, a one-shot sample of each of `containers` (at once), each with its
/// CPU % from the previous round's sample; `on_round` gets each round (by id) until it returns false. A round holds
/// only the containers whose list cells (`StatsSample::list_cells`) changed since they were last handed on — the
/// first round every one that answered — and a round where none changed is not handed on: while every container
/// is idle, the page is not woken at all. A container that stopped or went away meanwhile is left out of the round.
pub async fn rounds(
    engine: &Engine,
    containers: &[String],
    every: std::time::Duration,
    mut on_round: impl FnMut(Vec<(String, StatsSample)>) -> bool,
) {
    let mut previous: HashMap<String, StatsSample> = HashMap::new();
    let mut shown: HashMap<String, (String, String)> = HashMap::new();
    loop {
        let reads = containers.iter().map(|id| once(engine, id));
        let results = futures_util::future::join_all(reads).await;
        let mut round = Vec::new();
        for (id, result) in containers.iter().zip(results) {
            let Some(sample) = result.ok().filter(|s| !is_zeroed(s)) else {
                continue;
            };
            let sample = match previous.get(id) {
                Some(earlier) => sample.cpu_since(earlier),
                None => sample,
            };
            previous.insert(id.clone(), sample.clone());
            let cells = sample.list_cells();
            if shown.get(id) != Some(&cells) {
                shown.insert(id.clone(), cells);
                round.push((id.clone(), sample));
            }
        }
        if !round.is_empty() && !on_round(round) {
            return;
        }
        tokio::time::sleep(every).await;
    }
}

/// The engine's sample of a container that does not run: no read time.
fn is_zeroed(sample: &StatsSample) -> bool {
    sample.read.is_empty() || sample.read.starts_with("0001-")
}
