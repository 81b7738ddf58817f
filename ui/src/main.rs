//! Porthole's UI: a Leptos app rendered on the client, talking to the Rust backend only through `api`.
//!
//! Folder map: `api` (IPC), `store` (live, keyed data kept in sync by the engine stream), `pages/` (one per screen),
//! `components/` (one reusable piece per file), `tour` (the guided tour's watcher).

mod api;
mod app;
mod components;
mod pages;
mod store;
mod tour;

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(app::App);
}
