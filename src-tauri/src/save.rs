//! Saving a container's whole log to a file the user picks (the Logs tab's Download), streamed as it is read.

use porthole_engine::Engine;
use porthole_model::{ErrorKind, PortholeError};

pub async fn logs(
    app: tauri::AppHandle,
    engine: Engine,
    container: String,
) -> Result<Option<String>, PortholeError> {
    use tauri_plugin_dialog::DialogExt;
    let (chosen, receiver) = tokio::sync::oneshot::channel();
    app.dialog()
        .file()
        .set_title("Save the container's log")
        .set_file_name(format!("{container}.log"))
        .save_file(move |path| {
            let _ = chosen.send(path);
        });
    let Some(path) = receiver
        .await
        .ok()
        .flatten()
        .and_then(|p| p.into_path().ok())
    else {
        return Ok(None);
    };
    let file = tokio::fs::File::create(&path).await.map_err(|error| {
        PortholeError::of_kind(
            ErrorKind::InvalidInput,
            format!("Could not write {}: {error}", path.display()),
        )
    })?;
    // Streamed to the file as it is read: a long log is never in memory whole.
    let mut out = tokio::io::BufWriter::new(file);
    porthole_engine::container::logs::write_all(&engine, &container, &mut out).await?;
    Ok(Some(path.display().to_string()))
}
