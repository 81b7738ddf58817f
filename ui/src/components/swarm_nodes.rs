//! The swarm's nodes (`docker node ls`): hostname, role, availability, state, manager reachability, engine version,
//! address and labels (edited in place), with Drain / Pause / Activate and Promote / Demote — those that move work
//! asked first.

use crate::components::node_labels::NodeLabels;
use leptos::prelude::*;
use porthole_model::swarm::{NodeSummary, SwarmAction};
use porthole_model::Action;

#[component]
pub fn SwarmNodes(nodes: Vec<NodeSummary>, ask: Callback<Action>) -> impl IntoView {
    let button = move |node: &NodeSummary, action: SwarmAction, id: &'static str| {
        let title = action.cli(false);
        let label = action.label();
        let action = Action::Swarm { action };
        let current = match &action {
            Action::Swarm {
                action: SwarmAction::NodeAvailability { availability, .. },
            } => node.availability == *availability,
            Action::Swarm {
                action: SwarmAction::NodeRole { role, .. },
            } => node.role == *role,
            _ => false,
        };
        (!current).then(|| view! { <button class="action small" data-action=id title=title on:click=move |_| ask.run(action.clone())>{label}</button> })
    };
    // Where hostnames repeat (cloned machines, two engines on one host), a node is shown with the start of its id,
    // and its commands name it by id: `docker node update … HOSTNAME` would be ambiguous.
    let names = porthole_model::swarm::node_names(&nodes);
    view! {
        <div class="table-scroll swarm-table">
            <table class="list" id="swarm-nodes">
                <thead><tr><th>"Node"</th><th>"Role"</th><th>"Availability · state"</th><th>"Engine · address"</th><th>"Labels"</th><th></th></tr></thead>
                <tbody>{nodes.iter().cloned().map(|mut node| {
                    let shown = names.get(&node.id).cloned().unwrap_or_else(|| node.hostname.clone());
                    let hostname = node.hostname.clone();
                    if shown != hostname {
                        // The name the node's commands use.
                        node.hostname = node.id.clone();
                    }
                    let availability = |a: &str| SwarmAction::NodeAvailability { node: node.id.clone(), hostname: node.hostname.clone(), availability: a.into(), version: node.version };
                    let role = |r: &str| SwarmAction::NodeRole { node: node.id.clone(), hostname: node.hostname.clone(), role: r.into(), version: node.version };
                    view! {
                        <tr data-node=hostname data-node-id=node.id.clone() data-availability=node.availability.clone()>
                            <td class="name"><div class="cell-main">{shown}</div>
                                <div class="hint">{if node.this_node { "this engine" } else { "" }}</div></td>
                            <td>{node.role.clone()}{node.leader.then_some(" · leader")}
                                <div class="hint">{node.reachability.clone()}</div></td>
                            <td>{format!("{} · {}", node.availability, node.status)}</td>
                            <td class="mono">{node.engine_version.clone()}<div class="hint">{node.address.clone()}</div></td>
                            <td><NodeLabels node=node.clone() ask=ask /></td>
                            <td class="row-buttons">
                                {button(&node, availability("active"), "node-activate")}
                                {button(&node, availability("drain"), "node-drain")}
                                {button(&node, role(if node.role == "manager" { "worker" } else { "manager" }), "node-role")}
                            </td>
                        </tr>
                    }
                }).collect_view()}</tbody>
            </table>
        </div>
    }
}
