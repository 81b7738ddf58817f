//! Long tasks worth a notification when they end: a pull, push, build, compose run or reclaim that took at least
//! `LONG_TASK_MS` and ended while the window was not in front — the user went to do something else meanwhile.

use super::{Notice, NotificationSettings, Opens};
use crate::compose::{ComposeCommand, ComposeVerb};
use crate::Page;

/// A task shorter than this ends before anyone looks away: no notification.
pub const LONG_TASK_MS: u64 = 5_000;

/// A task that can take long enough to be waited for elsewhere.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Task {
    Pull(String),
    Push(String),
    /// A build, by the tag it gives (empty: none) and its folder.
    Build {
        tag: String,
        folder: String,
    },
    Compose(ComposeCommand),
    Reclaim,
}

impl Task {
    /// The notification this task's end deserves: `None` when it was short, the window is in front, or the user
    /// turned these off.
    pub fn notice(
        &self,
        succeeded: bool,
        elapsed_ms: u64,
        window_in_front: bool,
        settings: &NotificationSettings,
    ) -> Option<Notice> {
        if !settings.long_tasks || window_in_front || elapsed_ms < LONG_TASK_MS {
            return None;
        }
        let (what, opens) = match self {
            Self::Pull(reference) => (
                format!("Pull of {reference}"),
                Opens::Image(reference.clone()),
            ),
            Self::Push(reference) => (
                format!("Push of {reference}"),
                Opens::Image(reference.clone()),
            ),
            Self::Build { tag, .. } if !tag.is_empty() => {
                (format!("Build of {tag}"), Opens::Image(tag.clone()))
            }
            Self::Build { folder, .. } => (format!("Build of {folder}"), Opens::Page(Page::Images)),
            // A log follower ends when the user closes it; that is no news.
            Self::Compose(command) if matches!(command.verb, ComposeVerb::Logs { .. }) => {
                return None
            }
            Self::Compose(command) => (
                format!(
                    "Compose {} of {}",
                    command.verb.label().to_lowercase(),
                    command.project
                ),
                Opens::ComposeFile(command.file.clone()),
            ),
            Self::Reclaim => ("Reclaiming disk space".to_owned(), Opens::Page(Page::Disk)),
        };
        // A failed pull or build made no image to show: its page shows the failure, where it was started.
        let opens = match (succeeded, opens) {
            (false, Opens::Image(_)) => Opens::Page(Page::Images),
            (_, opens) => opens,
        };
        Some(Notice {
            summary: format!("{what} {}", if succeeded { "finished" } else { "failed" }),
            body: format!(
                "After {}. Click to see {}.",
                took(elapsed_ms),
                if succeeded { "the result" } else { "why" }
            ),
            opens,
        })
    }
}

/// `4 s`, `1 min 5 s`.
fn took(ms: u64) -> String {
    let secs = ms / 1000;
    match secs {
        0..=59 => format!("{secs} s"),
        _ => format!("{} min {} s", secs / 60, secs % 60),
    }
}
