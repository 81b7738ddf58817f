//! Builds the Tauri context from the root tauri.conf.json and declares the app's commands, so that each one gets an
//! `allow-…` permission and the window's capability grants exactly the commands the UI uses.

/// Every command the UI may invoke; `src/lib.rs` registers the same list.
const COMMANDS: &[&str] = &[
    "list_activity",
    "activity_detail",
    "clear_activity",
    "subscribe_activity",
    "retry_connection",
    "engine_info",
    "list_containers",
    "container_action",
    "run_container",
    "container_details",
    "logs_before",
    "subscribe_list_stats",
    "save_logs",
    "subscribe_logs",
    "subscribe_stats",
    "subscribe_processes",
    "open_terminal",
    "terminal_input",
    "terminal_resize",
    "open_url",
    "list_images",
    "image_action",
    "pull_image",
    "push_image",
    "build_image",
    "choose_folder",
    "image_details",
    "tag_image",
    "prune_preview",
    "prune_images",
    "list_registries",
    "login",
    "logout",
    "registry_catalog",
    "registry_tags",
    "search_hub",
    "list_volumes",
    "create_volume",
    "remove_volume",
    "prune_volumes",
    "inspect_volume",
    "list_host_mounts",
    "get_settings",
    "set_settings",
    "subscribe_engine",
    "unsubscribe",
    "subscription_count",
];

fn main() {
    let attributes = tauri_build::Attributes::new()
        .config_path("../tauri.conf.json")
        .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS));
    tauri_build::try_build(attributes).expect("tauri build step");
}
