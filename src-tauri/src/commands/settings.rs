//! Settings (theme, last page, confirmations).

use porthole_model::contract::{command as c, Answer, Args};
use tauri::AppHandle;

#[tauri::command]
pub fn get_settings(app: AppHandle, args: Args<c::get_settings>) -> Answer<c::get_settings> {
    let () = args;
    Ok(crate::settings::load(&app))
}

#[tauri::command]
pub fn set_settings(app: AppHandle, args: Args<c::set_settings>) -> Answer<c::set_settings> {
    crate::settings::save(&app, &args)
}
