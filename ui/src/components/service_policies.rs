//! The service form's further settings, folded away until asked for: mounts (a volume or a host folder per line),
//! how failed tasks restart, how an image update rolls, and the CPU and memory each task may use or is promised —
//! each with a sentence on what it does, the engine's default shown as the placeholder.

use leptos::prelude::*;
use porthole_model::swarm::service_policy::{FailureAction, RestartCondition, UpdateOrder};
use porthole_model::swarm::ServiceForm;

type ReadField = fn(&ServiceForm) -> String;
type WriteField = fn(&mut ServiceForm, String);

#[component]
pub fn ServicePolicies(form: RwSignal<ServiceForm>) -> impl IntoView {
    let open = RwSignal::new(false);
    let text = move |id: &'static str,
                     label: &'static str,
                     placeholder: &'static str,
                     get: ReadField,
                     set: WriteField| {
        view! {
            <label>{label}<input id=id type="text" placeholder=placeholder spellcheck="false" prop:value=move || form.with(get)
                on:input=move |ev| { let v = event_target_value(&ev); form.update(|f| set(f, v)) } /></label>
        }
    };
    // The first word is the engine's default, shown while the field is untouched (empty).
    let choice = move |id: &'static str,
                       label: &'static str,
                       words: Vec<&'static str>,
                       get: ReadField,
                       set: WriteField| {
        let default = words[0];
        let shown = move || {
            Some(form.with(get))
                .filter(|v| !v.is_empty())
                .unwrap_or_else(|| default.to_owned())
        };
        view! {
            <label>{label}<select id=id prop:value=shown
                on:change=move |ev| { let v = event_target_value(&ev); form.update(|f| set(f, v)) }>
                {words.into_iter().map(|w| view! { <option value=w>{w}</option> }).collect_view()}
            </select></label>
        }
    };
    view! {
        <button class="ghost small" id="service-more" on:click=move |_| open.update(|o| *o = !*o)>
            {move || if open.get() { "Fewer settings" } else { "Mounts, restart, update, resources…" }}</button>
        <div class="service-policies" hidden=move || !open.get()>
            <div class="form-grid">
                <label class="wide">"Mounts, one per line: VOLUME:/path or /host/folder:/path, :ro for read-only"
                    <textarea id="service-mounts" rows="2" placeholder="data:/var/lib/data" spellcheck="false"
                        prop:value=move || form.with(|f| f.mounts.clone())
                        on:input=move |ev| { let v = event_target_value(&ev); form.update(|f| f.mounts = v) }></textarea></label>
                <p class="hint wide">"A volume is created on each node a task lands on: tasks on different nodes do not share it."</p>
                {choice("service-restart", "Restart a task", RestartCondition::ALL.iter().map(|c| c.as_str()).collect(),
                    |f| f.restart_condition.clone(), |f, v| f.restart_condition = v)}
                {text("service-restart-attempts", "At most, times", "no limit", |f| f.restart_attempts.clone(), |f, v| f.restart_attempts = v)}
                {text("service-update-parallelism", "Tasks updated at a time", "1", |f| f.update_parallelism.clone(), |f, v| f.update_parallelism = v)}
                {text("service-update-delay", "Wait between them", "0s", |f| f.update_delay.clone(), |f, v| f.update_delay = v)}
                {choice("service-update-failure", "If an update fails", FailureAction::ALL.iter().map(|a| a.as_str()).collect(),
                    |f| f.update_failure_action.clone(), |f, v| f.update_failure_action = v)}
                {choice("service-update-order", "Order", UpdateOrder::ALL.iter().map(|o| o.as_str()).collect(),
                    |f| f.update_order.clone(), |f, v| f.update_order = v)}
                {text("service-limit-cpus", "CPUs at most", "no limit", |f| f.limit_cpus.clone(), |f, v| f.limit_cpus = v)}
                {text("service-limit-memory", "Memory at most", "no limit", |f| f.limit_memory.clone(), |f, v| f.limit_memory = v)}
                {text("service-reserve-cpus", "CPUs promised", "none", |f| f.reserve_cpus.clone(), |f, v| f.reserve_cpus = v)}
                {text("service-reserve-memory", "Memory promised", "none", |f| f.reserve_memory.clone(), |f, v| f.reserve_memory = v)}
            </div>
            <p class="hint">"start-first starts the new task before stopping the old one (no gap, briefly both); \
                a task is only placed on a node with the promised CPUs and memory free."</p>
        </div>
    }
}
