//! Porthole's UI: a Leptos app rendered on the client, talking to the Rust backend only through `api`.
//!
//! Folder map: `api` (IPC), `store` (live, keyed data kept in sync by the engine stream), `load` (one read a view
//! shows), `pages/` (one per screen), `components/` (one reusable piece per file), `tour` (the guided tour's watcher).
//!
//! A panic is never silent: the hook writes it to the console, then hands it to `assets/page-errors.js`, which
//! sends it to the app's log and replaces the dead page with "Something went wrong — Reload".

mod api;
mod app;
mod components;
mod dialog_keys;
mod load;
mod pages;
mod store;
mod timeline;
mod tour;

use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// Defined by `assets/page-errors.js`, loaded before this module.
    #[wasm_bindgen(js_namespace = window, js_name = portholePanic, catch)]
    fn report_panic(text: &str) -> Result<(), JsValue>;
}

fn main() {
    timeline::mark_once("porthole:wasm-start");
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        let _ = report_panic(&info.to_string());
    }));
    leptos::mount::mount_to_body(app::App);
    // The start-up skeleton painted by index.html gives way to the app.
    if let Some(boot) = leptos::prelude::document().get_element_by_id("boot") {
        boot.remove();
    }
    timeline::mark_once("porthole:mounted");
    timeline::expose_memory();
    dialog_keys::install();
}
