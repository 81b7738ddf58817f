//! The connection watcher: one task for the app's lifetime that connects to the engine, follows its event stream,
//! and reconnects with backoff (1 s doubling to 30 s, or at once on "Retry now") when the engine goes away.
//!
//! Invariants: the event stream is opened `since` the engine's own clock at connect time, before the UI is told
//! `Connected`, so no change between the UI's resync and the stream's start is lost; a broken stream always leads
//! back to reconnecting, never to a silent stop.

use crate::state::Shared;
use porthole_engine::{events, system, Engine};
use porthole_model::engine::backoff_secs;
use porthole_model::ConnectionState;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::mpsc;

pub async fn run(shared: Arc<Shared>) {
    let mut attempt: u32 = 0;
    loop {
        match Engine::connect_recorded(&shared.endpoint, shared.activity.clone()).await {
            Ok(engine) => {
                let started = tokio::time::Instant::now();
                follow(&shared, engine).await;
                set_engine(&shared, None);
                shared.connection.send_replace(ConnectionState::Connecting {
                    endpoint: shared.endpoint.host.clone(),
                });
                // An engine that answers but drops the event stream at once must not be hammered: back off.
                if started.elapsed() < STABLE {
                    let delay = backoff_secs(attempt);
                    attempt = attempt.saturating_add(1);
                    wait(&shared, delay).await;
                } else {
                    attempt = 0;
                }
            }
            Err(unreachable) => {
                let delay = backoff_secs(attempt);
                shared
                    .connection
                    .send_replace(ConnectionState::Unreachable {
                        endpoint: shared.endpoint.host.clone(),
                        endpoint_source: shared.endpoint.source.describe(),
                        reason: unreachable.reason,
                        detail: unreachable.detail,
                        retry_in_secs: delay,
                        attempt,
                    });
                attempt = attempt.saturating_add(1);
                if wait(&shared, delay).await {
                    attempt = 0;
                }
            }
        }
    }
}

/// A connection that lasted less than this counts as a failed attempt for the backoff.
const STABLE: Duration = Duration::from_secs(5);

/// Sleeps `secs`, or less when the user asks to retry now; returns whether they did.
async fn wait(shared: &Shared, secs: u64) -> bool {
    tokio::select! {
        _ = tokio::time::sleep(Duration::from_secs(secs)) => false,
        _ = shared.retry.notified() => true,
    }
}

/// Runs while the engine answers: publishes `Connected`, then forwards coalesced invalidations.
async fn follow(shared: &Shared, engine: Engine) {
    let info = match system::info(&engine).await {
        Ok(info) => info,
        Err(_) => return,
    };
    let (sender, mut batches) = mpsc::channel(16);
    let since = info.system_time.clone();
    let stream_engine = engine.clone();
    let mut stream = tokio::spawn(async move {
        events::forward_invalidations(&stream_engine, Some(since), sender).await
    });
    set_engine(shared, Some(engine));
    shared.connection.send_replace(ConnectionState::Connected {
        info: Box::new(info),
    });
    loop {
        tokio::select! {
            batch = batches.recv() => match batch {
                Some(kinds) => { let _ = shared.invalidations.send(kinds); }
                None => break,
            },
            _ = &mut stream => break,
        }
    }
    stream.abort();
}

fn set_engine(shared: &Shared, engine: Option<Engine>) {
    *shared
        .engine
        .write()
        .unwrap_or_else(|poisoned| poisoned.into_inner()) = engine;
}
