//! A project's merged logs (`docker compose logs -f`), read from the engine as Compose v2 itself reads them: every
//! container of the project — found by the label the tool puts on each — followed at once, each line tagged with
//! its service. The tool is not started for this: the engine's answer is the same whichever tool made the project,
//! also for a project whose file Porthole has not opened, and the first lines come without a tool's start-up
//! (Debian's Python v1 takes about 350 ms before it asks the engine anything).
//!
//! Invariants: one container's lines keep their order; lines that arrive together (the tails, a burst) are put in
//! the order they were written; no line is longer than the container logs' `LINE_LIMIT`.

use crate::container::logs::{options, LineSplitter};
use crate::error::from_bollard;
use crate::Engine;
use futures_util::stream::{BoxStream, SelectAll};
use futures_util::{FutureExt, StreamExt};
use porthole_model::compose::logs::tagged;
use porthole_model::compose::{parse_project_name, PROJECT_LABEL, SERVICE_LABEL};
use porthole_model::{Action, ErrorKind, LogLine, PortholeError};
use std::collections::HashMap;

type Outputs<'a> = BoxStream<
    'a,
    (
        usize,
        Result<bollard::container::LogOutput, bollard::errors::Error>,
    ),
>;

/// Follows every container of `project` (any state: a stopped one's log is read to its end): the last `tail` lines
/// of each, then new lines as they come, each handed to `on_line` as `SERVICE | TEXT` until it returns false.
/// Returns when every container has stopped or gone.
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
        let mut services = Vec::new();
        let mut outputs: SelectAll<Outputs> = SelectAll::new();
        for container in containers {
            let Some(id) = container.id else { continue };
            let service = container
                .labels
                .and_then(|mut labels| labels.remove(SERVICE_LABEL))
                .unwrap_or_default();
            let index = services.len();
            services.push(service);
            let stream = engine
                .docker
                .logs(&id, Some(options(true, &tail.to_string(), 0)));
            outputs.push(stream.map(move |output| (index, output)).boxed());
        }
        let mut splitters: Vec<LineSplitter> =
            services.iter().map(|_| LineSplitter::default()).collect();
        let mut arrived: Vec<(usize, LogLine)> = Vec::new();
        while let Some(first) = outputs.next().await {
            take(first, &mut splitters, &mut arrived)?;
            // What has arrived meanwhile joins this group, so that it can be put in the order it was written.
            while let Some(Some(next)) = outputs.next().now_or_never() {
                take(next, &mut splitters, &mut arrived)?;
            }
            if !send(&mut arrived, &services, &mut on_line) {
                return Ok(());
            }
        }
        for (index, splitter) in splitters.iter_mut().enumerate() {
            let mut lines = Vec::new();
            splitter.finish(&mut lines);
            arrived.extend(lines.into_iter().map(|line| (index, line)));
        }
        send(&mut arrived, &services, &mut on_line);
        Ok(())
    })
    .await
}

/// Splits one container's output into lines. A container removed while followed ends its stream as a 404: that is
/// the container gone, not a failure of the whole.
fn take(
    (index, output): (
        usize,
        Result<bollard::container::LogOutput, bollard::errors::Error>,
    ),
    splitters: &mut [LineSplitter],
    arrived: &mut Vec<(usize, LogLine)>,
) -> Result<(), PortholeError> {
    match output {
        Ok(output) => {
            let mut lines = Vec::new();
            splitters[index].push(output, &mut lines);
            arrived.extend(lines.into_iter().map(|line| (index, line)));
            Ok(())
        }
        Err(error) => match from_bollard(error) {
            gone if gone.kind == ErrorKind::NotFound => Ok(()),
            error => Err(error),
        },
    }
}

/// Hands the arrived lines on in the order they were written (a stable sort: one container's lines that share a
/// time keep their order). Returns false when the receiver wants no more.
fn send(
    arrived: &mut Vec<(usize, LogLine)>,
    services: &[String],
    on_line: &mut impl FnMut(String) -> bool,
) -> bool {
    // The engine's times drop trailing zeros (RFC 3339 with nanoseconds), so they sort as times, not as text.
    arrived
        .sort_by_cached_key(|(_, line)| chrono::DateTime::parse_from_rfc3339(&line.timestamp).ok());
    arrived
        .drain(..)
        .all(|(index, line)| on_line(tagged(&services[index], &line.text)))
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
        let services = ["web".to_owned(), "db".to_owned()];
        // As text, "01.5Z" sorts after "01.25Z" only by luck and "01.5Z" before "01.05Z" by mistake.
        let mut arrived = vec![
            (0, line("2026-12-01T10:00:01.5Z", "web 2")),
            (0, line("2026-12-01T10:00:01.5Z", "web 3")),
            (1, line("2026-12-01T10:00:01.05Z", "db 1")),
            (1, line("2026-12-01T10:00:02Z", "db 4")),
        ];
        let mut sent = Vec::new();
        assert!(send(&mut arrived, &services, &mut |l| {
            sent.push(l);
            true
        }));
        assert_eq!(
            sent,
            ["db | db 1", "web | web 2", "web | web 3", "db | db 4"]
        );
        assert!(arrived.is_empty());
    }
}
