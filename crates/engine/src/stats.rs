//! Live resource usage (`docker stats`): the engine's own stream (one sample a second), each converted to a
//! `StatsSample` with CPU % from the sample's previous reading.

use crate::error::from_bollard;
use crate::Engine;
use bollard::query_parameters::StatsOptions;
use futures_util::StreamExt;
use porthole_model::{PortholeError, StatsSample};

/// Follows the container's stats until it stops (the stream ends) or `on_sample` returns false.
pub async fn follow(
    engine: &Engine,
    container: &str,
    mut on_sample: impl FnMut(StatsSample) -> bool,
) -> Result<(), PortholeError> {
    let options = StatsOptions {
        stream: true,
        one_shot: false,
    };
    let mut stream = engine.docker.stats(container, Some(options));
    while let Some(next) = stream.next().await {
        let sample = StatsSample::from(next.map_err(from_bollard)?);
        // A stopped container's stream sends zeroed samples (no read time) before it ends.
        if sample.read.starts_with("0001-") || sample.read.is_empty() {
            continue;
        }
        if !on_sample(sample) {
            break;
        }
    }
    Ok(())
}

/// One sample, for the containers list's CPU and memory columns.
pub async fn once(engine: &Engine, container: &str) -> Result<StatsSample, PortholeError> {
    let options = StatsOptions {
        stream: false,
        one_shot: false,
    };
    let mut stream = engine.docker.stats(container, Some(options));
    match stream.next().await {
        Some(sample) => Ok(StatsSample::from(sample.map_err(from_bollard)?)),
        None => Ok(StatsSample::default()),
    }
}
