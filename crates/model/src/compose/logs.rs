//! Merged project logs, read from the engine one container at a time and each line tagged with the container's
//! service (`tagged`, `split_tagged`); and a stable colour per service.

use serde::{Deserialize, Serialize};

/// One line of a project's merged log.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProjectLogLine {
    /// The service, or empty for a line of no service (the CLI's own, in a swarm service's logs).
    pub service: String,
    pub text: String,
}

/// A line of `service`'s container as the merged view receives it from the engine: `SERVICE | TEXT`. A service's
/// name never holds ` | ` when Compose named it (letters, digits, `.`, `_` and `-`); a label set by hand might, and
/// then reads ` / `, so that `split_tagged` finds the service again.
pub fn tagged(service: &str, text: &str) -> String {
    format!("{} | {text}", service.replace(" | ", " / "))
}

/// Splits a `tagged` line into its service and text (the project is not part of the line: the argument is there
/// because every splitter of the merged view takes it).
pub fn split_tagged(line: &str, _project: &str) -> ProjectLogLine {
    match line.split_once(" | ") {
        Some((service, text)) => ProjectLogLine {
            service: service.to_owned(),
            text: text.to_owned(),
        },
        None => ProjectLogLine {
            service: String::new(),
            text: line.to_owned(),
        },
    }
}

/// How many of each service's past lines the merged logs start with (`logs --tail`); the view is virtualized, so
/// all of them stay reachable by scrolling…
pub const MERGED_TAIL: u32 = 1_000;
/// …up to the lines a merged view keeps: the newest. The tails of many services together are cut to these before
/// they cross to the page, which would drop the rest.
pub const MERGED_KEPT: usize = 5_000;

/// One of eight colour slots for `service`, the same every time.
pub fn colour_slot(service: &str) -> u8 {
    (service
        .bytes()
        .fold(7u32, |h, b| h.wrapping_mul(31).wrapping_add(u32::from(b)))
        % 8) as u8
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tagged_line_splits_back_whole() {
        for (service, text) in [
            ("web", "GET / 200"),
            ("db-2", "a | b"),
            ("api.v1", ""),
            ("x", " | "),
        ] {
            let line = tagged(service, text);
            assert_eq!(
                split_tagged(&line, "shop"),
                ProjectLogLine {
                    service: service.into(),
                    text: text.into()
                },
                "{line:?}"
            );
        }
        assert_eq!(split_tagged("no tag", "shop").service, "");
        let odd = split_tagged(&tagged("a | b", "x | y"), "");
        assert_eq!(
            (odd.service.as_str(), odd.text.as_str()),
            ("a / b", "x | y")
        );
    }

    #[test]
    fn following_a_project_reads_like_the_cli() {
        let follow = crate::Action::ProjectLogs {
            project: "shop".into(),
            tail: 1000,
        };
        assert_eq!(follow.cli(), "docker compose -p shop logs -f --tail 1000");
        assert_eq!(follow.target(), Some("shop"));
    }

    #[test]
    fn a_service_keeps_its_colour() {
        assert_eq!(colour_slot("web"), colour_slot("web"));
        assert!(colour_slot("db") < 8);
    }
}
