//! A build as a subscription: runs the engine layer's build and streams what changed in its steps to the UI's
//! channel (throttled; each message only the steps that grew, each capped to its last lines), then one final
//! `Done`, or `Failed` with the failed step still in the progress. Cancelling the subscription drops
//! the request, which makes the engine stop building.

use super::Throttle;
use porthole_engine::Engine;
use porthole_model::{BuildMessage, BuildRequest, BuildSeen};
use tauri::ipc::Channel;

/// Returns whether the build succeeded.
pub async fn run(engine: Engine, request: BuildRequest, channel: Channel<BuildMessage>) -> bool {
    let mut throttle = Throttle::default();
    // What the page has: each message carries only what changed since (bounded by the lines kept per step).
    let mut seen = BuildSeen::default();
    let result = porthole_engine::image::build::build(&engine, &request, |progress| {
        if throttle.ready() {
            let update = progress.since(&seen);
            seen = progress.seen();
            let _ = channel.send(BuildMessage::Progress { update });
        }
    })
    .await;
    let succeeded = result.is_ok();
    let _ = channel.send(match result {
        Ok(progress) => BuildMessage::Done {
            update: progress.since(&seen),
        },
        Err((error, progress)) => BuildMessage::Failed {
            update: progress.since(&seen),
            error,
        },
    });
    succeeded
}
