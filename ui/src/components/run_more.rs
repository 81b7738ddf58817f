//! The run dialog's "More options": command and entrypoint, restart policy (explained), CPU and memory limits,
//! network, working directory, user and labels — what most runs leave at the image's defaults.

use crate::components::run_fields::{Checked, FieldProblem, RunField, RunFields};
use crate::store::use_store;
use leptos::prelude::*;
use porthole_model::container::run::RestartPolicy;

#[component]
pub fn RunMore(fields: RunFields, checked: Checked) -> impl IntoView {
    let store = use_store();
    let RunFields {
        command,
        entrypoint,
        restart,
        cpus,
        memory,
        network,
        workdir,
        user,
        labels,
        ..
    } = fields;
    let networks = move || {
        store.cache.networks.with(|all| {
            all.iter()
                .map(|n| {
                    let whose = n.explanation().map(|_| "built-in").unwrap_or("yours");
                    view! { <option value=n.name.clone()>{whose}</option> }
                })
                .collect_view()
        })
    };
    view! {
        <details class="run-more">
            <summary>"More options: command, restart, limits, network, user, labels"</summary>
            <div class="form-grid">
                <RunField id="run-command" label="Command (replaces the image's CMD)" hint="sh -c \"echo hi\"" value=command field="command" checked=checked />
                <RunField id="run-entrypoint" label="Entrypoint (replaces ENTRYPOINT)" hint="" value=entrypoint field="entrypoint" checked=checked />
                <label>"Restart policy"<select id="run-restart" on:change=move |ev| restart.set(event_target_value(&ev))>
                    {RestartPolicy::CHOICES.into_iter().map(|p| view! {
                        <option value=p.cli() selected=move || restart.get() == p.cli()>{p.name()}</option>
                    }).collect_view()}
                    </select>
                    <span class="hint">{move || RestartPolicy::parse(&restart.get()).map(|p| p.explanation()).unwrap_or_default()}</span>
                    <FieldProblem checked=checked field="restart" /></label>
                <RunField id="run-cpus" label="CPUs (--cpus)" hint="1.5 — empty: no limit" value=cpus field="cpus" checked=checked />
                <RunField id="run-memory" label="Memory (--memory)" hint="512m — empty: no limit" value=memory field="memory" checked=checked />
                <label>"Network"<input id="run-network" type="text" list="network-names" placeholder="bridge (the default)" spellcheck="false"
                    prop:value=move || network.get() on:input=move |ev| network.set(event_target_value(&ev)) />
                    <datalist id="network-names">{networks}</datalist></label>
                <RunField id="run-workdir" label="Working directory" hint="/app" value=workdir field="workdir" checked=checked />
                <RunField id="run-user" label="User" hint="1000:1000" value=user field="user" checked=checked />
                <label>"Labels, key=value per line"<textarea id="run-labels" rows="2" spellcheck="false"
                    prop:value=move || labels.get() on:input=move |ev| labels.set(event_target_value(&ev))></textarea>
                    <FieldProblem checked=checked field="labels" /></label>
            </div>
        </details>
    }
}
