//! The container page's Files tab: the browser of its filesystem, or the Changes view of its writable layer — one
//! mounted at a time.

use crate::components::container_changes::ContainerChanges;
use crate::components::file_browser::FileBrowser;
use leptos::prelude::*;

#[component]
pub fn ContainerFiles(container: String, #[prop(into)] name: Signal<String>) -> impl IntoView {
    let changes = RwSignal::new(false);
    view! {
        <div class="container-files">
            <div class="segmented" role="group" aria-label="View">
                <button class="ghost" id="files-view-browse" class:active=move || !changes.get() on:click=move |_| changes.set(false)>"Browse"</button>
                <button class="ghost" id="files-view-changes" class:active=move || changes.get() on:click=move |_| changes.set(true)>"Changes and layers"</button>
            </div>
            {move || match changes.get() {
                false => view! { <FileBrowser container=container.clone() name=name /> }.into_any(),
                true => view! { <ContainerChanges container=container.clone() name=name /> }.into_any(),
            }}
        </div>
    }
}
