//! Desktop notifications: which moments deserve one, what it says and what clicking it opens. Two sources: a
//! container that stops on its own with an error or turns unhealthy (`watch`, from the engine's events), and a long
//! task — a pull, push, build, compose run or reclaim — that ends while the window is in the background (`task`).
//!
//! Invariants: the rules are here, pure and unit-tested; the backend only feeds them events, clocks and the window's
//! focus, and shows what they return. Nothing is raised while the user's settings say no (globally, or for one
//! container by its name, which survives a recreate).

mod task;
mod watch;

#[cfg(test)]
mod tests;

pub use task::{Task, LONG_TASK_MS};
pub use watch::{ContainerMoment, FailureWatch, Moment, GRACE_MS, KILL_COVERS_MS, REPEAT_AFTER_MS};

use crate::Page;
use serde::{Deserialize, Serialize};

/// The Settings page's switches, saved with the other settings.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct NotificationSettings {
    /// A container exits with a non-zero code without being stopped, or its health check turns unhealthy.
    pub container_failures: bool,
    /// A long pull, push, build, compose run or reclaim ends while the window is in the background.
    pub long_tasks: bool,
    /// Containers (by name) whose exits are not notified, set from the container's page.
    pub muted: Vec<String>,
}

impl Default for NotificationSettings {
    fn default() -> Self {
        Self {
            container_failures: true,
            long_tasks: true,
            muted: Vec::new(),
        }
    }
}

impl NotificationSettings {
    /// Whether a failure of the container `name` would be notified.
    pub fn watches(&self, name: &str) -> bool {
        self.container_failures && !self.muted.iter().any(|m| m == name)
    }

    /// Turns notifications for one container on or off; whether anything changed.
    pub fn set_watched(&mut self, name: &str, watched: bool) -> bool {
        let muted = self.muted.iter().any(|m| m == name);
        if muted != watched {
            return false;
        }
        if watched {
            self.muted.retain(|m| m != name);
        } else {
            self.muted.push(name.to_owned());
            self.muted.sort();
        }
        true
    }
}

/// What clicking a notification opens.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", content = "target", rename_all = "snake_case")]
pub enum Opens {
    /// A container's page, by id.
    Container(String),
    /// An image's details, by reference.
    Image(String),
    /// A compose file on the Compose page.
    ComposeFile(String),
    /// A page as a whole (the Images page for a failed build, the Disk usage page after a reclaim).
    Page(Page),
}

/// One desktop notification: its title, its text, and what a click opens.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Notice {
    pub summary: String,
    pub body: String,
    pub opens: Opens,
}
