//! The engine's event stream (`docker events`) turned into coalesced invalidations: which kinds of object changed,
//! and which containers; and, for desktop notifications, each container's kill, stop, death and failed health
//! check as it comes (`ContainerMoment`, not coalesced: the rules need every one, in order).
//!
//! Invariants: events are invalidation only (their payload is never used to patch a list, only to name what to
//! read again); the first event after a
//! quiet spell is delivered at once, and what follows it is delivered as one batch once the stream has been quiet
//! for `QUIET` or `MAX_DELAY` has passed, so 1,000 containers created in a loop cause a handful of refreshes, not
//! 1,000. The stream ends when the engine goes away.

use crate::error::from_bollard;
use crate::Engine;
use bollard::query_parameters::EventsOptions;
use futures_util::{Stream, StreamExt};
use porthole_model::notification::ContainerMoment;
use porthole_model::system::event::{Burst, Invalidation};
use porthole_model::{ErrorKind, ObjectKind, PortholeError};
use std::time::Duration;
use tokio::sync::mpsc;

/// A burst ends after this long without a new event…
pub const QUIET: Duration = Duration::from_millis(25);
/// …or after this long in any case, so a steady stream still refreshes the lists.
pub const MAX_DELAY: Duration = Duration::from_millis(150);

/// Container actions that change nothing a list shows (exec sessions, `docker top`, attach, copy, resize).
fn is_noise(kind: ObjectKind, action: &str) -> bool {
    kind == ObjectKind::Container
        && (action.starts_with("exec_")
            || matches!(
                action,
                "top"
                    | "attach"
                    | "detach"
                    | "resize"
                    | "archive-path"
                    | "extract-to-dir"
                    | "export"
            ))
}

/// One engine event as the app reads it: its kind and, when it names one, the container it changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    pub kind: ObjectKind,
    /// The container's id and whether the event destroyed it: a container's own event names it as its actor, a
    /// network's connect or disconnect in its `container` attribute.
    pub container: Option<(String, bool)>,
    /// What the container did, when notifications care (a kill, a death with its exit code, turning unhealthy).
    pub moment: Option<ContainerMoment>,
}

/// The raw events as changes, noise dropped, from `since` (an engine timestamp) or from now. Ends with `Err` when
/// the engine's stream breaks.
pub fn changes(
    engine: &Engine,
    since: Option<String>,
) -> impl Stream<Item = Result<Change, PortholeError>> + Send + 'static {
    let options = EventsOptions {
        since: since.as_deref().and_then(since_param),
        ..Default::default()
    };
    engine
        .docker
        .events(Some(options))
        .filter_map(|event| async move {
            match event {
                Ok(event) => {
                    let kind = ObjectKind::from_event_type(event.typ?.as_ref())?;
                    let action = event.action.unwrap_or_default();
                    if is_noise(kind, &action) {
                        return None;
                    }
                    let actor = event.actor.unwrap_or_default();
                    let mut attributes = actor.attributes.unwrap_or_default();
                    let id = actor.id.filter(|id| !id.is_empty());
                    let mut moment = None;
                    let container = match kind {
                        // A prune's event has an empty id: only the whole list can show what it did. Podman
                        // reports a removal as `remove`, Docker as `destroy`.
                        ObjectKind::Container => id.map(|id| {
                            moment = ContainerMoment::from_event(
                                &id,
                                &action,
                                attributes.get("name").map(String::as_str).unwrap_or(&id),
                                |key| attributes.get(key).cloned(),
                            );
                            let destroyed = matches!(action.as_str(), "destroy" | "remove");
                            (id, destroyed)
                        }),
                        ObjectKind::Network
                            if matches!(action.as_str(), "connect" | "disconnect") =>
                        {
                            attributes.remove("container").map(|id| (id, false))
                        }
                        _ => None,
                    };
                    Some(Ok(Change {
                        kind,
                        container,
                        moment,
                    }))
                }
                Err(error) => Some(Err(from_bollard(error))),
            }
        })
}

/// The engine reports its clock as RFC 3339 (`SystemTime` in `/info`), but `/events?since=` takes Unix seconds with
/// an optional fraction (the CLI converts the same way).
pub fn since_param(rfc3339: &str) -> Option<String> {
    let time = chrono::DateTime::parse_from_rfc3339(rfc3339).ok()?;
    Some(format!(
        "{}.{:09}",
        time.timestamp(),
        time.timestamp_subsec_nanos()
    ))
}

/// Runs the event stream and sends one coalesced batch per burst, and each container moment at once to `moments`
/// when given. Returns when the stream ends (the engine stopped or the connection broke) or when the receiver of
/// batches is dropped.
pub async fn forward_invalidations(
    engine: &Engine,
    since: Option<String>,
    batches: mpsc::Sender<Invalidation>,
    moments: Option<mpsc::UnboundedSender<ContainerMoment>>,
) -> PortholeError {
    crate::as_action(porthole_model::Action::Events, async move {
        let ended = || PortholeError::of_kind(ErrorKind::EngineUnavailable, "event stream ended");
        let gone =
            || PortholeError::of_kind(ErrorKind::Internal, "no one listens to events any more");
        let mut stream = Box::pin(changes(engine, since));
        let mut burst = Burst::default();
        let mut last_sent: Option<tokio::time::Instant> = None;
        loop {
            match stream.next().await {
                Some(Ok(change)) => add(&mut burst, change, moments.as_ref()),
                Some(Err(error)) => return error,
                None => return ended(),
            }
            // Leading edge: the first change after a quiet spell goes out at once, so a single `docker run` shows
            // without waiting — unless a batch went out less than `MAX_DELAY` ago, so that a loop of CLI calls spaced
            // just past `QUIET` still yields at most one batch per `MAX_DELAY`.
            let now = tokio::time::Instant::now();
            let deadline = match last_sent {
                Some(sent) if now < sent + MAX_DELAY => sent + MAX_DELAY,
                _ => {
                    if batches.send(burst.take()).await.is_err() {
                        return gone();
                    }
                    last_sent = Some(now);
                    now + MAX_DELAY
                }
            };
            // Trailing edge: what follows until the deadline (or a quiet spell) is gathered into one more batch.
            let outcome = loop {
                let quiet_until = (tokio::time::Instant::now() + QUIET).min(deadline);
                match tokio::time::timeout_at(quiet_until, stream.next()).await {
                    Ok(Some(Ok(change))) => add(&mut burst, change, moments.as_ref()),
                    Ok(Some(Err(error))) => break Some(error),
                    Ok(None) => break Some(ended()),
                    Err(_)
                        if tokio::time::Instant::now() < deadline
                            && !burst.is_empty()
                            && last_sent
                                .is_some_and(|s| s + MAX_DELAY > tokio::time::Instant::now()) =>
                    {
                        // Quiet, but a batch went out too recently: hold the gathered kinds until the deadline.
                        tokio::time::sleep_until(deadline).await;
                        break None;
                    }
                    Err(_) => break None,
                }
            };
            if !burst.is_empty() {
                if batches.send(burst.take()).await.is_err() {
                    return gone();
                }
                last_sent = Some(tokio::time::Instant::now());
            }
            if let Some(error) = outcome {
                return error;
            }
        }
    })
    .await
}

fn add(
    burst: &mut Burst,
    change: Change,
    moments: Option<&mpsc::UnboundedSender<ContainerMoment>>,
) {
    if let (Some(moment), Some(moments)) = (change.moment, moments) {
        // Nobody listening any more is no reason to stop the invalidations.
        let _ = moments.send(moment);
    }
    match change.container {
        Some((id, destroyed)) => burst.add_container(change.kind, id, destroyed),
        None => burst.add(change.kind),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn since_is_unix_seconds_with_nanoseconds() {
        assert_eq!(
            since_param("2026-11-28T15:38:28.534930181Z").as_deref(),
            Some("1795880308.534930181")
        );
        assert_eq!(
            since_param("1970-01-01T00:00:01+00:00").as_deref(),
            Some("1.000000000")
        );
        assert_eq!(since_param("not a time"), None);
        assert_eq!(since_param(""), None);
    }
}
