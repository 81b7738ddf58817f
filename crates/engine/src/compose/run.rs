//! Running the Compose tool for one action: each run of the command (one, or `pull` then `up` for v1's "pull
//! first") in the file's folder against this engine, its stdout and stderr handed over line by line as they come,
//! its exit code turned into the result. Dropping the future kills the tool (cancel).

use porthole_model::compose::{ComposeCommand, ComposeTool};
use porthole_model::{Action, ErrorKind, PortholeError};
use tokio::io::{AsyncBufReadExt, BufReader};

/// Lines kept from the end of the output for a failure's message.
const LAST_WORDS: usize = 6;

/// Runs `command` with `tool`; `on_line` gets each output line and returns false to stop (the window went away).
pub async fn run(
    engine: &crate::Engine,
    tool: &ComposeTool,
    command: &ComposeCommand,
    mut on_line: impl FnMut(String) -> bool,
) -> Result<(), PortholeError> {
    command.validate().map_err(PortholeError::invalid_input)?;
    let folder = command
        .file
        .rsplit_once('/')
        .map(|(f, _)| f)
        .filter(|f| !f.is_empty())
        .unwrap_or("/")
        .to_owned();
    let recorded = Action::Compose {
        command: command.clone(),
        tool: tool.clone(),
    };
    crate::as_action(recorded, async move {
        for args in command.runs(tool) {
            let mut child = super::tool::command(tool, engine, &folder, &args)
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .map_err(|e| {
                    PortholeError::new(ErrorKind::Internal, format!("{} did not start.", tool.invocation()), e.to_string())
                })?;
            let (Some(stdout), Some(stderr)) = (child.stdout.take(), child.stderr.take()) else {
                return Err(PortholeError::new(ErrorKind::Internal, "The Compose tool's output was not readable.", ""));
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
                    // Nobody is watching: stop the tool rather than run on unseen.
                    let _ = child.kill().await;
                    return Ok(());
                }
            }
            let status = child.wait().await.map_err(|e| {
                PortholeError::new(ErrorKind::Internal, "The Compose tool was lost.", e.to_string())
            })?;
            if !status.success() {
                let code = status.code().map_or("a signal".to_owned(), |c| format!("exit code {c}"));
                return Err(PortholeError::new(
                    ErrorKind::Internal,
                    format!("{} {} failed ({code}): {}", tool.invocation(), command.verb.label().to_lowercase(), last.join("\n")),
                    last.join("\n"),
                ));
            }
        }
        Ok(())
    })
    .await
}
