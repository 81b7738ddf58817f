//! A rolling update as the service page shows it while it runs: the engine's own `UpdateStatus` (state and
//! message) with how far it got — the tasks already running the image the spec now names, out of those wanted.
//! The engine replaces tasks one by one (or `--update-parallelism` at a time), so this counts up as it goes; a
//! rollback counts the same way, back to the previous image.

use super::{ServiceSummary, TaskSummary};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UpdateProgress {
    /// `updating`, `paused`, `completed`, `rollback_started`, `rollback_completed`, …
    pub state: String,
    pub message: String,
    /// Running tasks on `image`.
    pub replaced: u64,
    /// Tasks wanted.
    pub total: u64,
    pub image: String,
}

impl UpdateProgress {
    /// The progress of `service`'s update from its tasks, when it has one (a service never updated has none).
    pub fn of(service: &ServiceSummary, tasks: &[TaskSummary]) -> Option<Self> {
        if service.update_state.is_empty() {
            return None;
        }
        let replaced = tasks
            .iter()
            .filter(|t| {
                t.desired_state == "running" && t.state == "running" && t.image == service.image
            })
            .count() as u64;
        Some(Self {
            state: service.update_state.clone(),
            message: service.update_message.clone(),
            replaced: replaced.min(service.desired),
            total: service.desired,
            image: service.image.clone(),
        })
    }

    /// Whether the engine is still replacing tasks.
    pub fn is_running(&self) -> bool {
        matches!(self.state.as_str(), "updating" | "rollback_started")
    }

    /// `3 of 5 tasks run porthole/web:2`.
    pub fn summary(&self) -> String {
        format!(
            "{} of {} tasks run {}",
            self.replaced, self.total, self.image
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn task(image: &str, desired: &str, state: &str) -> TaskSummary {
        TaskSummary {
            image: image.into(),
            desired_state: desired.into(),
            state: state.into(),
            ..Default::default()
        }
    }

    #[test]
    fn counts_the_tasks_already_on_the_new_image() {
        let service = ServiceSummary {
            image: "web:2".into(),
            desired: 3,
            running: 3,
            update_state: "updating".into(),
            update_message: "update in progress".into(),
            ..Default::default()
        };
        let tasks = [
            task("web:2", "running", "running"),
            task("web:1", "shutdown", "shutdown"),
            task("web:2", "running", "starting"),
            task("web:1", "running", "running"),
            task("web:1", "running", "running"),
        ];
        let progress = UpdateProgress::of(&service, &tasks).unwrap();
        assert_eq!((progress.replaced, progress.total), (1, 3));
        assert!(progress.is_running());
        assert_eq!(progress.summary(), "1 of 3 tasks run web:2");
        let never = ServiceSummary {
            update_state: String::new(),
            ..service
        };
        assert_eq!(UpdateProgress::of(&never, &tasks), None);
    }
}
