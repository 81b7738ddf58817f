//! The shell: sidebar, the current page (or the unreachable page), status bar, theme and global keys.

use crate::components::{
    activity_console::ActivityConsole, error_banner::ErrorBanner, run_dialog::RunDialog,
    sidebar::Sidebar, status_bar::StatusBar,
};
use crate::pages;
use crate::store::Store;
use leptos::prelude::*;
use porthole_model::{Page, Theme};
use wasm_bindgen::JsCast;

#[component]
pub fn App() -> impl IntoView {
    let store = Store::new();
    provide_context(store);
    store.start();
    crate::tour::watch(store);

    Effect::new(move |_| {
        let theme = store.prefs.with(|s| s.theme);
        if let Some(root) = document().document_element() {
            let _ = match theme {
                Theme::System => root.remove_attribute("data-theme"),
                Theme::Light => root.set_attribute("data-theme", "light"),
                Theme::Dark => root.set_attribute("data-theme", "dark"),
            };
        }
    });

    // `/` focuses the current page's filter box, as in many list tools; typing in a field is left alone.
    let keys = window_event_listener(leptos::ev::keydown, move |event| {
        let in_field = event
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok())
            .is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"));
        if event.key() == "/" && !in_field {
            if let Some(filter) = document().get_element_by_id("filter") {
                event.prevent_default();
                if let Ok(filter) = filter.dyn_into::<web_sys::HtmlElement>() {
                    let _ = filter.focus();
                }
            }
        }
    });
    on_cleanup(move || keys.remove());

    let page = move || {
        let page = store.nav.page.get();
        // Settings work without an engine; every other page needs one.
        if page != Page::Settings && !store.connection.with(|c| c.is_connected()) {
            return pages::unreachable::UnreachablePage().into_any();
        }
        match page {
            Page::Containers => pages::containers::ContainersPage().into_any(),
            Page::Images => pages::images::ImagesPage().into_any(),
            Page::Registries => pages::registries::RegistriesPage().into_any(),
            Page::Volumes => pages::volumes::VolumesPage().into_any(),
            Page::Networks => pages::networks::NetworksPage().into_any(),
            Page::Compose => pages::compose::ComposePage().into_any(),
            Page::Swarm => pages::swarm::SwarmPage().into_any(),
            Page::Engine => pages::engine::EnginePage().into_any(),
            Page::Disk => pages::disk::DiskPage().into_any(),
            Page::Settings => pages::settings::SettingsPage().into_any(),
            Page::Learn => pages::learn::LearnPage().into_any(),
            Page::Tour => pages::tour::TourPage().into_any(),
        }
    };

    let console_open = Memo::new(move |_| store.nav.console.with(Option::is_some));
    view! {
        <div class="shell" data-console=move || store.nav.console.get().map(|d| d.name()).unwrap_or("closed")>
            <Sidebar />
            <main class="content">
                <ErrorBanner />
                {page}
            </main>
            // Mounted while open: docking it elsewhere keeps its filter and selection.
            {move || console_open.get().then(|| view! { <ActivityConsole /> })}
            <StatusBar />
            <RunDialog />
        </div>
    }
}
