//! The one registry of live streams: engine events, pull/push/build progress, and a container's logs, stats,
//! processes and terminal. Each subscription is
//! a task keyed by id that writes to the UI over its own `tauri::ipc::Channel`.
//!
//! Invariants: a subscription leaves the registry when the UI unsubscribes (its view closed), when its task ends
//! (its object went away, or a send found the channel's webview gone), when the page reloads, or when the window
//! is destroyed (`cancel_all`). A stream that sends only on change (the list's stats) may never send to notice a
//! gone webview: those last cancellations are what end it.
//! Nothing else holds the task handles, so the registry's size is the number of live streams.

use std::collections::HashMap;
use std::future::Future;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use tauri::async_runtime::JoinHandle;

/// What a subscription follows, so that e.g. all streams of a removed container can be cancelled together.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Topic {
    Engine,
    /// The Engines overview: every engine the user has, not only the one shown.
    Engines,
    Pull,
    Push,
    Build,
    /// `docker save` or `docker load`.
    Archive,
    /// `docker cp`, either way: not cut by an engine switch or a reload (half a folder is worse than a whole one).
    Copy,
    /// A stream of one container's (logs, stats, processes, terminal), by the name or id the view used.
    Container(String),
    /// The containers list's CPU and memory columns.
    ListStats,
    /// The activity console's live feed.
    Activity,
    /// Clicked desktop notifications: what each opens.
    Notifications,
    /// A run of a tool for a project or stack (the Compose tool's up, down, logs; `docker stack deploy`).
    Tool(String),
}

struct Subscription {
    topic: Topic,
    task: JoinHandle<()>,
}

#[derive(Default)]
pub struct Subscriptions {
    next_id: AtomicU64,
    live: Mutex<HashMap<u64, Subscription>>,
}

impl Subscriptions {
    /// Starts `stream` as a subscription and returns its id. The task removes itself from the registry when it ends.
    /// What the stream returns (whether a transfer succeeded, for its notification) is not the registry's business.
    pub fn spawn<F>(self: &Arc<Self>, topic: Topic, stream: F) -> u64
    where
        F: Future + Send + 'static,
    {
        self.spawn_with(topic, |_| stream)
    }

    /// Like `spawn`, for a stream that needs to know its own id (a terminal registers its input under it).
    pub fn spawn_with<F>(self: &Arc<Self>, topic: Topic, make: impl FnOnce(u64) -> F) -> u64
    where
        F: Future + Send + 'static,
    {
        let id = self.next_id.fetch_add(1, Ordering::Relaxed) + 1;
        let stream = make(id);
        let registry = Arc::downgrade(self);
        // Hold the lock across spawn so a task that ends at once cannot try to remove itself before it is inserted.
        let mut live = self.lock();
        let task = tauri::async_runtime::spawn(async move {
            let _ended = stream.await;
            if let Some(registry) = registry.upgrade() {
                registry.lock().remove(&id);
            }
        });
        live.insert(id, Subscription { topic, task });
        id
    }

    /// Cancels one subscription; `false` when it had already ended.
    pub fn cancel(&self, id: u64) -> bool {
        match self.lock().remove(&id) {
            Some(subscription) => {
                subscription.task.abort();
                true
            }
            None => false,
        }
    }

    /// Cancels every subscription following `topic` (its object went away).
    pub fn cancel_topic(&self, topic: &Topic) {
        self.cancel_unless(|t| t != topic);
    }

    /// Cancels every stream of the engine Porthole is leaving (all but the connection's own and the activity
    /// console's, which follow whichever engine is current, the overview's, which follows them all, the
    /// notifications', which belong to the window, and copies, which finish on the engine they started on); returns
    /// how many went.
    pub fn cancel_engine_streams(&self) -> usize {
        self.cancel_unless(|topic| {
            matches!(
                topic,
                Topic::Engine
                    | Topic::Engines
                    | Topic::Activity
                    | Topic::Notifications
                    | Topic::Copy
            )
        })
    }

    /// Cancels every stream of a page that is reloading, except copies: they finish (their last message has nobody
    /// to reach), so a reload never leaves half a folder behind.
    pub fn cancel_page_streams(&self) {
        self.cancel_unless(|topic| *topic == Topic::Copy);
    }

    /// Cancels every subscription whose topic `keep` does not keep; returns how many went.
    fn cancel_unless(&self, keep: impl Fn(&Topic) -> bool) -> usize {
        let mut cancelled = 0;
        self.lock().retain(|_, subscription| {
            let kept = keep(&subscription.topic);
            if !kept {
                subscription.task.abort();
                cancelled += 1;
            }
            kept
        });
        cancelled
    }

    pub fn cancel_all(&self) {
        for (_, subscription) in self.lock().drain() {
            subscription.task.abort();
        }
    }

    pub fn len(&self) -> usize {
        self.lock().len()
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<u64, Subscription>> {
        self.live
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn subscriptions_leave_when_cancelled_or_finished() {
        let registry = Arc::new(Subscriptions::default());
        let pending = registry.spawn(Topic::Engine, std::future::pending::<()>());
        let _finishing = registry.spawn(Topic::Engine, async {});
        for _ in 0..100 {
            if registry.len() == 1 {
                break;
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        assert_eq!(registry.len(), 1, "a finished stream removes itself");
        assert!(registry.cancel(pending));
        assert!(!registry.cancel(pending));
        assert_eq!(registry.len(), 0);
    }

    #[test]
    fn cancel_all_and_by_topic() {
        let registry = Arc::new(Subscriptions::default());
        for _ in 0..1000 {
            registry.spawn(Topic::Engine, std::future::pending::<()>());
        }
        assert_eq!(registry.len(), 1000);
        registry.cancel_topic(&Topic::Engine);
        assert_eq!(registry.len(), 0);
        registry.spawn(Topic::Engine, std::future::pending::<()>());
        registry.cancel_all();
        assert_eq!(registry.len(), 0);
    }

    #[test]
    fn a_copy_outlives_a_reload_and_an_engine_switch_but_not_the_window() {
        let registry = Arc::new(Subscriptions::default());
        registry.spawn(Topic::Copy, std::future::pending::<()>());
        registry.spawn(Topic::Pull, std::future::pending::<()>());
        registry.spawn(Topic::Container("web".into()), std::future::pending::<()>());
        assert_eq!(registry.cancel_engine_streams(), 2);
        registry.spawn(Topic::Engine, std::future::pending::<()>());
        registry.cancel_page_streams();
        assert_eq!(registry.len(), 1, "the copy goes on");
        registry.cancel_all();
        assert_eq!(registry.len(), 0);
    }
}
