//! The system's pickers, as commands so the window needs no permission for the dialog plugin's own API: a folder
//! (a build context, a bind mount's source), a file (a compose file, a TLS certificate), and the Downloads folder.

use porthole_model::contract::{command as c, Answer, Args};
use std::path::PathBuf;
use tauri_plugin_dialog::{DialogExt, FilePath};

/// Waits for the picker's answer: `None` when the user cancels.
async fn chosen(pick: impl FnOnce(Box<dyn FnOnce(Option<FilePath>) + Send>)) -> Option<PathBuf> {
    let (sender, receiver) = tokio::sync::oneshot::channel();
    pick(Box::new(move |path| {
        let _ = sender.send(path);
    }));
    receiver
        .await
        .ok()
        .flatten()
        .and_then(|f| f.into_path().ok())
}

#[tauri::command]
pub async fn choose_folder(
    app: tauri::AppHandle,
    args: Args<c::choose_folder>,
) -> Answer<c::choose_folder> {
    let dialog = app.dialog().file().set_title(args);
    let folder = chosen(|answer| dialog.pick_folder(answer)).await;
    Ok(folder.map(|path| path.display().to_string()))
}

#[tauri::command]
pub async fn choose_file(
    app: tauri::AppHandle,
    args: Args<c::choose_file>,
) -> Answer<c::choose_file> {
    let mut dialog = app.dialog().file().set_title(args.title);
    if !args.extensions.is_empty() {
        let extensions: Vec<&str> = args.extensions.iter().map(String::as_str).collect();
        dialog = dialog.add_filter(args.filter, &extensions);
    }
    let file = chosen(|answer| dialog.pick_file(answer)).await;
    Ok(file.map(|path| path.display().to_string()))
}

#[tauri::command]
pub async fn downloads_folder(
    app: tauri::AppHandle,
    _args: Args<c::downloads_folder>,
) -> Answer<c::downloads_folder> {
    use tauri::Manager;
    // Not every home has a Downloads folder (a fresh account, a server): then the home itself.
    let folder = app
        .path()
        .download_dir()
        .ok()
        .filter(|d| d.is_dir())
        .ok_or(())
        .or_else(|_| app.path().home_dir());
    Ok(folder
        .map(|f| f.display().to_string())
        .unwrap_or_else(|_| "/tmp".into()))
}
