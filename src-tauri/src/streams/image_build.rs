//! A build as a subscription: runs the engine layer's build and streams its steps to the UI's channel (throttled),
//! then one final `Done`, or `Failed` with the failed step still in the progress. Cancelling the subscription drops
//! the request, which makes the engine stop building.

use super::Throttle;
use porthole_engine::Engine;
use porthole_model::{BuildMessage, BuildRequest};
use tauri::ipc::Channel;

pub async fn run(engine: Engine, request: BuildRequest, channel: Channel<BuildMessage>) {
    let mut throttle = Throttle::default();
    let result = porthole_engine::image_build::build(&engine, &request, |progress| {
        if throttle.ready() {
            let progress = progress.clone();
            let _ = channel.send(BuildMessage::Progress { progress });
        }
    })
    .await;
    let _ = channel.send(match result {
        Ok(progress) => BuildMessage::Done { progress },
        Err((error, progress)) => BuildMessage::Failed { progress, error },
    });
}
