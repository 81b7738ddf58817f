//! The banner for a failed request: the plain sentence, the engine's words, and the next step when there is one
//! (e.g. "Force remove" after the engine refused to remove a running container).

use crate::components::prose::Prose;
use crate::store::use_store;
use leptos::prelude::*;
use porthole_model::Action;

#[component]
pub fn ErrorBanner() -> impl IntoView {
    let store = use_store();
    move || {
        store.error.get().map(|failure| {
            let error = failure.error;
            let follow_up = failure.follow_up.map(|(container, action)| {
                let cli = Action::Container { container: container.clone(), action: action.clone() }.cli();
                let label = action.label();
                view! {
                    <button class="primary danger" id="follow-up" title=cli.clone()
                        on:click=move |_| store.perform(container.clone(), action.clone())>
                        {label}
                    </button>
                    <code class="banner-cli">{cli}</code>
                }
            });
            view! {
                <div class="banner error" role="alert" data-kind=format!("{:?}", error.kind)>
                    <div class="banner-text">
                        <strong><Prose text=error.message.clone() /></strong>
                        {(!error.detail.is_empty()).then(|| view! { <div class="banner-detail">{error.detail.clone()}</div> })}
                    </div>
                    <div class="banner-actions">
                        {follow_up}
                        <button class="ghost" on:click=move |_| store.error.set(None)>"Dismiss"</button>
                    </div>
                </div>
            }
        })
    }
}
