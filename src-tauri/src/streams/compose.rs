//! A run of the Compose tool as a subscription, through `tool::forward`.

use porthole_engine::Engine;
use porthole_model::compose::{ComposeCommand, TOOL_MISSING};
use porthole_model::tool::ToolMessage;
use porthole_model::{ErrorKind, PortholeError};
use tauri::ipc::Channel;

/// Returns whether the tool succeeded (`None`: the page went first).
pub async fn run(
    engine: Engine,
    command: ComposeCommand,
    channel: Channel<ToolMessage>,
) -> Option<bool> {
    super::tool::forward(channel, |lines| async move {
        let tool = porthole_engine::compose::tool::find()
            .await
            .ok_or_else(|| PortholeError::new(ErrorKind::NotFound, TOOL_MISSING, ""))?;
        porthole_engine::compose::run(&engine, &tool, &command, move |line| {
            lines.send(line).is_ok()
        })
        .await
    })
    .await
}
