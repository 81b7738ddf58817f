//! `docker save` and `docker load` as subscriptions: the bytes so far (throttled), then one `Done` or `Failed`.
//! Cancelling drops the request: a save's partial file is removed (the engine layer writes to a fresh file only, so
//! the file removed is always the one this save created).

use super::Throttle;
use porthole_engine::Engine;
use porthole_model::image::archive::{ArchiveMessage, LoadImages, SaveImages};
use tauri::ipc::Channel;

/// Removes the save's file when the subscription is cancelled before it finished.
struct Unfinished(Option<String>);

impl Drop for Unfinished {
    fn drop(&mut self) {
        if let Some(file) = self.0.take() {
            let _ = std::fs::remove_file(file);
        }
    }
}

pub async fn save(engine: Engine, request: SaveImages, channel: Channel<ArchiveMessage>) {
    let mut throttle = Throttle::default();
    let total = request.estimate;
    // Only a file this save created may be removed: an existing one makes the save fail before writing.
    let existed = std::path::Path::new(request.file.trim()).exists();
    let mut unfinished = Unfinished((!existed).then(|| request.file.trim().to_owned()));
    let result = porthole_engine::image::archive::save(&engine, &request, |bytes| {
        if throttle.ready() {
            let _ = channel.send(ArchiveMessage::Progress { bytes, total });
        }
    })
    .await;
    unfinished.0 = None;
    let _ = channel.send(match result {
        Ok(bytes) => ArchiveMessage::Done {
            bytes,
            images: Vec::new(),
        },
        Err(error) => ArchiveMessage::Failed { error },
    });
}

pub async fn load(engine: Engine, request: LoadImages, channel: Channel<ArchiveMessage>) {
    let mut throttle = Throttle::default();
    let mut sent = 0;
    let result = porthole_engine::image::archive::load(&engine, &request, |bytes, total| {
        sent = bytes;
        if throttle.ready() {
            let _ = channel.send(ArchiveMessage::Progress { bytes, total });
        }
    })
    .await;
    let _ = channel.send(match result {
        Ok(images) => ArchiveMessage::Done {
            bytes: sent,
            images,
        },
        Err(error) => ArchiveMessage::Failed { error },
    });
}
