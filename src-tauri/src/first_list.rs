//! The first container list, read by the backend the moment the engine first answers — while the webview is still
//! starting and the page's wasm compiling — so the page's first `list_containers` is answered from memory instead
//! of waiting for the engine then.
//!
//! Invariants: only the app's first connection is read ahead, and the read is handed out at most once. It stands
//! for a read made now only when nothing can have changed unseen: the same `all` as asked, no invalidation
//! forwarded since the read began (the page, subscribed before it asks, hears every later one), the same
//! connection (`forget` on a disconnect or switch), and younger than `FRESH`. Otherwise — or when the read failed —
//! the command asks the engine as it always does.

use porthole_engine::Engine;
use porthole_model::ContainerSummary;
use std::sync::Mutex;
use std::time::{Duration, Instant};
use tokio::sync::oneshot;

/// Older than this, a read ahead is not used: the page took so long that asking again costs nothing noticeable.
const FRESH: Duration = Duration::from_secs(20);

struct Ahead {
    all: bool,
    /// The forwarded-invalidation count when the read began.
    changes: u64,
    began: Instant,
    read: oneshot::Receiver<Vec<ContainerSummary>>,
}

/// The page reads every container (`docker ps -a`) and shows the running ones itself when asked to.
const ALL: bool = true;

#[derive(Default)]
pub struct FirstList {
    /// Whether the first connection's read has begun.
    begun: Mutex<bool>,
    ahead: Mutex<Option<Ahead>>,
}

impl FirstList {
    /// Begins the read on the app's first connection; later connections read nothing ahead (the page is there and
    /// asks at once).
    pub fn begin(&self, engine: &Engine, changes: u64) {
        if std::mem::replace(&mut *lock(&self.begun), true) {
            return;
        }
        let all = ALL;
        let (sender, read) = oneshot::channel();
        let engine = engine.clone();
        tauri::async_runtime::spawn(async move {
            if let Ok(list) = porthole_engine::container::list::list(&engine, all).await {
                let _ = sender.send(list);
            }
        });
        *lock(&self.ahead) = Some(Ahead {
            all,
            changes,
            began: Instant::now(),
            read,
        });
    }

    /// The connection it was read on is gone.
    pub fn forget(&self) {
        lock(&self.ahead).take();
    }

    /// The list read ahead, when it may stand for a read of `all` now (`changes`: the forwarded count now).
    pub async fn take(&self, all: bool, changes: u64) -> Option<Vec<ContainerSummary>> {
        let ahead = lock(&self.ahead).take()?;
        if ahead.all != all || ahead.changes != changes || ahead.began.elapsed() > FRESH {
            return None;
        }
        ahead.read.await.ok()
    }
}

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

#[cfg(test)]
mod tests {
    use super::FirstList;
    use crate::test_rig::{connected, docker};

    /// A container only this test makes, removed when the test ends however it ends.
    struct Made(String);

    impl Drop for Made {
        fn drop(&mut self) {
            let _ = std::process::Command::new("docker")
                .args(["rm", "-f", &self.0])
                .env("DOCKER_HOST", crate::test_rig::test_engine())
                .output();
        }
    }

    fn named(list: &[porthole_model::ContainerSummary], name: &str) -> bool {
        list.iter().any(|c| c.name == name)
    }

    #[test]
    fn the_list_read_ahead_is_handed_out_once_and_only_while_nothing_changed() {
        let made = Made(format!("first-list-{}", std::process::id()));
        docker(&[
            "create",
            "--name",
            &made.0,
            "porthole-test/busybox:1",
            "true",
        ]);
        tauri::async_runtime::block_on(async {
            let engine = connected().await;

            let first = FirstList::default();
            first.begin(&engine, 7);
            let read = first.take(true, 7).await.expect("the read ahead");
            assert!(
                named(&read, &made.0),
                "the read holds the engine's containers"
            );
            assert!(first.take(true, 7).await.is_none(), "handed out once");
            first.begin(&engine, 7);
            assert!(
                first.take(true, 7).await.is_none(),
                "a later connection reads nothing ahead"
            );

            let changed = FirstList::default();
            changed.begin(&engine, 7);
            assert!(
                changed.take(true, 8).await.is_none(),
                "a change was forwarded since the read began"
            );

            let running_only = FirstList::default();
            running_only.begin(&engine, 7);
            assert!(
                running_only.take(false, 7).await.is_none(),
                "asked for another list than was read"
            );

            let gone = FirstList::default();
            gone.begin(&engine, 7);
            gone.forget();
            assert!(
                gone.take(true, 7).await.is_none(),
                "the connection it was read on is gone"
            );
        });
    }
}
