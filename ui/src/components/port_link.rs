//! A published TCP port as a link (`http://localhost:8080`): a click opens it in the user's browser, as
//! `curl http://localhost:8080` would reach it; a failure to open shows in the error banner.

use crate::api;
use crate::store::use_store;
use leptos::prelude::*;
use leptos::task::spawn_local;

#[component]
pub fn PortLink(
    url: String,
    /// Runs before the browser opens (the tour notes that a port was opened).
    #[prop(optional)]
    on_open: Option<Callback<()>>,
) -> impl IntoView {
    let store = use_store();
    let label = url.trim_start_matches("http://").to_owned();
    let title = format!("Open {url} in the browser");
    let open = url.clone();
    view! {
        <button class="link port-link" data-url=url title=title on:click=move |ev| {
            // Inside a row, a click on the link is not a click on the row.
            ev.stop_propagation();
            if let Some(on_open) = on_open {
                on_open.run(());
            }
            let url = open.clone();
            spawn_local(async move {
                if let Err(error) = api::open_url(&url).await {
                    store.error.try_set(Some(error.into()));
                }
            });
        }>{label}</button>
    }
}
