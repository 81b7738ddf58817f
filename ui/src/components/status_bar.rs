//! The status bar: which endpoint the app uses and whether it is connected.

use crate::components::engine_switcher::EngineSwitcher;
use crate::store::{use_store, Dock};
use leptos::prelude::*;
use porthole_model::ConnectionState;

#[component]
pub fn StatusBar() -> impl IntoView {
    let store = use_store();
    let state_class = move || match store.connection.get() {
        ConnectionState::Connected { .. } => "dot ok",
        ConnectionState::Connecting { .. } => "dot wait",
        ConnectionState::Unreachable { .. } => "dot bad",
    };
    let state_text = move || match store.connection.get() {
        ConnectionState::Connected { info } => format!(
            "Connected · {} · API {}",
            info.product_version(),
            info.negotiated_api_version
        ),
        ConnectionState::Connecting { .. } => "Connecting…".to_string(),
        ConnectionState::Unreachable { retry_in_secs, .. } => {
            format!("Engine unreachable · next try in {retry_in_secs} s")
        }
    };
    let endpoint = move || store.connection.with(|c| c.endpoint().to_string());
    let counts = move || {
        store.cache.info.with(|info| {
            info.as_ref().map(|i| {
                porthole_model::system::headline_counts(
                    i.containers_running,
                    i.containers_stopped,
                    i.images,
                )
            })
        })
    };
    view! {
        <footer class="status-bar" data-connection=move || store.connection.with(|c| match c {
            ConnectionState::Connected { .. } => "connected",
            ConnectionState::Connecting { .. } => "connecting",
            ConnectionState::Unreachable { .. } => "unreachable",
        })>
            <span class=state_class></span>
            <span class="status-text" id="connection-status">{state_text}</span>
            <EngineSwitcher />
            <span class="status-endpoint" title="The engine endpoint Porthole uses">{endpoint}</span>
            <span class="status-spacer"></span>
            <span class="status-counts">{move || store.connection.with(|c| c.is_connected()).then(counts)}</span>
            <button id="toggle-activity" class="status-button" class:active=move || store.nav.console.with(Option::is_some)
                title="Every request Porthole sends to the engine, with its docker command and curl"
                on:click=move |_| store.nav.console.update(|c| *c = match c { Some(_) => None, None => Some(Dock::Bottom) })>
                "Activity"
            </button>
        </footer>
    }
}
