//! A run of an external tool as a subscription (the Compose tool, `docker stack deploy`): its output lines
//! gathered and sent at most every `PROGRESS_EVERY` (so a chatty `logs -f` does not flood the page, and a quiet
//! tool's last line is not held back), then `Ended` or `Failed`. Cancelling drops the run, which kills the tool.

use super::PROGRESS_EVERY;
use porthole_model::tool::ToolMessage;
use porthole_model::PortholeError;
use std::future::Future;
use tauri::ipc::Channel;
use tokio::sync::mpsc::UnboundedSender;

/// Starts the run `start` makes (it gets where to put each line) and forwards its lines and its end to `channel`;
/// returns whether the run succeeded, or `None` when the page went first (the run was dropped, nobody failed).
pub async fn forward<F, Fut>(channel: Channel<ToolMessage>, start: F) -> Option<bool>
where
    F: FnOnce(UnboundedSender<String>) -> Fut,
    Fut: Future<Output = Result<(), PortholeError>>,
{
    let (lines, mut received) = tokio::sync::mpsc::unbounded_channel::<String>();
    let work = start(lines);
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
                    if channel.send(ToolMessage::Output { lines }).is_err() {
                        // The page is gone: dropping the run kills the tool.
                        return None;
                    }
                }
            }
        }
    };
    while let Ok(line) = received.try_recv() {
        pending.push(line);
    }
    if !pending.is_empty() {
        let _ = channel.send(ToolMessage::Output { lines: pending });
    }
    let succeeded = result.is_ok();
    super::finish(&channel, result);
    Some(succeeded)
}
