//! Stacks on the swarm: those deployed (services grouped by their stack label) with Remove (asked first), and
//! Deploy a compose file as a stack — both through the docker CLI's own `docker stack deploy|rm`, the command shown
//! and its output streamed.

use crate::components::confirm_dialog::ConfirmDialog;
use crate::components::tool_output::{ToolOutput, ToolRun};
use crate::store::use_store;
use leptos::prelude::*;
use porthole_model::swarm::{stacks, ServiceSummary, StackCommand};
use porthole_model::Action;

#[component]
pub fn SwarmStacks(services: RwSignal<Vec<ServiceSummary>>) -> impl IntoView {
    let store = use_store();
    let output = RwSignal::new(None::<ToolRun>);
    // Removing a stack is asked first; confirmed, it runs through the CLI with its output shown like a deploy.
    let pending = RwSignal::new(None::<Action>);
    let ask = move |action: Action| {
        if store.prefs.with_untracked(|s| s.confirm_destructive) {
            pending.set(Some(action));
        } else if let Action::Stack { command } = action {
            output.set(Some(ToolRun::Stack(command)));
        }
    };
    let file = RwSignal::new(String::new());
    let name = RwSignal::new(String::new());
    let deploy = Memo::new(move |_| {
        let command = StackCommand::Deploy {
            file: file.get().trim().to_owned(),
            name: name.get().trim().to_owned(),
        };
        command.validate().map(|()| command)
    });
    let touched = move || !file.with(String::is_empty) || !name.with(String::is_empty);
    view! {
        <div class="card swarm-stacks" id="swarm-stacks">
            <h2>"Stacks"</h2>
            <div class="toolbar">
                <input id="stack-file" type="text" placeholder="/home/me/shop/compose.yaml" spellcheck="false" aria-label="Compose file"
                    prop:value=move || file.get() on:input=move |ev| file.set(event_target_value(&ev)) />
                <input id="stack-name" type="text" placeholder="stack name" spellcheck="false" aria-label="Stack name"
                    prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev)) />
                <button class="primary" id="stack-deploy" disabled=move || deploy.with(Result::is_err)
                    on:click=move |_| if let Ok(command) = deploy.get_untracked() { output.set(Some(ToolRun::Stack(command))) }>"Deploy"</button>
                {move || match deploy.get() {
                    Ok(command) => view! { <code class="cli-inline" id="stack-cli">{command.cli()}</code> }.into_any(),
                    Err(error) if touched() => view! { <span class="invalid" id="stack-invalid">{error.message}</span> }.into_any(),
                    Err(_) => ().into_any(),
                }}
            </div>
            <table class="list compact" id="stacks-table">
                <thead><tr><th>"Stack"</th><th>"Services"</th><th></th></tr></thead>
                <tbody>{move || services.with(|all| stacks(all)).into_iter().map(|(stack, members)| {
                    let remove = Action::Stack { command: StackCommand::Remove { name: stack.clone() } };
                    view! {
                        <tr data-stack=stack.clone()>
                            <td class="name">{stack.clone()}</td>
                            <td>{members.join(", ")}</td>
                            <td class="row-buttons"><button class="action small danger" data-action="remove-stack" title=remove.cli()
                                on:click=move |_| ask(remove.clone())>"Remove"</button></td>
                        </tr>
                    }
                }).collect_view()}</tbody>
            </table>
            <ConfirmDialog pending=pending on_confirm=Callback::new(move |action| if let Action::Stack { command } = action {
                output.set(Some(ToolRun::Stack(command)));
            }) />
            <ToolOutput run=output on_end=Callback::new(move |()| store.cache.swarm_changed.update(|n| *n += 1)) />
        </div>
    }
}
