//! The event stream as coalesced invalidations, against real engine events.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a failed assumption is the test failing

mod common;

use porthole_model::notification::{FailureWatch, Moment, NotificationSettings, GRACE_MS};
use porthole_model::system::event::Invalidation;
use porthole_model::ObjectKind;
use std::time::Duration;
use tokio::sync::mpsc;

/// The engine's events followed from its own clock, exactly as the app does after connecting: the coalesced
/// batches and the container moments.
async fn follow() -> (
    tokio::task::JoinHandle<porthole_model::PortholeError>,
    mpsc::Receiver<Invalidation>,
    mpsc::UnboundedReceiver<porthole_model::notification::ContainerMoment>,
) {
    let engine = common::engine().await;
    let since = porthole_engine::system::info(&engine)
        .await
        .unwrap()
        .system_time;
    let (sender, batches) = mpsc::channel(256);
    let (moment_sender, moments) = mpsc::unbounded_channel();
    let watcher = tokio::spawn(async move {
        porthole_engine::system::events::forward_invalidations(
            &engine,
            Some(since),
            sender,
            Some(moment_sender),
        )
        .await
    });
    (watcher, batches, moments)
}

/// The burst test counts batches: another test's events in the same seconds would be counted with them.
static ONE_AT_A_TIME: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

#[tokio::test]
async fn a_burst_of_container_events_arrives_as_few_batches() {
    let _alone = ONE_AT_A_TIME.lock().await;
    let (watcher, mut batches, _moments) = follow().await;
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

/// The moments notifications are made from: a container that fails on its own, one that is stopped, one whose
/// health check fails — read from real events and judged by the same rules the app uses.
#[tokio::test]
async fn container_moments_tell_a_crash_from_a_stop() {
    let _alone = ONE_AT_A_TIME.lock().await;
    let (watcher, _batches, mut moments) = follow().await;
    let (crashed, _c) = common::started("crash", &[common::BUSYBOX, "sh", "-c", "sleep 1; exit 3"]);
    let (stopped, _s) = common::sleeper("stopped");
    common::docker(&["stop", "-t", "1", &stopped]);
    let (sick, _u) = common::started(
        "sick",
        &[
            "--health-cmd",
            "false",
            "--health-interval",
            "1s",
            "--health-retries",
            "1",
            common::BUSYBOX,
            "sleep",
            "600",
        ],
    );

    let mut watch = FailureWatch::default();
    let settings = NotificationSettings::default();
    let mut notices = Vec::new();
    let mut seen = Vec::new();
    let deadline = tokio::time::Instant::now() + Duration::from_secs(30);
    // Until both are notified, and then a grace longer, so a death wrongly held would be handed out too.
    let mut settled_at = None;
    loop {
        let now = tokio::time::Instant::now();
        assert!(
            now < deadline,
            "only {notices:?} after the moments {seen:?}"
        );
        if settled_at.is_some_and(|at| now > at) {
            break;
        }
        if let Ok(Some(moment)) =
            tokio::time::timeout(Duration::from_millis(200), moments.recv()).await
        {
            let at = chrono::Utc::now().timestamp_millis();
            notices.extend(watch.see(&moment, at, &settings));
            seen.push(moment);
        }
        notices.extend(watch.due(chrono::Utc::now().timestamp_millis(), &settings));
        if notices.len() >= 2 && settled_at.is_none() {
            settled_at =
                Some(tokio::time::Instant::now() + Duration::from_millis(GRACE_MS as u64 + 500));
        }
    }
    let about = |name: &str| {
        seen.iter()
            .filter(|m| m.name == name)
            .map(|m| m.moment.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(about(&crashed), vec![Moment::Died { exit_code: 3 }]);
    // Busybox's `sleep` ignores SIGTERM as PID 1: the stop ends in SIGKILL (137) — not news either way.
    let stop = about(&stopped);
    assert_eq!(stop.first(), Some(&Moment::Killed), "{seen:?}");
    assert!(
        stop.iter().any(|m| matches!(m, Moment::Died { .. })),
        "{seen:?}"
    );
    assert_eq!(stop.last(), Some(&Moment::Ended), "{seen:?}");
    assert_eq!(notices.len(), 2, "{notices:?}");
    let summaries: Vec<&str> = notices.iter().map(|n| n.summary.as_str()).collect();
    assert!(
        summaries.contains(&format!("{crashed} exited with code 3").as_str()),
        "{summaries:?}"
    );
    assert!(
        summaries.contains(&format!("{sick} is unhealthy").as_str()),
        "{summaries:?}"
    );
    assert!(
        !summaries.iter().any(|s| s.contains(&stopped)),
        "{summaries:?}"
    );
    watcher.abort();
}
