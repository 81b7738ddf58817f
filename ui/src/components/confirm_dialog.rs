//! Asks before a destructive action: what it does, what is lost, the CLI command it amounts to, and for removal
//! whether anonymous volumes go too (`docker rm -v`).

use crate::store::use_store;
use leptos::prelude::*;
use porthole_model::{Action, ContainerAction};

#[derive(Clone, Debug, PartialEq)]
pub struct Pending {
    pub container: String,
    pub action: ContainerAction,
}

#[component]
pub fn ConfirmDialog(pending: RwSignal<Option<Pending>>) -> impl IntoView {
    let store = use_store();
    let with_volumes = RwSignal::new(false);
    let chosen = move || {
        pending.get().map(|p| {
            let action = match p.action {
                ContainerAction::Remove { force, .. } => ContainerAction::Remove {
                    force,
                    volumes: with_volumes.get(),
                },
                other => other,
            };
            (p.container, action)
        })
    };
    let confirm = move |_| {
        if let Some((container, action)) = chosen() {
            store.perform(container, action);
        }
        pending.set(None);
        with_volumes.set(false);
    };
    let cancel = move |_| {
        pending.set(None);
        with_volumes.set(false);
    };
    move || {
        chosen().map(|(container, action)| {
            let is_remove = matches!(action, ContainerAction::Remove { .. });
            let cli = Action::Container { container: container.clone(), action: action.clone() }.cli();
            view! {
                <div class="dialog-backdrop">
                    <div class="dialog" role="dialog" aria-modal="true" id="confirm-dialog">
                        <h2>{format!("{} {container}?", action.label())}</h2>
                        <p>{action.consequence()}</p>
                        {is_remove.then(|| view! {
                            <label class="check">
                                <input type="checkbox" id="remove-volumes" prop:checked=move || with_volumes.get()
                                    on:change=move |ev| with_volumes.set(event_target_checked(&ev)) />
                                "Also remove its anonymous volumes (named volumes always stay)"
                            </label>
                        })}
                        <div class="dialog-cli"><span class="cli-prompt">"$"</span><code>{cli}</code></div>
                        <div class="dialog-buttons">
                            <button class="ghost" id="confirm-cancel" on:click=cancel>"Cancel"</button>
                            <button class="primary danger" id="confirm-ok" on:click=confirm>{action.label()}</button>
                        </div>
                    </div>
                </div>
            }
        })
    }
}
