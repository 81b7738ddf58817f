//! The visual `docker run`: image, name, command, environment, ports, storage and the rest, each checked as it is
//! typed, with the equivalent `docker run …` shown live and copyable. Run creates and starts the container (pulling
//! the image first when it is not here) and opens its page.

use crate::api;
use crate::components::error_notice::ErrorNotice;
use crate::components::run_fields::{Checked, FieldProblem, RunField, RunFields, RunImageField};
use crate::components::run_more::RunMore;
use crate::components::run_mounts::RunMounts;
use crate::components::run_ports::RunPorts;
use crate::store::use_store;
use leptos::prelude::*;
use leptos::task::spawn_local;
use porthole_model::container::run::row_problems;
use porthole_model::{ObjectKind, PortholeError, RunRequest};

#[component]
pub fn RunDialog() -> impl IntoView {
    let store = use_store();
    let fields = RunFields::new();
    let RunFields {
        image,
        name,
        env,
        auto_remove,
        ports,
        mounts,
        ..
    } = fields;
    let next_key = StoredValue::new(0u32);
    let exposed = RwSignal::new(Vec::<String>::new());
    let running = RwSignal::new(false);
    let failure = RwSignal::new(None::<PortholeError>);
    let copied = RwSignal::new(false);

    // Each opening starts from the image it was opened for (the Images page's Run), or empty.
    Effect::new(move |_| {
        if let Some(seed) = store.nav.run_dialog.get() {
            fields.reset(seed);
            failure.set(None);
            copied.set(false);
        }
    });
    // The image's EXPOSEd ports, when it is a local image, offered as port rows.
    Effect::new(move |_| {
        let wanted = image.get().trim().to_owned();
        let local = store
            .cache
            .images
            .with(|all| all.iter().any(|i| i.answers_to(&wanted)));
        exposed.set(Vec::new());
        if local {
            spawn_local(async move {
                if let Ok(details) = api::image_details(&wanted).await {
                    if image.get_untracked().trim() == wanted {
                        exposed.try_set(details.config.exposed_ports);
                    }
                }
            });
        }
    });

    // The request as typed, and every problem with it (`RunForm::check`, in the model).
    let checked: Checked = Memo::new(move |_| {
        let form = fields.form();
        let taken: Vec<String> = store
            .cache
            .containers
            .with(|all| all.iter().map(|c| c.name.clone()).collect());
        form.check(&taken)
    });
    let indexed = move |prefix: &'static str| {
        Signal::derive(move || checked.with(|(_, errors)| row_problems(errors, prefix)))
    };
    let cli = move || checked.with(|(request, _)| request.cli());
    let close = move || {
        if !running.get_untracked() {
            store.nav.run_dialog.set(None);
        }
    };
    let start = move |_| {
        let (request, errors) = checked.get_untracked();
        if errors.is_empty() {
            run(request, running, failure);
        }
    };
    let copy = move |_| {
        let _ = window().navigator().clipboard().write_text(&cli());
        copied.set(true);
    };
    move || {
        store.nav.run_dialog.with(Option::is_some).then(|| view! {
            <div class="dialog-backdrop">
                <div class="dialog wide tall run-dialog" role="dialog" aria-modal="true" id="run-dialog">
                    <h2>"Run a container"</h2>
                    <p>"A container is a process started from an image, with its own filesystem, network and settings. Fill in what you need; the rest has sensible defaults."</p>
                    <div class="form-grid">
                        <RunImageField image=image checked=checked />
                        <RunField id="run-name" label="Name (optional)" hint="my-web" value=name field="name" checked=checked />
                    </div>
                    <RunPorts rows=ports next_key=next_key clashes=indexed("port.") exposed=Signal::derive(move || exposed.get()) />
                    <RunMounts rows=mounts next_key=next_key duplicates=indexed("mount.") />
                    <fieldset class="run-section">
                        <legend>"Environment"<span class="legend-cli">"-e"</span></legend>
                        <label>"KEY=VALUE, one per line (paste a .env file here)"<textarea id="run-env" rows="3" spellcheck="false" placeholder="GREETING=hello"
                            prop:value=move || env.get() on:input=move |ev| env.set(event_target_value(&ev))></textarea>
                            <FieldProblem checked=checked field="env" /></label>
                    </fieldset>
                    <RunMore fields=fields checked=checked />
                    <label class="check"><input type="checkbox" id="run-rm" prop:checked=move || auto_remove.get()
                        on:change=move |ev| auto_remove.set(event_target_checked(&ev)) />
                        "Remove the container when it stops (--rm)"</label>
                    <div class="run-footer">
                    <div class="dialog-cli run-cli"><span class="cli-prompt">"$"</span><code id="run-cli">{cli}</code>
                        <button type="button" class="ghost" id="run-copy" on:click=copy>{move || if copied.get() { "Copied" } else { "Copy" }}</button></div>
                    {move || failure.get().map(|error| view! { <ErrorNotice error=error id="run-failed" /> })}
                    <div class="dialog-buttons">
                        // A disabled Run says why, so the user is not left guessing which field holds it back.
                        {move || checked.with(|(_, errors)| errors.first().map(|e| e.message.clone())).map(|message| view! {
                            <span class="hint run-waiting" id="run-waiting">{format!("Before Run: {message}")}</span>
                        })}
                        <button class="ghost" id="run-cancel" data-dismiss="" on:click=move |_| close()>"Cancel"</button>
                        <button class="primary" id="run-start" disabled=move || running.get() || checked.with(|(_, errors)| !errors.is_empty()) on:click=start>
                            {move || if running.get() { "Starting…" } else { "Run" }}</button>
                    </div>
                    </div>
                </div>
            </div>
        })
    }
}

/// Creates and starts the container (the backend pulls the image first when it is not here), then shows its page;
/// a refusal stays in the dialog, beside the command that caused it.
fn run(request: RunRequest, running: RwSignal<bool>, failure: RwSignal<Option<PortholeError>>) {
    let store = use_store();
    running.set(true);
    failure.set(None);
    spawn_local(async move {
        let result = api::run_container(&request).await;
        running.try_set(false);
        match result {
            Ok(id) => {
                store.refresh(ObjectKind::Container);
                store.nav.run_dialog.try_set(None);
                store.nav.open_container.try_set(Some(id));
            }
            Err(error) => {
                failure.try_set(Some(error));
            }
        }
    });
}
