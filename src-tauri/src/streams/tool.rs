//! A run of an external tool as a subscription (the Compose tool, `docker stack deploy`), or of a merged log read
//! from the engine: its output lines gathered and sent at most every `PROGRESS_EVERY` (so a chatty `logs -f` does
//! not flood the page, and a quiet tool's last line is not held back), then `Ended` or `Failed`. Cancelling drops
//! the run, which kills the tool.

use super::PROGRESS_EVERY;
use porthole_model::tool::ToolMessage;
use porthole_model::PortholeError;
use std::future::Future;
use tauri::ipc::Channel;
use tokio::sync::mpsc::UnboundedSender;
use tokio::time::Instant;

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
    // The first lines after a quiet spell go at once (the tails of merged logs, a tool's first words); then at most
    // one message every `PROGRESS_EVERY`.
    let mut last_sent: Option<Instant> = None;
    let result = loop {
        let due = last_sent.map_or_else(Instant::now, |at| at + PROGRESS_EVERY);
        tokio::select! {
            result = &mut work => break result,
            Some(line) = received.recv() => {
                pending.push(line);
                while let Ok(line) = received.try_recv() {
                    pending.push(line);
                }
            }
            _ = tokio::time::sleep_until(due), if !pending.is_empty() => {}
        }
        if !pending.is_empty() && due <= Instant::now() {
            let lines = std::mem::take(&mut pending);
            if channel.send(ToolMessage::Output { lines }).is_err() {
                // The page is gone: dropping the run kills the tool.
                return None;
            }
            last_sent = Some(Instant::now());
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

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::{Arc, Mutex};
    use tauri::ipc::InvokeResponseBody;

    /// When each message reached the page, and its lines.
    type Received = Arc<Mutex<Vec<(Instant, Vec<String>)>>>;

    fn recording(received: &Received) -> Channel<ToolMessage> {
        let received = received.clone();
        Channel::new(move |body: InvokeResponseBody| {
            if let InvokeResponseBody::Json(json) = body {
                if let Ok(ToolMessage::Output { lines }) = serde_json::from_str(&json) {
                    received.lock().unwrap().push((Instant::now(), lines));
                }
            }
            Ok(())
        })
    }

    #[test]
    fn a_burst_goes_at_once_and_what_follows_waits_its_turn() {
        let received = Received::default();
        let channel = recording(&received);
        let start = Instant::now();
        tauri::async_runtime::block_on(forward(channel, |lines| async move {
            for i in 0..1000 {
                let _ = lines.send(i.to_string());
            }
            tokio::time::sleep(std::time::Duration::from_millis(10)).await;
            let _ = lines.send("later".into());
            tokio::time::sleep(PROGRESS_EVERY * 2).await;
            Ok(())
        }));
        let received = received.lock().unwrap();
        assert_eq!(
            received.len(),
            2,
            "{:?}",
            received.iter().map(|r| r.1.len()).collect::<Vec<_>>()
        );
        let (first_at, first) = &received[0];
        assert_eq!(first.len(), 1000, "the burst in one message");
        assert!(
            *first_at - start < PROGRESS_EVERY,
            "sent at once, not on the next tick"
        );
        let (later_at, later) = &received[1];
        assert_eq!(later, &["later"]);
        assert!(
            *later_at - *first_at >= PROGRESS_EVERY,
            "at most one message an interval"
        );
    }
}
