//! Container failures worth a notification, read from the engine's events: a `die` with a non-zero exit code that
//! nobody asked for, and a health check turning unhealthy.
//!
//! "Asked for" is told two ways, because engines differ. Docker sends a `kill` before the death for `docker kill`,
//! `stop`, `restart` and `rm -f`; a kill covers the next death only when its signal ends programs (INT, QUIT, KILL,
//! TERM, or no signal named), so a `kill -s HUP` sent to reload a program does not hide its crash later. Podman sends
//! no `kill` for a stop, a restart or a removal, but a `stop`, `restart` or `remove` event for the container right
//! after its death (Docker too, `stop` and `destroy`) — so a death is held for `GRACE_MS` before it is news, and such
//! an event within that time drops it. The kernel's out-of-memory killer sends no event of either kind: news.
//!
//! Invariant: one container in a restart loop raises at most one notification per `REPEAT_AFTER_MS` for the same
//! kind of failure, so `--restart always` on a crashing program does not bury the desktop.

use super::{Notice, NotificationSettings, Opens};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// A kill explains a death up to this long after it (a stop waits for the program up to its timeout, 10 s by
/// default, and users set longer ones).
pub const KILL_COVERS_MS: i64 = 5 * 60 * 1000;
/// A death is held this long for a stop, restart or removal event that says the user caused it.
pub const GRACE_MS: i64 = 2_000;
/// The same container's same kind of failure is not notified again before this.
pub const REPEAT_AFTER_MS: i64 = 5 * 60 * 1000;

/// What a container did, as far as notifications care.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Moment {
    /// Someone sent it a signal that ends programs (a stop, a kill, a restart, a forced remove on Docker).
    Killed,
    /// Someone stopped, restarted or removed it (the event after the death, on Docker and Podman).
    Ended,
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
    /// The moment an engine event names, from its action and attributes (`exitCode` on a `die`, `signal` on a
    /// `kill`); `None` for the others.
    pub fn from_event(
        id: &str,
        action: &str,
        name: &str,
        attribute: impl Fn(&str) -> Option<String>,
    ) -> Option<Self> {
        let moment = match action {
            "kill" if attribute("signal").is_none_or(|s| ends_programs(&s)) => Moment::Killed,
            "stop" | "restart" | "destroy" | "remove" => Moment::Ended,
            "die" => Moment::Died {
                exit_code: attribute("exitCode")
                    .and_then(|c| c.parse().ok())
                    .unwrap_or(0),
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

/// INT, QUIT, KILL and TERM, by number or name (`15`, `TERM`, `SIGTERM`).
fn ends_programs(signal: &str) -> bool {
    let signal = signal.trim_start_matches("SIG");
    matches!(
        signal,
        "2" | "3" | "9" | "15" | "INT" | "QUIT" | "KILL" | "TERM"
    )
}

/// A death waiting out its grace.
#[derive(Debug)]
struct Held {
    name: String,
    exit_code: i64,
    at: i64,
}

/// Remembers recent kills, deaths on hold and raised notifications across events.
#[derive(Debug, Default)]
pub struct FailureWatch {
    /// Container id → when it was last sent a signal that ends programs.
    killed: HashMap<String, i64>,
    /// Container id → its death, held for `GRACE_MS`.
    held: HashMap<String, Held>,
    /// (container id, unhealthy?) → when it was last notified.
    raised: HashMap<(String, bool), i64>,
}

impl FailureWatch {
    /// Takes in one moment at `now_ms` (Unix milliseconds); returns a notification due at once (a failed health
    /// check). A death is held: `due` hands it out once its grace has passed.
    pub fn see(
        &mut self,
        event: &ContainerMoment,
        now_ms: i64,
        settings: &NotificationSettings,
    ) -> Option<Notice> {
        self.forget_before(now_ms);
        match &event.moment {
            Moment::Killed => {
                self.killed.insert(event.id.clone(), now_ms);
                None
            }
            Moment::Ended => {
                self.held.remove(&event.id);
                None
            }
            Moment::Died { exit_code } => {
                let stopped = self.killed.remove(&event.id).is_some();
                if !stopped && *exit_code != 0 && settings.watches(&event.name) {
                    let held = Held {
                        name: event.name.clone(),
                        exit_code: *exit_code,
                        at: now_ms,
                    };
                    self.held.insert(event.id.clone(), held);
                }
                None
            }
            Moment::Unhealthy => {
                let summary = format!("{} is unhealthy", event.name);
                let body = format!(
                    "Its health check keeps failing. The last results: docker inspect --format '{{{{json .State.Health}}}}' {}",
                    event.name
                );
                self.raise(
                    &event.id,
                    true,
                    &event.name,
                    (summary, body),
                    now_ms,
                    settings,
                )
            }
        }
    }

    /// The held deaths whose grace has passed at `now_ms`, as notifications.
    pub fn due(&mut self, now_ms: i64, settings: &NotificationSettings) -> Vec<Notice> {
        let ready: Vec<String> = self
            .held
            .iter()
            .filter(|(_, held)| now_ms - held.at >= GRACE_MS)
            .map(|(id, _)| id.clone())
            .collect();
        let mut notices = Vec::new();
        for id in ready {
            let Some(held) = self.held.remove(&id) else {
                continue;
            };
            let summary = format!("{} exited with code {}", held.name, held.exit_code);
            let body = format!(
                "It stopped on its own{}. Its logs may say why: docker logs {}",
                exit_meaning(held.exit_code),
                held.name
            );
            notices.extend(self.raise(&id, false, &held.name, (summary, body), now_ms, settings));
        }
        notices
    }

    /// The notice `(summary, body)` for container `id`, unless the user switched it off or it was just raised.
    fn raise(
        &mut self,
        id: &str,
        unhealthy: bool,
        name: &str,
        (summary, body): (String, String),
        now_ms: i64,
        settings: &NotificationSettings,
    ) -> Option<Notice> {
        if !settings.watches(name) {
            return None;
        }
        let key = (id.to_owned(), unhealthy);
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
            opens: Opens::Container(id.to_owned()),
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
