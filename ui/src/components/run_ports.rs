//! The run dialog's port rows (`-p`): host address, host port (empty: any free port), container port, protocol —
//! each row checked as it is typed. The image's exposed ports are offered as one-click rows.

use leptos::prelude::*;
use porthole_model::run::{PortSpec, Protocol};

/// One row's fields, kept as typed so a half-written row keeps its text.
#[derive(Clone, Copy)]
pub struct PortRow {
    pub key: u32,
    pub host_ip: RwSignal<String>,
    pub host_port: RwSignal<String>,
    pub container_port: RwSignal<String>,
    pub protocol: RwSignal<String>,
}

impl PortRow {
    pub fn new(key: u32, container_port: &str, protocol: &str) -> Self {
        Self {
            key,
            host_ip: RwSignal::new(String::new()),
            host_port: RwSignal::new(String::new()),
            container_port: RwSignal::new(container_port.to_owned()),
            protocol: RwSignal::new(protocol.to_owned()),
        }
    }

    pub fn parsed(&self) -> Result<PortSpec, String> {
        PortSpec::from_parts(
            &self.host_ip.get(),
            &self.host_port.get(),
            &self.container_port.get(),
            &self.protocol.get(),
        )
    }
}

#[component]
pub fn RunPorts(
    rows: RwSignal<Vec<PortRow>>,
    next_key: StoredValue<u32>,
    /// Whole-form problems by row index (a clashing host port).
    clashes: Signal<Vec<(usize, String)>>,
    /// The image's `EXPOSE`d ports (`80/tcp`), offered as rows.
    exposed: Signal<Vec<String>>,
) -> impl IntoView {
    let add = move |port: &str, protocol: &str| {
        let key = next_key.get_value();
        next_key.set_value(key + 1);
        rows.update(|r| r.push(PortRow::new(key, port, protocol)));
    };
    let offered = move || {
        let taken: Vec<String> = rows.with(|r| {
            r.iter()
                .map(|row| format!("{}/{}", row.container_port.get(), row.protocol.get()))
                .collect()
        });
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
                    let index = move || rows.with(|r| r.iter().position(|x| x.key == row.key).unwrap_or(0));
                    let problem = move || row.parsed().err().or_else(|| {
                        let i = index();
                        clashes.with(|c| c.iter().find(|(at, _)| *at == i).map(|(_, m)| m.clone()))
                    });
                    view! {
                        <div class="run-row port-row" data-row=move || index().to_string()>
                            <input type="text" class="port-host-ip" id=format!("port-host-ip-{}", row.key) placeholder="all addresses" title="Host address (e.g. 127.0.0.1 for this machine only)"
                                prop:value=move || row.host_ip.get() on:input=move |ev| row.host_ip.set(event_target_value(&ev)) />
                            <span class="sep">":"</span>
                            <input type="text" class="port-host" id=format!("port-host-{}", row.key) placeholder="random" inputmode="numeric" title="Host port"
                                prop:value=move || row.host_port.get() on:input=move |ev| row.host_port.set(event_target_value(&ev)) />
                            <span class="sep">"→"</span>
                            <input type="text" class="port-container" id=format!("port-container-{}", row.key) placeholder="80" inputmode="numeric" title="Container port"
                                prop:value=move || row.container_port.get() on:input=move |ev| row.container_port.set(event_target_value(&ev)) />
                            <select class="port-protocol" title="Protocol" on:change=move |ev| row.protocol.set(event_target_value(&ev))>
                                {Protocol::ALL.into_iter().map(|p| view! {
                                    <option value=p.as_str() selected=move || row.protocol.get() == p.as_str()>{p.as_str()}</option>
                                }).collect_view()}
                            </select>
                            <button type="button" class="ghost remove-row" title="Remove this port"
                                on:click=move |_| rows.update(|r| r.retain(|x| x.key != row.key))>"✕"</button>
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
