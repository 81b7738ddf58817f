//! "Add an engine": a name, an address (unix socket, tcp://host:port, ssh://user@host), a description and — for
//! `tcp://` — the TLS files (the CA, the client certificate and its key, typed or chosen with the system's
//! picker), each checked as typed, the `docker context create` command shown live. Adding first connects as
//! typed: a failure is explained in plain words with its fix (an untrusted, expired or wrong-host certificate, a
//! refused client certificate, …) and the engine is saved only when it answered, or when the user says "Add
//! anyway". Saved through the docker CLI, so the engine is a docker context `docker --context NAME` reaches too.

use crate::api;
use crate::components::error_notice::ErrorNotice;
use crate::components::prose::Prose;
use crate::store::use_store;
use leptos::prelude::*;
use leptos::task::spawn_local;
use porthole_model::contract::FileChoice;
use porthole_model::system::context::{EngineAdd, EngineProbe};

#[component]
pub fn EngineAddForm() -> impl IntoView {
    let store = use_store();
    let [name, host, description, ca, cert, key] =
        std::array::from_fn(|_| RwSignal::new(String::new()));
    let refused = RwSignal::new(None::<porthole_model::PortholeError>);
    // What connecting as typed found, while the user decides; cleared by any edit.
    let failed = RwSignal::new(None::<EngineProbe>);
    let added = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let add = Memo::new(move |_| EngineAdd {
        name: name.get(),
        host: host.get(),
        description: description.get(),
        ca: ca.get(),
        cert: cert.get(),
        key: key.get(),
    });
    Effect::new(move |_| {
        add.track();
        failed.set(None);
    });
    let checked = Memo::new(move |_| add.with(|a| a.validate()));
    let touched = move || !name.with(String::is_empty) || !host.with(String::is_empty);
    let tcp = move || host.with(|h| h.trim().starts_with("tcp://"));
    let save = move |request: EngineAdd, probe: Option<EngineProbe>| {
        spawn_local(async move {
            match api::add_engine(&request).await {
                Ok(()) => {
                    for field in [name, host, description, ca, cert, key] {
                        field.set(String::new());
                    }
                    let answered = probe
                        .filter(|p| p.reachable)
                        .map(|p| format!(": {} · {}", p.product_version(), p.platform))
                        .unwrap_or_default();
                    added.set(Some(format!("Added {}{answered}.", request.name.trim())));
                    store.refresh_engines();
                }
                Err(error) => {
                    refused.try_set(Some(error));
                }
            }
            busy.try_set(false);
        });
    };
    let try_then_add = move |_| {
        let request = add.get_untracked();
        refused.set(None);
        added.set(None);
        busy.set(true);
        spawn_local(async move {
            match api::probe_engine(&request).await {
                Ok(probe) if probe.reachable => save(request, Some(probe)),
                Ok(probe) => {
                    failed.try_set(Some(probe));
                    busy.try_set(false);
                }
                Err(error) => {
                    refused.try_set(Some(error));
                    busy.try_set(false);
                }
            }
        });
    };
    let field = |id: &'static str,
                 label: &'static str,
                 placeholder: &'static str,
                 value: RwSignal<String>| {
        view! {
            <label>{label}<input id=id type="text" placeholder=placeholder spellcheck="false"
                prop:value=move || value.get() on:input=move |ev| value.set(event_target_value(&ev)) /></label>
        }
    };
    let file = |id: &'static str,
                label: &'static str,
                title: &'static str,
                value: RwSignal<String>| {
        let choose = move |_| {
            spawn_local(async move {
                let choice = FileChoice {
                    title: title.into(),
                    filter: "PEM files".into(),
                    extensions: vec!["pem".into(), "crt".into(), "key".into()],
                };
                if let Ok(Some(path)) = api::choose_file(&choice).await {
                    value.try_set(path);
                }
            })
        };
        view! {
            <label>{label}<span class="input-with-button">
                <input id=id type="text" placeholder="/path/to/file.pem" spellcheck="false"
                    prop:value=move || value.get() on:input=move |ev| value.set(event_target_value(&ev)) />
                <button class="action small" type="button" on:click=choose>"Choose…"</button>
            </span></label>
        }
    };
    view! {
        <div class="card engine-add" id="engine-add">
            <h2>"Add an engine"</h2>
            // Nothing can be edited while Porthole connects: what is saved is what was tried.
            <fieldset class="plain" disabled=move || busy.get()>
            <div class="form-grid">
                {field("engine-name", "Name", "build-server", name)}
                {field("engine-host", "Address", "tcp://192.168.1.20:2376, ssh://me@host or unix:///path", host)}
                {field("engine-description", "Description (optional)", "the CI machine", description)}
            </div>
            <Show when=tcp>
                <fieldset class="engine-tls" id="engine-tls">
                    <legend>"TLS (for an engine started with --tlsverify, usually on port 2376)"</legend>
                    <div class="form-grid">
                        {file("engine-ca", "CA certificate (ca.pem)", "Choose the CA that signed the engine's certificate", ca)}
                        {file("engine-cert", "Client certificate (cert.pem)", "Choose your client certificate", cert)}
                        {file("engine-key", "Client key (key.pem)", "Choose your client certificate's key", key)}
                    </div>
                    <p class="hint">"Leave all three empty for an engine without TLS. The docker CLI copies the files into the context's own folder."</p>
                </fieldset>
            </Show>
            </fieldset>
            {move || match checked.get() {
                Err(problem) if touched() => view! { <span class="invalid" id="engine-invalid" data-invalid=problem.field.clone()>{problem.message}</span> }.into_any(),
                _ => ().into_any(),
            }}
            <div class="dialog-cli"><span class="cli-prompt">"$"</span><code id="engine-cli">{move || add.get().cli()}</code></div>
            <p class="hint">"Porthole connects first, then saves it as a docker context, so "<code>"docker --context NAME ps"</code>" in a terminal reaches the same engine. An ssh:// engine is reached with your own ssh (agent, keys, config, known_hosts) running "<code>"docker system dial-stdio"</code>" on that machine."</p>
            {move || failed.get().map(|probe| view! { <ProbeFailure probe=probe on_anyway=move || save(add.get_untracked(), None) /> })}
            {move || refused.get().map(|error| view! { <ErrorNotice error=error id="engine-refused" /> })}
            {move || added.get().map(|text| view! { <p class="pull-result ok" id="engine-added">{text}</p> })}
            <button class="primary" id="engine-add-go" disabled=move || busy.get() || checked.with(Result::is_err) on:click=try_then_add>
                {move || if busy.get() { "Connecting…" } else { "Add" }}</button>
        </div>
    }
}

/// Why the typed engine could not be reached, with what to do, and the choice to save it anyway (an engine that
/// is off today may answer tomorrow).
#[component]
fn ProbeFailure(probe: EngineProbe, on_anyway: impl Fn() + Send + Sync + 'static) -> impl IntoView {
    let advice = probe.reason.map(|r| r.advice());
    view! {
        <div class="engine-probe-failed" id="engine-probe-failed"
            data-reason=probe.reason.map(|r| format!("{r:?}")).unwrap_or_default()>
            <strong>{probe.problem.clone()}</strong>
            {advice.map(|text| view! { <p><Prose text=text /></p> })}
            <details><summary>"What the connection said"</summary><pre>{probe.detail.clone()}</pre></details>
            <button class="action small" id="engine-add-anyway" on:click=move |_| on_anyway()>"Add anyway"</button>
        </div>
    }
}
