//! Every live stream the backend sends to the window, each run as one subscription in the registry: the engine's
//! change stream, the Engines overview's feed, the activity console's feed, a container's logs, stats, processes and terminal, the progress
//! of pulls, pushes, builds, saves, loads and copies, and the output of the tools Porthole runs (Compose, `docker stack`). Every stream ends on its own when its source ends (the engine closes the stream, or
//! the next `top` is refused), when its channel's webview is gone (a send fails), or when the registry cancels it
//! (view closed, window closed) — dropping the engine request with it.
//!
//! Shared here: `finish` (every container stream's last message, `Ended` or `Failed`) and `Throttle` (progress at
//! most every `PROGRESS_EVERY`, so a fast transfer or a chatty build does not flood the webview).

pub mod activity;
pub mod archive;
pub mod compose;
pub mod copy;
pub mod engine;
pub mod engines;
pub mod image_build;
pub mod logs;
pub mod notifications;
pub mod processes;
pub mod stats;
pub mod terminal;
pub mod tool;
pub mod transfer;

#[cfg(test)]
mod cleanup_tests;

use porthole_model::{PortholeError, StreamEnd};
use serde::Serialize;
use std::time::{Duration, Instant};
use tauri::ipc::Channel;

/// Progress messages (pull, push, build) are sent at most this often; the last state always follows at the end.
pub const PROGRESS_EVERY: Duration = Duration::from_millis(80);

/// Sends a container stream's last message: `Ended` when its source ended, `Failed` with the reason otherwise.
pub fn finish<M: StreamEnd + Serialize + Clone>(
    channel: &Channel<M>,
    result: Result<(), PortholeError>,
) {
    // The webview may be gone already; then there is nobody to tell.
    let _ = channel.send(M::finish(result));
}

/// Lets a progress message through at most every `PROGRESS_EVERY`.
#[derive(Default)]
pub struct Throttle {
    last_sent: Option<Instant>,
}

impl Throttle {
    /// Whether a message may go now; if so, the next one waits its turn from here.
    pub fn ready(&mut self) -> bool {
        let ready = self.last_sent.is_none_or(|t| t.elapsed() >= PROGRESS_EVERY);
        if ready {
            self.last_sent = Some(Instant::now());
        }
        ready
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_throttle_lets_the_first_through_then_waits() {
        let mut throttle = Throttle::default();
        assert!(throttle.ready());
        assert!(!throttle.ready());
        std::thread::sleep(PROGRESS_EVERY);
        assert!(throttle.ready());
    }
}
