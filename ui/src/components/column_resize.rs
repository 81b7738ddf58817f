//! The grip on a column header's right edge: dragging it sets the column's width, which is remembered in the
//! preferences (`Settings::column_widths`) and given back on the next start; a double click returns the column to
//! the stylesheet's width. Placed inside a `<th>`; the header's own click (sorting) never sees the drag.
//!
//! Invariant: the width is saved once, when the drag ends — not on every pointer move.

use crate::store::use_store;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;

fn header(grip: &HtmlElement) -> Option<HtmlElement> {
    grip.parent_element()?.dyn_into::<HtmlElement>().ok()
}

fn set_width(header: &HtmlElement, width: Option<u32>) {
    let style = header.style();
    let _ = match width {
        Some(width) => style.set_property("width", &format!("{width}px")),
        None => style.remove_property("width").map(|_| ()),
    };
}

/// `key` names the column in the preferences: `table.column`, e.g. `containers.name`.
#[component]
pub fn ColumnResize(#[prop(into)] key: String) -> impl IntoView {
    let store = use_store();
    let key = StoredValue::new(key);
    let grip = NodeRef::<leptos::html::Span>::new();
    // (pointer x, header width) when the drag began.
    let drag = StoredValue::new(None::<(f64, f64)>);
    // Only this column's width: other settings changing (the theme, the last page) never touch the header.
    let width = Memo::new(move |_| {
        store
            .prefs
            .with(|s| key.with_value(|key| s.column_width(key)))
    });
    Effect::new(move |_| {
        let width = width.get();
        if let Some(header) = grip.get().as_deref().and_then(header) {
            set_width(&header, width);
        }
    });
    let on_down = move |ev: web_sys::PointerEvent| {
        ev.stop_propagation();
        ev.prevent_default();
        let Some(grip) = grip.get_untracked() else {
            return;
        };
        let _ = grip.set_pointer_capture(ev.pointer_id());
        if let Some(header) = header(&grip) {
            drag.set_value(Some((ev.client_x() as f64, header.offset_width() as f64)));
        }
    };
    let width_at = move |ev: &web_sys::PointerEvent| {
        drag.get_value()
            .map(|(x, width)| (width + ev.client_x() as f64 - x).round().max(0.0) as u32)
    };
    let on_move = move |ev: web_sys::PointerEvent| {
        let (Some(width), Some(grip)) = (width_at(&ev), grip.get_untracked()) else {
            return;
        };
        if let Some(header) = header(&grip) {
            let bounds = porthole_model::settings::COLUMN_WIDTHS;
            set_width(&header, Some(width.clamp(*bounds.start(), *bounds.end())));
        }
    };
    let on_up = move |ev: web_sys::PointerEvent| {
        if let Some(width) = width_at(&ev) {
            store
                .prefs
                .update(|s| key.with_value(|key| s.set_column_width(key, Some(width))));
        }
        drag.set_value(None);
    };
    view! {
        <span class="column-grip" node_ref=grip data-column=key.get_value() role="separator" aria-orientation="vertical"
            title="Drag to resize; double-click for the usual width"
            on:pointerdown=on_down on:pointermove=on_move on:pointerup=on_up
            on:click=|ev| ev.stop_propagation()
            on:dblclick=move |ev| {
                ev.stop_propagation();
                store.prefs.update(|s| key.with_value(|key| s.set_column_width(key, None)));
            }></span>
    }
}
