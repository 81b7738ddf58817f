//! How WebKitGTK draws Porthole's page: one page of lists and text, no video, no WebGL.
//!
//! WebKitGTK composites a page with the GPU by default (with a software GL where there is no GPU). For this page
//! that costs memory and buys nothing: measured with 1,000 containers listed, the app and its WebKit processes take
//! about 420 MB composited and about 300 MB drawn without compositing (docs/benchmarks.md, row c). Set before the
//! web process starts, so the page is never drawn twice (set on a running webview through its settings, the same
//! change delayed the page by about 200 ms). A value the user set themselves is kept.
//! The other levers measured — the cache model, the back/forward cache, WebGL and media off — changed nothing
//! measurable, so they are left at wry's defaults.

const NO_COMPOSITING: &str = "WEBKIT_DISABLE_COMPOSITING_MODE";

/// Called first thing in `main`, before any thread exists (the environment is the process's own then).
pub fn before_start() {
    if cfg!(target_os = "linux") && std::env::var_os(NO_COMPOSITING).is_none() {
        std::env::set_var(NO_COMPOSITING, "1");
    }
}
