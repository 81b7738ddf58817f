//! Container logs (`docker logs`): a bounded tail, then the followed stream; and older lines before a given line,
//! for scroll-back. bollard demultiplexes the engine's 8-byte frame headers into stdout/stderr chunks; this module
//! splits the chunks into lines (a line may span chunks) and peels off the engine's timestamp.
//!
//! Invariant: lines are delivered in batches, so a container writing 20,000 lines a second costs the UI one message
//! per batch, not one per line.

use crate::error::from_bollard;
use crate::Engine;
use bollard::container::LogOutput;
use bollard::query_parameters::LogsOptions;
use futures_util::StreamExt;
use porthole_model::container::logs::split_timestamp;
use porthole_model::{ErrorKind, LogLine, LogStream, PortholeError};
use std::time::Duration;

/// The longest line kept, in bytes; the rest of a longer line (up to its newline) is dropped and the line marked.
pub const LINE_LIMIT: usize = 1 << 20;
/// What ends a line that was cut at `LINE_LIMIT`.
pub const CUT_MARK: &str = " … [line cut at 1 MiB]";

/// Splits chunks into whole lines, keeping a partial last line (as bytes, so a character split between two frames
/// stays whole) until its end arrives, or the stream ends (`finish`).
///
/// Invariants: each byte is looked at once (only a chunk's new bytes are searched for a newline), and no line held
/// or sent is longer than `LINE_LIMIT` plus the mark — a 100 MB line costs one pass and 1 MiB of memory.
#[derive(Default)]
pub struct LineSplitter {
    partial: [Vec<u8>; 2],
    /// Per stream: the current line was cut, and what follows up to its newline is dropped.
    skipping: [bool; 2],
}

impl LineSplitter {
    pub fn push(&mut self, output: LogOutput, lines: &mut Vec<LogLine>) {
        let (stream, bytes) = match output {
            LogOutput::StdErr { message } => (LogStream::Stderr, message),
            LogOutput::StdOut { message } | LogOutput::Console { message } => {
                (LogStream::Stdout, message)
            }
            LogOutput::StdIn { .. } => return,
        };
        let index = stream as usize;
        let mut rest: &[u8] = &bytes;
        while !rest.is_empty() {
            let newline = rest.iter().position(|b| *b == b'\n');
            if self.skipping[index] {
                match newline {
                    Some(end) => {
                        self.skipping[index] = false;
                        rest = &rest[end + 1..];
                    }
                    None => return,
                }
                continue;
            }
            let partial = &mut self.partial[index];
            match newline {
                Some(end) => {
                    partial.extend_from_slice(&rest[..=end]);
                    lines.push(line_of(stream, partial));
                    partial.clear();
                    rest = &rest[end + 1..];
                }
                None => {
                    partial.extend_from_slice(rest);
                    if partial.len() > LINE_LIMIT {
                        lines.push(line_of(stream, partial));
                        partial.clear();
                        self.skipping[index] = true;
                    }
                    return;
                }
            }
        }
    }

    /// The last lines that had no newline (a prompt, `echo -n`, the output before an exit).
    pub fn finish(&mut self, lines: &mut Vec<LogLine>) {
        for stream in [LogStream::Stdout, LogStream::Stderr] {
            let rest = std::mem::take(&mut self.partial[stream as usize]);
            if !rest.is_empty() {
                lines.push(line_of(stream, &rest));
            }
        }
    }
}

fn line_of(stream: LogStream, bytes: &[u8]) -> LogLine {
    let cut = bytes.len() > LINE_LIMIT;
    let text = String::from_utf8_lossy(&bytes[..bytes.len().min(LINE_LIMIT)]);
    let (timestamp, text) = split_timestamp(text.trim_end_matches(['\n', '\r']));
    let mut text = text.to_owned();
    if cut {
        text.push_str(CUT_MARK);
    }
    LogLine {
        stream,
        timestamp: timestamp.to_owned(),
        text,
    }
}

pub(crate) fn options(follow: bool, tail: &str, until: i32) -> LogsOptions {
    LogsOptions {
        follow,
        stdout: true,
        stderr: true,
        timestamps: true,
        tail: tail.to_owned(),
        until,
        since: 0,
    }
}

/// Follows the container's log: the last `tail` lines first, then new lines as they come, each batch handed to
/// `on_lines` at most every `every`. Returns when the container stops or the stream breaks.
pub async fn follow(
    engine: &Engine,
    container: &str,
    tail: u32,
    every: Duration,
    mut on_lines: impl FnMut(Vec<LogLine>) -> bool,
) -> Result<(), PortholeError> {
    crate::as_action(
        porthole_model::Action::Logs {
            container: container.to_owned(),
            tail,
        },
        async move {
            let mut stream = engine
                .docker
                .logs(container, Some(options(true, &tail.to_string(), 0)));
            let mut splitter = LineSplitter::default();
            let mut batch = Vec::new();
            let mut first = true;
            let mut deadline = tokio::time::Instant::now() + every;
            loop {
                tokio::select! {
                    next = stream.next() => match next {
                        Some(Ok(output)) => splitter.push(output, &mut batch),
                        Some(Err(error)) => {
                            if !batch.is_empty() {
                                on_lines(std::mem::take(&mut batch));
                            }
                            return Err(from_bollard(error));
                        }
                        None => {
                            splitter.finish(&mut batch);
                            break;
                        }
                    },
                    _ = tokio::time::sleep_until(deadline) => {
                        deadline = tokio::time::Instant::now() + every;
                        // The first message is sent even when empty, so the view knows the tail has been read.
                        if (first || !batch.is_empty()) && !on_lines(std::mem::take(&mut batch)) {
                            return Ok(());
                        }
                        first = false;
                    }
                }
            }
            if first || !batch.is_empty() {
                on_lines(batch);
            }
            Ok(())
        },
    )
    .await
}

/// Up to `count` lines written before the line stamped `before` (scroll-back).
///
/// The engine applies `tail` from the end of the whole log before it applies `until` (1-second resolution), so the
/// lines written since the cursor count against the tail: ask for more (×4 each round) until enough lines before the
/// cursor arrive or the log's start is reached.
pub async fn before(
    engine: &Engine,
    container: &str,
    before: &str,
    count: u32,
) -> Result<Vec<LogLine>, PortholeError> {
    crate::as_action(
        porthole_model::Action::LogsBefore {
            container: container.to_owned(),
            until: before.to_owned(),
            count,
        },
        async move {
            let Ok(stamp) = chrono::DateTime::parse_from_rfc3339(before) else {
                return Ok(Vec::new());
            };
            let until = i32::try_from(stamp.timestamp() + 1).unwrap_or(i32::MAX);
            let mut tail = u64::from(count) + 200;
            let mut previous = None;
            loop {
                let mut stream = engine
                    .docker
                    .logs(container, Some(options(false, &tail.to_string(), until)));
                let mut splitter = LineSplitter::default();
                let mut lines = Vec::new();
                while let Some(output) = stream.next().await {
                    splitter.push(output.map_err(from_bollard)?, &mut lines);
                }
                splitter.finish(&mut lines);
                // A bigger tail that brings no more lines has reached the start of the log.
                let reached_start = previous == Some(lines.len());
                previous = Some(lines.len());
                lines.retain(|line| line.timestamp.as_str() < before);
                if lines.len() >= count as usize || reached_start {
                    let keep = lines.len().saturating_sub(count as usize);
                    return Ok(lines.split_off(keep));
                }
                tail *= 4;
            }
        },
    )
    .await
}

/// The whole log as text, stdout and stderr interleaved as written (what Download saves; see `write_all`).
pub async fn all(engine: &Engine, container: &str) -> Result<String, PortholeError> {
    let mut text = Vec::new();
    write_all(engine, container, &mut text).await?;
    Ok(String::from_utf8_lossy(&text).into_owned())
}

/// Writes the whole log to `out` as it is read from the engine — never held in memory whole, however long — one
/// `TIMESTAMP TEXT` line per log line. Returns the bytes written.
pub async fn write_all<W: tokio::io::AsyncWrite + Unpin>(
    engine: &Engine,
    container: &str,
    out: &mut W,
) -> Result<u64, PortholeError> {
    use tokio::io::AsyncWriteExt;
    crate::as_action(
        porthole_model::Action::LogsAll {
            container: container.to_owned(),
        },
        async move {
            let failed = |error: std::io::Error| {
                PortholeError::of_kind(
                    ErrorKind::InvalidInput,
                    format!("The log could not be written: {error}"),
                )
            };
            let mut stream = engine
                .docker
                .logs(container, Some(options(false, "all", 0)));
            let mut splitter = LineSplitter::default();
            let mut lines = Vec::new();
            let mut written = 0u64;
            let mut done = false;
            while !done {
                match stream.next().await {
                    Some(output) => splitter.push(output.map_err(from_bollard)?, &mut lines),
                    None => {
                        splitter.finish(&mut lines);
                        done = true;
                    }
                }
                for line in lines.drain(..) {
                    let text = format!("{} {}\n", line.timestamp, line.text);
                    out.write_all(text.as_bytes()).await.map_err(failed)?;
                    written += text.len() as u64;
                }
            }
            out.flush().await.map_err(failed)?;
            Ok(written)
        },
    )
    .await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_huge_line_is_cut_at_the_limit_in_one_pass() {
        let mut splitter = LineSplitter::default();
        let mut lines = Vec::new();
        let chunk = vec![b'x'; 64 * 1024];
        splitter.push(
            LogOutput::StdOut {
                message: bytes::Bytes::from_static(b"2024-01-01T00:00:00.000000001Z "),
            },
            &mut lines,
        );
        // 100 MiB in 64 KiB chunks: linear work, and at most LINE_LIMIT held.
        for _ in 0..1600 {
            splitter.push(
                LogOutput::StdOut {
                    message: bytes::Bytes::from(chunk.clone()),
                },
                &mut lines,
            );
            assert!(splitter.partial[0].len() <= LINE_LIMIT + chunk.len());
        }
        splitter.push(
            LogOutput::StdOut {
                message: bytes::Bytes::from_static(b"tail\n2024-01-01T00:00:00.000000002Z next\n"),
            },
            &mut lines,
        );
        assert_eq!(lines.len(), 2, "the cut line, then the next one whole");
        assert!(lines[0].text.ends_with(CUT_MARK));
        assert!(lines[0].text.len() <= LINE_LIMIT + CUT_MARK.len());
        assert_eq!(lines[1].text, "next");
    }

    #[test]
    fn lines_span_chunks_and_streams_stay_apart() {
        let mut splitter = LineSplitter::default();
        let mut lines = Vec::new();
        let out = |s: &str| LogOutput::StdOut {
            message: s.as_bytes().to_vec().into(),
        };
        let err = |s: &str| LogOutput::StdErr {
            message: s.as_bytes().to_vec().into(),
        };
        splitter.push(out("2024-01-01T00:00:00.000000001Z hel"), &mut lines);
        splitter.push(err("2024-01-01T00:00:00.000000002Z oops\r\n"), &mut lines);
        splitter.push(out("lo\n2024-01-01T00:00:00.000000003Z next\n"), &mut lines);
        let texts: Vec<_> = lines.iter().map(|l| (l.stream, l.text.as_str())).collect();
        assert_eq!(
            texts,
            [
                (LogStream::Stderr, "oops"),
                (LogStream::Stdout, "hello"),
                (LogStream::Stdout, "next")
            ]
        );
        assert_eq!(lines[1].timestamp, "2024-01-01T00:00:00.000000001Z");
        // A character split between two frames stays whole; a last line without newline comes at the end.
        let bytes = "2024-01-01T00:00:00.000000004Z é".as_bytes();
        let (a, b) = bytes.split_at(bytes.len() - 1);
        splitter.push(
            LogOutput::StdOut {
                message: a.to_vec().into(),
            },
            &mut lines,
        );
        splitter.push(
            LogOutput::StdOut {
                message: b.to_vec().into(),
            },
            &mut lines,
        );
        assert_eq!(lines.len(), 3);
        splitter.finish(&mut lines);
        assert_eq!(lines[3].text, "é");
    }
}
