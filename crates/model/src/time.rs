//! Times as the lists show them: relative ("3 minutes ago", like `docker ps`), with the exact time on hover.

use chrono::{DateTime, Utc};

/// `then` relative to `now`, both Unix seconds, in Docker's wording.
pub fn relative(then: i64, now: i64) -> String {
    let seconds = now.saturating_sub(then);
    if seconds < 0 {
        return "just now".into();
    }
    let (value, unit) = match seconds {
        0..=59 => {
            return if seconds < 5 {
                "just now".into()
            } else {
                format!("{seconds} seconds ago")
            }
        }
        60..=3599 => (seconds / 60, "minute"),
        3600..=86_399 => (seconds / 3600, "hour"),
        86_400..=1_209_599 => (seconds / 86_400, "day"),
        1_209_600..=5_183_999 => (seconds / 604_800, "week"),
        5_184_000..=31_535_999 => (seconds / 2_592_000, "month"),
        _ => (seconds / 31_536_000, "year"),
    };
    if value == 1 {
        let article = if unit == "hour" { "an" } else { "a" };
        format!("{article} {unit} ago")
    } else {
        format!("{value} {unit}s ago")
    }
}

/// The exact UTC time, for tooltips and exports (the UI shows local time where it can).
pub fn exact_utc(then: i64) -> String {
    DateTime::<Utc>::from_timestamp(then, 0)
        .map(|t| t.format("%Y-%m-%d %H:%M:%S UTC").to_string())
        .unwrap_or_default()
}

/// Unix seconds of an RFC 3339 time as the engine writes it (`2026-11-30T11:51:10.123456789Z`), so it can be shown
/// like every other time (`relative`, with the exact time on hover). `None` for anything else.
pub fn unix_of(rfc3339: &str) -> Option<i64> {
    DateTime::parse_from_rfc3339(rfc3339.trim())
        .ok()
        .map(|t| t.timestamp())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn engine_times_become_unix_seconds() {
        assert_eq!(unix_of("1970-01-01T00:01:00Z"), Some(60));
        assert_eq!(
            unix_of("2026-11-30T11:51:10.123456789Z"),
            Some(1_796_039_470)
        );
        assert_eq!(unix_of("2026-11-30T12:51:10+01:00"), Some(1_796_039_470));
        assert_eq!(unix_of(""), None);
        assert_eq!(unix_of("yesterday"), None);
    }

    #[test]
    fn reads_like_docker_ps() {
        let now = 1_800_000_000;
        assert_eq!(relative(now, now), "just now");
        assert_eq!(relative(now - 30, now), "30 seconds ago");
        assert_eq!(relative(now - 60, now), "a minute ago");
        assert_eq!(relative(now - 3 * 60, now), "3 minutes ago");
        assert_eq!(relative(now - 3600, now), "an hour ago");
        assert_eq!(relative(now - 5 * 86_400, now), "5 days ago");
        assert_eq!(relative(now - 21 * 86_400, now), "3 weeks ago");
        assert_eq!(relative(now - 400 * 86_400, now), "a year ago");
        assert_eq!(relative(now + 100, now), "just now");
    }

    #[test]
    fn exact_time() {
        assert_eq!(exact_utc(0), "1970-01-01 00:00:00 UTC");
    }
}
