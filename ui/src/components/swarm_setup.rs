//! This engine's place in a swarm. Outside one: **Initialise a swarm** with the address other engines will reach it at,
//! or join one (`swarm_join`). In one: how another engine joins (the `docker swarm join` command, its token masked
//! until asked, copied whole), and **Leave**, with what that means said before asking.

use crate::components::swarm_join::SwarmJoinForm;
use crate::store::use_store;
use leptos::prelude::*;
use porthole_model::swarm::join::listen_address;
use porthole_model::swarm::{SwarmAction, SwarmInfo};
use porthole_model::Action;

#[component]
pub fn SwarmSetup(info: SwarmInfo, ask: Callback<Action>) -> impl IntoView {
    let store = use_store();
    if !info.is_active() {
        let address = RwSignal::new(info.addresses.first().cloned().unwrap_or_default());
        let local = StoredValue::new(info.addresses.clone());
        let init = move || {
            let advertise = address.get().trim().to_owned();
            SwarmAction::Init {
                listen: local.with_value(|l| listen_address(&advertise, l)),
                advertise,
            }
        };
        return view! {
            <div class="card swarm-setup" id="swarm-setup" data-state=info.state.clone()>
                <h2>"This engine is not in a swarm"</h2>
                <p>"Initialising makes it the manager of a one-node swarm; other engines can then join it, and services run across all of them."</p>
                <div class="toolbar">
                    <label>"Address other engines reach it at "
                        <input id="swarm-address" type="text" list="swarm-addresses" spellcheck="false"
                            prop:value=move || address.get() on:input=move |ev| address.set(event_target_value(&ev)) /></label>
                    <datalist id="swarm-addresses">{info.addresses.iter().map(|a| view! { <option value=a.clone()></option> }).collect_view()}</datalist>
                    <button class="primary" id="swarm-init" disabled=move || address.with(|a| a.trim().is_empty())
                        on:click=move |_| store.perform(Action::Swarm { action: init() })>"Initialise a swarm"</button>
                </div>
                <div class="dialog-cli"><span class="cli-prompt">"$"</span><code id="swarm-init-cli">{move || init().cli(false)}</code></div>
                <p class="hint">"127.0.0.1 keeps the swarm to this machine; choose an address of your network for other machines to join."</p>
                <SwarmJoinForm address=address local=info.addresses.clone() />
            </div>
        }
        .into_any();
    }
    let reveal = RwSignal::new(false);
    let as_manager = RwSignal::new(false);
    let join = info.join.clone();
    let copy_join = info.join.clone();
    let copy = move |_| {
        if let Some(join) = &copy_join {
            let _ = window()
                .navigator()
                .clipboard()
                .write_text(&join.command(as_manager.get_untracked(), true));
        }
    };
    view! {
        <div class="card swarm-setup" id="swarm-setup" data-state=info.state.clone()>
            <h2>{format!("In a swarm · {} node{} · {} manager{}", info.nodes, if info.nodes == 1 { "" } else { "s" }, info.managers, if info.managers == 1 { "" } else { "s" })}</h2>
            {join.map(|join| view! {
                <p>"Another engine joins by running, on its machine:"</p>
                <div class="toolbar">
                    <label class="check"><input type="checkbox" id="swarm-join-manager" on:change=move |ev| as_manager.set(event_target_checked(&ev)) />"as a manager"</label>
                    <label class="check"><input type="checkbox" id="swarm-reveal" on:change=move |ev| reveal.set(event_target_checked(&ev)) />"show the token"</label>
                    <button class="ghost small" id="swarm-join-copy" on:click=copy>"Copy"</button>
                </div>
                <div class="dialog-cli"><span class="cli-prompt">"$"</span><code id="swarm-join">{move || join.command(as_manager.get(), reveal.get())}</code></div>
                <p class="hint">"The token lets a machine into the swarm: share it like a password."</p>
            })}
            <button class="action danger" id="swarm-leave" on:click=move |_| ask.run(Action::Swarm { action: SwarmAction::Leave { force: info.manager } })>"Leave the swarm…"</button>
        </div>
    }
    .into_any()
}
