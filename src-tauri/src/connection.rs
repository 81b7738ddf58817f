//! The connection watcher: one task for the app's lifetime that connects to the engine, follows its event stream
//! (invalidations for the lists, container moments for the notifications), and reconnects when the engine goes away — every second for a local socket, 1 s doubling to 30 s for a remote
//! engine (or at once on "Retry now").
//!
//! Invariants: the event stream is opened `since` the engine's own clock at connect time, before the UI is told
//! `Connected`, so no change between the UI's resync and the stream's start is lost; a broken stream always leads
//! back to reconnecting, never to a silent stop; the failed-try count starts again every time the engine answers
//! (a restart never inherits the previous outage's backoff); a remote engine is pinged while connected, so one that
//! vanished without closing the connection is noticed within `LIVENESS_SECS` plus the ping's timeout.

use crate::state::Shared;
use porthole_engine::system::{self, events};
use porthole_engine::Engine;
use porthole_model::system::{is_local_endpoint, reconnect_delay_secs, LIVENESS_SECS};
use porthole_model::ConnectionState;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::mpsc;

pub async fn run(shared: Arc<Shared>) {
    let mut attempt: u32 = 0;
    let mut following = shared.endpoint();
    loop {
        let endpoint = shared.endpoint();
        if endpoint != following {
            // A switch: the new engine starts with a clean count, and the UI hears about it at once.
            following = endpoint.clone();
            attempt = 0;
            shared.connection.send_replace(ConnectionState::Connecting {
                endpoint: endpoint.host.clone(),
            });
        }
        let local = is_local_endpoint(&endpoint.host);
        let connected = tokio::select! {
            connected = Engine::connect_recorded(&endpoint, shared.activity.clone()) => connected,
            _ = shared.switched.notified() => continue,
        };
        match connected {
            Ok(engine) => {
                let started = tokio::time::Instant::now();
                let (answered, switched) = follow(&shared, engine, local).await;
                set_engine(&shared, None);
                if switched {
                    continue;
                }
                shared.connection.send_replace(ConnectionState::Connecting {
                    endpoint: endpoint.host.clone(),
                });
                if answered {
                    attempt = 0;
                } else {
                    attempt = attempt.saturating_add(1);
                }
                // An engine that answers but drops the event stream at once is tried again after a pause, never in
                // a tight loop; one that ran for a while is tried again at once (it is probably restarting).
                if !answered || started.elapsed() < STABLE {
                    wait(&shared, reconnect_delay_secs(local, attempt)).await;
                }
            }
            Err(unreachable) => {
                let delay = reconnect_delay_secs(local, attempt);
                shared
                    .connection
                    .send_replace(ConnectionState::Unreachable {
                        endpoint: endpoint.host.clone(),
                        endpoint_source: endpoint.source.describe(),
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

/// A connection shorter than this is not trusted to be back: the next try waits its delay first.
const STABLE: Duration = Duration::from_secs(5);

/// Sleeps `secs`, or less when the user asks to retry now or switches engines; returns whether they did.
async fn wait(shared: &Shared, secs: u64) -> bool {
    tokio::select! {
        _ = tokio::time::sleep(Duration::from_secs(secs)) => false,
        _ = shared.retry.notified() => true,
        _ = shared.switched.notified() => true,
    }
}

/// Runs while the engine answers: publishes `Connected`, then forwards coalesced invalidations. Returns whether the
/// engine answered (`docker info`), which is what resets the backoff, and whether the user switched engines.
async fn follow(shared: &Shared, engine: Engine, local: bool) -> (bool, bool) {
    let info = tokio::select! {
        info = system::info(&engine) => info,
        _ = shared.switched.notified() => return (false, true),
    };
    let Ok(info) = info else {
        return (false, false);
    };
    let (sender, mut batches) = mpsc::channel(16);
    let (moment_sender, mut moments) = mpsc::unbounded_channel();
    let since = info.system_time.clone();
    let stream_engine = engine.clone();
    let mut stream = tokio::spawn(async move {
        events::forward_invalidations(&stream_engine, Some(since), sender, Some(moment_sender))
            .await
    });
    let liveness_engine = engine.clone();
    shared.first_list.begin(&engine, shared.changes());
    set_engine(shared, Some(engine));
    shared.connection.send_replace(ConnectionState::Connected {
        info: Box::new(info),
    });
    // A local socket's stream ends when the engine does; a remote host can vanish without a word.
    let mut liveness = tokio::time::interval(Duration::from_secs(LIVENESS_SECS));
    liveness.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    let mut switched = false;
    loop {
        tokio::select! {
            batch = batches.recv() => match batch {
                Some(batch) => shared.forward(batch),
                None => break,
            },
            Some(moment) = moments.recv() => shared.notifications.container_moment(&moment),
            _ = &mut stream => break,
            _ = shared.switched.notified() => {
                switched = true;
                break;
            }
            _ = liveness.tick(), if !local => {
                if !liveness_engine.is_alive().await {
                    break;
                }
            }
        }
    }
    stream.abort();
    (true, switched)
}

fn set_engine(shared: &Shared, engine: Option<Engine>) {
    if engine.is_none() {
        shared.first_list.forget();
    }
    *shared
        .engine
        .write()
        .unwrap_or_else(|poisoned| poisoned.into_inner()) = engine;
}
