//! Push one of an image's names to its registry (`docker push`) with per-layer upload progress; a refusal offers
//! a login to that registry, as a refused pull does.

use crate::api;
use crate::components::error_notice::ErrorNotice;
use crate::components::transfer_progress::{Phase, Transfer, TransferProgress};
use leptos::prelude::*;
use porthole_model::{Action, ImageReference};

#[component]
pub fn PushPanel(#[prop(into)] tags: Signal<Vec<String>>) -> impl IntoView {
    let transfer = Transfer::new();
    let chosen = RwSignal::new(String::new());
    // The chosen name, or the first one when the user has not chosen (or the chosen one went away).
    let reference = move || {
        tags.with(|tags| {
            let chosen = chosen.get();
            if tags.contains(&chosen) {
                Some(chosen)
            } else {
                tags.first().cloned()
            }
        })
    };
    // The name being pushed, for the login offer if it fails (the selection may change meanwhile).
    let pushing = RwSignal::new(String::new());
    let start = move |_| {
        if let Some(reference) = reference() {
            pushing.set(reference.clone());
            transfer.start(move |on_message| async move {
                api::push_image(&api::reference(&reference)?, on_message).await
            });
        }
    };
    view! {
        <div class="form-block" id="image-push">
            <h3>"Push"</h3>
            {move || if tags.with(Vec::is_empty) {
                view! { <p class="hint">"This image has no name to push: tag it first."</p> }.into_any()
            } else {
                view! {
                    <div class="pull-row">
                        <select id="push-reference" on:change=move |ev| chosen.set(event_target_value(&ev))>
                            {move || tags.get().into_iter().map(|tag| {
                                let selected = reference().as_deref() == Some(tag.as_str());
                                view! { <option value=tag.clone() selected=selected>{tag.clone()}</option> }
                            }).collect_view()}
                        </select>
                        <button class="action" id="push-start" disabled=move || transfer.running() on:click=start>"Push"</button>
                        {move || transfer.running().then(|| view! {
                            <button class="ghost" id="push-cancel" on:click=move |_| transfer.cancel()>"Cancel"</button>
                        })}
                    </div>
                    <div class="dialog-cli"><span class="cli-prompt">"$"</span>
                        <code>{move || Action::Push { reference: reference().unwrap_or_default() }.cli()}</code></div>
                }.into_any()
            }}
            {move || match transfer.phase.get() {
                Phase::Idle => ().into_any(),
                Phase::Running { started, .. } => view! {
                    <TransferProgress progress=transfer.progress started=started id="push-progress" />
                }.into_any(),
                Phase::Done { reference, started } => view! {
                    <TransferProgress progress=transfer.progress started=started id="push-progress" />
                    <div class="pull-result ok" id="push-done">{format!("Pushed {reference}.")}</div>
                }.into_any(),
                Phase::Failed(error) => {
                    let registry = ImageReference::parse(&pushing.get_untracked()).ok().map(|r| r.registry);
                    view! { <ErrorNotice error=error registry=registry id="push-failed" /> }.into_any()
                }
            }}
        </div>
    }
}
