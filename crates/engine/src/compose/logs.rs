//! A project's merged logs (`docker compose logs -f`), read from the engine as Compose v2 itself reads them: every
//! container of the project — found by the label the tool puts on each, one-off `run` containers left out —
//! followed at once, each line tagged with its service, and a container of the project that starts while the logs
//! are open (an Up that recreates, a restart, a scale) followed from its start. The tool is not started for this: the
//! engine's answer is the same whichever tool made the project, also for a project whose file Porthole has not
//! opened, and the first lines come without a tool's start-up (Debian's Python v1 takes about 350 ms before it asks
//! the engine anything).
//!
//! Invariants: the tails of all containers are handed on as one, in the order the lines were written (the newest
//! `MERGED_KEPT` of them: what the view keeps); later lines that arrive together (a burst) too; one container's
//! lines keep their order and none is handed on twice; no line is longer than the container logs' `LINE_LIMIT`; a
//! container whose log cannot be read back (a logging driver without reads) is left out, not the whole.

use crate::container::logs::LineSplitter;
use crate::error::from_bollard;
use crate::Engine;
use bollard::container::LogOutput;
use bollard::errors::Error as BollardError;
use bollard::query_parameters::{EventsOptions, LogsOptions};
use chrono::{DateTime, FixedOffset};
use futures_util::stream::{BoxStream, SelectAll};
use futures_util::{FutureExt, StreamExt};
use porthole_model::compose::logs::{tagged, MERGED_KEPT};
use porthole_model::compose::{parse_project_name, ONEOFF_LABEL, PROJECT_LABEL, SERVICE_LABEL};
use porthole_model::{Action, LogLine, PortholeError};
use std::collections::HashMap;
use std::time::Duration;
use tokio::sync::mpsc;

type Output = Result<LogOutput, BollardError>;

/// Outputs gathered into one group at most (then it is handed on, and the next group begins).
const GROUP: usize = 256;
/// How long the logs wait, once every followed container has stopped, for one of them to start again (a restart,
/// an Up recreating them) before they end.
const RESTART_GRACE: Duration = Duration::from_secs(2);
/// Lines the followed stream asks for beyond those the tail already read, for what is written between the two
/// requests: the engine then decodes the log's end, not the whole of it.
const BETWEEN: u32 = 1_000;

/// One container of the project being followed.
struct Source {
    id: String,
    service: String,
    splitter: LineSplitter,
    /// When the latest line handed on was written. A followed stream starts in that second (the engine's `since` has
    /// whole seconds), so it repeats what was handed on of it: while `skipping`, lines written no later are dropped.
    handed: Option<DateTime<FixedOffset>>,
    skipping: bool,
}

/// Follows every container of `project` (any state: a stopped one's log is read to its end): the last `tail` lines
/// of each, all of them merged in the order they were written, then new lines as they come, each handed to
/// `on_line` as `SERVICE | TEXT` until it returns false. Returns when every container has stopped or gone and none
/// started again within `RESTART_GRACE`.
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
        let project_filter = vec![format!("{PROJECT_LABEL}={project}")];
        // Asked for first, so that a container started while the others' tails are read is heard of.
        let (_watch, mut started) = watch_starts(engine, project_filter.clone());
        let filters = HashMap::from([("label".to_owned(), project_filter)]);
        let containers = crate::container::list::listed(engine, true, filters).await?;
        let mut sources: Vec<Source> = containers
            .into_iter()
            .filter_map(|container| {
                let mut labels = container.labels.unwrap_or_default();
                if labels
                    .get(ONEOFF_LABEL)
                    .is_some_and(|v| v.eq_ignore_ascii_case("true"))
                {
                    return None;
                }
                Some(Source::new(
                    container.id?,
                    labels.remove(SERVICE_LABEL).unwrap_or_default(),
                ))
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
            let source = &mut sources[index];
            arrived.extend(source.new_ones(lines).map(|line| (index, line)));
            source.skipping = true;
        }
        // Only the newest the view keeps cross to it.
        if !send(&mut arrived, &sources, &mut on_line, MERGED_KEPT) {
            return Ok(());
        }
        let mut outputs: SelectAll<BoxStream<(usize, Output)>> = SelectAll::new();
        for (index, source) in sources.iter().enumerate() {
            // An empty tail was an empty log: what it has now was written since.
            let (lines, since) = match source.handed {
                _ if tail == 0 => (0, 0),
                Some(handed) => (tail.saturating_add(BETWEEN), handed.timestamp()),
                None => (BETWEEN, 0),
            };
            outputs.push(followed(engine, index, &source.id, lines, since));
        }
        loop {
            tokio::select! {
                first = outputs.next(), if !outputs.is_empty() => {
                    let Some(first) = first else { continue };
                    take(first, &mut sources, &mut arrived)?;
                    // What has arrived meanwhile joins this group, so that it can be put in the order it was written.
                    for _ in 0..GROUP {
                        match outputs.next().now_or_never() {
                            Some(Some(next)) => take(next, &mut sources, &mut arrived)?,
                            _ => break,
                        }
                    }
                    if !send(&mut arrived, &sources, &mut on_line, usize::MAX) {
                        return Ok(());
                    }
                }
                Some(start) = started.recv() => {
                    let index = attach(&mut sources, start.id, start.service);
                    // Flushed before the new run's lines: the last words of the run before it.
                    flush(&mut sources[index], index, &mut arrived);
                    send(&mut arrived, &sources, &mut on_line, usize::MAX);
                    outputs.push(followed(engine, index, &sources[index].id, BETWEEN, start.time));
                }
                _ = tokio::time::sleep(RESTART_GRACE), if outputs.is_empty() => break,
            }
        }
        for (index, source) in sources.iter_mut().enumerate() {
            flush(source, index, &mut arrived);
        }
        send(&mut arrived, &sources, &mut on_line, usize::MAX);
        Ok(())
    })
    .await
}

/// A container of the project that started: its id, service and the second it started in.
struct Started {
    id: String,
    service: String,
    time: i64,
}

/// Watches the engine for starts of the project's containers (`docker events --filter event=start`) on a task of its
/// own, which the returned guard stops.
fn watch_starts(
    engine: &Engine,
    project: Vec<String>,
) -> (Watch, mpsc::UnboundedReceiver<Started>) {
    let options = EventsOptions {
        filters: Some(HashMap::from([
            ("type".to_owned(), vec!["container".to_owned()]),
            ("event".to_owned(), vec!["start".to_owned()]),
            ("label".to_owned(), project),
        ])),
        ..Default::default()
    };
    let mut events = engine.docker.events(Some(options));
    let (heard, started) = mpsc::unbounded_channel();
    let task = tokio::spawn(async move {
        // The engine gone ends the watch; the logs already followed go on to their end.
        while let Some(Ok(event)) = events.next().await {
            let actor = event.actor.unwrap_or_default();
            let mut attributes = actor.attributes.unwrap_or_default();
            if attributes
                .get(ONEOFF_LABEL)
                .is_some_and(|v| v.eq_ignore_ascii_case("true"))
            {
                continue;
            }
            let (Some(id), Some(time)) = (actor.id, event.time) else {
                continue;
            };
            let service = attributes.remove(SERVICE_LABEL).unwrap_or_default();
            if heard.send(Started { id, service, time }).is_err() {
                return;
            }
        }
    });
    (Watch(task), started)
}

/// Stops the watch when the logs end (or are dropped half way).
struct Watch(tokio::task::JoinHandle<()>);

impl Drop for Watch {
    fn drop(&mut self) {
        self.0.abort();
    }
}

/// The source of a started container: its own when it ran before (a restart: what its new stream repeats of the
/// last second is skipped), else a new one.
fn attach(sources: &mut Vec<Source>, id: String, service: String) -> usize {
    if let Some(index) = sources.iter().position(|s| s.id == id) {
        sources[index].skipping = true;
        return index;
    }
    sources.push(Source::new(id, service));
    sources.len() - 1
}

/// A container's log followed: its last `lines` lines written in or after the second `since` (0: any), then what
/// comes. Asking for a bounded number of lines has the engine read the log's end only, not all of it.
fn followed<'a>(
    engine: &'a Engine,
    index: usize,
    id: &str,
    lines: u32,
    since: i64,
) -> BoxStream<'a, (usize, Output)> {
    let options = LogsOptions {
        follow: true,
        stdout: true,
        stderr: true,
        timestamps: true,
        tail: lines.to_string(),
        since: i32::try_from(since).unwrap_or(0),
        until: 0,
    };
    engine
        .docker
        .logs(id, Some(options))
        .map(move |output| (index, output))
        .boxed()
}

/// The last `tail` lines of one container's log as it is now (none when the container is gone or its log cannot
/// be read back).
async fn read_tail(engine: &Engine, id: &str, tail: u32) -> Result<Vec<LogLine>, PortholeError> {
    let options = crate::container::logs::options(false, &tail.to_string(), 0);
    let mut stream = engine.docker.logs(id, Some(options));
    let mut splitter = LineSplitter::default();
    let mut lines = Vec::new();
    while let Some(output) = stream.next().await {
        match output {
            Ok(output) => splitter.push(output, &mut lines),
            Err(error) => return unreadable_or(error).map(|()| Vec::new()),
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
        Err(error) => return unreadable_or(error),
    };
    let source = &mut sources[index];
    let mut lines = Vec::new();
    source.splitter.push(output, &mut lines);
    arrived.extend(source.new_ones(lines).map(|line| (index, line)));
    Ok(())
}

/// The last line of `source` that had no newline, handed on (its stream ended, or a new run of it begins).
fn flush(source: &mut Source, index: usize, arrived: &mut Vec<(usize, LogLine)>) {
    let mut lines = Vec::new();
    source.splitter.finish(&mut lines);
    arrived.extend(source.new_ones(lines).map(|line| (index, line)));
}

impl Source {
    fn new(id: String, service: String) -> Self {
        Self {
            id,
            service,
            splitter: LineSplitter::default(),
            handed: None,
            skipping: false,
        }
    }

    /// `lines` to hand on: while `skipping`, not those written at or before the latest line handed on (a repeat;
    /// the repeated lines come first, so the first later line ends the skipping). Notes the latest time handed on.
    fn new_ones(&mut self, lines: Vec<LogLine>) -> impl Iterator<Item = LogLine> + '_ {
        lines.into_iter().filter(|line| {
            let time = time_of(line);
            if self.skipping {
                if let (Some(time), Some(handed)) = (time, self.handed) {
                    if time <= handed {
                        return false;
                    }
                }
                self.skipping = false;
            }
            self.handed = self.handed.max(time);
            true
        })
    }
}

/// A container removed while it is read answers 404, one whose logging driver keeps nothing to read back 501: that
/// container is left out (as the Compose tool does), the others go on. Anything else fails the whole.
fn unreadable_or(error: BollardError) -> Result<(), PortholeError> {
    match error {
        BollardError::DockerResponseServerError {
            status_code: 404 | 501,
            ..
        } => Ok(()),
        error => Err(from_bollard(error)),
    }
}

/// The engine's times drop trailing zeros (RFC 3339 with nanoseconds), so they are compared as times, not as text.
fn time_of(line: &LogLine) -> Option<DateTime<FixedOffset>> {
    DateTime::parse_from_rfc3339(&line.timestamp).ok()
}

/// Hands the arrived lines on in the order they were written (a stable sort: one container's lines that share a
/// time keep their order), the newest `newest` of them. Returns false when the receiver wants no more.
fn send(
    arrived: &mut Vec<(usize, LogLine)>,
    sources: &[Source],
    on_line: &mut impl FnMut(String) -> bool,
    newest: usize,
) -> bool {
    arrived.sort_by_cached_key(|(_, line)| time_of(line));
    arrived.drain(..arrived.len().saturating_sub(newest));
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
        let source = |service: &str| Source::new(String::new(), service.into());
        let sources = [source("web"), source("db")];
        // As text, "01.5Z" sorts after "01.25Z" only by luck and "01.5Z" before "01.05Z" by mistake.
        let mut arrived = vec![
            (0, line("2026-12-01T10:00:01.5Z", "web 2")),
            (0, line("2026-12-01T10:00:01.5Z", "web 3")),
            (1, line("2026-12-01T10:00:01.05Z", "db 1")),
            (1, line("2026-12-01T10:00:02Z", "db 4")),
        ];
        let mut sent = Vec::new();
        assert!(send(
            &mut arrived,
            &sources,
            &mut |l| {
                sent.push(l);
                true
            },
            3
        ));
        assert_eq!(
            sent,
            ["web | web 2", "web | web 3", "db | db 4"],
            "the newest 3, in order"
        );
        assert!(arrived.is_empty());
    }

    #[test]
    fn the_followed_stream_repeats_nothing_the_tail_handed_on() {
        // The tail handed on lines up to 10:00:01.5, the last one of stderr before an earlier one of stdout.
        let mut source = Source::new(String::new(), "web".into());
        let tail = vec![
            line("2026-12-01T10:00:01.5Z", "last"),
            line("2026-12-01T10:00:01.4Z", "before"),
        ];
        assert_eq!(source.new_ones(tail).count(), 2);
        source.skipping = true;
        let mut sources = [source];
        let output = LogOutput::StdOut {
            message: "2026-12-01T10:00:01.25Z older\n2026-12-01T10:00:01.5Z last\n2026-12-01T10:00:01.4Z before\n\
                      2026-12-01T10:00:01.5000001Z new\n2026-12-01T10:00:01.2Z late but new\n"
                .into(),
        };
        let mut arrived = Vec::new();
        take((0, Ok(output)), &mut sources, &mut arrived).unwrap();
        let texts: Vec<&str> = arrived.iter().map(|(_, l)| l.text.as_str()).collect();
        assert_eq!(texts, ["new", "late but new"]);
    }
}
