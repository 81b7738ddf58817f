//! Settings (theme, last page, confirmations).

use porthole_model::{PortholeError, Settings};
use tauri::AppHandle;

#[tauri::command]
pub fn get_settings(app: AppHandle) -> Settings {
    crate::settings::load(&app)
}

#[tauri::command]
pub fn set_settings(app: AppHandle, settings: Settings) -> Result<(), PortholeError> {
    crate::settings::save(&app, &settings)
}
