//! The visual `docker run`: image, name, command, environment, ports, storage and the rest, each checked as it is
//! typed, with the equivalent `docker run …` shown live and copyable. Run creates and starts the container (pulling
//! the image first when it is not here) and opens its page.

use crate::api;
use crate::components::prose::Prose;
use crate::components::run_mounts::RunMounts;
use crate::components::run_ports::RunPorts;
use crate::store::use_store;
use leptos::prelude::*;
use leptos::task::spawn_local;
use porthole_model::container::run::{
    parse_env_lines, parse_label, split_command, MountDraft, PortDraft, RestartPolicy, RunRequest,
};
use porthole_model::{ObjectKind, PortholeError};

/// Every field's own problem, and the whole form's, by field name (`image`, `port.1`, …).
fn problems(errors: &[(String, String)], field: &str) -> Option<String> {
    errors
        .iter()
        .find(|(f, _)| f == field)
        .map(|(_, m)| m.clone())
}

#[component]
pub fn RunDialog() -> impl IntoView {
    let store = use_store();
    let image = RwSignal::new(String::new());
    let name = RwSignal::new(String::new());
    let command = RwSignal::new(String::new());
    let entrypoint = RwSignal::new(String::new());
    let env = RwSignal::new(String::new());
    let labels = RwSignal::new(String::new());
    let restart = RwSignal::new("no".to_owned());
    let auto_remove = RwSignal::new(false);
    let network = RwSignal::new(String::new());
    let workdir = RwSignal::new(String::new());
    let user = RwSignal::new(String::new());
    let ports = RwSignal::new(Vec::<PortDraft>::new());
    let mounts = RwSignal::new(Vec::<MountDraft>::new());
    let next_key = StoredValue::new(0u32);
    let exposed = RwSignal::new(Vec::<String>::new());
    let running = RwSignal::new(false);
    let failure = RwSignal::new(None::<PortholeError>);
    let copied = RwSignal::new(false);

    // Each opening starts from the image it was opened for (the Images page's Run), or empty.
    Effect::new(move |_| {
        if let Some(seed) = store.run_dialog.get() {
            image.set(seed);
            for field in [
                name, command, entrypoint, env, labels, network, workdir, user,
            ] {
                field.set(String::new());
            }
            restart.set("no".into());
            auto_remove.set(false);
            ports.set(Vec::new());
            mounts.set(Vec::new());
            failure.set(None);
            copied.set(false);
        }
    });
    // The image's EXPOSEd ports, when it is a local image, offered as port rows.
    Effect::new(move |_| {
        let wanted = image.get().trim().to_owned();
        let local = store
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

    // The request as typed, and every problem with it: field parsers first, then the whole-form checks.
    let checked = Memo::new(move |_| {
        let mut errors: Vec<(String, String)> = Vec::new();
        let mut note = |field: &str, result: Result<(), String>| {
            if let Err(message) = result {
                errors.push((field.to_owned(), message));
            }
        };
        let command_words = split_command(&command.get()).unwrap_or_default();
        note("command", split_command(&command.get()).map(|_| ()));
        let entry_words = split_command(&entrypoint.get()).unwrap_or_default();
        note("entrypoint", split_command(&entrypoint.get()).map(|_| ()));
        let env_pairs = parse_env_lines(&env.get());
        note("env", env_pairs.as_ref().map(|_| ()).map_err(Clone::clone));
        let label_pairs: Result<Vec<_>, String> = labels
            .get()
            .lines()
            .filter(|l| !l.trim().is_empty())
            .enumerate()
            .map(|(i, l)| parse_label(l).map_err(|e| format!("Line {}: {e}", i + 1)))
            .collect();
        note(
            "labels",
            label_pairs.as_ref().map(|_| ()).map_err(Clone::clone),
        );
        let policy = RestartPolicy::parse(&restart.get());
        note("restart", policy.as_ref().map(|_| ()).map_err(Clone::clone));
        if image.with(|i| i.trim().is_empty()) {
            errors.push(("image".into(), "Choose an image to run.".into()));
        }
        let request = RunRequest {
            image: image.get().trim().to_owned(),
            name: name.get().trim().to_owned(),
            command: command_words,
            entrypoint: (!entry_words.is_empty()).then_some(entry_words),
            env: env_pairs.unwrap_or_default(),
            ports: ports.with(|r| r.iter().filter_map(|row| row.parsed().ok()).collect()),
            mounts: mounts.with(|r| r.iter().filter_map(|row| row.parsed().ok()).collect()),
            restart: policy.clone().unwrap_or_default(),
            auto_remove: auto_remove.get(),
            network: network.get().trim().to_owned(),
            workdir: workdir.get().trim().to_owned(),
            user: user.get().trim().to_owned(),
            labels: label_pairs.unwrap_or_default(),
        };
        let taken: Vec<String> = store
            .containers
            .with(|all| all.iter().map(|c| c.name.clone()).collect());
        for problem in request.validate(&taken) {
            // Row indexes refer to the parsed rows; with every row valid they are the dialog's rows.
            errors.push((problem.field, problem.message));
        }
        if let Some(bad) = ports.with(|r| r.iter().position(|row| row.parsed().is_err())) {
            errors.push((
                format!("port-row.{bad}"),
                "A port row is incomplete.".into(),
            ));
        }
        if let Some(bad) = mounts.with(|r| r.iter().position(|row| row.parsed().is_err())) {
            errors.push((
                format!("mount-row.{bad}"),
                "A storage row is incomplete.".into(),
            ));
        }
        (request, errors)
    });
    let errors = move || checked.with(|(_, e)| e.clone());
    let field_problem = move |field: &'static str| move || problems(&errors(), field);
    let indexed = move |prefix: &'static str| {
        Signal::derive(move || {
            errors()
                .into_iter()
                .filter_map(|(f, m)| {
                    f.strip_prefix(prefix)
                        .and_then(|i| i.parse().ok())
                        .map(|i| (i, m))
                })
                .collect::<Vec<(usize, String)>>()
        })
    };
    let cli = move || checked.with(|(request, _)| request.cli());
    let close = move || {
        if !running.get_untracked() {
            store.run_dialog.set(None);
        }
    };
    let start = move |_| {
        let (request, errors) = checked.get_untracked();
        if !errors.is_empty() {
            return;
        }
        running.set(true);
        failure.set(None);
        spawn_local(async move {
            let result = api::run_container(&request).await;
            running.try_set(false);
            match result {
                Ok(id) => {
                    store.refresh(ObjectKind::Container);
                    store.run_dialog.try_set(None);
                    store.open_container.try_set(Some(id));
                }
                Err(error) => {
                    failure.try_set(Some(error));
                }
            }
        });
    };
    let copy = move |_| {
        let _ = window().navigator().clipboard().write_text(&cli());
        copied.set(true);
    };
    let text_field = move |id: &'static str,
                           label: &'static str,
                           hint: &'static str,
                           value: RwSignal<String>,
                           field: &'static str| {
        view! {
            <label>{label}<input id=id type="text" placeholder=hint spellcheck="false" prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev)) />
                {move || field_problem(field)().map(|m| view! { <span class="invalid">{m}</span> })}</label>
        }
    };
    move || {
        store.run_dialog.with(Option::is_some).then(|| view! {
            <div class="dialog-backdrop">
                <div class="dialog wide tall run-dialog" role="dialog" aria-modal="true" id="run-dialog">
                    <h2>"Run a container"</h2>
                    <p>"A container is a process started from an image, with its own filesystem, network and settings. Fill in what you need; the rest has sensible defaults."</p>
                    <div class="form-grid">
                        <label>"Image"<input id="run-image" type="text" list="local-images" placeholder="nginx:latest" spellcheck="false"
                            prop:value=move || image.get() on:input=move |ev| image.set(event_target_value(&ev)) />
                            <datalist id="local-images">
                                {move || store.images.with(|all| all.iter().flat_map(|i| i.tags.clone()).map(|t| view! { <option value=t></option> }).collect_view())}
                            </datalist>
                            {move || {
                                let wanted = image.get();
                                let local = store.images.with(|all| all.iter().any(|i| i.answers_to(&wanted)));
                                (!local && !wanted.trim().is_empty() && field_problem("image")().is_none())
                                    .then(|| view! { <span class="hint" id="run-image-pulled-first">"Not on this engine yet: it is pulled first."</span> })
                            }}
                            {move || field_problem("image")().filter(|_| !image.with(String::is_empty)).map(|m| view! { <span class="invalid">{m}</span> })}</label>
                        {text_field("run-name", "Name (optional)", "my-web", name, "name")}
                    </div>
                    <RunPorts rows=ports next_key=next_key clashes=indexed("port.") exposed=Signal::derive(move || exposed.get()) />
                    <RunMounts rows=mounts next_key=next_key duplicates=indexed("mount.") />
                    <fieldset class="run-section">
                        <legend>"Environment"<span class="legend-cli">"-e"</span></legend>
                        <label>"KEY=VALUE, one per line (paste a .env file here)"<textarea id="run-env" rows="3" spellcheck="false" placeholder="GREETING=hello"
                            prop:value=move || env.get() on:input=move |ev| env.set(event_target_value(&ev))></textarea>
                            {move || field_problem("env")().map(|m| view! { <span class="invalid">{m}</span> })}</label>
                    </fieldset>
                    <details class="run-more">
                        <summary>"More options: command, restart, network, user, labels"</summary>
                        <div class="form-grid">
                            {text_field("run-command", "Command (replaces the image's CMD)", "sh -c \"echo hi\"", command, "command")}
                            {text_field("run-entrypoint", "Entrypoint (replaces ENTRYPOINT)", "", entrypoint, "entrypoint")}
                            <label>"Restart policy"<select id="run-restart" on:change=move |ev| restart.set(event_target_value(&ev))>
                                {RestartPolicy::CHOICES.into_iter().map(|p| view! {
                                    <option value=p.cli() selected=move || restart.get() == p.cli()>{p.name()}</option>
                                }).collect_view()}
                                </select>
                                <span class="hint">{move || RestartPolicy::parse(&restart.get()).map(|p| p.explanation()).unwrap_or_default()}</span>
                                {move || field_problem("restart")().map(|m| view! { <span class="invalid">{m}</span> })}</label>
                            <label>"Network"<input id="run-network" type="text" list="network-names" placeholder="bridge (the default)" spellcheck="false"
                                prop:value=move || network.get() on:input=move |ev| network.set(event_target_value(&ev)) />
                                <datalist id="network-names">{move || store.networks.with(|all| all.iter().map(|n| view! { <option value=n.name.clone()>{n.explanation().map(|_| "built-in").unwrap_or("yours")}</option> }).collect_view())}</datalist></label>
                            {text_field("run-workdir", "Working directory", "/app", workdir, "workdir")}
                            {text_field("run-user", "User", "1000:1000", user, "user")}
                            <label>"Labels, key=value per line"<textarea id="run-labels" rows="2" spellcheck="false"
                                prop:value=move || labels.get() on:input=move |ev| labels.set(event_target_value(&ev))></textarea>
                                {move || field_problem("labels")().map(|m| view! { <span class="invalid">{m}</span> })}</label>
                        </div>
                    </details>
                    <label class="check"><input type="checkbox" id="run-rm" prop:checked=move || auto_remove.get()
                        on:change=move |ev| auto_remove.set(event_target_checked(&ev)) />
                        "Remove the container when it stops (--rm)"</label>
                    <div class="run-footer">
                    <div class="dialog-cli run-cli"><span class="cli-prompt">"$"</span><code id="run-cli">{cli}</code>
                        <button type="button" class="ghost" id="run-copy" on:click=copy>{move || if copied.get() { "Copied" } else { "Copy" }}</button></div>
                    {move || failure.get().map(|error| view! {
                        <div class="pull-result bad" id="run-failed"><strong><Prose text=error.message.clone() /></strong>
                            {(!error.detail.is_empty()).then(|| view! { <div class="detail mono">{error.detail.clone()}</div> })}</div>
                    })}
                    <div class="dialog-buttons">
                        // A disabled Run says why, so the user is not left guessing which field holds it back.
                        {move || errors().into_iter().next().map(|(_, message)| view! {
                            <span class="hint run-waiting" id="run-waiting">{format!("Before Run: {message}")}</span>
                        })}
                        <button class="ghost" id="run-cancel" data-dismiss="" on:click=move |_| close()>"Cancel"</button>
                        <button class="primary" id="run-start" disabled=move || running.get() || !errors().is_empty() on:click=start>
                            {move || if running.get() { "Starting…" } else { "Run" }}</button>
                    </div>
                    </div>
                </div>
            </div>
        })
    }
}
