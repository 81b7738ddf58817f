//! A container's networks on its Overview: each with its address, aliases and gateway, a Disconnect (confirmed),
//! and a form to connect it to another network — the container's side of `docker network connect|disconnect`.

use crate::components::confirm_dialog::ConfirmDialog;
use crate::components::network_connect::NetworkConnect;
use crate::store::use_store;
use leptos::prelude::*;
use porthole_model::{Action, NetworkAction, NetworkAttachment, Page};

#[component]
pub fn ContainerNetworks(container: String, networks: Vec<NetworkAttachment>) -> impl IntoView {
    let store = use_store();
    let pending = RwSignal::new(None::<Action>);
    let ask = move |action: Action| store.ask(pending, action);
    let rows = networks
        .into_iter()
        .map(|n| {
            let action = Action::Network {
                network: n.network.clone(),
                action: NetworkAction::Disconnect {
                    container: container.clone(),
                    force: false,
                },
            };
            let cli = action.cli();
            view! {
                <tr data-network=n.network.clone()>
                    <td><a href="#" on:click=move |ev| { ev.prevent_default(); store.go(Page::Networks) }>{n.network.clone()}</a></td>
                    <td class="mono">{if n.ip.is_empty() { "— (stopped)".to_owned() } else { n.ip.clone() }}</td>
                    <td class="mono">{n.aliases.join(", ")}</td>
                    <td class="mono">{n.gateway.clone()}</td>
                    <td class="mono">{n.mac.clone()}</td>
                    <td class="row-buttons"><button class="action small" data-action="disconnect" title=cli
                        on:click=move |_| ask(action.clone())>"Disconnect"</button></td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <h3>"Networks"</h3>
        <table class="list compact" id="overview-networks">
            <thead><tr><th>"Network"</th><th>"IP address"</th><th>"Aliases"</th><th>"Gateway"</th><th>"MAC"</th><th></th></tr></thead>
            <tbody>{rows}</tbody>
        </table>
        <NetworkConnect container=container />
        <ConfirmDialog pending=pending />
    }
}
