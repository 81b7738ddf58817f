//! Desktop notifications: raised over the freedesktop interface (notify-rust), each with a `default` action, so a
//! click raises the window and tells the page what to open (over the `Notifications` subscriptions). What deserves
//! one is decided by the model's rules (`porthole_model::notification`); this module feeds them the engine's
//! container moments (in order, from the connection's event stream: the rules need every one), the ends of long
//! tasks and the window's focus, with the settings the user saved.
//!
//! Invariants: a notification that cannot be shown (no notification service on this desktop) is dropped with a line
//! on stderr, never an error in the UI. At most `CLICKABLE` notifications wait for a click at once, each on a thread
//! of its own until the notification closes; past that, one is shown without waiting (a desktop that keeps every
//! notification until dismissed cannot pile up threads).

use porthole_model::notification::{
    ContainerMoment, FailureWatch, Notice, NotificationSettings, Opens, Task, GRACE_MS,
};
use std::future::Future;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, RwLock};
use std::time::{Duration, Instant};
use tauri::{AppHandle, Manager};
use tokio::sync::broadcast;

/// How many shown notifications may wait for a click at once.
const CLICKABLE: usize = 8;

pub struct Notifications {
    app: AppHandle,
    settings: RwLock<NotificationSettings>,
    watch: Mutex<FailureWatch>,
    /// How many shown notifications are waiting for a click.
    waiting: AtomicUsize,
    /// What clicked notifications open, for every page that listens.
    pub opened: broadcast::Sender<Opens>,
}

impl Notifications {
    pub fn new(app: AppHandle, settings: NotificationSettings) -> Arc<Self> {
        Arc::new(Self {
            app,
            settings: RwLock::new(settings),
            watch: Mutex::default(),
            waiting: AtomicUsize::new(0),
            opened: broadcast::channel(8).0,
        })
    }

    /// The user saved their settings: the next moment is judged by them.
    pub fn set_settings(&self, settings: NotificationSettings) {
        *self.settings.write().unwrap_or_else(|p| p.into_inner()) = settings;
    }

    fn settings(&self) -> NotificationSettings {
        self.settings
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .clone()
    }

    fn watch(&self) -> std::sync::MutexGuard<'_, FailureWatch> {
        self.watch.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// A container event from the engine. A failed health check is news at once; a death is held for its grace
    /// (a stop or removal event may yet explain it), then looked at again.
    pub fn container_moment(self: &Arc<Self>, moment: &ContainerMoment) {
        let now = chrono::Utc::now().timestamp_millis();
        let settings = self.settings();
        let notice = self.watch().see(moment, now, &settings);
        if let Some(notice) = notice {
            self.raise(notice);
        }
        if matches!(
            moment.moment,
            porthole_model::notification::Moment::Died { .. }
        ) {
            let this = self.clone();
            tauri::async_runtime::spawn(async move {
                tokio::time::sleep(Duration::from_millis(GRACE_MS as u64 + 50)).await;
                let now = chrono::Utc::now().timestamp_millis();
                let due = this.watch().due(now, &this.settings());
                for notice in due {
                    this.raise(notice);
                }
            });
        }
    }

    /// `work` (a task's stream, returning whether it succeeded, or `None` when nobody is left to tell), then the
    /// notification its end deserves. A task cancelled by the user never gets there.
    pub fn after<F, O>(
        self: &Arc<Self>,
        task: Task,
        work: F,
    ) -> impl Future<Output = ()> + Send + 'static
    where
        F: Future<Output = O> + Send + 'static,
        O: Into<Option<bool>>,
    {
        let this = self.clone();
        let started = Instant::now();
        async move {
            if let Some(succeeded) = work.await.into() {
                this.task_ended(&task, succeeded, started);
            }
        }
    }

    /// `work` (a command's answer), then the notification its end deserves.
    pub async fn around<T, E>(
        self: &Arc<Self>,
        task: Task,
        work: impl Future<Output = Result<T, E>>,
    ) -> Result<T, E> {
        let started = Instant::now();
        let result = work.await;
        self.task_ended(&task, result.is_ok(), started);
        result
    }

    fn task_ended(self: &Arc<Self>, task: &Task, succeeded: bool, started: Instant) {
        let elapsed = u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX);
        let in_front = window_in_front(&self.app);
        if let Some(notice) = task.notice(succeeded, elapsed, in_front, &self.settings()) {
            self.raise(notice);
        }
    }

    fn raise(self: &Arc<Self>, notice: Notice) {
        let this = self.clone();
        // Showing talks to the session bus and waiting for the click blocks: a thread of its own.
        std::thread::spawn(move || {
            let shown = notify_rust::Notification::new()
                .appname("Porthole")
                .summary(&notice.summary)
                .body(&notice.body)
                .icon("porthole")
                .action("default", "Open")
                .show();
            let handle = match shown {
                Ok(handle) => handle,
                Err(error) => {
                    eprintln!("Porthole: a notification could not be shown: {error}");
                    return;
                }
            };
            if this.waiting.fetch_add(1, Ordering::SeqCst) >= CLICKABLE {
                this.waiting.fetch_sub(1, Ordering::SeqCst);
                return;
            }
            this.wait_for_click(handle, notice.opens);
            this.waiting.fetch_sub(1, Ordering::SeqCst);
        });
    }

    /// Blocks until the notification closes; a click on it raises the window and sends what it opens.
    #[cfg(all(unix, not(target_os = "macos")))]
    fn wait_for_click(&self, handle: notify_rust::NotificationHandle, opens: Opens) {
        handle.wait_for_action(|action| {
            if action == "default" {
                bring_to_front(&self.app);
                let _ = self.opened.send(opens.clone());
            }
        });
    }

    #[cfg(not(all(unix, not(target_os = "macos"))))]
    fn wait_for_click(&self, _handle: notify_rust::NotificationHandle, _opens: Opens) {}
}

/// Whether the user is looking at the window now.
fn window_in_front(app: &AppHandle) -> bool {
    app.get_webview_window("main").is_some_and(|window| {
        window.is_focused().unwrap_or(false)
            && window.is_visible().unwrap_or(false)
            && !window.is_minimized().unwrap_or(false)
    })
}

fn bring_to_front(app: &AppHandle) {
    if let Some(window) = app.get_webview_window("main") {
        let _ = window.unminimize();
        let _ = window.show();
        let _ = window.set_focus();
    }
}
