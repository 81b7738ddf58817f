//! Desktop notifications: raised over the freedesktop interface (notify-rust), each with a `default` action, so a
//! click raises the window and tells the page what to open (over the `Notifications` subscriptions). What deserves
//! one is decided by the model's rules (`porthole_model::notification`); this module feeds them the engine's
//! container moments, the ends of long tasks and the window's focus, with the settings the user saved.
//!
//! Invariants: a notification that cannot be shown (no notification service on this desktop) is dropped with a line
//! on stderr, never an error in the UI; each shown notification holds one thread only until it is closed.

use porthole_model::notification::{
    ContainerMoment, ExitWatch, Notice, NotificationSettings, Opens, Task,
};
use std::future::Future;
use std::sync::{Arc, Mutex, RwLock};
use std::time::Instant;
use tauri::{AppHandle, Manager};
use tokio::sync::broadcast;

pub struct Notifications {
    settings: RwLock<NotificationSettings>,
    watch: Mutex<ExitWatch>,
    /// What clicked notifications open, for every page that listens.
    pub opened: broadcast::Sender<Opens>,
}

impl Notifications {
    pub fn new(settings: NotificationSettings) -> Arc<Self> {
        Arc::new(Self {
            settings: RwLock::new(settings),
            watch: Mutex::default(),
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

    /// A container event from the engine: a notification when it is news.
    pub fn container_moment(self: &Arc<Self>, app: &AppHandle, moment: &ContainerMoment) {
        let now = chrono::Utc::now().timestamp_millis();
        let settings = self.settings();
        let notice = self
            .watch
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .see(moment, now, &settings);
        if let Some(notice) = notice {
            self.raise(app, notice);
        }
    }

    /// A long task ended: a notification when the window is not in front.
    pub fn task_ended(
        self: &Arc<Self>,
        app: &AppHandle,
        task: &Task,
        succeeded: bool,
        started: Instant,
    ) {
        let elapsed = u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX);
        if let Some(notice) =
            task.notice(succeeded, elapsed, window_in_front(app), &self.settings())
        {
            self.raise(app, notice);
        }
    }

    /// `work` (a task's stream, returning whether it succeeded), then the notification its end deserves. A task
    /// cancelled by the user never gets there.
    pub fn after<F>(
        self: &Arc<Self>,
        app: &AppHandle,
        task: Task,
        work: F,
    ) -> impl Future<Output = ()> + Send + 'static
    where
        F: Future<Output = bool> + Send + 'static,
    {
        let this = self.clone();
        let app = app.clone();
        let started = Instant::now();
        async move {
            let succeeded = work.await;
            this.task_ended(&app, &task, succeeded, started);
        }
    }

    /// `work` (a command's answer), then the notification its end deserves.
    pub async fn around<T, E>(
        self: &Arc<Self>,
        app: &AppHandle,
        task: Task,
        work: impl Future<Output = Result<T, E>>,
    ) -> Result<T, E> {
        let started = Instant::now();
        let result = work.await;
        self.task_ended(app, &task, result.is_ok(), started);
        result
    }

    fn raise(self: &Arc<Self>, app: &AppHandle, notice: Notice) {
        let this = self.clone();
        let app = app.clone();
        // Showing talks to the session bus and waiting for the click blocks: a thread of its own.
        std::thread::spawn(move || {
            let shown = notify_rust::Notification::new()
                .appname("Porthole")
                .summary(&notice.summary)
                .body(&notice.body)
                .icon("porthole")
                .action("default", "Open")
                .show();
            match shown {
                #[cfg(all(unix, not(target_os = "macos")))]
                Ok(handle) => handle.wait_for_action(|action| {
                    if action == "default" {
                        bring_to_front(&app);
                        let _ = this.opened.send(notice.opens.clone());
                    }
                }),
                #[cfg(not(all(unix, not(target_os = "macos"))))]
                Ok(_) => {}
                Err(error) => eprintln!("Porthole: a notification could not be shown: {error}"),
            }
        });
    }
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

/// Follows the engine's container moments for the app's lifetime, across reconnects and engine switches.
pub async fn watch_containers(
    app: AppHandle,
    notifications: Arc<Notifications>,
    mut moments: broadcast::Receiver<ContainerMoment>,
) {
    loop {
        match moments.recv().await {
            Ok(moment) => notifications.container_moment(&app, &moment),
            // Missed moments cannot be notified late; the next ones still can.
            Err(broadcast::error::RecvError::Lagged(_)) => {}
            Err(broadcast::error::RecvError::Closed) => return,
        }
    }
}
