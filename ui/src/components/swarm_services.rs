//! The swarm's services (`docker service ls`): mode, replicas running/desired (live), image, published ports, the
//! rolling update's state and the stack — with Scale, Update image, Roll back and Remove (asked first); a service's
//! tasks (`docker service ps`) open below it, with a running update's progress, each failed task saying why, with its
//! spec as a tree (`docker service inspect`) and the merged logs of every task.

use crate::api;
use crate::components::json_tree::JsonTree;
use crate::components::merged_logs::MergedLogs;
use crate::components::service_row::ServiceRow;
use crate::components::tool_output::ToolRun;
use crate::store::use_store;
use leptos::prelude::*;
use leptos::task::spawn_local;
use porthole_model::swarm::update::UpdateProgress;
use porthole_model::swarm::{ServiceSummary, TaskSummary};
use porthole_model::Action;

#[component]
pub fn SwarmServices(
    services: RwSignal<Vec<ServiceSummary>>,
    ask: Callback<Action>,
) -> impl IntoView {
    let store = use_store();
    let open = RwSignal::new(None::<String>);
    // A service named by a link elsewhere (Learn's "yours right now") opens here, once.
    Effect::new(move |_| {
        if let Some(name) = store.nav.open_service.get() {
            store.nav.open_service.set(None);
            open.set(Some(name));
        }
    });
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
    // The tasks of the open service, reread whenever the swarm or this engine's containers change — and, while the
    // service converges (a rolling update, tasks starting on other nodes, whose changes this engine's events do not
    // report), every second until it has.
    let again = RwSignal::new(0u32);
    // One look-again at a time, however many events come meanwhile.
    let pending = StoredValue::new(false);
    Effect::new(move |_| {
        store.cache.swarm_changed.track();
        store.cache.containers.track();
        again.track();
        let Some(service) = open.get() else { return };
        spawn_local(async move {
            if let Ok(list) = api::service_tasks(&service).await {
                let running = list
                    .iter()
                    .filter(|t| t.desired_state == "running" && t.state == "running")
                    .count() as u64;
                let settled = services.with_untracked(|all| {
                    all.iter().find(|s| s.name == service).is_none_or(|s| {
                        running == s.desired
                            && !UpdateProgress::of(s, &list).is_some_and(|p| p.is_running())
                    })
                });
                tasks.try_set(list);
                if !settled && pending.try_get_value() == Some(false) {
                    pending.set_value(true);
                    set_timeout(
                        move || {
                            pending.try_set_value(false);
                            again.try_update(|n| *n += 1);
                        },
                        std::time::Duration::from_secs(1),
                    );
                }
            }
        });
    });
    view! {
        <div class="table-scroll swarm-table">
            <table class="list" id="swarm-services">
                <thead><tr><th>"Service"</th><th>"Mode · replicas"</th><th>"Image · ports"</th><th>"Update"</th><th></th></tr></thead>
                <tbody><For each=move || services.with(|all| all.iter().map(|s| s.name.clone()).collect::<Vec<_>>()) key=|name| name.clone() let:name>
                    <ServiceRow name=name services=services open=open ask=ask />
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
                {let updated = service.clone(); move || services.with(|all| all.iter().find(|s| s.name == updated).cloned())
                    .and_then(|s| tasks.with(|t| UpdateProgress::of(&s, t)))
                    .map(|p| view! {
                        <div class="rolling-update" id="service-update" data-state=p.state.clone()
                            data-replaced=p.replaced.to_string() data-total=p.total.to_string()>
                            <span class=if p.is_running() { "badge in-use" } else { "badge ok" }>{p.state.replace('_', " ")}</span>
                            <progress max=p.total.to_string() value=p.replaced.to_string()></progress>
                            <span>{p.summary()}</span>
                            <span class="hint">{p.message.clone()}</span>
                        </div>
                    })}
                <table class="list compact">
                    <thead><tr><th>"Slot"</th><th>"Node"</th><th>"Desired · current"</th><th>"Image"</th><th>"Why"</th></tr></thead>
                    <tbody><For each=move || tasks.get() key=|t| format!("{t:?}") let:task>
                        <tr data-task-state=task.state.clone() data-node-id=task.node_id.clone()
                            class:task-history=task.desired_state != "running"
                            data-slot=task.slot.map(|s| s.to_string()).unwrap_or_default()>
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
