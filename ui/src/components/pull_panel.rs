//! The pull box (`docker pull`): the reference's anatomy as it is typed (registry, repository, tag), invalid input
//! caught before any call, then live per-layer progress with an overall bar and speed, and Cancel.

use crate::api;
use crate::components::prose::Prose;
use leptos::prelude::*;
use leptos::task::spawn_local;
use porthole_model::image::human_size;
use porthole_model::pull::{PullMessage, PullProgress};
use porthole_model::{ImageReference, PortholeError};

#[derive(Clone, Debug, PartialEq)]
enum Phase {
    Idle,
    Pulling { id: Option<u64>, started: f64 },
    Done(String),
    Failed(PortholeError),
}

#[component]
pub fn PullPanel() -> impl IntoView {
    let input = RwSignal::new(String::new());
    let phase = RwSignal::new(Phase::Idle);
    let progress = RwSignal::new(PullProgress::default());
    let parsed = Memo::new(move |_| {
        let text = input.get();
        (!text.trim().is_empty()).then(|| ImageReference::parse(&text).map_err(|e| e.to_string()))
    });
    let pulling = move || matches!(phase.get(), Phase::Pulling { .. });
    let start = move || {
        let Some(Ok(reference)) = parsed.get_untracked() else {
            return;
        };
        progress.set(PullProgress::default());
        // `started` identifies this run: messages and the id of an older, cancelled run must not touch it.
        let started = js_sys::Date::now();
        phase.set(Phase::Pulling { id: None, started });
        let is_this_run = move || matches!(phase.try_get_untracked(), Some(Phase::Pulling { started: s, .. }) if s == started);
        spawn_local(async move {
            let on_message = move |message: PullMessage| {
                if !is_this_run() {
                    return;
                }
                match message {
                    PullMessage::Progress { progress: p } => {
                        progress.try_set(p);
                    }
                    PullMessage::Done {
                        reference,
                        progress: p,
                    } => {
                        progress.try_set(p);
                        finish(phase, Phase::Done(reference));
                    }
                    PullMessage::Failed { error } => finish(phase, Phase::Failed(error)),
                }
            };
            match api::pull_image(&reference.to_string(), on_message).await {
                Ok(id) => {
                    let kept = is_this_run()
                        && phase
                            .try_update(|p| {
                                if let Phase::Pulling { id: slot, .. } = p {
                                    *slot = Some(id);
                                }
                            })
                            .is_some();
                    if !kept {
                        // Finished, cancelled, superseded or unmounted before the id came back: stop it now.
                        spawn_local(async move {
                            let _ = api::unsubscribe(id).await;
                        });
                    }
                }
                Err(error) => {
                    if is_this_run() {
                        phase.try_set(Phase::Failed(error));
                    }
                }
            }
        });
    };
    let cancel = move |_| {
        if let Phase::Pulling { id: Some(id), .. } = phase.get_untracked() {
            spawn_local(async move {
                let _ = api::unsubscribe(id).await;
            });
        }
        phase.set(Phase::Idle);
        progress.set(PullProgress::default());
    };
    on_cleanup(move || {
        if let Some(Phase::Pulling { id: Some(id), .. }) = phase.try_get_untracked() {
            spawn_local(async move {
                let _ = api::unsubscribe(id).await;
            });
        }
    });

    let anatomy = move || {
        match parsed.get() {
        None => view! { <span class="hint">"e.g. nginx, nginx:1.12-alpine-perl, localhost:5000/team/app:2"</span> }.into_any(),
        Some(Err(message)) => view! { <span class="invalid" id="pull-invalid">{message}</span> }.into_any(),
        Some(Ok(r)) => view! {
            <span class="anatomy" id="pull-anatomy">
                <span class="part"><em>"registry"</em><code data-part="registry">{r.registry.clone()}</code></span>
                <span class="part"><em>"repository"</em><code data-part="repository">{r.repository.clone()}</code></span>
                <span class="part"><em>"tag"</em><code data-part="tag">{r.tag_or_latest().to_owned()}</code></span>
                <span class="part cli"><em>"command"</em><code>{format!("docker pull {r}")}</code></span>
            </span>
        }.into_any(),
    }
    };
    let speed = move || {
        let Phase::Pulling { started, .. } = phase.get() else {
            return String::new();
        };
        let seconds = ((js_sys::Date::now() - started) / 1000.0).max(0.1);
        let bytes = progress.with(|p| p.downloaded());
        format!(
            "{} · {}/s",
            human_size(bytes as i64),
            human_size((bytes as f64 / seconds) as i64)
        )
    };

    view! {
        <div class="pull-panel card">
            <div class="pull-row">
                <input id="pull-reference" type="text" placeholder="Image to pull" autocomplete="off" spellcheck="false"
                    prop:value=move || input.get() on:input=move |ev| input.set(event_target_value(&ev))
                    on:keydown=move |ev| if ev.key() == "Enter" && !pulling() { start() } />
                <button class="primary" id="pull-start" disabled=move || pulling() || !matches!(parsed.get(), Some(Ok(_)))
                    on:click=move |_| start()>"Pull"</button>
                {move || pulling().then(|| view! { <button class="ghost" id="pull-cancel" on:click=cancel>"Cancel"</button> })}
            </div>
            <div class="pull-anatomy">{anatomy}</div>
            {move || match phase.get() {
                Phase::Idle => ().into_any(),
                Phase::Done(reference) => view! {
                    <div class="pull-result ok" id="pull-done">{format!("Pulled {reference}. It is in the list below.")}</div>
                }.into_any(),
                Phase::Failed(error) => view! {
                    <div class="pull-result bad" id="pull-failed" data-kind=format!("{:?}", error.kind)>
                        <strong><Prose text=error.message.clone() /></strong>
                        <div class="banner-detail">{error.detail.clone()}</div>
                    </div>
                }.into_any(),
                Phase::Pulling { .. } => view! {
                    <div class="pull-progress" id="pull-progress">
                        <div class="bar"><div class="fill" style:width=move || format!("{:.1}%", progress.with(|p| p.fraction()) * 100.0)></div></div>
                        <div class="pull-status"><span>{move || progress.with(|p| p.status.clone())}</span><span>{speed}</span></div>
                        <For each=move || progress.with(|p| p.layers.clone()) key=|l| (l.id.clone(), l.state, l.current) let:layer>
                            <div class="layer" data-layer=layer.id.clone() data-state=layer.state.label()>
                                <code>{layer.id.clone()}</code>
                                <span class="layer-state">{layer.state.label()}</span>
                                <div class="bar small"><div class="fill" style:width=format!("{:.0}%",
                                    if layer.total > 0 { layer.current as f64 / layer.total as f64 * 100.0 } else if layer.state.is_finished() { 100.0 } else { 0.0 })></div></div>
                                <span class="layer-bytes">{if layer.total > 0 { format!("{} / {}", human_size(layer.current as i64), human_size(layer.total as i64)) } else { String::new() }}</span>
                            </div>
                        </For>
                    </div>
                }.into_any(),
            }}
        </div>
    }
}

fn finish(phase: RwSignal<Phase>, next: Phase) {
    if let Some(Phase::Pulling { id: Some(id), .. }) = phase.try_get_untracked() {
        spawn_local(async move {
            let _ = api::unsubscribe(id).await;
        });
    }
    phase.try_set(next);
}
