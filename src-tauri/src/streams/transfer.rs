//! Pulls and pushes as subscriptions: each runs the engine layer's transfer and streams its progress to the UI's
//! channel, at most every `EVERY` so a fast transfer does not flood the webview, then one final `Done` or `Failed`.
//! Cancelling the subscription drops the request, which makes the engine stop.

use porthole_engine::credentials::Store;
use porthole_engine::Engine;
use porthole_model::pull::{PullMessage, PullProgress};
use porthole_model::{ImageReference, PortholeError};
use std::time::{Duration, Instant};
use tauri::ipc::Channel;

const EVERY: Duration = Duration::from_millis(80);

struct Reporter {
    channel: Channel<PullMessage>,
    last_sent: Option<Instant>,
}

impl Reporter {
    fn progress(&mut self, progress: &PullProgress) {
        if self.last_sent.is_none_or(|t| t.elapsed() >= EVERY) {
            self.last_sent = Some(Instant::now());
            let _ = self.channel.send(PullMessage::Progress {
                progress: progress.clone(),
            });
        }
    }

    fn finish(self, reference: &ImageReference, result: Result<PullProgress, PortholeError>) {
        let _ = self.channel.send(match result {
            Ok(progress) => PullMessage::Done {
                reference: reference.to_string(),
                progress,
            },
            Err(error) => PullMessage::Failed { error },
        });
    }
}

pub async fn pull(
    engine: Engine,
    store: Store,
    reference: ImageReference,
    platform: Option<String>,
    channel: Channel<PullMessage>,
) {
    let mut reporter = Reporter {
        channel,
        last_sent: None,
    };
    let result = porthole_engine::image::pull(
        &engine,
        &store,
        &reference,
        platform.as_deref().filter(|p| !p.is_empty()),
        |progress| reporter.progress(progress),
    )
    .await;
    reporter.finish(&reference, result);
}

pub async fn push(
    engine: Engine,
    store: Store,
    reference: ImageReference,
    channel: Channel<PullMessage>,
) {
    let mut reporter = Reporter {
        channel,
        last_sent: None,
    };
    let result = porthole_engine::push::push(&engine, &store, &reference, |progress| {
        reporter.progress(progress)
    })
    .await;
    reporter.finish(&reference, result);
}
