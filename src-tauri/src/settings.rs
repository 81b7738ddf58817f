//! Settings persisted with tauri-plugin-store in `settings.json` under the app data folder.
//!
//! Invariant: a damaged settings file never stops the app. Before the store opens the file, it is parsed; if it is
//! not a JSON object it is moved aside (`settings.json.corrupt-<time>`, kept for the user) and the app starts with
//! defaults. A value of the wrong shape falls back to the default field by field (`#[serde(default)]` in the model).

use porthole_model::{PortholeError, Settings};
use std::path::{Path, PathBuf};
use tauri::{AppHandle, Runtime};
use tauri_plugin_store::StoreExt;

const FILE: &str = "settings.json";
const KEY: &str = "settings";

pub fn load<R: Runtime>(app: &AppHandle<R>) -> Settings {
    if let Ok(path) = tauri_plugin_store::resolve_store_path(app, FILE) {
        quarantine_if_corrupt(&path);
    }
    app.store(FILE)
        .ok()
        .and_then(|store| store.get(KEY))
        .map(|value| serde_json::from_value(value).unwrap_or_default())
        .unwrap_or_default()
}

pub fn save<R: Runtime>(app: &AppHandle<R>, settings: &Settings) -> Result<(), PortholeError> {
    let store = app
        .store(FILE)
        .map_err(|e| PortholeError::of_kind(porthole_model::ErrorKind::Internal, e.to_string()))?;
    let value = serde_json::to_value(settings).unwrap_or_default();
    store.set(KEY, value);
    store.save().map_err(|e| {
        PortholeError::new(
            porthole_model::ErrorKind::Internal,
            "Settings could not be saved.",
            e.to_string(),
        )
    })
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
    fn a_good_or_missing_file_stays() {
        let path = scratch("good");
        assert_eq!(quarantine_if_corrupt(&path), None);
        std::fs::write(&path, br#"{"settings":{"theme":"dark"}}"#).unwrap();
        assert_eq!(quarantine_if_corrupt(&path), None);
        assert!(path.exists());
    }
}
