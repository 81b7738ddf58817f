//! The filter box of a list. Its id is `filter`, which the `/` key focuses; Escape clears it.

use crate::components::icon::{Glyph, Icon};
use leptos::prelude::*;

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
                on:keydown=move |ev| if ev.key() == "Escape" { filter.set(String::new()) }
            />
            <kbd>"/"</kbd>
        </label>
    }
}
