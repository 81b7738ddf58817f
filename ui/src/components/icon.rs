//! Line icons drawn inline (no icon font, no remote assets: the CSP allows only what the app bundles).

use leptos::prelude::*;

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Glyph {
    Containers,
    Images,
    Registries,
    Volumes,
    Networks,
    Compose,
    Swarm,
    Engine,
    Settings,
    Search,
    Plug,
    Copy,
    Learn,
    Tour,
    Disk,
    Folder,
    File,
    Link,
    Other,
}

fn path(glyph: Glyph) -> &'static str {
    match glyph {
        Glyph::Containers => "M3 7l9-4 9 4-9 4-9-4zm0 5l9 4 9-4M3 17l9 4 9-4",
        Glyph::Images => "M4 5h16v14H4zM4 15l4-4 4 4 3-3 5 5M15 9h.01",
        Glyph::Registries => "M4 10l8-6 8 6M6 10v8M10 10v8M14 10v8M18 10v8M3 20h18",
        Glyph::Volumes => "M4 6c0-1.7 3.6-3 8-3s8 1.3 8 3-3.6 3-8 3-8-1.3-8-3zM4 6v12c0 1.7 3.6 3 8 3s8-1.3 8-3V6M4 12c0 1.7 3.6 3 8 3s8-1.3 8-3",
        Glyph::Networks => "M12 3a2.5 2.5 0 110 5 2.5 2.5 0 010-5zM5 16a2.5 2.5 0 110 5 2.5 2.5 0 010-5zM19 16a2.5 2.5 0 110 5 2.5 2.5 0 010-5zM12 8v4M12 12l-6 4M12 12l6 4",
        Glyph::Compose => "M4 4h7v7H4zM13 4h7v7h-7zM4 13h7v7H4zM13 16.5h7M16.5 13v7",
        Glyph::Swarm => "M12 3l3 2v4l-3 2-3-2V5zM6 13l3 2v4l-3 2-3-2v-4zM18 13l3 2v4l-3 2-3-2v-4z",
        Glyph::Engine => "M9 3h6v3H9zM5 6h14v12H5zM8 10h8M8 14h5M12 18v3",
        Glyph::Settings => "M12 9a3 3 0 100 6 3 3 0 000-6zM19 12l2-1-1-3-2 .5-1.5-1.5.5-2-3-1-1 2h-2l-1-2-3 1 .5 2L6 7.5 4 7 3 10l2 1v2l-2 1 1 3 2-.5L7.5 18 7 20l3 1 1-2h2l1 2 3-1-.5-2 1.5-1.5 2 .5 1-3-2-1z",
        Glyph::Search => "M11 4a7 7 0 110 14 7 7 0 010-14zM21 21l-5-5",
        Glyph::Plug => "M9 3v5M15 3v5M6 8h12v3a6 6 0 01-12 0zM12 17v4",
        Glyph::Copy => "M9 9h11v11H9zM5 15H4V4h11v1",
        Glyph::Learn => "M4 5c3-1.5 5.5-1.5 8 0v14c-2.5-1.5-5-1.5-8 0zM12 5c2.5-1.5 5-1.5 8 0v14c-3-1.5-5.5-1.5-8 0",
        Glyph::Tour => "M5 21V4M5 4h11l-2 4 2 4H5",
        Glyph::Disk => "M4 5h16v14H4zM4 14h16M16 17h.01M8 8h8",
        Glyph::Folder => "M3 6h6l2 2h10v11H3z",
        Glyph::File => "M6 3h8l4 4v14H6zM14 3v4h4",
        Glyph::Link => "M10 14a4 4 0 005.7 0l3-3a4 4 0 00-5.7-5.7l-1 1M14 10a4 4 0 00-5.7 0l-3 3a4 4 0 005.7 5.7l1-1",
        Glyph::Other => "M12 4l8 8-8 8-8-8z",
    }
}

#[component]
pub fn Icon(glyph: Glyph) -> impl IntoView {
    view! {
        <svg class="icon" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="1.8"
            stroke-linecap="round" stroke-linejoin="round" aria-hidden="true">
            <path d=path(glyph) />
        </svg>
    }
}
