//! The event stream as coalesced invalidations, against real engine events.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a failed assumption is the test failing

mod common;

use porthole_model::system::event::Invalidation;
use porthole_model::ObjectKind;
use std::time::Duration;
use tokio::sync::mpsc;

#[tokio::test]
async fn a_burst_of_container_events_arrives_as_few_batches() {
    let engine = common::engine().await;
    // Follow from the engine's own clock, exactly as the app does after connecting.
    let since = porthole_engine::system::info(&engine)
        .await
        .unwrap()
        .system_time;
    let (sender, mut batches) = mpsc::channel(64);
    let watcher = tokio::spawn(async move {
        porthole_engine::system::events::forward_invalidations(&engine, Some(since), sender).await
    });
    tokio::time::sleep(Duration::from_millis(300)).await;

    let names: Vec<String> = (0..10).map(|_| common::unique("burst")).collect();
    let _cleanup: Vec<common::Removed> = names.iter().cloned().map(common::Removed).collect();
    // One CLI call creates ten containers back to back: ten create events within a few hundred ms.
    let script = names
        .iter()
        .map(|n| format!("docker create --name {n} {} >/dev/null", common::BUSYBOX))
        .collect::<Vec<_>>()
        .join(" && ");
    let status = std::process::Command::new("sh")
        .args(["-c", &script])
        .env("DOCKER_HOST", common::endpoint().host)
        .status()
        .unwrap();
    assert!(status.success());

    let received = settled(&mut batches).await;
    assert!(!received.is_empty(), "no invalidation arrived");
    // Each batch names the kind that changed (other tests' traffic may add theirs); what it makes stale — the
    // images' in-use counts too — is the UI's to work out (`ObjectKind::counted_in`).
    assert!(received
        .iter()
        .all(|b| b.kinds.contains(&ObjectKind::Container)));
    // Ten creates, each also seen by other tests' traffic, must not turn into ten refreshes.
    assert!(
        received.len() < 10,
        "{} batches for 10 events: not coalesced",
        received.len()
    );
    // The batches name the ten containers by id, for the UI to read just those.
    let ids: Vec<String> = names
        .iter()
        .map(|n| common::docker(&["inspect", "-f", "{{.Id}}", n]))
        .collect();
    let named = |batches: &[Invalidation], removed: bool| -> Vec<String> {
        batches
            .iter()
            .filter_map(|b| b.containers.as_ref())
            .flat_map(|c| {
                if removed {
                    c.removed.clone()
                } else {
                    c.changed.clone()
                }
            })
            .collect()
    };
    let changed = named(&received, false);
    assert!(
        ids.iter().all(|id| changed.contains(id)),
        "{changed:?} names {ids:?}"
    );
    // Removed: named as gone, not as changed.
    common::docker(
        &[
            &["rm"][..],
            &names.iter().map(String::as_str).collect::<Vec<_>>(),
        ]
        .concat(),
    );
    let received = settled(&mut batches).await;
    let removed = named(&received, true);
    assert!(
        ids.iter().all(|id| removed.contains(id)),
        "{removed:?} names {ids:?}"
    );
    assert!(!named(&received, false).iter().any(|id| ids.contains(id)));
    watcher.abort();
}

/// The batches until the stream has been idle for 600 ms (well past the coalescing window).
async fn settled(batches: &mut mpsc::Receiver<Invalidation>) -> Vec<Invalidation> {
    let mut received = Vec::new();
    let deadline = tokio::time::Instant::now() + Duration::from_secs(10);
    let mut idle_until = tokio::time::Instant::now() + Duration::from_secs(5);
    while let Ok(Some(batch)) =
        tokio::time::timeout_at(idle_until.min(deadline), batches.recv()).await
    {
        received.push(batch);
        idle_until = tokio::time::Instant::now() + Duration::from_millis(600);
    }
    received
}
