//! The banner for a failed request: the plain sentence, the engine's words, and the next step when there is one
//! (e.g. "Force remove" after the engine refused to remove a running container).

use crate::components::confirm_dialog::ConfirmDialog;
use crate::components::prose::Prose;
use crate::store::use_store;
use leptos::prelude::*;
use porthole_model::{Action, OfferBasis};

#[component]
pub fn ErrorBanner() -> impl IntoView {
    let store = use_store();
    // A follow-up that deletes (force remove, remove its containers) asks first, like every deletion, naming what
    // goes; the banner goes away with it, so a later click cannot act on what changed since.
    let pending = RwSignal::new(None::<Action>);
    let ask = move |action: Action| {
        store.error.set(None);
        store.ask(pending, action);
    };
    // The banner's offers are about the objects as the user saw them; once those change, the offer could do
    // something the user did not see: it goes (the rule is `OfferBasis::changed_to`).
    let about = move || {
        store.error.with(|failure| {
            let failure = failure.as_ref().filter(|f| !f.follow_ups.is_empty())?;
            let basis = store.cache.containers.with(|containers| {
                store.cache.images.with(|images| {
                    store.cache.networks.with(|networks| {
                        OfferBasis::new(&failure.follow_ups, containers, images, networks)
                    })
                })
            });
            Some((failure.follow_ups.clone(), basis))
        })
    };
    Effect::new(move |before: Option<Option<(Vec<Action>, OfferBasis)>>| {
        let now = about();
        match (before.flatten(), &now) {
            (Some((offers, seen)), Some((same_offers, current)))
                if offers == *same_offers && seen.changed_to(current) =>
            {
                store.error.set(None);
                None
            }
            // No change (at most the named container turned up): what is seen now is the basis from here on.
            _ => now,
        }
    });
    let banner = move || {
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
                            on:click=move |_| ask(action.clone())>
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
    };
    view! {
        {banner}
        <ConfirmDialog pending=pending />
    }
}
