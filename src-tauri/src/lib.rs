//! Porthole's desktop shell: Tauri setup, the app state, and the thin commands the UI invokes.
//!
//! Flow of one click: the UI's `api` module invokes a command (`commands/`), which takes the state, calls the engine
//! layer (`porthole-engine`), and returns a `porthole-model` type or a `PortholeError`. Live data flows the other
//! way over per-subscription channels owned by `subscriptions::Subscriptions`.

mod commands;
mod connection;
mod image_build;
mod save;
mod settings;
mod state;
mod streams;
mod subscriptions;
mod transfer;

use state::AppState;
use tauri::Manager;

pub fn run() {
    tauri::Builder::default()
        .plugin(tauri_plugin_store::Builder::new().build())
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_opener::init())
        .setup(|app| {
            let state = AppState::new(porthole_engine::Endpoint::from_environment());
            tauri::async_runtime::spawn(connection::run(state.shared()));
            app.manage(state);
            Ok(())
        })
        .on_page_load(|webview, payload| {
            // A (re)load starts a fresh UI: the old page's channels are dead even though sends to them still succeed,
            // so every stream it opened is cancelled here.
            if payload.event() == tauri::webview::PageLoadEvent::Started {
                webview.state::<AppState>().subscriptions.cancel_all();
            }
        })
        .on_window_event(|window, event| {
            // Streams belong to the window: when it goes, every subscription goes with it.
            if let tauri::WindowEvent::Destroyed = event {
                window.state::<AppState>().subscriptions.cancel_all();
            }
        })
        .invoke_handler(tauri::generate_handler![
            commands::activity::list_activity,
            commands::activity::activity_detail,
            commands::activity::clear_activity,
            commands::activity::subscribe_activity,
            commands::engine::retry_connection,
            commands::engine::engine_info,
            commands::containers::list_containers,
            commands::containers::container_action,
            commands::containers::run_container,
            commands::containers::container_details,
            commands::containers::logs_before,
            commands::containers::subscribe_list_stats,
            commands::containers::save_logs,
            commands::containers::subscribe_logs,
            commands::containers::subscribe_stats,
            commands::containers::subscribe_processes,
            commands::containers::open_terminal,
            commands::containers::terminal_input,
            commands::containers::terminal_resize,
            commands::containers::open_url,
            commands::images::list_images,
            commands::images::image_action,
            commands::images::pull_image,
            commands::images::push_image,
            commands::images::build_image,
            commands::images::choose_folder,
            commands::images::image_details,
            commands::images::tag_image,
            commands::images::prune_preview,
            commands::images::prune_images,
            commands::registries::list_registries,
            commands::registries::login,
            commands::registries::logout,
            commands::registries::registry_catalog,
            commands::registries::registry_tags,
            commands::registries::search_hub,
            commands::volumes::list_volumes,
            commands::volumes::create_volume,
            commands::volumes::remove_volume,
            commands::volumes::prune_volumes,
            commands::volumes::inspect_volume,
            commands::volumes::list_host_mounts,
            commands::settings::get_settings,
            commands::settings::set_settings,
            commands::subscriptions::subscribe_engine,
            commands::subscriptions::unsubscribe,
            commands::subscriptions::subscription_count,
        ])
        .run(tauri::generate_context!("../tauri.conf.json"))
        .expect("Porthole failed to start");
}
