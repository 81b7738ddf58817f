//! The status bar's engine switcher: every engine the user has, the current one chosen; choosing another follows
//! it at once (its streams replace the previous engine's). Also there on the unreachable page, so a user can get back.

use crate::store::use_store;
use leptos::prelude::*;

#[component]
pub fn EngineSwitcher() -> impl IntoView {
    let store = use_store();
    let current = move || store.shown_engine().unwrap_or_default();
    view! {
        {move || (store.cache.engines.with(|e| e.len()) > 1).then(|| view! {
            <select id="engine-switcher" class="status-select" aria-label="Engine" title="The engine Porthole shows — choose another to switch"
                prop:value=current
                on:change=move |ev| {
                    let name = event_target_value(&ev);
                    if name != current() {
                        store.switch_engine(name);
                    }
                }>
                {move || store.cache.engines.get().into_iter().map(|e| {
                    let label = match &e.probe {
                        Some(p) if !p.reachable => format!("{} (unreachable)", e.name),
                        _ => e.name.clone(),
                    };
                    let chosen = store.shown_engine().is_some_and(|shown| shown == e.name);
                    view! { <option value=e.name.clone() selected=chosen>{label}</option> }
                }).collect_view()}
            </select>
        })}
    }
}
