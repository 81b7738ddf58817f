//! Changing a container's limits in place (`docker update --cpus 1.5 --memory 512m --restart unless-stopped NAME`):
//! each field beside what the container has now and — while it runs — what it uses, checked as typed
//! (`LimitsForm` in the model), the command shown as it will run. An empty field leaves that setting as it is.

use crate::api;
use crate::store::use_store;
use leptos::prelude::*;
use leptos::task::spawn_local;
use porthole_model::container::limits::{ContainerLimits, LimitsForm};
use porthole_model::container::run::RestartPolicy;
use porthole_model::container::stats::bytes;
use porthole_model::{Action, ContainerAction, ContainerDetails, StatsMessage, StatsSample};

/// The dialog for the container in `open`; closing it sets `open` to `None`.
#[component]
pub fn LimitsDialog(open: RwSignal<Option<ContainerDetails>>) -> impl IntoView {
    move || {
        open.get()
            .map(|details| view! { <Limits details=details open=open /> })
    }
}

#[component]
fn Limits(details: ContainerDetails, open: RwSignal<Option<ContainerDetails>>) -> impl IntoView {
    let store = use_store();
    let form = RwSignal::new(LimitsForm::default());
    let usage = RwSignal::new(None::<StatsSample>);
    let now: ContainerLimits = details.limits;
    let name = details.name.clone();
    if details.state.is_running() {
        follow_usage(details.id.clone(), usage);
    }
    let checked = Memo::new(move |_| form.with(LimitsForm::check));
    // A problem beside its field, once something is typed there.
    let error = move |field: &'static str| {
        move || {
            checked.with(|(_, errors)| {
                errors.iter().find(|e| e.field == field).map(|e| {
                    view! { <span class="invalid" data-invalid=field>{e.message.clone()}</span> }
                })
            })
        }
    };
    let cli = {
        let name = name.clone();
        move || {
            let (update, _) = checked.get();
            ContainerAction::Update { limits: update }.cli(&name)
        }
    };
    let can_apply =
        move || checked.with(|(update, errors)| errors.is_empty() && !update.is_empty());
    let apply = move |_| {
        let (update, _) = checked.get_untracked();
        store.perform(Action::Container {
            container: name.clone(),
            action: ContainerAction::Update { limits: update },
        });
        open.set(None);
    };
    let field = move |id: &'static str,
                      label: &'static str,
                      placeholder: &'static str,
                      set: fn(&mut LimitsForm, String)| {
        view! {
            <input type="text" id=id aria-label=label placeholder=placeholder
                on:input=move |ev| { let text = event_target_value(&ev); form.update(|f| set(f, text)); } />
        }
    };
    let cpu_use = move || {
        usage.with(|u| {
            u.as_ref()
                .map(|s| format!("using {:.1} % of one CPU now", s.cpu_percent))
        })
    };
    let memory_use = move || {
        usage.with(|u| {
            u.as_ref()
                .map(|s| format!("using {} now", bytes(s.memory_used)))
        })
    };
    view! {
        <div class="dialog-backdrop">
            <div class="dialog wide" role="dialog" aria-modal="true" id="limits-dialog">
                <h2>{format!("Limits of {}", details.name)}</h2>
                <p class="hint">"Changed in place, running or not. A field left empty keeps what the container has; the engine cannot take a limit away from a container (recreate it without one)."</p>
                <table class="list compact limits">
                    <thead><tr><th></th><th>"Now"</th><th>"New"</th></tr></thead>
                    <tbody>
                        <tr><th>"CPUs"</th>
                            <td id="limits-cpus-now">{now.cpus_text()}<div class="hint">{cpu_use}</div></td>
                            <td>{field("limits-cpus", "CPUs", "e.g. 1.5", |f, t| f.cpus = t)}{error("cpus")}</td></tr>
                        <tr><th>"Memory"</th>
                            <td id="limits-memory-now">{now.memory_text()}<div class="hint">{memory_use}</div></td>
                            <td>{field("limits-memory", "Memory", "e.g. 512m or 1g", |f, t| f.memory = t)}{error("memory")}</td></tr>
                        <tr><th>"Restart"</th>
                            <td id="limits-restart-now">{details.restart_policy.clone()}</td>
                            <td><select id="limits-restart" aria-label="Restart policy"
                                on:change=move |ev| { let text = event_target_value(&ev); form.update(|f| f.restart = text); }>
                                <option value="" selected>"keep as it is"</option>
                                {RestartPolicy::CHOICES.into_iter().map(|p| view! { <option value=p.cli()>{p.name()}</option> }).collect_view()}
                            </select>{error("restart")}
                            <div class="hint">{move || form.with(|f| RestartPolicy::parse(&f.restart).ok().filter(|_| !f.restart.is_empty()).map(|p| p.explanation()))}</div></td></tr>
                    </tbody>
                </table>
                <div class="dialog-cli"><span class="cli-prompt">"$"</span><code id="limits-cli">{cli}</code></div>
                <div class="dialog-buttons">
                    <button class="ghost" id="limits-cancel" data-dismiss="" on:click=move |_| open.set(None)>"Cancel"</button>
                    <button class="primary" id="limits-apply" disabled=move || !can_apply() on:click=apply>"Apply"</button>
                </div>
            </div>
        </div>
    }
}

/// The container's use, once a second, while the dialog is open.
fn follow_usage(container: String, usage: RwSignal<Option<StatsSample>>) {
    let slot = api::Slot::new();
    let ticket = slot.renew();
    spawn_local(async move {
        let on_message = move |message: StatsMessage| {
            if let StatsMessage::Sample { sample } = message {
                if slot.is_current(ticket) {
                    usage.try_set(Some(sample));
                }
            }
        };
        if let Ok(id) = api::subscribe_stats(&container, on_message).await {
            slot.keep(ticket, id).await;
        }
    });
}
