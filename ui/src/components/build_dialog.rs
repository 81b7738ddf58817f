//! Build an image (`docker build`): folder, Dockerfile, name, build args and no-cache, checked as they are typed,
//! with the command they amount to shown live; then every step as the engine runs it, with its output, and the
//! failing step highlighted with the engine's message. Closing the dialog cancels a running build.

use crate::api;
use crate::components::error_notice::ErrorNotice;
use leptos::prelude::*;
use leptos::task::spawn_local;
use porthole_model::image::build::{parse_build_args, StepState};
use porthole_model::{
    Action, BuildMessage, BuildProgress, BuildRequest, InputError, PortholeError,
};

#[derive(Clone, Debug, PartialEq)]
enum Run {
    Idle,
    Running { id: Option<u64>, started: f64 },
    Done,
    Failed(PortholeError),
}

#[component]
pub fn BuildDialog(open: RwSignal<bool>) -> impl IntoView {
    let folder = RwSignal::new(String::new());
    let dockerfile = RwSignal::new("Dockerfile".to_owned());
    let tag = RwSignal::new(String::new());
    let args = RwSignal::new(String::new());
    let no_cache = RwSignal::new(false);
    let run = RwSignal::new(Run::Idle);
    let progress = RwSignal::new(BuildProgress::default());
    let request = Memo::new(move |_| -> Result<BuildRequest, InputError> {
        let request = BuildRequest {
            folder: folder.get().trim().to_owned(),
            dockerfile: dockerfile.get().trim().to_owned(),
            tag: tag.get().trim().to_owned(),
            build_args: parse_build_args(&args.get())?,
            no_cache: no_cache.get(),
        };
        request.validate().map(|()| request)
    });
    let running = move || matches!(run.get(), Run::Running { .. });
    let cancel = move || stop(run);
    on_cleanup(cancel);
    // Each opening starts clean: the last run's steps belong to the last build.
    Effect::new(move |_| {
        if open.get() && !matches!(run.get_untracked(), Run::Running { .. }) {
            run.set(Run::Idle);
            progress.set(BuildProgress::default());
        }
    });
    let start = move |_| {
        if let Ok(request) = request.get_untracked() {
            start_build(request, run, progress);
        }
    };
    let close = move |_| {
        cancel();
        run.set(Run::Idle);
        open.set(false);
    };
    let cli = move || match request.get() {
        Ok(request) => Action::Build { request }.cli(),
        Err(_) => "docker build -t NAME:TAG FOLDER".to_owned(),
    };
    move || {
        open.get().then(|| view! {
            <div class="dialog-backdrop">
                <div class="dialog wide tall" role="dialog" aria-modal="true" id="build-dialog">
                    <h2>"Build an image"</h2>
                    <p>"The engine runs the Dockerfile's instructions one by one on top of its FROM image; the folder is sent along so COPY can read from it."</p>
                    <div class="form-grid">
                        <label>"Folder (build context)"<span class="with-button"><input id="build-folder" type="text" placeholder="/home/me/app" spellcheck="false"
                            prop:value=move || folder.get() on:input=move |ev| folder.set(event_target_value(&ev)) />
                            <button type="button" class="action" id="build-choose" on:click=move |_| spawn_local(async move {
                                if let Ok(Some(chosen)) = api::choose_folder("Choose the build context").await { folder.try_set(chosen); }
                            })>"Choose…"</button></span></label>
                        <label>"Dockerfile"<input id="build-dockerfile" type="text" spellcheck="false"
                            prop:value=move || dockerfile.get() on:input=move |ev| dockerfile.set(event_target_value(&ev)) /></label>
                        <label>"Name (optional)"<input id="build-tag" type="text" placeholder="me/app:1" spellcheck="false"
                            prop:value=move || tag.get() on:input=move |ev| tag.set(event_target_value(&ev)) /></label>
                        <label>"Build args, KEY=VALUE per line"<textarea id="build-args" rows="2" spellcheck="false"
                            prop:value=move || args.get() on:input=move |ev| args.set(event_target_value(&ev))></textarea></label>
                    </div>
                    <label class="check"><input type="checkbox" id="build-no-cache" prop:checked=move || no_cache.get()
                        on:change=move |ev| no_cache.set(event_target_checked(&ev)) />"Do not reuse cached steps (--no-cache)"</label>
                    {move || request.get().err().filter(|_| !folder.with(String::is_empty)).map(|message| view! {
                        <div class="invalid" id="build-invalid">{message.message}</div>
                    })}
                    <div class="dialog-cli"><span class="cli-prompt">"$"</span><code>{cli}</code></div>
                    <BuildSteps progress=progress />
                    {move || match run.get() {
                        Run::Done => view! { <div class="pull-result ok" id="build-done">{move || progress.with(|p| format!(
                            "Built {}{}.", p.image_id.clone().unwrap_or_default().trim_start_matches("sha256:").chars().take(12).collect::<String>(),
                            if tag.with(String::is_empty) { String::new() } else { format!(", named {}", tag.get()) }))}</div> }.into_any(),
                        Run::Failed(error) => view! { <ErrorNotice error=error id="build-failed" /> }.into_any(),
                        _ => ().into_any(),
                    }}
                    <div class="dialog-buttons">
                        <button class="ghost" id="build-close" data-dismiss="" on:click=close>{move || if running() { "Cancel build" } else { "Close" }}</button>
                        <button class="primary" id="build-start" disabled=move || running() || request.with(Result::is_err) on:click=start>"Build"</button>
                    </div>
                </div>
            </div>
        })
    }
}

/// The steps so far: each instruction with its output; the running one marked, the failed one highlighted.
#[component]
fn BuildSteps(progress: RwSignal<BuildProgress>) -> impl IntoView {
    view! {
        <div class="build-steps" id="build-steps">
            <For each=move || progress.with(|p| p.steps.clone()) key=|s| (s.number, s.state, s.output.len(), s.omitted) let:step>
                <div class="build-step" data-step=step.number data-state=match step.state {
                        StepState::Running => "running", StepState::Done => "done", StepState::Failed => "failed" }>
                    <div class="build-step-head"><span class="step-number">{format!("{}/{}", step.number, step.total)}</span>
                        <code>{step.instruction.clone()}</code></div>
                    {(step.omitted > 0).then(|| view! { <div class="hint build-omitted">{format!("… {} earlier lines not shown", step.omitted)}</div> })}
                    {(!step.output.is_empty()).then(|| view! { <pre class="build-output">{step.output.join("\n")}</pre> })}
                </div>
            </For>
        </div>
    }
}

/// Ends the running build, if any (its stream's task goes, and with it the request: the engine stops building).
fn stop(run: RwSignal<Run>) {
    if let Some(Run::Running { id: Some(id), .. }) = run.try_get_untracked() {
        spawn_local(async move {
            let _ = api::unsubscribe(id).await;
        });
    }
}

/// Starts `request` and follows its progress into `progress`; `run` ends as Done or Failed. Messages of an
/// earlier run (one closed or restarted meanwhile) are ignored.
fn start_build(request: BuildRequest, run: RwSignal<Run>, progress: RwSignal<BuildProgress>) {
    let started = js_sys::Date::now();
    progress.set(BuildProgress::default());
    run.set(Run::Running { id: None, started });
    let is_this_run = move || matches!(run.try_get_untracked(), Some(Run::Running { started: s, .. }) if s == started);
    let on_message = move |message: BuildMessage| {
        if !is_this_run() {
            return;
        }
        let next = match message {
            BuildMessage::Progress { update } => {
                progress.try_update(|p| p.merge(update));
                return;
            }
            BuildMessage::Done { update } => {
                progress.try_update(|p| p.merge(update));
                Run::Done
            }
            BuildMessage::Failed { update, error } => {
                progress.try_update(|p| p.merge(update));
                Run::Failed(error)
            }
        };
        stop(run);
        run.try_set(next);
    };
    spawn_local(async move {
        match api::build_image(&request, on_message).await {
            Ok(id) => {
                let kept = is_this_run()
                    && run
                        .try_update(|r| {
                            if let Run::Running { id: slot, .. } = r {
                                *slot = Some(id)
                            }
                        })
                        .is_some();
                if !kept {
                    let _ = api::unsubscribe(id).await;
                }
            }
            Err(error) => {
                if is_this_run() {
                    run.try_set(Run::Failed(error));
                }
            }
        }
    });
}
