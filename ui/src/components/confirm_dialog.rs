//! Asks before a destructive action: what it does, every object that goes (by name), the CLI command it amounts
//! to, and for a container's removal whether its anonymous volumes go too (`docker rm -v`). Removing a running
//! container offers its two ways here — Stop and remove, or Force remove — rather than failing after the user
//! confirmed.

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
    let act = move |action: Action| {
        match on_confirm {
            Some(run) => run.run(action),
            None => store.perform(action),
        }
        close();
    };
    let confirm = move |_| {
        if let Some(action) = chosen() {
            act(action);
        }
    };
    // A removal of a running container, which the engine would refuse: the two ways the model offers instead.
    let running_ways = move || {
        chosen().and_then(|action| match action {
            Action::Container { container, action } => {
                let ways = action.ways_when_running()?;
                let running = store.cache.containers.with(|all| {
                    all.iter()
                        .any(|c| (c.name == container || c.id == container) && c.state.is_running())
                });
                running.then(|| {
                    ways.map(|action| Action::Container {
                        container: container.clone(),
                        action,
                    })
                })
            }
            _ => None,
        })
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
                        {match running_ways() {
                            None => view! {
                                <div class="dialog-cli"><span class="cli-prompt">"$"</span><code>{action.cli()}</code></div>
                                <div class="dialog-buttons">
                                    <button class="ghost" id="confirm-cancel" data-dismiss="" data-autofocus="" on:click=move |_| close()>"Cancel"</button>
                                    <button class="primary danger" id="confirm-ok" on:click=confirm>{action.label()}</button>
                                </div>
                            }.into_any(),
                            Some([stop_then, force]) => {
                                let (stop_cli, force_cli) = (stop_then.cli(), force.cli());
                                view! {
                                    <p class="hint" id="confirm-running">"It is running. Stop it first (it gets its stop \
                                        timeout to shut down cleanly), or force it (killed at once)."</p>
                                    <div class="dialog-cli"><span class="cli-prompt">"$"</span><code>{stop_cli.clone()}</code></div>
                                    <div class="dialog-buttons">
                                        <button class="ghost" id="confirm-cancel" data-dismiss="" data-autofocus="" on:click=move |_| close()>"Cancel"</button>
                                        <button class="action danger" id="confirm-force" title=force_cli on:click=move |_| act(force.clone())>"Force remove"</button>
                                        <button class="primary danger" id="confirm-ok" title=stop_cli on:click=move |_| act(stop_then.clone())>"Stop and remove"</button>
                                    </div>
                                }.into_any()
                            }
                        }}
                    </div>
                </div>
            }
        })
    }
}
