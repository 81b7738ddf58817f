//! Looking for a secret in every file the app wrote in its home (settings store, logs, caches); `Window::record_ipc`
//! (ipc.rs) covers what crossed IPC.

use std::path::{Path, PathBuf};

/// Every file under `home` whose bytes contain `secret`.
pub fn files_holding(home: &Path, secret: &str) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut folders = vec![home.to_path_buf()];
    while let Some(folder) = folders.pop() {
        let Ok(entries) = std::fs::read_dir(&folder) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                folders.push(path);
            } else if std::fs::read(&path).is_ok_and(|bytes| {
                bytes
                    .windows(secret.len())
                    .any(|window| window == secret.as_bytes())
            }) {
                found.push(path);
            }
        }
    }
    found
}
