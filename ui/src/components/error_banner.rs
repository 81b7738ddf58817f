//! The banner for a failed request: the plain sentence, the engine's words on demand, and a dismiss button.

use crate::store::use_store;
use leptos::prelude::*;

#[component]
pub fn ErrorBanner() -> impl IntoView {
    let store = use_store();
    move || {
        store.error.get().map(|error| {
            view! {
                <div class="banner error" role="alert">
                    <div>
                        <strong>{error.message.clone()}</strong>
                        {(!error.detail.is_empty()).then(|| view! { <div class="banner-detail">{error.detail.clone()}</div> })}
                    </div>
                    <button class="ghost" on:click=move |_| store.error.set(None)>"Dismiss"</button>
                </div>
            }
        })
    }
}
