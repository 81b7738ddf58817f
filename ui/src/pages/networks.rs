//! The Networks page (`docker network ls`): every network with its driver, scope, subnet and the containers
//! attached (live from events); the built-in ones explained; create (checked as typed); a network's panel with its
//! containers (disconnect), connect a container with aliases or a fixed address, inspect; remove (the engine's
//! refusal while containers are attached names them and offers to disconnect them); remove the unused ones (listed
//! before asking); and the topology picture of who is on which network.

use crate::api;
use crate::components::cli_hint::CliHint;
use crate::components::confirm_dialog::ConfirmDialog;
use crate::components::help_button::HelpButton;
use crate::components::json_tree::JsonTree;
use crate::components::network_connect::NetworkConnect;
use crate::components::network_create::NetworkCreate;
use crate::components::relative_time::RelativeTime;
use crate::components::topology::Topology;
use crate::store::use_store;
use leptos::prelude::*;
use leptos::task::spawn_local;
use porthole_model::network::{prunable, NetworkSummary};
use porthole_model::{Action, NetworkAction, Page};

#[component]
pub fn NetworksPage() -> impl IntoView {
    let store = use_store();
    let pending = RwSignal::new(None::<Action>);
    let selected = RwSignal::new(None::<String>);
    let topology = RwSignal::new(false);
    let ask = move |action: Action| store.ask(pending, action);
    let unused = Memo::new(move |_| {
        store.cache.networks.with(|all| {
            prunable(all)
                .into_iter()
                .map(|n| n.name.clone())
                .collect::<Vec<_>>()
        })
    });
    let open = Callback::new(move |name: String| {
        topology.set(false);
        selected.set(Some(name));
    });
    view! {
        <section class="page" data-page="networks">
            <header class="page-header">
                <div>
                    <h1>"Networks" <HelpButton page=Page::Networks /></h1>
                    <p class="page-sub">{move || store.cache.networks.with(|n| format!(
                        "{} networks · {} of your own", n.len(), n.iter().filter(|n| !n.is_built_in()).count()))}</p>
                </div>
                <CliHint command=Signal::derive(|| Action::ListNetworks.cli()) />
            </header>
            <NetworkCreate />
            <div class="toolbar">
                <div class="segmented" role="group" aria-label="View">
                    <button class="ghost" id="view-list" class:active=move || !topology.get() on:click=move |_| topology.set(false)>"List"</button>
                    <button class="ghost" id="view-topology" class:active=move || topology.get() on:click=move |_| topology.set(true)>"Topology"</button>
                </div>
                <span class="toolbar-spacer"></span>
                <button class="action" id="network-prune" disabled=move || unused.with(Vec::is_empty)
                    title=move || Action::RemoveNetworks { names: unused.get() }.cli()
                    on:click=move |_| ask(Action::RemoveNetworks { names: unused.get_untracked() })>
                    {move || format!("Remove unused ({})", unused.with(Vec::len))}</button>
                <ConfirmDialog pending=pending />
            </div>
            {move || if topology.get() {
                view! {
                    <p class="hint">"Each line joins a container to a network (with its address there) or to a port of the host it publishes. Containers on the same network of your own reach each other by name."</p>
                    <Topology on_network=open />
                }.into_any()
            } else {
                view! {
                    <div class="table-scroll">
                        <table class="list" id="networks-table">
                            <thead><tr><th>"Name"</th><th>"Driver"</th><th>"Subnet · gateway"</th><th>"Containers"</th><th>"Created"</th><th></th></tr></thead>
                            <tbody>
                                <For each=move || store.cache.networks.get() key=|n| (n.id.clone(), n.containers.clone()) let:network>
                                    <NetworkRow network=network selected=selected
                                        on_remove=Callback::new(move |name| ask(Action::Network { network: name, action: NetworkAction::Remove })) />
                                </For>
                            </tbody>
                        </table>
                    </div>
                }.into_any()
            }}
            {move || selected.get().map(|name| view! { <NetworkPanel name=name selected=selected ask=Callback::new(ask) /> })}
        </section>
    }
}

#[component]
fn NetworkRow(
    network: NetworkSummary,
    selected: RwSignal<Option<String>>,
    on_remove: Callback<String>,
) -> impl IntoView {
    let name = network.name.clone();
    let remove_name = network.name.clone();
    let open_name = network.name.clone();
    let is_selected = {
        let name = name.clone();
        move || selected.with(|s| s.as_deref() == Some(name.as_str()))
    };
    let (subnet, gateway) = (network.subnet().to_owned(), network.gateway().to_owned());
    let containers = if network.containers.is_empty() {
        view! { <span class="badge muted">"none"</span> }.into_any()
    } else {
        network
            .containers
            .iter()
            .map(|e| view! { <span class="badge in-use" title=format!("{} on this network", if e.ipv4.is_empty() { "no address (stopped)" } else { &e.ipv4 })>{e.container.clone()}</span> })
            .collect_view()
            .into_any()
    };
    let flags = [
        (network.is_built_in(), "built-in"),
        (network.internal, "internal"),
        (network.attachable, "attachable"),
    ];
    view! {
        <tr data-network=name.clone() data-containers=network.containers.len().to_string() class:selected=is_selected
            on:click=move |_| selected.set(Some(open_name.clone()))>
            <td class="name"><div class="cell-main" title=name.clone()>{name.clone()}</div>
                <div class="hint">{flags.iter().filter(|(on, _)| *on).map(|(_, f)| *f).collect::<Vec<_>>().join(" · ")}</div></td>
            <td title=format!("driver {}, scope {}", network.driver, network.scope)>{network.driver.clone()}
                {(network.scope != "local").then(|| view! { <div class="hint">{network.scope.clone()}</div> })}</td>
            <td class="mono"><div>{subnet}</div>{(!gateway.is_empty()).then(|| view! { <div class="hint">{format!("gateway {gateway}")}</div> })}</td>
            <td class="wrap">{containers}</td>
            <td>{network.created_unix().map(|unix| view! { <RelativeTime unix=unix /> })}</td>
            <td class="row-buttons">
                <button class="action small" data-action="remove-network" disabled=network.is_built_in()
                    title=if network.is_built_in() { "The engine's own networks cannot be removed".to_owned() } else { format!("docker network rm {remove_name}") }
                    on:click=move |ev| { ev.stop_propagation(); on_remove.run(remove_name.clone()) }>"Remove"</button>
            </td>
        </tr>
    }
}

/// One network's panel: what it is for, its containers with their addresses (disconnect), connect one, inspect.
#[component]
fn NetworkPanel(
    name: String,
    selected: RwSignal<Option<String>>,
    ask: Callback<Action>,
) -> impl IntoView {
    let store = use_store();
    let inspected = RwSignal::new(None::<String>);
    let network = {
        let name = name.clone();
        Memo::new(move |_| {
            store
                .cache
                .networks
                .with(|all| all.iter().find(|n| n.name == name).cloned())
        })
    };
    let inspect_name = name.clone();
    let inspect = move |_| {
        if inspected.with_untracked(Option::is_some) {
            inspected.set(None);
            return;
        }
        let name = inspect_name.clone();
        spawn_local(async move {
            match api::inspect_network(&name).await {
                Ok(json) => {
                    inspected.try_set(Some(json));
                }
                Err(error) => {
                    store.error.try_set(Some(error.into()));
                }
            }
        });
    };
    let connect_name = name.clone();
    view! {
        <div class="card network-panel" id="network-panel" data-network=name.clone()>
            <div class="panel-head">
                <h2>{name.clone()}</h2>
                <button class="ghost small" id="network-inspect" on:click=inspect>{move || if inspected.with(Option::is_some) { "Hide inspect" } else { "Inspect" }}</button>
                <button class="ghost small" id="network-panel-close" aria-label="Close" on:click=move |_| selected.set(None)>"Close"</button>
            </div>
            {move || network.get().map(|n| view! {
                <p class="hint" id="network-explained">{n.explanation().unwrap_or(if n.internal {
                    "An internal network of your own: its containers reach each other by name, and nothing outside."
                } else {
                    "A network of your own: its containers reach each other by name (and by alias), and the outside through the host."
                })}</p>
                {(!n.containers.is_empty()).then(|| view! {
                    <table class="list compact" id="network-containers">
                        <thead><tr><th>"Container"</th><th>"IPv4"</th><th>"MAC"</th><th></th></tr></thead>
                        <tbody>{n.containers.iter().map(|e| {
                            let container = e.container.clone();
                            let network = n.name.clone();
                            view! { <tr data-endpoint=e.container.clone()>
                                <td>{e.container.clone()}</td><td class="mono">{if e.ipv4.is_empty() { "— (stopped)".to_owned() } else { e.ipv4.clone() }}</td>
                                <td class="mono">{e.mac.clone()}</td>
                                <td class="row-buttons"><button class="action small" data-action="disconnect"
                                    title=NetworkAction::Disconnect { container: container.clone(), force: false }.cli(&network)
                                    on:click=move |_| ask.run(Action::Network { network: network.clone(), action: NetworkAction::Disconnect { container: container.clone(), force: false } })>
                                    "Disconnect"</button></td>
                            </tr> }
                        }).collect_view()}</tbody>
                    </table>
                })}
                {(n.name != "host" && n.name != "none").then(|| view! { <NetworkConnect network=connect_name.clone() /> })}
            })}
            {move || network.with(Option::is_none).then(|| view! { <p class="hint">"This network is gone."</p> })}
            {move || inspected.get().map(|json| view! { <div id="network-inspect-json"><JsonTree json=json /></div> })}
        </div>
    }
}
