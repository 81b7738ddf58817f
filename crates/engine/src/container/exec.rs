//! A terminal in a running container (`docker exec -it`): an exec with a TTY whose output is a byte stream and whose
//! input is a writer, resized with the window.
//!
//! The engine does not end an exec's process when its client goes away (a TTY gets no hang-up), so closing a
//! terminal must `close` it: Ctrl-C and Ctrl-D as a user would, and when the shell is still there (a REPL or an
//! editor in front), SIGHUP to the shell from a second exec — the shell reports its own pid as it starts — so the
//! kernel hangs up everything in the terminal.

use crate::error::{from_bollard, from_bollard_with};
use crate::Engine;
use bollard::exec::{CreateExecOptions, ResizeExecOptions, StartExecOptions, StartExecResults};
use futures_util::{Stream, StreamExt};
use porthole_model::{ErrorKind, PortholeError};
use std::pin::Pin;
use tokio::io::{AsyncWrite, AsyncWriteExt};

pub struct Session {
    pub id: String,
    /// The shell's pid inside the container, when it reported it (see `start`).
    pub pid: Option<u32>,
    pub output: Pin<Box<dyn Stream<Item = Result<Vec<u8>, PortholeError>> + Send>>,
    pub input: Pin<Box<dyn AsyncWrite + Send>>,
}

const PID_MARK: &str = "porthole-pid:";

/// A shell (`/bin/sh`, `bash`, …) is started through itself so that it first prints its pid, then becomes the
/// interactive shell: `sh -c 'echo porthole-pid:$$; exec "$0"' sh`. Other commands run as they are.
fn wrapped(command: &[String]) -> Vec<String> {
    match command {
        [shell] if shell.ends_with("sh") => vec![
            shell.clone(),
            "-c".into(),
            format!("echo {PID_MARK}$$; exec \"$0\""),
            shell.clone(),
        ],
        other => other.to_vec(),
    }
}

/// Reads the pid line from the first output (within 5 s), returning the pid and whatever came after it.
async fn read_pid(
    output: &mut Pin<
        Box<
            dyn Stream<Item = Result<bollard::container::LogOutput, bollard::errors::Error>> + Send,
        >,
    >,
) -> (Option<u32>, Vec<u8>) {
    let mut seen = Vec::new();
    let read = async {
        while let Some(Ok(chunk)) = output.next().await {
            seen.extend_from_slice(&chunk.into_bytes());
            if let Some((pid, after)) = find_pid(&seen) {
                return (pid, seen[after..].to_vec());
            }
        }
        (None, std::mem::take(&mut seen))
    };
    tokio::time::timeout(std::time::Duration::from_secs(5), read)
        .await
        .unwrap_or_default()
}

/// Finds the pid line in the raw output: the pid (if it parses) and where the output after that line starts.
/// Searched in the bytes themselves — a shell may print anything, invalid UTF-8 included, before the line, and a
/// position found in lossily decoded text would point elsewhere in the bytes.
fn find_pid(seen: &[u8]) -> Option<(Option<u32>, usize)> {
    let mark = PID_MARK.as_bytes();
    let at = seen.windows(mark.len()).position(|w| w == mark)?;
    let line_end = at + seen[at..].iter().position(|&b| b == b'\n')?;
    let pid = std::str::from_utf8(&seen[at + mark.len()..line_end])
        .ok()
        .and_then(|text| text.trim().parse().ok());
    Some((pid, line_end + 1))
}

/// Starts `command` with a TTY of `cols`×`rows` in the container.
pub async fn start(
    engine: &Engine,
    container: &str,
    command: &[String],
    cols: u16,
    rows: u16,
) -> Result<Session, PortholeError> {
    crate::as_action(
        porthole_model::Action::Exec {
            container: container.to_owned(),
            command: command.to_vec(),
        },
        async move {
            let reports_pid = wrapped(command) != command;
            let config = CreateExecOptions {
                attach_stdin: Some(true),
                attach_stdout: Some(true),
                attach_stderr: Some(true),
                tty: Some(true),
                cmd: Some(wrapped(command)),
                env: Some(vec!["TERM=xterm-256color".to_owned()]),
                ..Default::default()
            };
            let created = engine
                .docker
                .create_exec(container, config)
                .await
                .map_err(|error| {
                    from_bollard_with(error, |kind| {
                        (kind == ErrorKind::Conflict).then(|| {
                            "The container is not running: start it to open a terminal.".into()
                        })
                    })
                })?;
            let options = StartExecOptions {
                detach: false,
                tty: true,
                output_capacity: None,
            };
            match engine
                .docker
                .start_exec(&created.id, Some(options))
                .await
                .map_err(from_bollard)?
            {
                StartExecResults::Attached { mut output, input } => {
                    let _ = resize(engine, &created.id, cols, rows).await;
                    let (pid, rest) = match reports_pid {
                        true => read_pid(&mut output).await,
                        false => (None, Vec::new()),
                    };
                    let first = futures_util::stream::iter((!rest.is_empty()).then_some(Ok(rest)));
                    let output = output
                        .map(|chunk| chunk.map(|c| c.into_bytes().to_vec()).map_err(from_bollard));
                    Ok(Session {
                        id: created.id,
                        pid,
                        output: Box::pin(first.chain(output)),
                        input,
                    })
                }
                StartExecResults::Detached => Err(PortholeError::of_kind(
                    ErrorKind::Internal,
                    "The exec did not attach.",
                )),
            }
        },
    )
    .await
}

pub async fn resize(
    engine: &Engine,
    exec: &str,
    cols: u16,
    rows: u16,
) -> Result<(), PortholeError> {
    engine
        .docker
        .resize_exec(
            exec,
            ResizeExecOptions {
                width: cols.max(1),
                height: rows.max(1),
            },
        )
        .await
        .map_err(from_bollard)
}

/// Sends typed keys to the exec.
pub async fn write(
    input: &mut Pin<Box<dyn AsyncWrite + Send>>,
    data: &[u8],
) -> Result<(), PortholeError> {
    input
        .write_all(data)
        .await
        .map_err(|error| PortholeError::of_kind(ErrorKind::Internal, error.to_string()))?;
    input
        .flush()
        .await
        .map_err(|error| PortholeError::of_kind(ErrorKind::Internal, error.to_string()))
}

/// Ends the shell behind `input` the way a user would: Ctrl-C, then Ctrl-D on the empty line.
pub async fn hang_up(mut input: Pin<Box<dyn AsyncWrite + Send>>) {
    let _ = input.write_all(b"\x03\x04").await;
    let _ = input.flush().await;
    let _ = input.shutdown().await;
}

/// Closes a terminal so that nothing it started keeps running: `hang_up`, and if the exec is still running after a
/// moment, SIGHUP to its shell (`pid`, run by `shell` in a second exec) — the kernel then hangs up the terminal's
/// foreground processes too — and SIGKILL if even that is ignored.
pub async fn close(
    engine: &Engine,
    container: &str,
    exec: &str,
    shell: &str,
    pid: Option<u32>,
    input: Pin<Box<dyn AsyncWrite + Send>>,
) {
    hang_up(input).await;
    let Some(pid) = pid else { return };
    for signal in ["HUP", "KILL"] {
        tokio::time::sleep(std::time::Duration::from_millis(500)).await;
        if !running(engine, exec).await {
            return;
        }
        let kill = CreateExecOptions {
            cmd: Some(vec![
                shell.to_owned(),
                "-c".into(),
                format!("kill -{signal} {pid}"),
            ]),
            ..Default::default()
        };
        if let Ok(created) = engine.docker.create_exec(container, kill).await {
            let detached = StartExecOptions {
                detach: true,
                tty: false,
                output_capacity: None,
            };
            let _ = engine.docker.start_exec(&created.id, Some(detached)).await;
        }
    }
}

/// Whether the exec's process is still running (the shell exited when not).
pub async fn running(engine: &Engine, exec: &str) -> bool {
    engine
        .docker
        .inspect_exec(exec)
        .await
        .ok()
        .and_then(|e| e.running)
        .unwrap_or(false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pid_line_is_found_in_the_bytes_whatever_came_before() {
        let mut output = b"\xff\xfe\xc3 motd \xe2\x82\n".to_vec();
        output.extend_from_slice(b"porthole-pid:4242\r\nprompt$ ");
        let (pid, after) = find_pid(&output).expect("the line is complete");
        assert_eq!(pid, Some(4242));
        assert_eq!(&output[after..], b"prompt$ ");
        assert_eq!(
            find_pid(b"\xffporthole-pid:12"),
            None,
            "not before its newline"
        );
        assert_eq!(find_pid(b"porthole-pid:\xff\n"), Some((None, 15)));
    }
}
