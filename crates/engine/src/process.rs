//! Running an external tool for the user (the Compose tool, the docker CLI's `stack`): its stdout and stderr read
//! line by line as they come and handed over, its exit code turned into the result with its last words. The child
//! is killed when the future is dropped (a cancelled subscription) or when nobody wants its lines any more.

use porthole_model::{ErrorKind, PortholeError};
use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::process::Command;

/// Lines kept from the end of the output for a failure's message.
const LAST_WORDS: usize = 6;

/// Runs `command` (named `what` in errors, e.g. `docker-compose up`); `on_line` returns false to stop it.
pub(crate) async fn run_lines(
    mut command: Command,
    what: &str,
    on_line: &mut impl FnMut(String) -> bool,
) -> Result<(), PortholeError> {
    let mut child = command
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .kill_on_drop(true)
        .spawn()
        .map_err(|e| {
            PortholeError::new(
                ErrorKind::NotFound,
                format!("{what} did not start: is it installed?"),
                e.to_string(),
            )
        })?;
    let (Some(stdout), Some(stderr)) = (child.stdout.take(), child.stderr.take()) else {
        return Err(PortholeError::new(
            ErrorKind::Internal,
            format!("{what}'s output was not readable."),
            "",
        ));
    };
    let mut stdout = BufReader::new(stdout).lines();
    let mut stderr = BufReader::new(stderr).lines();
    let mut last: Vec<String> = Vec::new();
    let (mut out_open, mut err_open) = (true, true);
    while out_open || err_open {
        let line = tokio::select! {
            line = stdout.next_line(), if out_open => line.unwrap_or(None).or_else(|| { out_open = false; None }),
            line = stderr.next_line(), if err_open => line.unwrap_or(None).or_else(|| { err_open = false; None }),
        };
        let Some(line) = line else { continue };
        last.push(line.clone());
        if last.len() > LAST_WORDS {
            last.remove(0);
        }
        if !on_line(line) {
            // Nobody is watching: stop the tool rather than let it run on unseen.
            let _ = child.kill().await;
            return Ok(());
        }
    }
    let status = child.wait().await.map_err(|e| {
        PortholeError::new(
            ErrorKind::Internal,
            format!("{what} was lost."),
            e.to_string(),
        )
    })?;
    if status.success() {
        return Ok(());
    }
    let code = status
        .code()
        .map_or("a signal".to_owned(), |c| format!("exit code {c}"));
    Err(PortholeError::new(
        ErrorKind::Internal,
        format!("{what} failed ({code}): {}", last.join("\n")),
        last.join("\n"),
    ))
}
