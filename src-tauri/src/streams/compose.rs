//! A run of the Compose tool as a subscription: its output lines gathered and sent at most every
//! `PROGRESS_EVERY` (so `logs -f` of a chatty project does not flood the page, and a quiet one's last line is not
//! held back), then `Ended` or `Failed`. Cancelling drops the run, which kills the tool.

use super::PROGRESS_EVERY;
use porthole_engine::Engine;
use porthole_model::compose::{ComposeCommand, ComposeMessage, TOOL_MISSING};
use porthole_model::{ErrorKind, PortholeError};
use tauri::ipc::Channel;

pub async fn run(engine: Engine, command: ComposeCommand, channel: Channel<ComposeMessage>) {
    let Some(tool) = porthole_engine::compose::tool::find().await else {
        let missing = PortholeError::new(ErrorKind::NotFound, TOOL_MISSING, "");
        super::finish(&channel, Err(missing));
        return;
    };
    let (lines, mut received) = tokio::sync::mpsc::unbounded_channel::<String>();
    let work = porthole_engine::compose::run(&engine, &tool, &command, move |line| {
        lines.send(line).is_ok()
    });
    tokio::pin!(work);
    let mut pending: Vec<String> = Vec::new();
    let mut tick = tokio::time::interval(PROGRESS_EVERY);
    let result = loop {
        tokio::select! {
            result = &mut work => break result,
            Some(line) = received.recv() => pending.push(line),
            _ = tick.tick() => {
                if !pending.is_empty() {
                    let lines = std::mem::take(&mut pending);
                    if channel.send(ComposeMessage::Output { lines }).is_err() {
                        // The page is gone: dropping the run kills the tool.
                        return;
                    }
                }
            }
        }
    };
    while let Ok(line) = received.try_recv() {
        pending.push(line);
    }
    if !pending.is_empty() {
        let _ = channel.send(ComposeMessage::Output { lines: pending });
    }
    super::finish(&channel, result);
}
