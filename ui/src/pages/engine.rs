//! The Engine page: what `docker version` and `docker info` say about the engine Porthole is connected to.

use crate::components::cli_hint::CliHint;
use crate::components::engine_add::EngineAddForm;
use crate::components::engines_overview::EnginesOverview;
use crate::components::help_button::HelpButton;
use crate::store::use_store;
use leptos::prelude::*;
use porthole_model::image::human_size;
use porthole_model::Page;
use porthole_model::{Action, EngineInfo};

fn fact(label: &'static str, value: String) -> impl IntoView {
    view! {
        <div class="fact">
            <div class="fact-label">{label}</div>
            <div class="fact-value" data-fact=label>{value}</div>
        </div>
    }
}

fn count(label: &'static str, value: i64, class: &'static str) -> impl IntoView {
    view! {
        <div class=format!("count-card {class}")>
            <div class="count-value" data-count=label>{value}</div>
            <div class="count-label">{label}</div>
        </div>
    }
}

fn cards(info: EngineInfo) -> impl IntoView {
    let api = format!(
        "{} (engine speaks {}, oldest {})",
        info.negotiated_api_version, info.api_version, info.min_api_version
    );
    view! {
        <div class="counts">
            {count("Running", info.containers_running, "ok")}
            {count("Paused", info.containers_paused, "warn")}
            {count("Stopped", info.containers_stopped, "muted")}
            {count("Images", info.images, "info")}
            {count("Volumes", info.volumes, "info")}
        </div>
        <div class="cards">
            <div class="card">
                <h2>"Engine"</h2>
                {fact("Version", info.version.clone())}
                {fact("API version", api)}
                {fact("Endpoint", info.endpoint.clone())}
                {fact("Chosen by", info.endpoint_source.clone())}
                {fact("Name", info.name.clone())}
            </div>
            <div class="card">
                <h2>"Host"</h2>
                {fact("Operating system", info.os.clone())}
                {fact("Kernel", info.kernel.clone())}
                {fact("Architecture", format!("{} ({})", info.architecture, info.os_type))}
                {fact("CPUs", info.cpus.to_string())}
                {fact("Memory", human_size(info.memory_bytes))}
            </div>
            <div class="card">
                <h2>"Storage"</h2>
                {fact("Storage driver", info.storage_driver.clone())}
                {fact("Root directory", info.root_dir.clone())}
                {fact("Cgroup version", info.cgroup_version.clone())}
            </div>
        </div>
        <p class="explain">
            "The "<strong>"Docker engine"</strong>" is a background service (the daemon, "<code>"dockerd"</code>
            ") that builds images and runs containers. The "<code>"docker"</code>" command and Porthole are both
            clients: they send the same HTTP requests to the engine's API, here over "
            <code>{info.endpoint.clone()}</code>"."
        </p>
    }
}

#[component]
pub fn EnginePage() -> impl IntoView {
    let store = use_store();
    view! {
        <section class="page" data-page="engine">
            <header class="page-header">
                <div>
                    <h1>"Engine" <HelpButton page=Page::Engine /></h1>
                    <p class="page-sub">"The Docker engine Porthole is talking to"</p>
                </div>
                <CliHint command=Signal::derive(|| Action::EngineInfo.cli()) />
            </header>
            <div class="page-body">
                <EnginesOverview />
                {move || store.cache.info.get().map(cards)}
                <EngineAddForm />
            </div>
        </section>
    }
}
