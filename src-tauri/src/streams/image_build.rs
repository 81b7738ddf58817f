//! A build as a subscription: runs the engine layer's build and streams its steps to the UI's channel, at most
//! every `EVERY`, then one final `Done`, or `Failed` with the failed step still in the progress. Cancelling the
//! subscription drops the request, which makes the engine stop building.

use porthole_engine::Engine;
use porthole_model::{BuildMessage, BuildRequest};
use std::time::{Duration, Instant};
use tauri::ipc::Channel;

const EVERY: Duration = Duration::from_millis(80);

pub async fn run(engine: Engine, request: BuildRequest, channel: Channel<BuildMessage>) {
    let mut last_sent: Option<Instant> = None;
    let result = porthole_engine::image_build::build(&engine, &request, |progress| {
        if last_sent.is_none_or(|t| t.elapsed() >= EVERY) {
            last_sent = Some(Instant::now());
            let _ = channel.send(BuildMessage::Progress {
                progress: progress.clone(),
            });
        }
    })
    .await;
    let _ = channel.send(match result {
        Ok(progress) => BuildMessage::Done { progress },
        Err((error, progress)) => BuildMessage::Failed { progress, error },
    });
}
