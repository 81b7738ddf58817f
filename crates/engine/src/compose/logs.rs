//! A project's merged logs (`docker compose logs -f`), read from the engine as Compose v2 itself reads them: every
//! container of the project — found by the label the tool puts on each — followed at once, each line tagged with
//! its service. The tool is not started for this: the engine's answer is the same whichever tool made the project,
//! also for a project whose file Porthole has not opened, and the first lines come without a tool's start-up
//! (Debian's Python v1 takes about 350 ms before it asks the engine anything).
//!
//! Invariants: the tails of all containers are handed on as one, in the order the lines were written; later lines
//! that arrive together (a burst) too; one container's lines keep their order and none is handed on twice; no line
//! is longer than the container logs' `LINE_LIMIT`.

use crate::container::logs::LineSplitter;
use crate::error::from_bollard;
use crate::Engine;
use bollard::container::LogOutput;
use bollard::query_parameters::LogsOptions;
use chrono::{DateTime, FixedOffset};
use futures_util::stream::{BoxStream, SelectAll};
use futures_util::{FutureExt, StreamExt};
use porthole_model::compose::logs::tagged;
use porthole_model::compose::{parse_project_name, PROJECT_LABEL, SERVICE_LABEL};
use porthole_model::{Action, ErrorKind, LogLine, PortholeError};
use std::collections::HashMap;

type Output = Result<LogOutput, bollard::errors::Error>;

/// One container of the project being followed.
struct Source {
    id: String,
    service: String,
    splitter: LineSplitter,
    /// When its last line handed on was written: the followed stream starts in that second (the engine's `since`
    /// has whole seconds), and what it repeats of it is dropped.
    last: Option<DateTime<FixedOffset>>,
}

/// Follows every container of `project` (any state: a stopped one's log is read to its end): the last `tail` lines
/// of each, all of them merged in the order they were written, then new lines as they come, each handed to
/// `on_line` as `SERVICE | TEXT` until it returns false. Returns when every container has stopped or gone.
pub async fn follow(
    engine: &Engine,
    project: &str,
    tail: u32,
    mut on_line: impl FnMut(String) -> bool,
) -> Result<(), PortholeError> {
    let project = parse_project_name(project).map_err(PortholeError::invalid_input)?;
    let action = Action::ProjectLogs {
        project: project.clone(),
        tail,
    };
    crate::as_action(action, async move {
        let filters = HashMap::from([(
            "label".to_owned(),
            vec![format!("{PROJECT_LABEL}={project}")],
        )]);
        let containers = crate::container::list::listed(engine, true, filters).await?;
        let mut sources: Vec<Source> = containers
            .into_iter()
            .filter_map(|container| {
                Some(Source {
                    id: container.id?,
                    service: container
                        .labels
                        .and_then(|mut labels| labels.remove(SERVICE_LABEL))
                        .unwrap_or_default(),
                    splitter: LineSplitter::default(),
                    last: None,
                })
            })
            .collect();
        // The tails first, each read to its end, so that all of them can be put in one order.
        let tails = futures_util::future::join_all(
            sources
                .iter()
                .map(|source| read_tail(engine, &source.id, tail)),
        )
        .await;
        let mut arrived = Vec::new();
        for (index, lines) in tails.into_iter().enumerate() {
            let lines = lines?;
            sources[index].last = lines.last().and_then(time_of);
            arrived.extend(lines.into_iter().map(|line| (index, line)));
        }
        if !send(&mut arrived, &sources, &mut on_line) {
            return Ok(());
        }
        let mut outputs: SelectAll<BoxStream<(usize, Output)>> = SelectAll::new();
        for (index, source) in sources.iter().enumerate() {
            let options = LogsOptions {
                follow: true,
                stdout: true,
                stderr: true,
                timestamps: true,
                tail: "all".into(),
                since: source
                    .last
                    .map_or(0, |t| i32::try_from(t.timestamp()).unwrap_or(0)),
                until: 0,
            };
            let stream = engine.docker.logs(&source.id, Some(options));
            outputs.push(stream.map(move |output| (index, output)).boxed());
        }
        while let Some(first) = outputs.next().await {
            take(first, &mut sources, &mut arrived)?;
            // What has arrived meanwhile joins this group, so that it can be put in the order it was written.
            while let Some(Some(next)) = outputs.next().now_or_never() {
                take(next, &mut sources, &mut arrived)?;
            }
            if !send(&mut arrived, &sources, &mut on_line) {
                return Ok(());
            }
        }
        // The last lines that had no newline (a tail's own last line among them, handed on already).
        for (index, source) in sources.iter_mut().enumerate() {
            let mut lines = Vec::new();
            source.splitter.finish(&mut lines);
            arrived.extend(source.new_ones(lines).map(|line| (index, line)));
        }
        send(&mut arrived, &sources, &mut on_line);
        Ok(())
    })
    .await
}

/// The last `tail` lines of one container's log as it is now (none when the container is gone).
async fn read_tail(engine: &Engine, id: &str, tail: u32) -> Result<Vec<LogLine>, PortholeError> {
    let options = crate::container::logs::options(false, &tail.to_string(), 0);
    let mut stream = engine.docker.logs(id, Some(options));
    let mut splitter = LineSplitter::default();
    let mut lines = Vec::new();
    while let Some(output) = stream.next().await {
        match output {
            Ok(output) => splitter.push(output, &mut lines),
            Err(error) => return gone_or(error).map(|()| Vec::new()),
        }
    }
    splitter.finish(&mut lines);
    Ok(lines)
}

/// Splits one container's output into lines, dropping those the tail already handed on.
fn take(
    (index, output): (usize, Output),
    sources: &mut [Source],
    arrived: &mut Vec<(usize, LogLine)>,
) -> Result<(), PortholeError> {
    let output = match output {
        Ok(output) => output,
        Err(error) => return gone_or(error),
    };
    let source = &mut sources[index];
    let mut lines = Vec::new();
    source.splitter.push(output, &mut lines);
    arrived.extend(source.new_ones(lines).map(|line| (index, line)));
    Ok(())
}

impl Source {
    /// `lines` without those the tail handed on already (written at or before its last line).
    fn new_ones(&mut self, lines: Vec<LogLine>) -> impl Iterator<Item = LogLine> + '_ {
        lines.into_iter().filter(|line| match self.last {
            Some(last) if time_of(line).is_some_and(|t| t <= last) => false,
            Some(_) => {
                self.last = None;
                true
            }
            None => true,
        })
    }
}

/// A container removed while it is read answers 404: that is the container gone, not a failure of the whole.
fn gone_or(error: bollard::errors::Error) -> Result<(), PortholeError> {
    match from_bollard(error) {
        gone if gone.kind == ErrorKind::NotFound => Ok(()),
        error => Err(error),
    }
}

/// The engine's times drop trailing zeros (RFC 3339 with nanoseconds), so they are compared as times, not as text.
fn time_of(line: &LogLine) -> Option<DateTime<FixedOffset>> {
    DateTime::parse_from_rfc3339(&line.timestamp).ok()
}

/// Hands the arrived lines on in the order they were written (a stable sort: one container's lines that share a
/// time keep their order). Returns false when the receiver wants no more.
fn send(
    arrived: &mut Vec<(usize, LogLine)>,
    sources: &[Source],
    on_line: &mut impl FnMut(String) -> bool,
) -> bool {
    arrived.sort_by_cached_key(|(_, line)| time_of(line));
    arrived
        .drain(..)
        .all(|(index, line)| on_line(tagged(&sources[index].service, &line.text)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use porthole_model::LogStream;

    fn line(timestamp: &str, text: &str) -> LogLine {
        LogLine {
            stream: LogStream::Stdout,
            timestamp: timestamp.into(),
            text: text.into(),
        }
    }

    #[test]
    fn lines_that_arrive_together_go_on_in_the_order_they_were_written() {
        let source = |service: &str| Source {
            id: String::new(),
            service: service.into(),
            splitter: LineSplitter::default(),
            last: None,
        };
        let sources = [source("web"), source("db")];
        // As text, "01.5Z" sorts after "01.25Z" only by luck and "01.5Z" before "01.05Z" by mistake.
        let mut arrived = vec![
            (0, line("2026-12-01T10:00:01.5Z", "web 2")),
            (0, line("2026-12-01T10:00:01.5Z", "web 3")),
            (1, line("2026-12-01T10:00:01.05Z", "db 1")),
            (1, line("2026-12-01T10:00:02Z", "db 4")),
        ];
        let mut sent = Vec::new();
        assert!(send(&mut arrived, &sources, &mut |l| {
            sent.push(l);
            true
        }));
        assert_eq!(
            sent,
            ["db | db 1", "web | web 2", "web | web 3", "db | db 4"]
        );
        assert!(arrived.is_empty());
    }

    #[test]
    fn the_followed_stream_repeats_nothing_the_tail_handed_on() {
        let mut sources = [Source {
            id: String::new(),
            service: "web".into(),
            splitter: LineSplitter::default(),
            last: DateTime::parse_from_rfc3339("2026-12-01T10:00:01.5Z").ok(),
        }];
        let output = LogOutput::StdOut {
            message: "2026-12-01T10:00:01.25Z before\n2026-12-01T10:00:01.5Z last\n2026-12-01T10:00:01.5000001Z new\n\
                      2026-12-01T10:00:01.2Z late but new\n"
                .into(),
        };
        let mut arrived = Vec::new();
        take((0, Ok(output)), &mut sources, &mut arrived).unwrap();
        let texts: Vec<&str> = arrived.iter().map(|(_, l)| l.text.as_str()).collect();
        assert_eq!(texts, ["new", "late but new"]);
    }
}
