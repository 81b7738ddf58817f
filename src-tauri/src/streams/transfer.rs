//! Pulls and pushes as subscriptions: each runs the engine layer's transfer and streams its progress to the UI's
//! channel (throttled, so a fast transfer does not flood the webview), then one final `Done` or `Failed`.
//! Cancelling the subscription drops the request, which makes the engine stop.

use super::Throttle;
use porthole_engine::registry::credentials::Store;
use porthole_engine::Engine;
use porthole_model::image::pull::{PullMessage, PullProgress};
use porthole_model::{ImageReference, PortholeError};
use tauri::ipc::Channel;

struct Reporter {
    channel: Channel<PullMessage>,
    throttle: Throttle,
}

impl Reporter {
    fn progress(&mut self, progress: &PullProgress) {
        if self.throttle.ready() {
            let _ = self.channel.send(PullMessage::Progress {
                progress: progress.clone(),
            });
        }
    }

    /// Sends the end; returns whether the transfer succeeded.
    fn finish(
        self,
        reference: &ImageReference,
        result: Result<PullProgress, PortholeError>,
    ) -> bool {
        let succeeded = result.is_ok();
        let _ = self.channel.send(match result {
            Ok(progress) => PullMessage::Done {
                reference: reference.to_string(),
                progress,
            },
            Err(error) => PullMessage::Failed { error },
        });
        succeeded
    }
}

pub async fn pull(
    engine: Engine,
    store: Store,
    reference: ImageReference,
    platform: Option<String>,
    channel: Channel<PullMessage>,
) -> bool {
    let mut reporter = Reporter {
        channel,
        throttle: Throttle::default(),
    };
    let result = porthole_engine::image::pull(
        &engine,
        &store,
        &reference,
        platform.as_deref().filter(|p| !p.is_empty()),
        |progress| reporter.progress(progress),
    )
    .await;
    reporter.finish(&reference, result)
}

pub async fn push(
    engine: Engine,
    store: Store,
    reference: ImageReference,
    channel: Channel<PullMessage>,
) -> bool {
    let mut reporter = Reporter {
        channel,
        throttle: Throttle::default(),
    };
    let result = porthole_engine::image::push::push(&engine, &store, &reference, |progress| {
        reporter.progress(progress)
    })
    .await;
    reporter.finish(&reference, result)
}
