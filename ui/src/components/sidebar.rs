//! The sidebar: the app's pages, each with a live count, and the engine it is connected to.

use crate::components::icon::{Glyph, Icon};
use crate::store::use_store;
use leptos::prelude::*;
use porthole_model::{ObjectKind, Page};

fn glyph(page: Page) -> Glyph {
    match page {
        Page::Containers => Glyph::Containers,
        Page::Images => Glyph::Images,
        Page::Registries => Glyph::Registries,
        Page::Volumes => Glyph::Volumes,
        Page::Networks => Glyph::Networks,
        Page::Compose => Glyph::Compose,
        Page::Swarm => Glyph::Swarm,
        Page::Engine => Glyph::Engine,
        Page::Disk => Glyph::Disk,
        Page::Settings => Glyph::Settings,
        Page::Learn => Glyph::Learn,
        Page::Tour => Glyph::Tour,
    }
}

#[component]
pub fn Sidebar() -> impl IntoView {
    let store = use_store();
    // A count shows once its list was read: before, 0 would be a guess.
    let count = move |page: Page| -> Option<usize> {
        let kind = match page {
            Page::Containers => ObjectKind::Container,
            Page::Images => ObjectKind::Image,
            Page::Volumes => ObjectKind::Volume,
            Page::Networks => ObjectKind::Network,
            _ => return None,
        };
        if !store.cache.loaded(kind) {
            return None;
        }
        match page {
            Page::Containers => Some(
                store
                    .cache
                    .containers
                    .with(|c| c.iter().filter(|c| c.state.is_running()).count()),
            ),
            Page::Images => Some(store.cache.images.with(|i| i.len())),
            Page::Volumes => Some(store.cache.volumes.with(|v| v.len())),
            Page::Networks => Some(store.cache.networks.with(|n| n.len())),
            _ => None,
        }
    };
    let item = move |page: Page| {
        view! {
            <button
                class="nav-item"
                // Folded to its icon (a narrow window), an entry still names its page on hover.
                title=page.title()
                class:active=move || store.nav.page.get() == page
                data-nav=page.slug()
                on:click=move |_| {
                    // The sidebar's Containers leads back to the list from a container's page.
                    if page == Page::Containers {
                        store.nav.open_container.set(None);
                    }
                    store.go(page)
                }
            >
                <Icon glyph=glyph(page) />
                <span class="nav-title">{page.title()}</span>
                {move || count(page).map(|n| view! { <span class="nav-count">{n}</span> })}
            </button>
        }
    };
    view! {
        <nav class="sidebar">
            <div class="brand">
                <img src="logo.svg" alt="" width="34" height="34" />
                <div>
                    <div class="brand-name">"Porthole"</div>
                    <div class="brand-tag">"Docker, point and click"</div>
                </div>
            </div>
            <div class="nav-section">"Manage"</div>
            {item(Page::Containers)}
            {item(Page::Images)}
            {item(Page::Volumes)}
            {item(Page::Networks)}
            {item(Page::Compose)}
            {item(Page::Swarm)}
            {item(Page::Registries)}
            <div class="nav-section">"System"</div>
            {item(Page::Engine)}
            {item(Page::Disk)}
            <div class="nav-section">"Learn"</div>
            {item(Page::Learn)}
            {item(Page::Tour)}
            <div class="nav-spacer"></div>
            {item(Page::Settings)}
        </nav>
    }
}
