//! Container exits worth a notification, read from the engine's events: a `die` with a non-zero exit code that no
//! `kill` came before (`docker stop`, `docker kill`, `docker restart` and `docker rm -f` all send one first, the
//! container stopping on its own does not — nor does the kernel's out-of-memory killer), and a health check turning
//! unhealthy.
//!
//! Invariant: one container in a restart loop raises at most one notification per `REPEAT_AFTER_MS` for the same
//! kind of moment, so `--restart always` on a crashing program does not bury the desktop.

use super::{Notice, NotificationSettings, Opens};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// A `kill` explains a `die` up to this long after it (a stop waits for the program up to its timeout, 10 s by
/// default, and users set longer ones).
pub const KILL_COVERS_MS: i64 = 5 * 60 * 1000;
/// The same container's same kind of moment is not notified again before this.
pub const REPEAT_AFTER_MS: i64 = 5 * 60 * 1000;

/// What a container did, as far as notifications care.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Moment {
    /// Someone sent it a signal (a stop, a kill, a restart, a forced remove).
    Killed,
    Died {
        exit_code: i64,
    },
    Unhealthy,
}

/// One moment of one container, from the engine's event stream.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContainerMoment {
    pub id: String,
    /// Its name, without the leading `/`.
    pub name: String,
    pub moment: Moment,
}

impl ContainerMoment {
    /// The moment an engine event names, from its action and attributes (`exitCode` on a `die`); `None` for the
    /// others.
    pub fn from_event(id: &str, action: &str, name: &str, exit_code: Option<&str>) -> Option<Self> {
        let moment = match action {
            "kill" => Moment::Killed,
            "die" => Moment::Died {
                exit_code: exit_code.and_then(|c| c.parse().ok()).unwrap_or(0),
            },
            "health_status: unhealthy" => Moment::Unhealthy,
            _ => return None,
        };
        Some(Self {
            id: id.to_owned(),
            name: name.trim_start_matches('/').to_owned(),
            moment,
        })
    }
}

/// Remembers recent kills and raised notifications across events.
#[derive(Debug, Default)]
pub struct ExitWatch {
    /// Container id → when it was last sent a signal.
    killed: HashMap<String, i64>,
    /// (container id, unhealthy?) → when it was last notified.
    raised: HashMap<(String, bool), i64>,
}

impl ExitWatch {
    /// Takes in one moment at `now_ms` (Unix milliseconds); returns the notification it deserves, if any.
    pub fn see(
        &mut self,
        event: &ContainerMoment,
        now_ms: i64,
        settings: &NotificationSettings,
    ) -> Option<Notice> {
        self.forget_before(now_ms);
        let (summary, body) = match &event.moment {
            Moment::Killed => {
                self.killed.insert(event.id.clone(), now_ms);
                return None;
            }
            Moment::Died { exit_code } => {
                let stopped = self.killed.remove(&event.id).is_some();
                if stopped || *exit_code == 0 {
                    return None;
                }
                (
                    format!("{} exited with code {exit_code}", event.name),
                    format!(
                        "It stopped on its own{}. Its logs may say why: docker logs {}",
                        exit_meaning(*exit_code),
                        event.name
                    ),
                )
            }
            Moment::Unhealthy => (
                format!("{} is unhealthy", event.name),
                format!(
                    "Its health check keeps failing. The last results: docker inspect --format '{{{{json .State.Health}}}}' {}",
                    event.name
                ),
            ),
        };
        if !settings.watches(&event.name) {
            return None;
        }
        let key = (event.id.clone(), event.moment == Moment::Unhealthy);
        if self
            .raised
            .get(&key)
            .is_some_and(|at| now_ms - at < REPEAT_AFTER_MS)
        {
            return None;
        }
        self.raised.insert(key, now_ms);
        Some(Notice {
            summary,
            body,
            opens: Opens::Container(event.id.clone()),
        })
    }

    /// Drops what is too old to matter, so the maps stay as small as the recent past.
    fn forget_before(&mut self, now_ms: i64) {
        self.killed.retain(|_, at| now_ms - *at < KILL_COVERS_MS);
        self.raised.retain(|_, at| now_ms - *at < REPEAT_AFTER_MS);
    }
}

/// What a shell-style exit code usually means, when it is one of the well-known ones.
fn exit_meaning(code: i64) -> &'static str {
    match code {
        126 => " (its command could not be run)",
        127 => " (its command was not found)",
        137 => " (killed: out of memory?)",
        139 => " (a segmentation fault)",
        _ => "",
    }
}
