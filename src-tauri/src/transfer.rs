//! A pull as a subscription: runs the engine layer's pull and streams its progress to the UI's channel, at most
//! every `EVERY` so a fast pull does not flood the webview, then one final `Done` or `Failed`. Cancelling the
//! subscription drops the pull's request, which makes the engine stop pulling.

use porthole_engine::Engine;
use porthole_model::pull::PullMessage;
use porthole_model::ImageReference;
use std::time::{Duration, Instant};
use tauri::ipc::Channel;

const EVERY: Duration = Duration::from_millis(80);

pub async fn run(
    engine: Engine,
    reference: ImageReference,
    platform: Option<String>,
    channel: Channel<PullMessage>,
) {
    let mut last_sent: Option<Instant> = None;
    let result =
        porthole_engine::image::pull(&engine, &reference, platform.as_deref(), |progress| {
            if last_sent.is_none_or(|t| t.elapsed() >= EVERY) {
                last_sent = Some(Instant::now());
                let _ = channel.send(PullMessage::Progress {
                    progress: progress.clone(),
                });
            }
        })
        .await;
    let _ = channel.send(match result {
        Ok(progress) => PullMessage::Done {
            reference: reference.to_string(),
            progress,
        },
        Err(error) => PullMessage::Failed { error },
    });
}
