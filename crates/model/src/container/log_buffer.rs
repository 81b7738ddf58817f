//! The Logs tab's lines as a plain type: what is kept, in order, with a stable sequence number each (the DOM rows'
//! keys; lines fetched by scroll-back count down from -1), the lines held back while following is paused, the rows'
//! heights for placing the visible window, and search.
//!
//! Invariants: at most `MAX_KEPT` lines are kept and at most `MAX_KEPT` held back (the oldest go first, or the newest
//! when scrolling back past the limit); each line's character count is computed once, when it arrives, so a new
//! batch never makes the heights recount every kept line's text.

use crate::container::logs::{find_all, plain, MAX_KEPT};
use crate::LogLine;
use std::collections::VecDeque;

#[derive(Clone, Debug, PartialEq)]
struct Kept {
    seq: i64,
    line: LogLine,
    /// Characters as shown (escape codes removed), for wrapped heights.
    chars: usize,
}

#[derive(Clone, Debug, PartialEq)]
pub struct LogBuffer {
    kept: VecDeque<Kept>,
    /// The next sequence number after the newest line, and before the oldest.
    next: i64,
    previous: i64,
    /// Followed lines that arrived while following was paused.
    held: VecDeque<LogLine>,
}

impl Default for LogBuffer {
    fn default() -> Self {
        Self {
            kept: VecDeque::new(),
            next: 0,
            previous: -1,
            held: VecDeque::new(),
        }
    }
}

fn kept(seq: i64, line: LogLine) -> Kept {
    let chars = plain(&line.text).chars().count();
    Kept { seq, line, chars }
}

impl LogBuffer {
    pub fn len(&self) -> usize {
        self.kept.len()
    }

    pub fn is_empty(&self) -> bool {
        self.kept.is_empty()
    }

    /// How many followed lines wait while following is paused.
    pub fn held(&self) -> usize {
        self.held.len()
    }

    /// The oldest kept line's timestamp: where scroll-back continues from.
    pub fn first_timestamp(&self) -> Option<&str> {
        self.kept.front().map(|k| k.line.timestamp.as_str())
    }

    /// Followed lines, shown at once; the oldest kept ones go past `MAX_KEPT`.
    pub fn append(&mut self, batch: impl IntoIterator<Item = LogLine>) {
        for line in batch {
            let seq = self.next;
            self.next += 1;
            self.kept.push_back(kept(seq, line));
        }
        while self.kept.len() > MAX_KEPT {
            self.kept.pop_front();
        }
    }

    /// Followed lines that arrive while following is paused: held back (the oldest of them go past `MAX_KEPT`).
    pub fn hold(&mut self, batch: impl IntoIterator<Item = LogLine>) {
        self.held.extend(batch);
        while self.held.len() > MAX_KEPT {
            self.held.pop_front();
        }
    }

    /// Following again: the held lines are shown.
    pub fn release(&mut self) {
        let held = std::mem::take(&mut self.held);
        self.append(held);
    }

    /// Older lines from scroll-back, oldest first, put before the kept ones. Returns whether the newest lines had
    /// to go to stay within `MAX_KEPT` (then following must stop: the bottom is no longer the stream's end).
    pub fn prepend(&mut self, older: Vec<LogLine>) -> bool {
        for line in older.into_iter().rev() {
            let seq = self.previous;
            self.previous -= 1;
            self.kept.push_front(kept(seq, line));
        }
        let over = self.kept.len() > MAX_KEPT;
        self.kept.truncate(MAX_KEPT);
        over
    }

    /// Each row's height in lines and their running sums (`sums[i]` is the height above line `i`): one per line, or
    /// per wrapped line of `columns` characters when wrapping (`extra` characters of timestamp in front).
    pub fn height_sums(&self, wrap: bool, extra: usize, columns: usize) -> Vec<usize> {
        let columns = columns.max(1);
        let mut sums = Vec::with_capacity(self.kept.len() + 1);
        let mut total = 0usize;
        sums.push(0);
        for k in &self.kept {
            total += if wrap {
                (k.chars + extra).div_ceil(columns).max(1)
            } else {
                1
            };
            sums.push(total);
        }
        sums
    }

    /// The lines `first..end` with their sequence numbers (the rows to render).
    pub fn rows(&self, first: usize, end: usize) -> Vec<(i64, LogLine)> {
        let end = end.min(self.kept.len());
        let first = first.min(end);
        self.kept
            .range(first..end)
            .map(|k| (k.seq, k.line.clone()))
            .collect()
    }

    /// The indexes of the kept lines whose text as shown contains `needle` (case-insensitively).
    pub fn matches(&self, needle: &str) -> Vec<usize> {
        if needle.is_empty() {
            return Vec::new();
        }
        self.kept
            .iter()
            .enumerate()
            .filter(|(_, k)| !find_all(&plain(&k.line.text), needle).is_empty())
            .map(|(i, _)| i)
            .collect()
    }
}

/// The rows to render for a scroll position, given the prefix sums of the rows' heights (`height_sums`) in line
/// units of `line_height` pixels: `(first, end)` line indexes, widened by `margin` rows on each side, and the height
/// in line units above and below them (the spacers that keep the scrollbar true).
pub fn place(
    sums: &[usize],
    scroll_top: f64,
    height: f64,
    line_height: f64,
    margin: usize,
) -> (usize, usize, usize, usize) {
    let first_unit = (scroll_top / line_height) as usize;
    let last_unit = first_unit + (height / line_height).ceil() as usize;
    let lines = sums.len().saturating_sub(1);
    let end = (sums.partition_point(|&s| s < last_unit) + margin).min(lines);
    let first = sums
        .partition_point(|&s| s <= first_unit)
        .saturating_sub(1 + margin)
        .min(end);
    let total = sums.last().copied().unwrap_or(0);
    (
        first,
        end,
        sums.get(first).copied().unwrap_or(0),
        total - sums.get(end).copied().unwrap_or(total),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::LogStream;

    fn line(text: &str) -> LogLine {
        LogLine {
            stream: LogStream::Stdout,
            timestamp: format!("t-{text}"),
            text: text.to_owned(),
        }
    }

    #[test]
    fn lines_keep_their_numbers_and_the_oldest_go_first() {
        let mut buffer = LogBuffer::default();
        buffer.append((0..MAX_KEPT + 10).map(|i| line(&i.to_string())));
        assert_eq!(buffer.len(), MAX_KEPT);
        assert_eq!(buffer.first_timestamp(), Some("t-10"));
        assert_eq!(
            buffer.rows(0, 1)[0].0,
            10,
            "a line keeps its sequence number"
        );
        let older = buffer.prepend(vec![line("a"), line("b")]);
        assert!(older, "past the limit the newest went");
        assert_eq!(
            buffer
                .rows(0, 2)
                .iter()
                .map(|(s, _)| *s)
                .collect::<Vec<_>>(),
            [-2, -1]
        );
        assert_eq!(buffer.len(), MAX_KEPT);
    }

    #[test]
    fn paused_lines_wait_then_come_in_order() {
        let mut buffer = LogBuffer::default();
        buffer.append([line("1")]);
        buffer.hold([line("2"), line("3")]);
        assert_eq!((buffer.len(), buffer.held()), (1, 2));
        buffer.release();
        assert_eq!(buffer.held(), 0);
        let texts: Vec<String> = buffer.rows(0, 9).into_iter().map(|(_, l)| l.text).collect();
        assert_eq!(texts, ["1", "2", "3"]);
    }

    #[test]
    fn heights_wrap_by_the_characters_shown_and_search_ignores_escape_codes() {
        let mut buffer = LogBuffer::default();
        buffer.append([
            line("\u{1b}[31mred\u{1b}[0m"),
            line(&"x".repeat(45)),
            line(""),
        ]);
        assert_eq!(buffer.height_sums(false, 0, 20), [0, 1, 2, 3]);
        assert_eq!(
            buffer.height_sums(true, 0, 20),
            [0, 1, 4, 5],
            "3 chars, 45 chars, empty"
        );
        assert_eq!(
            buffer.height_sums(true, 31, 20),
            [0, 2, 6, 8],
            "with timestamps"
        );
        assert_eq!(buffer.matches("RED"), [0]);
        assert!(
            buffer.matches("31m").is_empty(),
            "escape codes are not text"
        );
        assert!(buffer.matches("").is_empty());
    }

    #[test]
    fn placing_covers_the_view_and_the_spacers_make_up_the_rest() {
        // 100 one-unit lines, 18 px each; a 180 px view scrolled to line 50, 2 rows of margin.
        let sums: Vec<usize> = (0..=100).collect();
        let (first, end, above, below) = place(&sums, 50.0 * 18.0, 180.0, 18.0, 2);
        assert_eq!((first, end), (48, 62));
        assert_eq!(above + (end - first) + below, 100);
        // At the top and past the end the window is clamped.
        assert_eq!(place(&sums, 0.0, 180.0, 18.0, 2).0, 0);
        assert_eq!(place(&sums, 1e9, 180.0, 18.0, 2).1, 100);
        // Nothing kept: nothing to place.
        assert_eq!(place(&[0], 0.0, 180.0, 18.0, 2), (0, 0, 0, 0));
    }

    #[test]
    fn wrapped_rows_are_placed_by_their_heights() {
        // Line 0 is 10 units tall: a view at unit 5 still starts with it.
        let sums = vec![0, 10, 11, 12];
        let (first, _, above, _) = place(&sums, 5.0 * 18.0, 18.0, 18.0, 0);
        assert_eq!((first, above), (0, 0));
    }
}
