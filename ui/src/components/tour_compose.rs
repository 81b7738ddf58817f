//! The compose file of the tour's second chapter, shown as it will be written, with a button that writes it (into
//! the app's data folder, in a folder named after the project) and opens it on the Compose page.

use crate::api;
use crate::store::{use_store, Route};
use leptos::prelude::*;
use leptos::task::spawn_local;
use porthole_model::tour::compose::compose_file;
use porthole_model::tour::TourSource;

#[component]
pub fn TourComposeFile(source: TourSource) -> impl IntoView {
    let store = use_store();
    let text = compose_file(&source);
    let writing = RwSignal::new(false);
    let write = move |_| {
        writing.set(true);
        let source = source.clone();
        spawn_local(async move {
            match api::write_tour_compose(&source).await {
                Ok(path) => store.open(Route::ComposeFile(path)),
                Err(error) => store.error.set(Some(error.into())),
            }
            writing.try_set(false);
        });
    };
    view! {
        <pre class="tour-compose-file" id="tour-compose-file">{text}</pre>
        <button class="action small" id="tour-write-compose" disabled=move || writing.get() on:click=write>
            "Write it for me and open it"
        </button>
    }
}
