//! Docker Hub search (`docker search`), through the engine: name, description, stars and whether the image is
//! official. When the engine cannot reach Docker Hub, an "offline" state says so instead of an empty list.

use crate::api;
use crate::components::error_notice::ErrorNotice;
use crate::load::{Load, Loadable};
use leptos::prelude::*;
use porthole_model::SearchResult;

#[component]
pub fn HubSearch() -> impl IntoView {
    let term = RwSignal::new(String::new());
    let results = Load::<Vec<SearchResult>>::new();
    let search = move || {
        let text = term.get_untracked();
        if text.trim().is_empty() {
            return;
        }
        results.run(async move { api::search_hub(&text).await });
    };
    view! {
        <div class="hub-search">
            <div class="pull-row">
                <input id="hub-search" type="text" placeholder="Search Docker Hub, e.g. nginx" spellcheck="false"
                    prop:value=move || term.get() on:input=move |ev| term.set(event_target_value(&ev))
                    on:keydown=move |ev| if ev.key() == "Enter" { search() } />
                <button class="action" id="hub-search-go" disabled=move || results.with(|r| matches!(r, Loadable::Loading)) on:click=move |_| search()>
                    {move || if results.with(|r| matches!(r, Loadable::Loading)) { "Searching…" } else { "Search" }}</button>
            </div>
            <div class="hint">{move || format!("$ docker search {}", term.get())}</div>
            {move || match results.get() {
                Loadable::Idle | Loadable::Loading => ().into_any(),
                Loadable::Failed(error) => view! { <ErrorNotice error=error id="hub-offline" retry=Callback::new(move |()| search()) /> }.into_any(),
                Loadable::Loaded(found) if found.is_empty() => view! { <p class="hint">"Nothing found."</p> }.into_any(),
                Loadable::Loaded(found) => view! {
                    <ul class="plain" id="hub-results">{found.into_iter().map(|r| view! {
                        <li><code>{r.name.clone()}</code>{r.official.then(|| view! { <span class="badge in-use">"official"</span> })}
                            <span class="hint">{format!(" ★ {} · {}", r.stars, r.description)}</span></li>
                    }).collect_view()}</ul>
                }.into_any(),
            }}
        </div>
    }
}
