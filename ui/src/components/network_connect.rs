//! Connecting a container to a network (`docker network connect`), from either side: on a network's panel the
//! container is chosen, on a container's Overview the network is. Aliases and a fixed address are checked as typed
//! (the address against the network's subnets) and the command is shown live.

use crate::store::use_store;
use leptos::prelude::*;
use porthole_model::network::NetworkConnectForm;
use porthole_model::{Action, NetworkAction};

#[component]
pub fn NetworkConnect(
    /// The network, when the form sits on its panel; `None`: the user chooses one.
    #[prop(optional)]
    network: Option<String>,
    /// The container, when the form sits on its page; `None`: the user chooses one.
    #[prop(optional)]
    container: Option<String>,
) -> impl IntoView {
    let store = use_store();
    let fixed_network = network.is_some();
    let fixed_container = container.is_some();
    let network = RwSignal::new(network.unwrap_or_default());
    let container = RwSignal::new(container.unwrap_or_default());
    let aliases = RwSignal::new(String::new());
    let ip = RwSignal::new(String::new());
    let form = Memo::new(move |_| NetworkConnectForm {
        network: network.get(),
        container: container.get(),
        aliases: aliases.get(),
        ip: ip.get(),
        subnets: store.cache.networks.with(|all| {
            all.iter()
                .find(|n| n.name == network.get())
                .map(|n| n.subnets.iter().map(|s| s.subnet.clone()).collect())
                .unwrap_or_default()
        }),
    });
    let checked = Memo::new(move |_| form.with(|f| f.request()));
    // The networks a container can join (not host/none, not one it is on) and the containers a network can take.
    let network_choices = move || {
        store.cache.networks.with(|all| {
            all.iter()
                .filter(|n| n.name != "host" && n.name != "none" && !n.attached(&container.get()))
                .map(|n| n.name.clone())
                .collect::<Vec<_>>()
        })
    };
    let container_choices = move || {
        let attached: Vec<String> = store.cache.networks.with(|all| {
            all.iter()
                .find(|n| n.name == network.get())
                .map(|n| n.containers.iter().map(|e| e.container.clone()).collect())
                .unwrap_or_default()
        });
        store.cache.containers.with(|all| {
            let mut names: Vec<String> = all
                .iter()
                .filter(|c| !attached.contains(&c.name))
                .map(|c| c.name.clone())
                .collect();
            names.sort();
            names
        })
    };
    let connect = move |_| {
        if let Ok(request) = checked.get_untracked() {
            store.perform(Action::Network {
                network: request.network.clone(),
                action: NetworkAction::Connect { request },
            });
            aliases.set(String::new());
            ip.set(String::new());
            if !fixed_container {
                container.set(String::new());
            }
            if !fixed_network {
                network.set(String::new());
            }
        }
    };
    let touched = move || !aliases.with(String::is_empty) || !ip.with(String::is_empty);
    view! {
        <div class="network-connect" data-connect-form="">
            {(!fixed_network).then(|| view! {
                <select id="connect-network" aria-label="Network to join" prop:value=move || network.get()
                    on:change=move |ev| network.set(event_target_value(&ev))>
                    <option value="">"Connect to network…"</option>
                    {move || network_choices().into_iter().map(|n| view! { <option value=n.clone()>{n.clone()}</option> }).collect_view()}
                </select>
            })}
            {(!fixed_container).then(|| view! {
                <select id="connect-container" aria-label="Container to connect" prop:value=move || container.get()
                    on:change=move |ev| container.set(event_target_value(&ev))>
                    <option value="">"Connect a container…"</option>
                    {move || container_choices().into_iter().map(|c| view! { <option value=c.clone()>{c.clone()}</option> }).collect_view()}
                </select>
            })}
            <input id="connect-aliases" type="text" placeholder="aliases: api, db" spellcheck="false"
                aria-label="Aliases" prop:value=move || aliases.get() on:input=move |ev| aliases.set(event_target_value(&ev)) />
            <input id="connect-ip" type="text" placeholder="fixed IP (optional)" spellcheck="false" aria-label="Fixed IP address"
                prop:value=move || ip.get() on:input=move |ev| ip.set(event_target_value(&ev)) />
            <button class="action" id="connect-go" disabled=move || checked.with(Result::is_err) on:click=connect>"Connect"</button>
            {move || match checked.get() {
                Ok(request) => view! { <code class="cli-inline" id="connect-cli">{request.cli()}</code> }.into_any(),
                Err(problem) if touched() || (!network.with(String::is_empty) && !container.with(String::is_empty)) =>
                    view! { <span class="invalid" id="connect-invalid" data-invalid=problem.field.clone()>{problem.message}</span> }.into_any(),
                Err(_) => ().into_any(),
            }}
        </div>
    }
}
