//! Actions on every checked container at once: start, stop, restart, remove (asked first, with the one CLI command
//! it amounts to). Each container gets the action its state allows; the list updates from the engine's events.

use crate::store::use_store;
use leptos::prelude::*;
use porthole_model::{Action, ContainerAction, ContainerSummary};

#[component]
pub fn BulkActions(checked: RwSignal<Vec<String>>) -> impl IntoView {
    let store = use_store();
    let asking = RwSignal::new(false);
    let chosen = move || {
        checked.with(|ids| {
            store.cache.containers.with(|all| {
                all.iter()
                    .filter(|c| ids.contains(&c.id))
                    .cloned()
                    .collect::<Vec<ContainerSummary>>()
            })
        })
    };
    let act = move |action: ContainerAction| {
        for container in chosen() {
            if action.allowed(container.state) {
                store.perform(Action::Container {
                    container: container.name,
                    action: action.clone(),
                });
            }
        }
    };
    let names = move || {
        chosen()
            .into_iter()
            .map(|c| c.name)
            .collect::<Vec<_>>()
            .join(" ")
    };
    let button = move |label: &'static str,
                       slug: &'static str,
                       cli: &'static str,
                       action: ContainerAction| {
        view! { <button class="action" data-bulk=slug title=move || format!("docker {cli} {}", names())
        on:click=move |_| act(action.clone())>{label}</button> }
    };
    view! {
        {move || (!checked.with(Vec::is_empty)).then(|| view! {
            <div class="bulk-actions" id="bulk-actions" role="toolbar" aria-label="Actions on the selected containers">
                <span class="bulk-count">{move || format!("{} selected", checked.with(Vec::len))}</span>
                {button("Start", "start", "start", ContainerAction::Start)}
                {button("Stop", "stop", "stop", ContainerAction::Stop { timeout_secs: None })}
                {button("Restart", "restart", "restart", ContainerAction::Restart)}
                <button class="action" data-bulk="remove" on:click=move |_| asking.set(true)>"Remove…"</button>
                <button class="ghost" data-bulk="clear" on:click=move |_| checked.set(Vec::new())>"Clear"</button>
            </div>
        })}
        {move || asking.get().then(|| view! {
            <div class="dialog-backdrop">
                <div class="dialog" role="dialog" aria-modal="true" id="bulk-remove-dialog">
                    <h2>{move || format!("Remove {} containers?", checked.with(Vec::len))}</h2>
                    <p>"Running ones are killed first. Everything written inside them is deleted; named volumes and bind-mounted folders keep their data."</p>
                    <div class="dialog-cli"><span class="cli-prompt">"$"</span><code>{move || format!("docker rm -f {}", names())}</code></div>
                    <div class="dialog-buttons">
                        <button class="ghost" id="bulk-remove-cancel" data-dismiss="" data-autofocus="" on:click=move |_| asking.set(false)>"Cancel"</button>
                        <button class="primary danger" id="bulk-remove-ok" on:click=move |_| {
                            act(ContainerAction::Remove { force: true, volumes: false });
                            checked.set(Vec::new());
                            asking.set(false);
                        }>"Remove"</button>
                    </div>
                </div>
            </div>
        })}
    }
}
