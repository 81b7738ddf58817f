//! Running the Compose tool for one action: each run of the command (one, or `pull` then `up` for v1's "pull
//! first") in the file's folder against this engine, through `process::run_lines` (lines as they come, the exit
//! code as the result, the tool killed when dropped).

use porthole_model::compose::{ComposeCommand, ComposeTool};
use porthole_model::{Action, PortholeError};

/// Runs `command` with `tool`; `on_line` gets each output line and returns false to stop (the window went away).
pub async fn run(
    engine: &crate::Engine,
    tool: &ComposeTool,
    command: &ComposeCommand,
    mut on_line: impl FnMut(String) -> bool,
) -> Result<(), PortholeError> {
    command.validate().map_err(PortholeError::invalid_input)?;
    let folder = porthole_model::compose::folder_of(&command.file);
    let recorded = Action::Compose {
        command: command.clone(),
        tool: tool.clone(),
    };
    crate::as_action(recorded, async move {
        let what = format!(
            "{} {}",
            tool.invocation(),
            command.verb.label().to_lowercase()
        );
        for args in command.runs(tool) {
            let run = super::tool::command(tool, engine, &folder, &args);
            crate::process::run_lines(run, &what, &mut on_line).await?;
        }
        Ok(())
    })
    .await
}
