//! `docker cp`, either way, as a subscription: the archive's bytes moved so far (throttled), then `Done` with what
//! was copied, or `Failed`. Nothing the page does stops a copy — closing the dialog, a reload, an engine switch
//! (half a folder is worse than a whole one): the subscription ends with the copy, or with the window.

use super::Throttle;
use porthole_engine::container::copy;
use porthole_engine::Engine;
use porthole_model::container::files::{Copied, CopyIn, CopyMessage, CopyOut};
use porthole_model::PortholeError;
use tauri::ipc::Channel;

pub async fn copy_out(engine: Engine, request: CopyOut, channel: Channel<CopyMessage>) {
    let total = request.estimate;
    let mut progress = progress(&channel);
    let result = copy::copy_out(&engine, &request, move |bytes| progress(bytes, total)).await;
    end(&channel, result);
}

pub async fn copy_in(engine: Engine, request: CopyIn, channel: Channel<CopyMessage>) {
    let mut progress = progress(&channel);
    let result = copy::copy_in(&engine, &request, move |bytes, total| {
        progress(bytes, Some(total))
    })
    .await;
    end(&channel, result);
}

/// Sends the bytes so far at most every `PROGRESS_EVERY`.
fn progress(channel: &Channel<CopyMessage>) -> impl FnMut(u64, Option<u64>) + Send + 'static {
    let channel = channel.clone();
    let mut throttle = Throttle::default();
    move |bytes, total| {
        if throttle.ready() {
            let _ = channel.send(CopyMessage::Progress { bytes, total });
        }
    }
}

fn end(channel: &Channel<CopyMessage>, result: Result<Copied, PortholeError>) {
    // The webview may be gone already; then there is nobody to tell.
    let _ = channel.send(match result {
        Ok(copied) => CopyMessage::Done { copied },
        Err(error) => CopyMessage::Failed { error },
    });
}
