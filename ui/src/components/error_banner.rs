//! The banner for a failed request: the plain sentence, the engine's words, and the next step when there is one
//! (e.g. "Force remove" after the engine refused to remove a running container).

use crate::components::prose::Prose;
use crate::store::use_store;
use leptos::prelude::*;

#[component]
pub fn ErrorBanner() -> impl IntoView {
    let store = use_store();
    move || {
        store.error.get().map(|failure| {
            let error = failure.error;
            let follow_ups = failure
                .follow_ups
                .into_iter()
                .enumerate()
                .map(|(i, action)| {
                    let cli = action.cli();
                    let label = action.label();
                    view! {
                        <button class="primary danger follow-up" id=format!("follow-up-{i}") title=cli
                            on:click=move |_| store.perform(action.clone())>
                            {label}
                        </button>
                    }
                })
                .collect_view();
            let related = (!error.related.is_empty()).then(|| {
                view! {
                    <div class="banner-related">
                        "Used by: "<span id="error-related">{error.related.join(", ")}</span>
                    </div>
                }
            });
            view! {
                <div class="banner error" role="alert" data-kind=format!("{:?}", error.kind)>
                    <div class="banner-text">
                        <strong><Prose text=error.message.clone() /></strong>
                        {related}
                        {(!error.detail.is_empty()).then(|| view! { <div class="banner-detail">{error.detail.clone()}</div> })}
                    </div>
                    <div class="banner-actions">
                        {follow_ups}
                        <button class="ghost" on:click=move |_| store.error.set(None)>"Dismiss"</button>
                    </div>
                </div>
            }
        })
    }
}
