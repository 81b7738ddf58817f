//! Asks before a destructive action: what it does, every object that goes (by name), the CLI command it amounts
//! to, and for a container's removal whether its anonymous volumes go too (`docker rm -v`).

use crate::store::use_store;
use leptos::prelude::*;
use porthole_model::{Action, ContainerAction};

#[component]
pub fn ConfirmDialog(
    pending: RwSignal<Option<Action>>,
    /// What confirming does, when it is not a plain request (a tool run whose output is shown, like `docker stack rm`).
    #[prop(optional)]
    on_confirm: Option<Callback<Action>>,
) -> impl IntoView {
    let store = use_store();
    let with_volumes = RwSignal::new(false);
    let chosen = move || {
        pending.get().map(|action| match action {
            Action::Container {
                container,
                action: ContainerAction::Remove { force, .. },
            } => Action::Container {
                container,
                action: ContainerAction::Remove {
                    force,
                    volumes: with_volumes.get(),
                },
            },
            other => other,
        })
    };
    let close = move || {
        pending.set(None);
        with_volumes.set(false);
    };
    let confirm = move |_| {
        if let Some(action) = chosen() {
            match on_confirm {
                Some(run) => run.run(action),
                None => store.perform(action),
            }
        }
        close();
    };
    move || {
        chosen().map(|action| {
            let offers_volumes =
                matches!(action, Action::Container { action: ContainerAction::Remove { .. }, .. });
            let title = format!("{} {}?", action.label(), action.target().unwrap_or_default());
            view! {
                <div class="dialog-backdrop">
                    <div class="dialog" role="dialog" aria-modal="true" id="confirm-dialog">
                        <h2>{title}</h2>
                        <p>{action.consequence()}</p>
                        // Every object that goes, by name: nothing is removed that this list does not show.
                        {(action.removes().len() > 1 || matches!(action, Action::RemoveVolumes { .. } | Action::RemoveNetworks { .. })).then(|| view! {
                            <div class="confirm-goes"><span class="hint">"What goes:"</span>
                                <ul id="confirm-goes">{action.removes().into_iter().map(|name| {
                                    let shown = name.clone();
                                    view! { <li data-goes=name><code>{shown}</code></li> }
                                }).collect_view()}</ul></div>
                        })}
                        {offers_volumes.then(|| view! {
                            <label class="check">
                                <input type="checkbox" id="remove-volumes" prop:checked=move || with_volumes.get()
                                    on:change=move |ev| with_volumes.set(event_target_checked(&ev)) />
                                "Also remove its anonymous volumes (named volumes always stay)"
                            </label>
                        })}
                        <div class="dialog-cli"><span class="cli-prompt">"$"</span><code>{action.cli()}</code></div>
                        <div class="dialog-buttons">
                            <button class="ghost" id="confirm-cancel" data-dismiss="" data-autofocus="" on:click=move |_| close()>"Cancel"</button>
                            <button class="primary danger" id="confirm-ok" on:click=confirm>{action.label()}</button>
                        </div>
                    </div>
                </div>
            }
        })
    }
}
