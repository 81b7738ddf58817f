//! The port map: every published port on this engine — host address and port → container and port — and, for the
//! stopped containers, the host ports they ask for that a running container holds (starting them would fail).

use crate::api;
use crate::store::use_store;
use leptos::prelude::*;
use leptos::task::spawn_local;
use porthole_model::container::port_clashes;
use porthole_model::PortMapping;

#[component]
pub fn PortMap(open: RwSignal<bool>) -> impl IntoView {
    let store = use_store();
    // What the stopped containers ask for is only in their configuration: read it when the map opens.
    let wanted = RwSignal::new(Vec::<(String, Vec<PortMapping>)>::new());
    Effect::new(move |_| {
        if !open.get() {
            return;
        }
        let stopped: Vec<String> = store.cache.containers.with_untracked(|all| {
            all.iter()
                .filter(|c| !c.state.is_running())
                .map(|c| c.id.clone())
                .collect()
        });
        spawn_local(async move {
            let mut found = Vec::new();
            for id in stopped {
                if let Ok(details) = api::container_details(&id).await {
                    found.push((details.name, details.port_bindings));
                }
            }
            wanted.try_set(found);
        });
    });
    let rows = move || {
        store.cache.containers.with(|all| {
            let mut rows: Vec<(String, u16, String, String, String, bool)> = all
                .iter()
                .flat_map(|c| {
                    c.ports.iter().filter_map(move |p| {
                        p.host_port.map(|host| {
                            let ip = p.host_ip.clone().unwrap_or_else(|| "0.0.0.0".into());
                            (
                                ip,
                                host,
                                format!("{}/{}", p.container_port, p.protocol),
                                c.name.clone(),
                                c.state.as_str().to_owned(),
                                c.state.is_running(),
                            )
                        })
                    })
                })
                .collect();
            // The stopped containers' ports, as they would be published when started.
            wanted.with(|w| {
                for (name, ports) in w {
                    for p in ports {
                        if let Some(host) = p.host_port {
                            let ip = p.host_ip.clone().unwrap_or_else(|| "0.0.0.0".into());
                            rows.push((
                                ip,
                                host,
                                format!("{}/{}", p.container_port, p.protocol),
                                name.clone(),
                                "stopped".into(),
                                false,
                            ));
                        }
                    }
                }
            });
            rows.sort_by(|a, b| (a.1, &a.0, !a.5).cmp(&(b.1, &b.0, !b.5)));
            rows
        })
    };
    let clashes = move || {
        store
            .cache
            .containers
            .with(|all| wanted.with(|w| port_clashes(all, w)))
    };
    move || {
        open.get().then(|| view! {
        <div class="dialog-backdrop">
            <div class="dialog wide tall" role="dialog" aria-modal="true" id="port-map">
                <h2>"Port map"</h2>
                <p>"Which host port reaches which container (docker port). A host port can be held by one running container at a time."</p>
                {move || {
                    let clashes = clashes();
                    (!clashes.is_empty()).then(|| view! {
                        <div class="pull-result bad" id="port-clashes">
                            {clashes.into_iter().map(|(stopped, port, protocol, holders)| view! {
                                <div>{format!("{stopped} asks for host port {port}/{protocol}, which {} holds: starting {stopped} would fail until it stops.", holders.join(", "))}</div>
                            }).collect_view()}
                        </div>
                    })
                }}
                <table class="list compact" id="port-map-table">
                    <thead><tr><th>"Host address"</th><th>"Host port"</th><th>""</th><th>"Container port"</th><th>"Container"</th><th>"State"</th></tr></thead>
                    <tbody>
                        {move || {
                            let clashing: Vec<u16> = clashes().into_iter().map(|(_, port, _, _)| port).collect();
                            rows().into_iter().map(|(ip, host, container_port, name, state, running)| view! {
                                <tr class:clash=clashing.contains(&host) class:stopped=!running>
                                    <td class="mono">{ip}</td><td class="mono">{host}</td><td>"→"</td>
                                    <td class="mono">{container_port}</td><td title=name.clone()>{name.clone()}</td><td>{state}</td>
                                </tr>
                            }).collect_view()
                        }}
                    </tbody>
                </table>
                {move || rows().is_empty().then(|| view! { <p class="hint">"No container publishes a port. Publish one in the run dialog (-p)."</p> })}
                <div class="dialog-buttons"><button class="ghost" id="port-map-close" data-dismiss="" on:click=move |_| open.set(false)>"Close"</button></div>
            </div>
        </div>
    })
    }
}
