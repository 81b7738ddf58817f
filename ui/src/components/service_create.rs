//! Creating a service (`docker service create`), in the style of the run dialog: name, image, replicas or global,
//! published ports (routing mesh or host mode), environment, placement constraints and a command, and folded away
//! mounts, restart and update policies and resources (`service_policies`) — each checked as typed, the command shown
//! live with environment values left out.

use crate::components::service_policies::ServicePolicies;
use crate::store::use_store;
use leptos::prelude::*;
use porthole_model::swarm::{ServiceForm, SwarmAction};
use porthole_model::Action;

#[component]
pub fn ServiceCreateForm() -> impl IntoView {
    let store = use_store();
    let form = RwSignal::new(ServiceForm::default());
    let open = RwSignal::new(false);
    let checked = Memo::new(move |_| form.with(|f| f.request()));
    let touched = move || form.with(|f| f != &ServiceForm::default());
    let text = move |id: &'static str,
                     label: &'static str,
                     placeholder: &'static str,
                     get: fn(&ServiceForm) -> String,
                     set: fn(&mut ServiceForm, String)| {
        view! {
            <label>{label}<input id=id type="text" placeholder=placeholder spellcheck="false" prop:value=move || form.with(get)
                on:input=move |ev| { let v = event_target_value(&ev); form.update(|f| set(f, v)) } /></label>
        }
    };
    let lines = move |id: &'static str,
                      label: &'static str,
                      placeholder: &'static str,
                      get: fn(&ServiceForm) -> String,
                      set: fn(&mut ServiceForm, String)| {
        view! {
            <label>{label}<textarea id=id rows="2" placeholder=placeholder spellcheck="false" prop:value=move || form.with(get)
                on:input=move |ev| { let v = event_target_value(&ev); form.update(|f| set(f, v)) }></textarea></label>
        }
    };
    let create = move |_| {
        if let Ok(request) = checked.get_untracked() {
            store.perform(Action::Swarm {
                action: SwarmAction::CreateService { request },
            });
            form.set(ServiceForm::default());
            open.set(false);
        }
    };
    view! {
        <div class="toolbar">
            <button class="action" id="service-new" on:click=move |_| open.update(|o| *o = !*o)>
                {move || if open.get() { "Close the form" } else { "New service…" }}</button>
        </div>
        {move || open.get().then(|| view! {
            <div class="card service-create" id="service-create">
                <div class="form-grid">
                    {text("service-name", "Name", "web", |f| f.name.clone(), |f, v| f.name = v)}
                    {text("service-image", "Image", "nginx:1.27", |f| f.image.clone(), |f, v| f.image = v)}
                    {text("service-replicas", "Replicas", "1", |f| f.replicas.clone(), |f, v| f.replicas = v)}
                    {text("service-command", "Command (optional)", "sleep 600", |f| f.command.clone(), |f, v| f.command = v)}
                    {lines("service-ports", "Ports, PUBLISHED:TARGET per line", "8080:80", |f| f.ports.clone(), |f, v| f.ports = v)}
                    {lines("service-env", "Environment, KEY=VALUE per line", "MODE=production", |f| f.env.clone(), |f, v| f.env = v)}
                    {lines("service-constraints", "Placement constraints, one per line", "node.role==worker", |f| f.constraints.clone(), |f, v| f.constraints = v)}
                </div>
                <label class="check"><input type="checkbox" id="service-global" on:change=move |ev| { let on = event_target_checked(&ev); form.update(|f| f.global = on) } />
                    "Global: one task on every node (no replica count)"</label>
                <label class="check"><input type="checkbox" id="service-host-mode" on:change=move |ev| { let on = event_target_checked(&ev); form.update(|f| f.host_mode = on) } />
                    "Publish on each node's own port (host mode) instead of the routing mesh"</label>
                <ServicePolicies form=form />
                {move || match checked.get() {
                    Err(problem) if touched() => view! { <p class="invalid" id="service-invalid" data-invalid=problem.field.clone()>{problem.message}</p> }.into_any(),
                    _ => ().into_any(),
                }}
                <div class="dialog-cli"><span class="cli-prompt">"$"</span><code id="service-cli">{move || match checked.get() {
                    Ok(request) => request.cli(true),
                    Err(_) => "docker service create …".into(),
                }}</code></div>
                <div class="dialog-buttons"><button class="primary" id="service-create-go" disabled=move || checked.with(Result::is_err) on:click=create>"Create"</button></div>
            </div>
        })}
    }
}
