//! The page's own health: a panic or an uncaught error in the window, written to the app's log.

use porthole_model::contract::{command as c, Answer, Args};
use std::io::Write;
use tauri::{AppHandle, Manager};

/// The log file, under the app's log folder (`~/.local/share/dev.porthole.app/logs/` on Linux).
pub const LOG_FILE: &str = "page-errors.log";

/// Appends the report to the app's log and to stderr; a log that cannot be written still leaves stderr.
#[tauri::command]
pub fn report_page_error(
    app: AppHandle,
    args: Args<c::report_page_error>,
) -> Answer<c::report_page_error> {
    let line = args.log_line(&chrono::Utc::now().to_rfc3339());
    eprint!("{line}");
    if let Ok(folder) = app.path().app_log_dir() {
        let _ = std::fs::create_dir_all(&folder);
        if let Ok(mut file) = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(folder.join(LOG_FILE))
        {
            let _ = file.write_all(line.as_bytes());
        }
    }
    Ok(())
}
