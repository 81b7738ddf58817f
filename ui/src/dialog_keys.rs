//! The keyboard in every dialog, in one place: Escape closes the topmost dialog (its `[data-dismiss]` button, the
//! same one a click on Cancel or Close uses), a dialog that opens takes the focus (its `[data-autofocus]` element —
//! Cancel in a destructive one — else its first field), and Tab stays inside the dialog until it closes.
//!
//! Invariant: this never acts on anything but the topmost element with `role="dialog"`; with no dialog open, keys
//! go where they always went.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

const FOCUSABLE: &str = "input:not([disabled]), select:not([disabled]), textarea:not([disabled]), \
                         button:not([disabled]), a[href], [tabindex]:not([tabindex='-1'])";

fn topmost_dialog() -> Option<Element> {
    let dialogs = document().query_selector_all("[role=dialog]").ok()?;
    let last = dialogs.length().checked_sub(1)?;
    dialogs.item(last)?.dyn_into::<Element>().ok()
}

fn focusables(dialog: &Element) -> Vec<HtmlElement> {
    let Ok(list) = dialog.query_selector_all(FOCUSABLE) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<HtmlElement>().ok())
        .collect()
}

/// Focus into a dialog that just opened.
fn focus_into(dialog: &Element) {
    let chosen = dialog
        .query_selector("[data-autofocus]")
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<HtmlElement>().ok())
        .or_else(|| {
            let fields = dialog
                .query_selector("input:not([disabled]), select, textarea")
                .ok()
                .flatten();
            fields.and_then(|e| e.dyn_into::<HtmlElement>().ok())
        })
        .or_else(|| focusables(dialog).into_iter().next());
    if let Some(element) = chosen {
        let _ = element.focus();
    }
}

/// Installs the keys and the watcher for the app's lifetime.
pub fn install() {
    let keys = window_event_listener(leptos::ev::keydown, move |event| {
        let Some(dialog) = topmost_dialog() else {
            return;
        };
        match event.key().as_str() {
            "Escape" => {
                if let Some(Ok(dismiss)) = dialog
                    .query_selector("[data-dismiss]")
                    .ok()
                    .flatten()
                    .map(|e| e.dyn_into::<HtmlElement>())
                {
                    event.prevent_default();
                    dismiss.click();
                }
            }
            "Tab" => {
                let all = focusables(&dialog);
                let (Some(first), Some(last)) = (all.first(), all.last()) else {
                    return;
                };
                let active = document().active_element();
                let inside = active.as_ref().is_some_and(|a| dialog.contains(Some(a)));
                let at = |e: &HtmlElement| {
                    active
                        .as_ref()
                        .is_some_and(|a| a == e.unchecked_ref::<Element>())
                };
                if !inside || (event.shift_key() && at(first)) {
                    event.prevent_default();
                    let _ = if event.shift_key() {
                        last.focus()
                    } else {
                        first.focus()
                    };
                } else if !event.shift_key() && at(last) {
                    event.prevent_default();
                    let _ = first.focus();
                }
            }
            _ => {}
        }
    });
    std::mem::forget(keys);

    // A dialog appearing anywhere in the page takes the focus once. Only nodes added or removed are looked at, and
    // the page is searched only when one of them is or holds a dialog: a followed log adding rows costs a check of
    // those rows, not a search of the whole page.
    let seen = StoredValue::new_local(None::<Element>);
    let observer = Closure::<dyn FnMut(js_sys::Array)>::new(move |records: js_sys::Array| {
        let holds_dialog = |nodes: web_sys::NodeList| {
            (0..nodes.length())
                .filter_map(|i| nodes.item(i)?.dyn_into::<Element>().ok())
                .any(|e| {
                    e.matches("[role=dialog]").unwrap_or(false)
                        || e.query_selector("[role=dialog]").ok().flatten().is_some()
                })
        };
        let touched = records
            .iter()
            .filter_map(|r| r.dyn_into::<web_sys::MutationRecord>().ok())
            .any(|r| holds_dialog(r.added_nodes()) || holds_dialog(r.removed_nodes()));
        if !touched {
            return;
        }
        let now = topmost_dialog();
        let changed = seen.with_value(|before| before.as_ref() != now.as_ref());
        if changed {
            if let Some(dialog) = &now {
                focus_into(dialog);
            }
            seen.set_value(now);
        }
    });
    if let (Ok(watcher), Some(body)) = (
        web_sys::MutationObserver::new(observer.as_ref().unchecked_ref()),
        document().body(),
    ) {
        let options = web_sys::MutationObserverInit::new();
        options.set_child_list(true);
        options.set_subtree(true);
        let _ = watcher.observe_with_options(&body, &options);
        // Watches for the app's lifetime.
        std::mem::forget(watcher);
    }
    observer.forget();
}
