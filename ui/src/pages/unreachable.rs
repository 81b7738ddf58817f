//! The page shown while the engine cannot be reached: which endpoint was tried, why it failed in plain words, what
//! to do, and when Porthole retries by itself (with "Retry now").

use crate::api;
use crate::components::help_button::HelpButton;
use crate::components::icon::{Glyph, Icon};
use crate::components::prose::Prose;
use crate::store::use_store;
use leptos::prelude::*;
use leptos::task::spawn_local;
use porthole_model::ConnectionState;
use porthole_model::Page;

#[component]
pub fn UnreachablePage() -> impl IntoView {
    let store = use_store();
    let retry = move |_| {
        spawn_local(async move {
            let _ = api::retry_connection().await;
        })
    };
    move || {
        match store.connection.get() {
        ConnectionState::Unreachable { endpoint, endpoint_source, reason, detail, retry_in_secs, attempt } => view! {
            <section class="page unreachable" data-page="unreachable" data-reason=format!("{reason:?}")>
                <div class="unreachable-card">
                    <div class="unreachable-icon"><Icon glyph=Glyph::Plug /></div>
                    <h1>{reason.headline()} <HelpButton page=Page::Engine /></h1>
                    <p class="tried">"Porthole tried "<code>{endpoint}</code>" (chosen by "{endpoint_source}")."</p>
                    <p class="advice"><Prose text=reason.advice() /></p>
                    <details>
                        <summary>"What the connection said"</summary>
                        <pre>{detail}</pre>
                    </details>
                    <div class="retry-row">
                        <button class="primary" id="retry-now" on:click=retry>"Retry now"</button>
                        <span class="retry-note">
                            {format!("Trying again by itself in {retry_in_secs} s (attempt {}).", attempt + 1)}
                        </span>
                    </div>
                </div>
            </section>
        }
        .into_any(),
        other => view! {
            <section class="page unreachable" data-page="connecting">
                <div class="unreachable-card">
                    <div class="spinner"></div>
                    <h1>"Connecting to the Docker engine…"</h1>
                    <p class="tried"><code>{other.endpoint().to_string()}</code></p>
                </div>
            </section>
        }
        .into_any(),
    }
    }
}
