//! What the page reports when it panicked or met an uncaught error (`assets/page-errors.js`), for the app's log.
//!
//! Invariant: the text is bounded (a runaway error cannot fill the log) and holds no secret the page did not
//! already show; the page sends it, the backend only appends it to the log.

use serde::{Deserialize, Serialize};

/// The longest text kept from one report.
pub const MAX_TEXT: usize = 8_000;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PageError {
    /// `panic`, `uncaught error` or `unhandled rejection`.
    pub kind: String,
    pub text: String,
}

impl PageError {
    /// One log line: the kind, then the text with its line breaks kept readable, cut to `MAX_TEXT` characters.
    pub fn log_line(&self, at: &str) -> String {
        let text: String = self.text.chars().take(MAX_TEXT).collect();
        let kind: String = self.kind.chars().take(40).collect();
        format!("{at} page {kind}: {}\n", text.replace('\n', "\n    "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_report_is_one_bounded_entry() {
        let report = PageError {
            kind: "panic".into(),
            text: format!("first\nsecond{}", "x".repeat(20_000)),
        };
        let line = report.log_line("2026-11-30T05:00:00Z");
        assert!(line.starts_with("2026-11-30T05:00:00Z page panic: first\n    second"));
        assert!(line.len() < MAX_TEXT + 100);
        assert!(line.ends_with('\n'));
    }
}
