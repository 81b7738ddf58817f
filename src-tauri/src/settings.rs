//! Settings persisted with tauri-plugin-store in `settings.json` under the app data folder.
//!
//! Invariant: a damaged settings file never stops the app. Before the store opens the file, it is parsed; if it is
//! not a JSON object it is moved aside (`settings.json.corrupt-<time>`, kept for the user) and the app starts with
//! defaults. A value of the wrong shape falls back to the default field by field (`#[serde(default)]` in the model).
//! A save never leaves a half-written file: a new copy is written and renamed over the old one. The plugin's store
//! is opened only to read and closed again, so the plugin itself never rewrites the file in place (it would, at exit).

use porthole_model::{ErrorKind, PortholeError, Settings};
use std::path::{Path, PathBuf};
use tauri::{AppHandle, Runtime};
use tauri_plugin_store::StoreExt;

const FILE: &str = "settings.json";
const KEY: &str = "settings";

pub fn load<R: Runtime>(app: &AppHandle<R>) -> Settings {
    if let Ok(path) = tauri_plugin_store::resolve_store_path(app, FILE) {
        quarantine_if_corrupt(&path);
    }
    let Ok(store) = app.store_builder(FILE).disable_auto_save().build() else {
        return Settings::default();
    };
    let settings = store
        .get(KEY)
        .map(|value| serde_json::from_value(value).unwrap_or_default())
        .unwrap_or_default();
    // Not kept open: the plugin would write it again, in place, when the app exits.
    store.close_resource();
    settings
}

/// Saves through a new copy renamed over the old one, so a crash mid-write leaves the previous settings whole.
pub fn save<R: Runtime>(app: &AppHandle<R>, settings: &Settings) -> Result<(), PortholeError> {
    let failed = |detail: String| {
        PortholeError::new(ErrorKind::Internal, "Settings could not be saved.", detail)
    };
    let path =
        tauri_plugin_store::resolve_store_path(app, FILE).map_err(|e| failed(e.to_string()))?;
    let value = serde_json::to_value(settings).unwrap_or_default();
    let mut document = serde_json::Map::new();
    document.insert(KEY.to_owned(), value);
    let bytes = serde_json::to_vec_pretty(&document).unwrap_or_default();
    write_atomically(&path, &bytes).map_err(|e| failed(e.to_string()))
}

/// Writes `bytes` to a new file beside `path`, flushes it, then renames it over `path`; on any failure the new
/// file is removed and `path` is as it was.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    let folder = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(folder)?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let temporary = folder.join(format!(".{name}.new-{}", std::process::id()));
    let written = (|| {
        let mut file = std::fs::File::create(&temporary)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        std::fs::rename(&temporary, path)
    })();
    if written.is_err() {
        let _ = std::fs::remove_file(&temporary);
    }
    written
}

/// Moves a settings file that is not a JSON object aside; returns where it went.
pub fn quarantine_if_corrupt(path: &Path) -> Option<PathBuf> {
    let bytes = std::fs::read(path).ok()?;
    let parsed: Result<serde_json::Map<String, serde_json::Value>, _> =
        serde_json::from_slice(&bytes);
    if parsed.is_ok() {
        return None;
    }
    let stamp = chrono::Utc::now().format("%Y%m%dT%H%M%S");
    let aside = path.with_file_name(format!("{FILE}.corrupt-{stamp}"));
    std::fs::rename(path, &aside).ok()?;
    Some(aside)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(name: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("porthole-settings-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir.join(FILE)
    }

    #[test]
    fn a_corrupt_file_is_moved_aside_with_its_bytes() {
        let path = scratch("corrupt");
        std::fs::write(&path, b"{\"settings\": {\"theme\": \"da").unwrap();
        let aside = quarantine_if_corrupt(&path).expect("moved aside");
        assert!(!path.exists());
        assert_eq!(
            std::fs::read(aside).unwrap(),
            b"{\"settings\": {\"theme\": \"da"
        );
    }

    #[test]
    fn a_save_replaces_the_file_whole_or_not_at_all() {
        let path = scratch("atomic");
        std::fs::write(&path, br#"{"settings":{"theme":"dark"}}"#).unwrap();
        write_atomically(&path, br#"{"settings":{"theme":"light"}}"#).unwrap();
        assert_eq!(
            std::fs::read(&path).unwrap(),
            br#"{"settings":{"theme":"light"}}"#
        );
        let folder = path.parent().unwrap();
        let names = |folder: &Path| -> Vec<String> {
            std::fs::read_dir(folder)
                .unwrap()
                .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .collect()
        };
        assert_eq!(names(folder), [FILE], "no temporary copy left");

        // A write that cannot complete (the target is a folder) leaves nothing half-done behind.
        let blocked = scratch("blocked");
        std::fs::create_dir_all(&blocked).unwrap();
        assert!(write_atomically(&blocked, b"{}").is_err());
        assert_eq!(names(blocked.parent().unwrap()), [FILE]);
        assert!(blocked.is_dir());
    }

    #[test]
    fn a_good_or_missing_file_stays() {
        let path = scratch("good");
        assert_eq!(quarantine_if_corrupt(&path), None);
        std::fs::write(&path, br#"{"settings":{"theme":"dark"}}"#).unwrap();
        assert_eq!(quarantine_if_corrupt(&path), None);
        assert!(path.exists());
    }
}
