//! Builds the Tauri context from the root tauri.conf.json and declares the app's commands — the contract's list,
//! `porthole_model::contract::NAMES` — so that each one gets an `allow-…` permission and the window's capability
//! grants exactly the commands the UI uses.

// A failed build step must stop the build with Tauri's own message.
#[allow(clippy::expect_used)]
fn main() {
    let attributes = tauri_build::Attributes::new()
        .config_path("../tauri.conf.json")
        .app_manifest(tauri_build::AppManifest::new().commands(porthole_model::contract::NAMES));
    tauri_build::try_build(attributes).expect("tauri build step");
}
