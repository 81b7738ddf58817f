//! The pull box (`docker pull`): the reference's anatomy as it is typed (registry, repository, tag), invalid input
//! caught before any call, then live per-layer progress with an overall bar and speed, and Cancel.

use crate::api;
use crate::components::error_notice::ErrorNotice;
use crate::components::transfer_progress::{Phase, Transfer, TransferProgress};
use leptos::prelude::*;
use porthole_model::image::pull::parse_platform;
use porthole_model::{Action, ImageReference};

#[component]
pub fn PullPanel() -> impl IntoView {
    let input = RwSignal::new(String::new());
    let transfer = Transfer::new();
    let platform_text = RwSignal::new(String::new());
    let platform = Memo::new(move |_| parse_platform(&platform_text.get()));
    let parsed = Memo::new(move |_| {
        let text = input.get();
        (!text.trim().is_empty()).then(|| ImageReference::parse(&text).map_err(|e| e.to_string()))
    });
    let pulling = move || transfer.running();
    let start = move || {
        if let (Some(Ok(reference)), Ok(platform)) =
            (parsed.get_untracked(), platform.get_untracked())
        {
            transfer.start(move |on_message| async move {
                api::pull_image(&reference, platform.as_deref(), on_message).await
            });
        }
    };
    let cancel = move |_| transfer.cancel();

    let anatomy = move || {
        match parsed.get() {
        None => view! { <span class="hint">"e.g. nginx, nginx:1.12-alpine-perl, localhost:5000/team/app:2"</span> }.into_any(),
        Some(Err(message)) => view! { <span class="invalid" id="pull-invalid">{message}</span> }.into_any(),
        Some(Ok(r)) => view! {
            <span class="anatomy" id="pull-anatomy">
                <span class="part"><em>"registry"</em><code data-part="registry">{r.registry.clone()}</code></span>
                <span class="part"><em>"repository"</em><code data-part="repository">{r.repository.clone()}</code></span>
                <span class="part"><em>"tag"</em><code data-part="tag">{r.tag_or_latest().to_owned()}</code></span>
                <span class="part cli"><em>"command"</em><code id="pull-cli">{move || Action::Pull { reference: r.to_string(), platform: platform.get().ok().flatten() }.cli()}</code></span>
            </span>
        }.into_any(),
    }
    };
    view! {
        <div class="pull-panel card">
            <div class="pull-row">
                <input id="pull-reference" type="text" placeholder="Image to pull" autocomplete="off" spellcheck="false"
                    prop:value=move || input.get() on:input=move |ev| input.set(event_target_value(&ev))
                    on:keydown=move |ev| if ev.key() == "Enter" && !pulling() { start() } />
                <input id="pull-platform" class="platform" type="text" placeholder="platform (optional)" spellcheck="false"
                    title="os/arch, e.g. linux/arm64: pull another platform's variant than the engine's own"
                    prop:value=move || platform_text.get() on:input=move |ev| platform_text.set(event_target_value(&ev)) />
                <button class="primary" id="pull-start"
                    disabled=move || pulling() || !matches!(parsed.get(), Some(Ok(_))) || platform.with(Result::is_err)
                    on:click=move |_| start()>"Pull"</button>
                {move || pulling().then(|| view! { <button class="ghost" id="pull-cancel" on:click=cancel>"Cancel"</button> })}
            </div>
            <div class="pull-anatomy">{anatomy}</div>
            {move || platform.get().err().map(|error| view! { <div class="invalid" id="platform-invalid">{error.message}</div> })}
            {move || match transfer.phase.get() {
                Phase::Idle => ().into_any(),
                Phase::Done { reference, started } => view! {
                    <TransferProgress progress=transfer.progress started=started id="pull-progress" />
                    <div class="pull-result ok" id="pull-done">{format!("Pulled {reference}. It is in the list below.")}</div>
                }.into_any(),
                Phase::Failed(error) => {
                    let registry = parsed.get_untracked().and_then(Result::ok).map(|r| r.registry);
                    view! { <ErrorNotice error=error registry=registry id="pull-failed" /> }.into_any()
                }
                Phase::Running { started, .. } => view! {
                    <TransferProgress progress=transfer.progress started=started id="pull-progress" />
                }.into_any(),
            }}
        </div>
    }
}
