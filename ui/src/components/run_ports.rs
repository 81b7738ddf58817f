//! The run dialog's port rows (`-p`): host address, host port (empty: any free port), container port, protocol —
//! each row checked as it is typed. The image's exposed ports are offered as one-click rows.

use crate::components::draft_rows::{index, problem, read, remove, write};
use leptos::prelude::*;
use porthole_model::container::run::{PortDraft, Protocol};

#[component]
pub fn RunPorts(
    rows: RwSignal<Vec<PortDraft>>,
    next_key: StoredValue<u32>,
    /// Whole-form problems by row index (a clashing host port).
    clashes: Signal<Vec<(usize, String)>>,
    /// The image's `EXPOSE`d ports (`80/tcp`), offered as rows.
    exposed: Signal<Vec<String>>,
) -> impl IntoView {
    let add = move |port: &str, protocol: &str| {
        let key = next_key.get_value();
        next_key.set_value(key + 1);
        rows.update(|r| r.push(PortDraft::new(key, port, protocol)));
    };
    let offered = move || {
        let taken: Vec<String> = rows.with(|r| r.iter().map(PortDraft::exposed_form).collect());
        exposed
            .get()
            .into_iter()
            .filter(|p| !taken.contains(p))
            .collect::<Vec<_>>()
    };
    view! {
        <fieldset class="run-section" id="run-ports">
            <legend>"Ports"<span class="legend-cli">"-p"</span></legend>
            <p class="hint">"Publish a container port on this machine, so "<code>"http://localhost:PORT"</code>
                " reaches it. Leave the host port empty for any free one."</p>
            <For each=move || rows.get() key=|row| row.key let:row>
                {
                    let key = row.key;
                    let index = move || index(rows, key);
                    let problem = move || problem(rows, key, clashes);
                    view! {
                        <div class="run-row port-row" data-row=move || index().to_string()>
                            <input type="text" class="port-host-ip" id=format!("port-host-ip-{key}") placeholder="all addresses" title="Host address (e.g. 127.0.0.1 for this machine only)"
                                prop:value=move || read(rows, key, |r| r.host_ip.clone()) on:input=move |ev| write(rows, key, |r| r.host_ip = event_target_value(&ev)) />
                            <span class="sep">":"</span>
                            <input type="text" class="port-host" id=format!("port-host-{key}") placeholder="random" inputmode="numeric" title="Host port"
                                prop:value=move || read(rows, key, |r| r.host_port.clone()) on:input=move |ev| write(rows, key, |r| r.host_port = event_target_value(&ev)) />
                            <span class="sep">"→"</span>
                            <input type="text" class="port-container" id=format!("port-container-{key}") placeholder="80" inputmode="numeric" title="Container port"
                                prop:value=move || read(rows, key, |r| r.container_port.clone()) on:input=move |ev| write(rows, key, |r| r.container_port = event_target_value(&ev)) />
                            <select class="port-protocol" title="Protocol" on:change=move |ev| write(rows, key, |r| r.protocol = event_target_value(&ev))>
                                {Protocol::ALL.into_iter().map(|p| view! {
                                    <option value=p.as_str() selected=move || read(rows, key, |r| r.protocol == p.as_str())>{p.as_str()}</option>
                                }).collect_view()}
                            </select>
                            <button type="button" class="ghost remove-row" title="Remove this port"
                                on:click=move |_| remove(rows, key)>"✕"</button>
                            {move || problem().map(|message| view! { <div class="invalid row-problem">{message}</div> })}
                        </div>
                    }
                }
            </For>
            <div class="run-add">
                <button type="button" class="action" id="run-add-port" on:click=move |_| add("", "tcp")>"+ Port"</button>
                {move || offered().into_iter().map(|port| {
                    let (number, protocol) = port.split_once('/').map(|(n, p)| (n.to_owned(), p.to_owned())).unwrap_or((port.clone(), "tcp".into()));
                    view! {
                        <button type="button" class="chip" data-exposed=port.clone() title="Exposed by the image"
                            on:click=move |_| add(&number, &protocol)>{format!("+ {port}")}</button>
                    }
                }).collect_view()}
            </div>
        </fieldset>
    }
}
