//! A container's status line kept current without asking the engine again. The engine words it at request time
//! ("Up 3 minutes", "Exited (0) 2 hours ago"); the list API carries no start or finish time, so the duration is read
//! back from those words once per fetch and then aged with the clock, in the engine's own wording.
//!
//! Invariant: a status that does not parse is shown exactly as the engine sent it.

/// Docker's wording of a duration (go-units `HumanDuration`).
pub fn human_duration(seconds: i64) -> String {
    let seconds = seconds.max(0);
    let minutes = seconds / 60;
    let hours = (seconds as f64 / 3600.0 + 0.5) as i64;
    match () {
        _ if seconds < 1 => "Less than a second".into(),
        _ if seconds == 1 => "1 second".into(),
        _ if seconds < 60 => format!("{seconds} seconds"),
        _ if minutes == 1 => "About a minute".into(),
        _ if minutes < 60 => format!("{minutes} minutes"),
        _ if hours == 1 => "About an hour".into(),
        _ if hours < 48 => format!("{hours} hours"),
        _ if hours < 24 * 7 * 2 => format!("{} days", hours / 24),
        _ if hours < 24 * 30 * 2 => format!("{} weeks", hours / 24 / 7),
        _ if hours < 24 * 365 * 2 => format!("{} months", hours / 24 / 30),
        _ => format!("{} years", hours / 24 / 365),
    }
}

/// Reads a duration in Docker's wording back into seconds (the lower bound of what it could mean).
fn parse_duration(text: &str) -> Option<i64> {
    match text {
        "Less than a second" => return Some(0),
        "About a minute" => return Some(60),
        "About an hour" => return Some(3600),
        _ => {}
    }
    let (count, unit) = text.split_once(' ')?;
    let count: i64 = count.parse().ok()?;
    let unit_seconds = match unit.trim_end_matches('s') {
        "second" => 1,
        "minute" => 60,
        "hour" => 3600,
        "day" => 86_400,
        "week" => 7 * 86_400,
        "month" => 30 * 86_400,
        "year" => 365 * 86_400,
        _ => return None,
    };
    count.checked_mul(unit_seconds)
}

/// A status line split around its duration: `before` + duration + `after`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AgingStatus {
    before: String,
    seconds: i64,
    after: String,
}

impl AgingStatus {
    /// `Up 3 minutes (healthy)`, `Up About an hour (Paused)`, `Exited (137) 5 seconds ago`,
    /// `Restarting (1) Less than a second ago`; anything else (`Created`, `Dead`) is `None`.
    pub fn parse(status: &str) -> Option<Self> {
        if let Some(rest) = status.strip_prefix("Up ") {
            let (duration, after) = match rest.find(" (") {
                Some(i) => (&rest[..i], &rest[i..]),
                None => (rest, ""),
            };
            return Some(Self {
                before: "Up ".into(),
                seconds: parse_duration(duration)?,
                after: after.into(),
            });
        }
        let rest = status.strip_suffix(" ago")?;
        let close = rest.find(") ")?;
        let (before, duration) = rest.split_at(close + 2);
        Some(Self {
            before: before.into(),
            seconds: parse_duration(duration)?,
            after: " ago".into(),
        })
    }

    /// The status `elapsed` seconds after it was read.
    pub fn after(&self, elapsed: i64) -> String {
        format!(
            "{}{}{}",
            self.before,
            human_duration(self.seconds.saturating_add(elapsed.max(0))),
            self.after
        )
    }
}

/// `status` as it would read `elapsed` seconds after the engine wrote it.
pub fn aged(status: &str, elapsed: i64) -> String {
    match AgingStatus::parse(status) {
        Some(aging) if elapsed > 0 => aging.after(elapsed),
        _ => status.to_owned(),
    }
}

/// A status split in two lines for a narrow cell: the head that must stay readable — the state with its exit code
/// ("Exited (137)", "Restarting (1)") or the time up ("Up 3 minutes") — and the rest ("2 hours ago", "healthy").
pub fn status_lines(status: &str) -> (String, String) {
    let split = if status.starts_with("Up ") {
        status.find(" (").map(|open| (open, open + 2))
    } else {
        status.find(") ").map(|close| (close + 1, close + 2))
    };
    match split {
        Some((head, rest)) => (
            status[..head].to_owned(),
            status[rest..].trim_end_matches(')').to_owned(),
        ),
        None => (status.to_owned(), String::new()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_lines_keep_the_exit_code_and_the_time_up_on_the_first_line() {
        let lines = status_lines;
        let pair = |a: &str, b: &str| (a.to_owned(), b.to_owned());
        assert_eq!(
            lines("Exited (137) 5 seconds ago"),
            pair("Exited (137)", "5 seconds ago")
        );
        assert_eq!(
            lines("Restarting (1) Less than a second ago"),
            pair("Restarting (1)", "Less than a second ago")
        );
        assert_eq!(
            lines("Up 3 minutes (healthy)"),
            pair("Up 3 minutes", "healthy")
        );
        assert_eq!(
            lines("Up About an hour (Paused)"),
            pair("Up About an hour", "Paused")
        );
        assert_eq!(lines("Up 2 seconds"), pair("Up 2 seconds", ""));
        assert_eq!(lines("Created"), pair("Created", ""));
        assert_eq!(lines(""), pair("", ""));
    }

    #[test]
    fn wording_matches_docker() {
        assert_eq!(human_duration(0), "Less than a second");
        assert_eq!(human_duration(1), "1 second");
        assert_eq!(human_duration(45), "45 seconds");
        assert_eq!(human_duration(90), "About a minute");
        assert_eq!(human_duration(5 * 60), "5 minutes");
        assert_eq!(human_duration(3600), "About an hour");
        assert_eq!(human_duration(5 * 3600), "5 hours");
        assert_eq!(human_duration(3 * 86_400), "3 days");
        assert_eq!(human_duration(20 * 86_400), "2 weeks");
        assert_eq!(human_duration(100 * 86_400), "3 months");
        assert_eq!(human_duration(800 * 86_400), "2 years");
    }

    #[test]
    fn statuses_age_with_the_clock() {
        assert_eq!(aged("Up Less than a second", 30), "Up 30 seconds");
        assert_eq!(
            aged("Up 2 minutes (healthy)", 180),
            "Up 5 minutes (healthy)"
        );
        assert_eq!(
            aged("Up About an hour (Paused)", 3600),
            "Up 2 hours (Paused)"
        );
        assert_eq!(
            aged("Exited (137) 5 seconds ago", 60),
            "Exited (137) About a minute ago"
        );
        assert_eq!(
            aged("Restarting (1) Less than a second ago", 2),
            "Restarting (1) 2 seconds ago"
        );
    }

    #[test]
    fn unknown_statuses_are_left_as_they_are() {
        for status in [
            "Created",
            "Dead",
            "Removal In Progress",
            "Up",
            "Up forever",
            "Exited (0) whenever ago",
            "",
        ] {
            assert_eq!(aged(status, 100), status);
        }
        assert_eq!(aged("Up 3 minutes", 0), "Up 3 minutes");
        let huge = format!("Up {} years", i64::MAX);
        assert_eq!(
            aged(&huge, i64::MAX),
            huge,
            "no overflow on absurd engine text"
        );
    }
}
