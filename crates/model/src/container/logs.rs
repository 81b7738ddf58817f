//! Container logs as the Logs tab receives them: lines already demultiplexed (stdout/stderr) in the backend, with the
//! engine's timestamp kept apart from the text, and the ANSI colour codes turned into styled spans.

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LogStream {
    Stdout,
    Stderr,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LogLine {
    pub stream: LogStream,
    /// RFC 3339 with nanoseconds, as the engine stamps it; also the cursor for fetching older lines.
    pub timestamp: String,
    pub text: String,
}

/// Many lines in three strings instead of three per line: crossing into the wasm page costs per string, and a
/// followed 20,000 lines/s writer sends a thousand lines at a time.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LogBatch {
    /// The lines' texts joined by `\n` (a line never contains one).
    pub text: String,
    /// The timestamps joined by `\n`.
    pub stamps: String,
    /// The indexes of the lines written to stderr.
    pub stderr: Vec<u32>,
    pub count: u32,
}

impl LogBatch {
    pub fn from_lines(lines: &[LogLine]) -> Self {
        let mut batch = LogBatch {
            count: lines.len() as u32,
            ..Default::default()
        };
        for (i, line) in lines.iter().enumerate() {
            if i > 0 {
                batch.text.push('\n');
                batch.stamps.push('\n');
            }
            batch.text.push_str(&line.text.replace('\n', " "));
            batch.stamps.push_str(&line.timestamp);
            if line.stream == LogStream::Stderr {
                batch.stderr.push(i as u32);
            }
        }
        batch
    }

    pub fn into_lines(self) -> Vec<LogLine> {
        if self.count == 0 {
            return Vec::new();
        }
        let mut stderr = self.stderr.iter().peekable();
        self.text
            .split('\n')
            .zip(self.stamps.split('\n'))
            .enumerate()
            .map(|(i, (text, stamp))| {
                let on_stderr = stderr.next_if(|at| **at == i as u32).is_some();
                LogLine {
                    stream: if on_stderr {
                        LogStream::Stderr
                    } else {
                        LogStream::Stdout
                    },
                    timestamp: stamp.to_owned(),
                    text: text.to_owned(),
                }
            })
            .collect()
    }
}

/// What a logs subscription sends.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum LogMessage {
    /// The first batch is the bounded tail; later ones are followed lines.
    Lines {
        batch: LogBatch,
    },
    /// The container stopped; nothing more will come.
    Ended,
    Failed {
        error: crate::PortholeError,
    },
}

/// How many lines the tab asks for first (`docker logs --tail`).
pub const DEFAULT_TAIL: u32 = 1000;
/// The most lines the tab keeps; older ones are dropped and fetched again on scroll-back.
pub const MAX_KEPT: usize = 50_000;

/// Splits one engine line into its timestamp and text (`2024-01-01T00:00:00.000000001Z hello`).
pub fn split_timestamp(line: &str) -> (&str, &str) {
    match line.split_once(' ') {
        Some((stamp, text))
            if stamp.len() >= 20 && stamp.as_bytes()[4] == b'-' && stamp.contains('T') =>
        {
            (stamp, text)
        }
        _ => ("", line),
    }
}

/// A run of text in one style.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Span {
    pub text: String,
    /// A CSS class for the colour: `ansi-fg-1` … `ansi-fg-15`, or none.
    pub fg: Option<u8>,
    pub bold: bool,
}

/// Applies SGR codes (`ESC[31m`, `ESC[1;32m`, `ESC[0m`) to styled spans and drops every other escape sequence, so a
/// coloured log reads as it does in a terminal and no control bytes reach the page.
pub fn ansi_spans(text: &str) -> Vec<Span> {
    let mut spans = Vec::new();
    let mut style = Span::default();
    let mut current = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\u{1b}' {
            if !c.is_control() || c == '\t' {
                current.push(c);
            }
            continue;
        }
        if chars.peek() != Some(&'[') {
            chars.next();
            continue;
        }
        chars.next();
        let mut params = String::new();
        let mut end = None;
        for c in chars.by_ref() {
            if ('@'..='~').contains(&c) {
                end = Some(c);
                break;
            }
            params.push(c);
        }
        if end != Some('m') {
            continue;
        }
        if !current.is_empty() {
            spans.push(Span {
                text: std::mem::take(&mut current),
                ..style.clone()
            });
        }
        for code in params.split(';').map(|p| p.parse::<u16>().unwrap_or(0)) {
            match code {
                0 => style = Span::default(),
                1 => style.bold = true,
                22 => style.bold = false,
                30..=37 => style.fg = Some((code - 30) as u8),
                90..=97 => style.fg = Some((code - 90 + 8) as u8),
                39 => style.fg = None,
                _ => {}
            }
        }
    }
    if !current.is_empty() || spans.is_empty() {
        spans.push(Span {
            text: current,
            ..style
        });
    }
    spans
}

/// The text without its escape sequences, as the user reads it (what search looks at).
pub fn plain(text: &str) -> String {
    ansi_spans(text).into_iter().map(|span| span.text).collect()
}

/// Where `needle` occurs in `text`, ignoring ASCII case, as byte ranges on character boundaries (safe to slice).
pub fn find_all(text: &str, needle: &str) -> Vec<(usize, usize)> {
    let wanted: Vec<char> = needle.chars().collect();
    if wanted.is_empty() {
        return Vec::new();
    }
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut found = Vec::new();
    let mut i = 0;
    while i + wanted.len() <= chars.len() {
        let hit = wanted
            .iter()
            .zip(&chars[i..])
            .all(|(w, (_, c))| w.eq_ignore_ascii_case(c));
        if hit {
            let start = chars[i].0;
            let end = chars
                .get(i + wanted.len())
                .map_or(text.len(), |(at, _)| *at);
            found.push((start, end));
            i += wanted.len();
        } else {
            i += 1;
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colours_and_resets() {
        let spans = ansi_spans("\u{1b}[1;31mERROR\u{1b}[0m all \u{1b}[92mgood\u{1b}[39m.");
        assert_eq!(spans.len(), 4);
        assert_eq!(
            (spans[0].text.as_str(), spans[0].fg, spans[0].bold),
            ("ERROR", Some(1), true)
        );
        assert_eq!((spans[1].text.as_str(), spans[1].fg), (" all ", None));
        assert_eq!(spans[2].fg, Some(10));
        assert_eq!(spans[3].text, ".");
    }

    #[test]
    fn other_escapes_and_controls_are_dropped() {
        let spans = ansi_spans("a\u{1b}[2Kb\u{7}c\u{1b}]0;title");
        assert_eq!(
            spans.iter().map(|s| s.text.as_str()).collect::<String>(),
            "abc0;title"
        );
        assert_eq!(ansi_spans(""), vec![Span::default()]);
    }

    #[test]
    fn timestamps() {
        assert_eq!(
            split_timestamp("2024-05-01T10:00:00.123456789Z hello world"),
            ("2024-05-01T10:00:00.123456789Z", "hello world")
        );
        assert_eq!(split_timestamp("no stamp here"), ("", "no stamp here"));
    }

    #[test]
    fn search_ignores_ascii_case_and_escape_codes() {
        assert_eq!(find_all("Error: error", "ERROR"), vec![(0, 5), (7, 12)]);
        assert_eq!(plain("\u{1b}[32mok\u{1b}[0m"), "ok");
        assert!(find_all(&plain("\u{1b}[32mok\u{1b}[0m"), "32m").is_empty());
        assert_eq!(find_all("İ\u{212A}", "k"), Vec::<(usize, usize)>::new());
    }

    proptest::proptest! {
        #[test]
        fn batches_round_trip(lines in proptest::collection::vec(("[^\n]{0,20}", proptest::bool::ANY), 0..20)) {
            let lines: Vec<LogLine> = lines
                .into_iter()
                .enumerate()
                .map(|(i, (text, err))| LogLine {
                    stream: if err { LogStream::Stderr } else { LogStream::Stdout },
                    timestamp: format!("2024-01-01T00:00:{i:02}.000000000Z"),
                    text,
                })
                .collect();
            proptest::prop_assert_eq!(LogBatch::from_lines(&lines).into_lines(), lines);
        }

        #[test]
        fn search_ranges_slice_safely(text in "\\PC{0,30}", needle in "\\PC{1,3}") {
            for (start, end) in find_all(&text, &needle) {
                proptest::prop_assert!(text[start..end].eq_ignore_ascii_case(&needle));
            }
        }

        #[test]
        fn never_panics_and_keeps_plain_text(text in "\\PC{0,60}") {
            let joined: String = ansi_spans(&text).into_iter().map(|s| s.text).collect();
            if !text.contains('\u{1b}') {
                proptest::prop_assert_eq!(joined, text.chars().filter(|c| !c.is_control() || *c == '\t').collect::<String>());
            }
        }
    }
}
