//! The swarm's services (`docker service ls`): mode, replicas running/desired (live), image, published ports, the
//! rolling update's state and the stack — with Scale, Update image, Roll back and Remove (asked first); a service's
//! tasks (`docker service ps`) open below it, each failed one saying why, with its spec as a tree (`docker service
//! inspect`) and the merged logs of every task.

use crate::api;
use crate::components::json_tree::JsonTree;
use crate::components::merged_logs::MergedLogs;
use crate::components::tool_output::ToolRun;
use crate::store::use_store;
use leptos::prelude::*;
use leptos::task::spawn_local;
use porthole_model::swarm::{ServiceSummary, SwarmAction, TaskSummary};
use porthole_model::Action;

#[component]
pub fn SwarmServices(
    services: RwSignal<Vec<ServiceSummary>>,
    ask: Callback<Action>,
) -> impl IntoView {
    let store = use_store();
    let open = RwSignal::new(None::<String>);
    let logs_open = RwSignal::new(false);
    // The open service's spec (`docker service inspect`), read when asked and again as the swarm changes.
    let spec = RwSignal::new(None::<String>);
    let spec_open = RwSignal::new(false);
    Effect::new(move |_| {
        store.cache.swarm_changed.track();
        let (Some(service), true) = (open.get(), spec_open.get()) else {
            return;
        };
        spawn_local(async move {
            match api::inspect_service(&service).await {
                Ok(json) => {
                    spec.try_set(Some(json));
                }
                Err(error) => {
                    store.error.try_set(Some(error.into()));
                }
            }
        });
    });
    let tasks = RwSignal::new(Vec::<TaskSummary>::new());
    // The tasks of the open service, reread whenever the swarm or its containers change.
    Effect::new(move |_| {
        store.cache.swarm_changed.track();
        store.cache.containers.track();
        let Some(service) = open.get() else { return };
        spawn_local(async move {
            if let Ok(list) = api::service_tasks(&service).await {
                tasks.try_set(list);
            }
        });
    });
    // Rows are keyed by the service's name and read its fresh state themselves, so a live update (a task started,
    // the update's state) never resets a replica count or an image being typed.
    let row = move |name: String| {
        let current = {
            let name = name.clone();
            Memo::new(move |_| {
                services.with(|all| {
                    all.iter()
                        .find(|s| s.name == name)
                        .cloned()
                        .unwrap_or_default()
                })
            })
        };
        let initial = current.get_untracked();
        let replicas = RwSignal::new(initial.replicas.map(|r| r.to_string()).unwrap_or_default());
        let image = RwSignal::new(initial.image.clone());
        let scale = {
            let name = name.clone();
            move || {
                replicas
                    .get()
                    .trim()
                    .parse::<u64>()
                    .ok()
                    .map(|n| SwarmAction::Scale {
                        service: name.clone(),
                        replicas: n,
                    })
            }
        };
        let update = {
            let name = name.clone();
            move || SwarmAction::UpdateImage {
                service: name.clone(),
                image: image.get().trim().to_owned(),
            }
        };
        let (rollback, remove) = (
            Action::Swarm {
                action: SwarmAction::Rollback {
                    service: name.clone(),
                },
            },
            Action::Swarm {
                action: SwarmAction::RemoveService {
                    service: name.clone(),
                },
            },
        );
        let open_name = name.clone();
        let is_open = {
            let name = name.clone();
            move || open.with(|o| o.as_deref() == Some(name.as_str()))
        };
        view! {
            <tr data-service=name.clone() data-replicas=move || current.with(ServiceSummary::replicas_label)
                data-update=move || current.with(|s| s.update_state.clone())
                class:selected=is_open on:click=move |_| open.set(Some(open_name.clone()))>
                <td class="name"><div class="cell-main">{name.clone()}</div>
                    <div class="hint">{move || current.with(|s| s.stack.clone().map(|s| format!("stack {s}")).unwrap_or_default())}</div></td>
                <td>{move || current.with(|s| format!("{} · {}", s.mode(), s.replicas_label()))}</td>
                <td class="mono">{move || current.with(|s| s.image.clone())}<div class="hint">{move || current.with(|s| s.ports.join(", "))}</div></td>
                <td>{move || current.with(|s| (!s.update_state.is_empty()).then(|| view! { <span class="badge in-use">{s.update_state.clone()}</span> }))}
                    <div class="hint">{move || current.with(|s| s.update_message.clone())}</div></td>
                <td class="row-buttons" on:click=|ev| ev.stop_propagation()><div class="service-actions">
                    {initial.replicas.is_some().then(|| { let scale = scale.clone(); view! {
                        <input type="number" min="0" class="scale-count" aria-label="Replicas" prop:value=move || replicas.get()
                            on:input=move |ev| replicas.set(event_target_value(&ev)) />
                        <button class="action small" data-action="scale" disabled={ let scale = scale.clone(); move || scale().is_none() }
                            on:click=move |_| if let Some(action) = scale() { store.perform(Action::Swarm { action }) }>"Scale"</button>
                    } })}
                    <input type="text" class="service-image" aria-label="Image" spellcheck="false" prop:value=move || image.get()
                        on:input=move |ev| image.set(event_target_value(&ev)) />
                    <button class="action small" data-action="update-image" title={ let update = update.clone(); move || update().cli(false) }
                        on:click=move |_| store.perform(Action::Swarm { action: update() })>"Update image"</button>
                    <button class="action small" data-action="rollback" title=rollback.cli() on:click={ let r = rollback.clone(); move |_| store.perform(r.clone()) }>"Roll back"</button>
                    <button class="action small danger" data-action="remove-service" title=remove.cli() on:click=move |_| ask.run(remove.clone())>"Remove"</button>
                </div></td>
            </tr>
        }
    };
    view! {
        <div class="table-scroll swarm-table">
            <table class="list" id="swarm-services">
                <thead><tr><th>"Service"</th><th>"Mode · replicas"</th><th>"Image · ports"</th><th>"Update"</th><th></th></tr></thead>
                <tbody><For each=move || services.with(|all| all.iter().map(|s| s.name.clone()).collect::<Vec<_>>()) key=|name| name.clone() let:name>
                    {row(name)}
                </For></tbody>
            </table>
        </div>
        {move || open.get().map(|service| view! {
            <div class="card service-tasks" id="service-tasks" data-service=service.clone()>
                <div class="panel-head"><h2>{format!("docker service ps {service}")}</h2>
                    <button class="ghost small" id="service-logs-toggle" on:click=move |_| logs_open.update(|o| *o = !*o)>
                        {move || if logs_open.get() { "Hide logs" } else { "Logs of every task" }}</button>
                    <button class="ghost small" id="service-spec-toggle" title=format!("docker service inspect {service}")
                        on:click=move |_| spec_open.update(|o| *o = !*o)>
                        {move || if spec_open.get() { "Hide spec" } else { "Spec" }}</button></div>
                {move || spec_open.get().then(|| view! {
                    <div id="service-spec">{move || spec.get().map(|json| view! { <JsonTree json=json /> })}</div>
                })}
                <table class="list compact">
                    <thead><tr><th>"Slot"</th><th>"Node"</th><th>"Desired · current"</th><th>"Image"</th><th>"Why"</th></tr></thead>
                    <tbody><For each=move || tasks.get() key=|t| format!("{t:?}") let:task>
                        <tr data-task-state=task.state.clone()>
                            <td>{task.slot.map(|s| s.to_string()).unwrap_or_else(|| "—".into())}</td>
                            <td>{task.node.clone()}</td>
                            <td>{format!("{} · {}", task.desired_state, task.state)}<div class="hint">{task.message.clone()}</div></td>
                            <td class="mono">{task.image.clone()}</td>
                            <td class="task-reason">{task.reason().unwrap_or_default()}</td>
                        </tr>
                    </For></tbody>
                </table>
                {let logged = service.clone(); move || logs_open.get().then(|| view! {
                    <MergedLogs run=ToolRun::ServiceLogs(logged.clone()) split=porthole_model::swarm::logs::split context=logged.clone() />
                })}
            </div>
        })}
    }
}
