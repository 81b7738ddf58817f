//! Porthole's desktop shell: Tauri setup, the app state, and the thin commands the UI invokes.
//!
//! Flow of one click: the UI's `api` module invokes a command (`commands/`), which takes the state, calls the engine
//! layer (`porthole-engine`), and returns a `porthole-model` type or a `PortholeError`. Live data flows the other
//! way over per-subscription channels owned by `subscriptions::Subscriptions`.

mod commands;
mod connection;
mod first_list;
mod notifications;
mod save;
mod settings;
mod state;
mod streams;
mod subscriptions;
#[cfg(test)]
mod test_rig;
pub mod webview;

use state::AppState;
use tauri::Manager;

/// Registers the handlers, and lists their names for the test that holds them equal to the contract
/// (`porthole_model::contract::NAMES`).
macro_rules! registered {
    ($($module:ident :: $command:ident),* $(,)?) => {
        #[cfg(test)]
        const REGISTERED: &[&str] = &[$(stringify!($command)),*];

        fn handler() -> impl Fn(tauri::ipc::Invoke) -> bool + Send + Sync + 'static {
            tauri::generate_handler![$(commands::$module::$command),*]
        }
    };
}

registered![
    activity::list_activity,
    activity::activity_detail,
    activity::clear_activity,
    activity::subscribe_activity,
    engine::retry_connection,
    engine::engine_info,
    engine::list_engines,
    engine::subscribe_engines,
    engine::switch_engine,
    engine::probe_engine,
    engine::add_engine,
    engine::disk_usage,
    engine::reclaim,
    containers::list_containers,
    containers::list_named_containers,
    containers::container_action,
    containers::run_container,
    containers::container_details,
    containers::logs_before,
    containers::subscribe_list_stats,
    containers::save_logs,
    containers::subscribe_logs,
    containers::subscribe_stats,
    containers::subscribe_processes,
    containers::open_terminal,
    containers::terminal_input,
    containers::terminal_resize,
    containers::open_url,
    containers::recreate_plan,
    containers::check_image,
    containers::recreate_container,
    container_files::list_files,
    container_files::read_file,
    container_files::copy_out,
    container_files::copy_in,
    container_files::container_changes,
    container_files::container_layers,
    container_files::commit_container,
    container_files::export_container,
    pickers::downloads_folder,
    images::list_images,
    images::image_action,
    images::pull_image,
    images::push_image,
    images::build_image,
    images::save_images,
    images::load_images,
    pickers::choose_folder,
    pickers::choose_file,
    images::image_details,
    images::tag_image,
    images::prune_preview,
    images::prune_images,
    registries::list_registries,
    registries::login,
    registries::logout,
    registries::registry_catalog,
    registries::registry_tags,
    registries::search_hub,
    images::image_pullable,
    volumes::list_volumes,
    volumes::create_volume,
    volumes::remove_volume,
    volumes::remove_volumes,
    volumes::inspect_volume,
    volumes::list_host_mounts,
    networks::list_networks,
    networks::create_network,
    networks::network_action,
    networks::remove_networks,
    networks::inspect_network,
    compose::compose_tool,
    swarm::swarm_info,
    swarm::swarm_action,
    swarm::list_nodes,
    swarm::list_services,
    swarm::inspect_service,
    swarm::service_tasks,
    swarm::stack_run,
    swarm::service_logs,
    compose::open_compose_file,
    compose::list_compose_projects,
    compose::compose_run,
    compose::project_logs,
    compose::write_tour_compose,
    settings::get_settings,
    settings::set_settings,
    settings::subscribe_notifications,
    subscriptions::subscribe_engine,
    subscriptions::unsubscribe,
    subscriptions::subscription_count,
    page::report_page_error,
];

pub fn run() {
    let result = tauri::Builder::default()
        .plugin(tauri_plugin_store::Builder::new().build())
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_opener::init())
        .setup(|app| {
            let saved = settings::load(app.handle());
            let notifications =
                notifications::Notifications::new(app.handle().clone(), saved.notifications);
            let state = AppState::new(
                porthole_engine::system::context::at_start(
                    commands::engine::environment,
                    saved.engine.as_deref(),
                ),
                notifications,
            );
            tauri::async_runtime::spawn(connection::run(state.shared()));
            app.manage(state);
            Ok(())
        })
        .on_page_load(|webview, payload| {
            // A (re)load starts a fresh UI: the old page's channels are dead even though sends to them still succeed,
            // so every stream it opened is cancelled here — but a copy, which finishes what it started.
            if payload.event() == tauri::webview::PageLoadEvent::Started {
                webview
                    .state::<AppState>()
                    .subscriptions
                    .cancel_page_streams();
            }
        })
        .on_window_event(|window, event| {
            // Streams belong to the window: when it goes, every subscription goes with it.
            if let tauri::WindowEvent::Destroyed = event {
                window.state::<AppState>().subscriptions.cancel_all();
            }
        })
        .invoke_handler(handler())
        .run(tauri::generate_context!("../tauri.conf.json"));
    if let Err(error) = result {
        eprintln!("Porthole failed to start: {error}");
        std::process::exit(1);
    }
}

#[cfg(test)]
mod contract_tests {
    use porthole_model::contract::{permission, NAMES};

    fn sorted(names: &[&str]) -> Vec<String> {
        let mut names: Vec<String> = names.iter().map(|n| n.to_string()).collect();
        names.sort();
        names
    }

    #[test]
    fn every_declared_command_is_registered_and_nothing_else() {
        assert_eq!(sorted(super::REGISTERED), sorted(NAMES));
    }

    #[test]
    fn the_window_may_call_exactly_the_declared_commands() {
        let file = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/capabilities/main.json"
        ))
        .expect("the window's capability");
        let capability: serde_json::Value = serde_json::from_str(&file).expect("JSON");
        let mut granted: Vec<String> = capability["permissions"]
            .as_array()
            .expect("a permission list")
            .iter()
            .filter_map(|p| p.as_str().map(str::to_owned))
            .collect();
        granted.sort();
        let mut declared: Vec<String> = NAMES.iter().map(|n| permission(n)).collect();
        declared.sort();
        assert_eq!(granted, declared);
    }
}
