//! Marks on the page's performance timeline, each set once, at the steps of start-up the benchmark splits its launch
//! figure by (`scripts/bench.sh`, row b): the wasm running, the app mounted, the engine connected, the first
//! container list asked for and in; and each copy's click and answer (`mark`), for the copy row (f). And the wasm
//! module's memory, for the memory row (c). Nothing in the app reads them.

use leptos::prelude::window;
use std::cell::RefCell;

/// Sets the mark `name` the first time it is reached; later calls do nothing.
pub fn mark_once(name: &'static str) {
    thread_local! { static MARKED: RefCell<Vec<&'static str>> = const { RefCell::new(Vec::new()) }; }
    let first = MARKED.with(|marked| {
        let mut marked = marked.borrow_mut();
        let first = !marked.contains(&name);
        if first {
            marked.push(name);
        }
        first
    });
    if first {
        if let Some(performance) = window().performance() {
            let _ = performance.mark(name);
        }
    }
}

/// Sets the mark `name` again each time (the benchmark reads the latest).
pub fn mark(name: &str) {
    if let Some(performance) = window().performance() {
        let _ = performance.mark(name);
    }
}

/// `window.portholeWasmMemory`: the module's linear memory, whose size the benchmark reads.
pub fn expose_memory() {
    let _ = js_sys::Reflect::set(
        &window(),
        &wasm_bindgen::JsValue::from_str("portholeWasmMemory"),
        &wasm_bindgen::memory(),
    );
}
