//! The filter box of a list. Its id is `filter`, which the `/` key focuses; Escape clears it; ArrowDown moves into
//! the list below it (its scroll box takes the focus and the first row is selected), as Tab would, but in one key.

use crate::components::icon::{Glyph, Icon};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

#[component]
pub fn FilterBox(filter: RwSignal<String>, #[prop(into)] placeholder: String) -> impl IntoView {
    view! {
        <label class="filter-box">
            <Icon glyph=Glyph::Search />
            <input
                id="filter"
                type="search"
                placeholder=placeholder
                autocomplete="off"
                spellcheck="false"
                prop:value=move || filter.get()
                on:input=move |ev| filter.set(event_target_value(&ev))
                on:keydown=move |ev| match ev.key().as_str() {
                    "Escape" => filter.set(String::new()),
                    "ArrowDown" => {
                        ev.prevent_default();
                        into_list();
                    }
                    _ => {}
                }
            />
            <kbd>"/"</kbd>
        </label>
    }
}

/// Focuses the page's list and hands it the ArrowDown, so its own keys select the first row.
fn into_list() {
    let Some(list) = document()
        .query_selector("[data-page] .table-scroll")
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    let _ = list.focus();
    let init = web_sys::KeyboardEventInit::new();
    init.set_key("ArrowDown");
    init.set_bubbles(true);
    if let Ok(event) = web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init) {
        let _ = list.dispatch_event(&event);
    }
}
