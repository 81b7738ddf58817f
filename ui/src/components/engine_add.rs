//! "Add an engine": a name, an address (unix socket, tcp://host:port, ssh://user@host) and a description, each
//! checked as typed, the `docker context create` command shown live, and created through the docker CLI — so the
//! engine is a docker context a terminal reaches with `docker --context NAME` too.

use crate::api;
use crate::components::error_notice::ErrorNotice;
use crate::store::use_store;
use leptos::prelude::*;
use leptos::task::spawn_local;
use porthole_model::system::context::EngineAdd;

#[component]
pub fn EngineAddForm() -> impl IntoView {
    let store = use_store();
    let name = RwSignal::new(String::new());
    let host = RwSignal::new(String::new());
    let description = RwSignal::new(String::new());
    let refused = RwSignal::new(None::<porthole_model::PortholeError>);
    let add = Memo::new(move |_| EngineAdd {
        name: name.get(),
        host: host.get(),
        description: description.get(),
    });
    let checked = Memo::new(move |_| add.with(|a| a.validate()));
    let touched = move || !name.with(String::is_empty) || !host.with(String::is_empty);
    let create = move |_| {
        let request = add.get_untracked();
        refused.set(None);
        spawn_local(async move {
            match api::add_engine(&request).await {
                Ok(()) => {
                    name.set(String::new());
                    host.set(String::new());
                    description.set(String::new());
                    store.refresh_engines();
                }
                Err(error) => {
                    refused.try_set(Some(error));
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
    view! {
        <div class="card engine-add" id="engine-add">
            <h2>"Add an engine"</h2>
            <div class="form-grid">
                {field("engine-name", "Name", "build-server", name)}
                {field("engine-host", "Address", "tcp://192.168.1.20:2375, ssh://me@host or unix:///path", host)}
                {field("engine-description", "Description (optional)", "the CI machine", description)}
            </div>
            {move || match checked.get() {
                Err(problem) if touched() => view! { <span class="invalid" id="engine-invalid" data-invalid=problem.field.clone()>{problem.message}</span> }.into_any(),
                _ => ().into_any(),
            }}
            <div class="dialog-cli"><span class="cli-prompt">"$"</span><code id="engine-cli">{move || add.get().cli()}</code></div>
            <p class="hint">"Porthole saves it as a docker context, so "<code>"docker --context NAME ps"</code>" in a terminal reaches the same engine. TLS certificates and SSH engines need a newer engine transport: see the note on this page."</p>
            {move || refused.get().map(|error| view! { <ErrorNotice error=error id="engine-refused" /> })}
            <button class="primary" id="engine-add-go" disabled=move || checked.with(Result::is_err) on:click=create>"Add"</button>
        </div>
    }
}
