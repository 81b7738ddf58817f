//! Docker Hub search (`docker search`), through the engine: name, description, stars and whether the image is
//! official. When the engine cannot reach Docker Hub, an "offline" state says so instead of an empty list.

use crate::api;
use crate::components::error_notice::ErrorNotice;
use leptos::prelude::*;
use leptos::task::spawn_local;
use porthole_model::{PortholeError, SearchResult};

#[component]
pub fn HubSearch() -> impl IntoView {
    let term = RwSignal::new(String::new());
    let results = RwSignal::new(None::<Result<Vec<SearchResult>, PortholeError>>);
    let searching = RwSignal::new(false);
    let search = move || {
        let text = term.get_untracked();
        if text.trim().is_empty() {
            return;
        }
        searching.set(true);
        spawn_local(async move {
            let result = api::search_hub(&text).await;
            searching.try_set(false);
            results.try_set(Some(result));
        });
    };
    view! {
        <div class="hub-search">
            <div class="pull-row">
                <input id="hub-search" type="text" placeholder="Search Docker Hub, e.g. nginx" spellcheck="false"
                    prop:value=move || term.get() on:input=move |ev| term.set(event_target_value(&ev))
                    on:keydown=move |ev| if ev.key() == "Enter" { search() } />
                <button class="action" id="hub-search-go" disabled=move || searching.get() on:click=move |_| search()>
                    {move || if searching.get() { "Searching…" } else { "Search" }}</button>
            </div>
            <div class="hint">{move || format!("$ docker search {}", term.get())}</div>
            {move || results.get().map(|result| match result {
                Err(error) => view! { <ErrorNotice error=error id="hub-offline" retry=Callback::new(move |()| search()) /> }.into_any(),
                Ok(found) if found.is_empty() => view! { <p class="hint">"Nothing found."</p> }.into_any(),
                Ok(found) => view! {
                    <ul class="plain" id="hub-results">{found.into_iter().map(|r| view! {
                        <li><code>{r.name.clone()}</code>{r.official.then(|| view! { <span class="badge in-use">"official"</span> })}
                            <span class="hint">{format!(" ★ {} · {}", r.stars, r.description)}</span></li>
                    }).collect_view()}</ul>
                }.into_any(),
            })}
        </div>
    }
}
