//! The banner for a failed request: the plain sentence, the engine's words, and the next step when there is one
//! (e.g. "Force remove" after the engine refused to remove a running container).

use crate::components::confirm_dialog::ConfirmDialog;
use crate::components::prose::Prose;
use crate::store::use_store;
use leptos::prelude::*;
use porthole_model::Action;

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
    // The banner's offers are about these objects as they were; once one of them changes (a container stops, one
    // made from the image appears, the image goes), the offer could do something the user did not see: it goes.
    let about = move || {
        store.error.with(|failure| {
            let failure = failure.as_ref().filter(|f| !f.follow_ups.is_empty())?;
            let names: Vec<String> = failure
                .follow_ups
                .iter()
                .flat_map(Action::removes)
                .collect();
            let containers: Vec<String> = store.containers.with(|all| {
                all.iter()
                    .filter(|c| names.contains(&c.name) || names.contains(&c.image))
                    .map(|c| format!("{}:{:?}", c.name, c.state))
                    .collect()
            });
            let images: Vec<bool> = store.images.with(|all| {
                names
                    .iter()
                    .map(|n| all.iter().any(|i| i.answers_to(n)))
                    .collect()
            });
            // A network's offer (disconnect these, then remove) is about who is attached to it.
            let networks: Vec<Vec<String>> = store.networks.with(|all| {
                all.iter()
                    .filter(|n| names.contains(&n.name))
                    .map(|n| n.containers.iter().map(|e| e.container.clone()).collect())
                    .collect()
            });
            Some((
                failure.follow_ups.clone(),
                format!("{containers:?} {images:?} {networks:?}"),
            ))
        })
    };
    Effect::new(move |before: Option<Option<(Vec<Action>, String)>>| {
        let now = about();
        match (before.flatten(), &now) {
            (Some((offers, seen)), Some((same_offers, current)))
                if offers == *same_offers && seen != *current =>
            {
                store.error.set(None);
                None
            }
            // The same banner keeps what it first saw; a new one starts from now.
            (Some(first), Some((offers, _))) if first.0 == *offers => Some(first),
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
