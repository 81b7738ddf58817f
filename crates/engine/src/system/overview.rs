//! The Engines overview, live: one engine followed on a connection of its own — its figures read when it answers
//! and again whenever its events say containers, images or its swarm changed; when it stops answering,
//! why, and it is tried again.
//!
//! Invariants: every change of what the overview shows is reported once (an unchanged probe is not sent again);
//! a local socket is tried again every `LOCAL_RETRY` (cheap, and an engine restarted under the window is seen at
//! once), a remote engine every `REMOTE_RETRY`; the follow ends only when `on_probe` says no one listens.

use crate::system::context::{connected, figures};
use crate::system::endpoint::Endpoint;
use crate::system::events::forward_invalidations;
use porthole_model::system::context::EngineProbe;
use porthole_model::ObjectKind;
use std::time::Duration;
use tokio::sync::mpsc;

pub const LOCAL_RETRY: Duration = Duration::from_secs(2);
pub const REMOTE_RETRY: Duration = Duration::from_secs(10);

/// Follows the engine at `endpoint`, calling `on_probe` with each new look at it; returns when `on_probe` answers
/// `false` (its reader is gone).
pub async fn follow(endpoint: &Endpoint, mut on_probe: impl FnMut(EngineProbe) -> bool) {
    let mut last: Option<EngineProbe> = None;
    let mut report = move |probe: EngineProbe| {
        if last.as_ref() == Some(&probe) {
            return true;
        }
        last = Some(probe.clone());
        on_probe(probe)
    };
    loop {
        match connected(endpoint).await {
            Err(probe) => {
                if !report(*probe) {
                    return;
                }
            }
            Ok((engine, info)) => {
                if !report(figures(&info)) {
                    return;
                }
                let (sender, mut batches) = mpsc::channel(8);
                let events =
                    forward_invalidations(&engine, Some(info.system_time.clone()), sender, None);
                tokio::pin!(events);
                // Until the event stream ends (the engine went away) or the figures can no longer be read.
                let lost = loop {
                    tokio::select! {
                        ended = &mut events => break ended.message,
                        batch = batches.recv() => {
                            let Some(batch) = batch else { break "event stream ended".to_owned() };
                            if !batch.kinds.iter().any(|k| shown(*k)) {
                                continue;
                            }
                            match crate::system::info(&engine).await {
                                Ok(info) => if !report(figures(&info)) { return },
                                Err(error) => break error.message,
                            }
                        }
                    }
                };
                // Said at once; the next try (below) says more if the engine does not answer.
                let gone = EngineProbe {
                    problem: "The engine stopped answering.".into(),
                    detail: lost,
                    ..Default::default()
                };
                if !report(gone) {
                    return;
                }
            }
        }
        tokio::time::sleep(retry_after(endpoint)).await;
    }
}

/// The kinds whose changes move the overview's figures.
fn shown(kind: ObjectKind) -> bool {
    matches!(
        kind,
        ObjectKind::Container | ObjectKind::Image | ObjectKind::Swarm | ObjectKind::Engine
    )
}

fn retry_after(endpoint: &Endpoint) -> Duration {
    if endpoint.host.starts_with("unix://") || endpoint.host.starts_with("npipe://") {
        LOCAL_RETRY
    } else {
        REMOTE_RETRY
    }
}
