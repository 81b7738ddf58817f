//! Merged project logs: the Compose tool prefixes each line with its container (`shop_web_1  | …` in v1,
//! `web-1  | …` in v2); this splits a line into its service and text, and picks a stable colour per service.

use serde::{Deserialize, Serialize};

/// One line of a project's merged log.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProjectLogLine {
    /// The service, or empty for the tool's own lines ("Attaching to …").
    pub service: String,
    pub text: String,
}

/// Splits `line` at the tool's ` | ` and names the service of the container before it: the container name without
/// the project prefix (`shop_` or `shop-`) and the replica number (`_1`, `-1`).
pub fn split(line: &str, project: &str) -> ProjectLogLine {
    let Some((prefix, text)) = line.split_once(" | ").or_else(|| line.split_once(" |")) else {
        return ProjectLogLine {
            service: String::new(),
            text: line.to_owned(),
        };
    };
    let container = prefix.trim();
    let without_project = container
        .strip_prefix(project)
        .and_then(|rest| rest.strip_prefix(['_', '-']))
        .unwrap_or(container);
    let service = match without_project.rsplit_once(['_', '-']) {
        Some((service, replica))
            if !replica.is_empty() && replica.chars().all(|c| c.is_ascii_digit()) =>
        {
            service
        }
        _ => without_project,
    };
    ProjectLogLine {
        service: service.to_owned(),
        text: text.to_owned(),
    }
}

/// How many of each service's past lines the merged logs start with (`logs --tail`); the view is virtualized, so
/// all of them stay reachable by scrolling.
pub const MERGED_TAIL: u32 = 1_000;

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
    fn both_prefix_styles() {
        assert_eq!(
            split("shop_web_1     | GET / 200", "shop"),
            ProjectLogLine {
                service: "web".into(),
                text: "GET / 200".into()
            }
        );
        assert_eq!(split("web-1  | hello | world", "shop").service, "web");
        assert_eq!(
            split("web-1  | hello | world", "shop").text,
            "hello | world"
        );
        assert_eq!(
            split("shop-api-server-2  | x", "shop").service,
            "api-server"
        );
        assert_eq!(split("Attaching to shop_web_1", "shop").service, "");
        assert_eq!(split("custom-name  | x", "shop").service, "custom-name");
        assert_eq!(colour_slot("web"), colour_slot("web"));
        assert!(colour_slot("db") < 8);
    }
}
