//! Creating a network (`docker network create`): name, driver, subnet, gateway and IP range checked as typed and
//! against each other (gateway inside the subnet, range inside the subnet), internal, attachable, labels — each
//! problem shown beside its field, the command shown live, and nothing sent while a field is wrong.

use crate::store::use_store;
use leptos::prelude::*;
use porthole_model::network::NetworkCreateForm;
use porthole_model::Action;

#[component]
pub fn NetworkCreate() -> impl IntoView {
    let store = use_store();
    let form = RwSignal::new(NetworkCreateForm::default());
    let open = RwSignal::new(false);
    let swarm_manager = move || {
        store
            .cache
            .info
            .with(|i| i.as_ref().is_some_and(|i| i.swarm_manager))
    };
    let checked = Memo::new(move |_| {
        let mut typed = form.get();
        typed.swarm_manager = swarm_manager();
        typed.request()
    });
    // A field's problem shows once something was typed into the form, so an empty form does not shout.
    let problem = move |field: &'static str| {
        move || {
            let touched = form.with(|f| f != &NetworkCreateForm::default());
            checked.with(|c| match c {
                Err(problems) if touched => problems
                    .iter()
                    .find(|p| p.field == field)
                    .map(|p| view! { <span class="invalid" data-invalid=field>{p.message.clone()}</span> }),
                _ => None,
            })
        }
    };
    let text = move |id: &'static str,
                     set: fn(&mut NetworkCreateForm, String),
                     get: fn(&NetworkCreateForm) -> String,
                     placeholder: &'static str| {
        view! {
            <input id=id type="text" placeholder=placeholder spellcheck="false"
                prop:value=move || form.with(get)
                on:input=move |ev| { let value = event_target_value(&ev); form.update(|f| set(f, value)) } />
        }
    };
    let create = move |_| {
        if let Ok(request) = checked.get_untracked() {
            store.perform(Action::CreateNetwork { request });
            form.set(NetworkCreateForm::default());
            open.set(false);
        }
    };
    view! {
        <div class="toolbar">
            <button class="action" id="network-new" on:click=move |_| open.update(|o| *o = !*o)>
                {move || if open.get() { "Close the form" } else { "New network…" }}</button>
        </div>
        {move || open.get().then(|| view! {
            <div class="card network-create" id="network-create">
                <div class="form-grid">
                    <label>"Name" {text("network-name", |f, v| f.name = v, |f| f.name.clone(), "shop-net")} {problem("name")}</label>
                    <label>"Driver"
                        <select id="network-driver" on:change=move |ev| { let value = event_target_value(&ev); form.update(|f| f.driver = value) }>
                            <option value="bridge">"bridge — containers on this engine"</option>
                            <option value="overlay" disabled=move || !swarm_manager()>"overlay — across a Swarm cluster"</option>
                        </select> {problem("driver")}</label>
                    <label>"Subnet (optional, CIDR)" {text("network-subnet", |f, v| f.subnet = v, |f| f.subnet.clone(), "e.g. 172.28.0.0/16")} {problem("subnet")}</label>
                    <label>"Gateway (optional)" {text("network-gateway", |f, v| f.gateway = v, |f| f.gateway.clone(), "e.g. 172.28.0.1")} {problem("gateway")}</label>
                    <label>"IP range (optional, inside the subnet)" {text("network-ip-range", |f, v| f.ip_range = v, |f| f.ip_range.clone(), "e.g. 172.28.5.0/24")} {problem("ip_range")}</label>
                    <label>"Labels, key=value per line"<textarea id="network-labels" rows="2" spellcheck="false"
                        prop:value=move || form.with(|f| f.labels.clone())
                        on:input=move |ev| { let value = event_target_value(&ev); form.update(|f| f.labels = value) }></textarea> {problem("labels")}</label>
                </div>
                <label class="check"><input type="checkbox" id="network-internal" prop:checked=move || form.with(|f| f.internal)
                    on:change=move |ev| { let on = event_target_checked(&ev); form.update(|f| f.internal = on) } />
                    "Internal: no way out — its containers reach each other only"</label>
                <label class="check"><input type="checkbox" id="network-attachable" prop:checked=move || form.with(|f| f.attachable)
                    on:change=move |ev| { let on = event_target_checked(&ev); form.update(|f| f.attachable = on) } />
                    "Attachable: plain containers may join (overlay networks)"</label>
                <div class="dialog-cli"><span class="cli-prompt">"$"</span><code id="network-cli">{move || match checked.get() {
                    Ok(request) => Action::CreateNetwork { request }.cli(),
                    Err(_) => "docker network create …".to_owned(),
                }}</code></div>
                <div class="dialog-buttons">
                    <button class="primary" id="network-create-go" disabled=move || checked.with(Result::is_err) on:click=create>"Create"</button>
                </div>
            </div>
        })}
    }
}
