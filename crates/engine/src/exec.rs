//! A terminal in a running container (`docker exec -it`): an exec with a TTY whose output is a byte stream and whose
//! input is a writer, resized with the window.
//!
//! The engine does not end an exec's process when its client goes away (a TTY gets no hang-up), so closing a
//! terminal must `hang_up`: an interrupt for whatever runs in the foreground, then end-of-input for the shell.

use crate::error::{from_bollard, from_bollard_with};
use crate::Engine;
use bollard::exec::{CreateExecOptions, ResizeExecOptions, StartExecOptions, StartExecResults};
use futures_util::{Stream, StreamExt};
use porthole_model::{ErrorKind, PortholeError};
use std::pin::Pin;
use tokio::io::{AsyncWrite, AsyncWriteExt};

pub struct Session {
    pub id: String,
    pub output: Pin<Box<dyn Stream<Item = Result<Vec<u8>, PortholeError>> + Send>>,
    pub input: Pin<Box<dyn AsyncWrite + Send>>,
}

/// Starts `command` with a TTY of `cols`×`rows` in the container.
pub async fn start(
    engine: &Engine,
    container: &str,
    command: &[String],
    cols: u16,
    rows: u16,
) -> Result<Session, PortholeError> {
    let config = CreateExecOptions {
        attach_stdin: Some(true),
        attach_stdout: Some(true),
        attach_stderr: Some(true),
        tty: Some(true),
        cmd: Some(command.to_vec()),
        env: Some(vec!["TERM=xterm-256color".to_owned()]),
        ..Default::default()
    };
    let created = engine
        .docker
        .create_exec(container, config)
        .await
        .map_err(|error| {
            from_bollard_with(error, |kind| {
                (kind == ErrorKind::Conflict)
                    .then(|| "The container is not running: start it to open a terminal.".into())
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
        StartExecResults::Attached { output, input } => {
            let _ = resize(engine, &created.id, cols, rows).await;
            Ok(Session {
                id: created.id,
                output: Box::pin(
                    output
                        .map(|chunk| chunk.map(|c| c.into_bytes().to_vec()).map_err(from_bollard)),
                ),
                input,
            })
        }
        StartExecResults::Detached => Err(PortholeError::of_kind(
            ErrorKind::Internal,
            "The exec did not attach.",
        )),
    }
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
