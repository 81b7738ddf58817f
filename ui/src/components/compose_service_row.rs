//! One service of an opened compose file, as a row: what the file says (image or build, ports, networks and
//! volumes, environment names with values hidden, depends_on, profiles), its containers' states and published
//! ports (links) live, a tick to act on it alone, and Scale (`up -d --scale SERVICE=N`).

use crate::components::port_link::PortLink;
use crate::store::use_store;
use leptos::prelude::*;
use porthole_model::compose::{
    ComposeCommand, ComposeProject, ComposeService, ComposeTool, ComposeVerb,
};
use porthole_model::container::port_links;

#[component]
pub fn ComposeServiceRow(
    service: ComposeService,
    /// The project as the engine has it (containers by service).
    live: Memo<Option<ComposeProject>>,
    /// The services ticked: Up acts on those only.
    chosen: RwSignal<Vec<String>>,
    /// The project action to run (the output panel runs it).
    run: RwSignal<Option<ComposeCommand>>,
    /// Makes a project command of a verb (the file and the project name are the page's).
    command: Callback<ComposeVerb, ComposeCommand>,
    tool: ComposeTool,
) -> impl IntoView {
    let store = use_store();
    let name = service.name.clone();
    let containers = {
        let name = name.clone();
        move || {
            live.with(|p| {
                p.as_ref()
                    .and_then(|p| p.services.iter().find(|s| s.name == name))
                    .map(|s| s.containers.clone())
                    .unwrap_or_default()
            })
        }
    };
    let state = {
        let containers = containers.clone();
        Signal::derive(move || {
            let states: Vec<String> = containers()
                .iter()
                .map(|c| format!("{} {}", c.name, c.state.as_str()))
                .collect();
            if states.is_empty() {
                "not created".to_owned()
            } else {
                states.join(", ")
            }
        })
    };
    // The published ports of the service's running containers: what `curl http://localhost:PORT` reaches.
    let links = move || {
        let ids: Vec<String> = containers().into_iter().map(|c| c.id).collect();
        store.cache.containers.with(|all| {
            all.iter()
                .filter(|c| ids.contains(&c.id) && c.state.is_running())
                .flat_map(|c| port_links(&c.ports))
                .map(|url| view! { <PortLink url=url /> })
                .collect_view()
        })
    };
    let choose = {
        let name = name.clone();
        move |ev| {
            let on = event_target_checked(&ev);
            chosen.update(|l| {
                l.retain(|n| n != &name);
                if on {
                    l.push(name.clone());
                }
            })
        }
    };
    let s = service;
    let built_or_pulled = s
        .image
        .clone()
        .or_else(|| s.build.clone().map(|b| format!("build {b}")))
        .unwrap_or_default();
    let environment: Vec<String> = s.environment.iter().map(|k| format!("{k}=••••")).collect();
    view! {
        <tr data-service=name.clone()>
            <td><input type="checkbox" aria-label=format!("Only {name}") data-choose=name.clone() on:change=choose /></td>
            <td class="name"><div class="cell-main">{name.clone()}</div>
                {(!s.profiles.is_empty()).then(|| view! { <div class="hint">{format!("profiles: {}", s.profiles.join(", "))}</div> })}</td>
            <td class="mono">{built_or_pulled}</td>
            <td class="mono ports">{s.ports.join(", ")}<div class="port-links">{links}</div></td>
            <td class="mono">{s.networks.join(", ")}<div class="hint">{s.volumes.join(", ")}</div></td>
            <td class="mono">{environment.join(" ")}
                {(!s.depends_on.is_empty()).then(|| view! { <div class="hint">{format!("after {}", s.depends_on.join(", "))}</div> })}</td>
            <td data-state=state>{state}
                <ComposeScale service=name.clone() run=run command=command tool=tool /></td>
        </tr>
    }
}

/// `up -d --scale SERVICE=N`: how many containers of one service run.
#[component]
fn ComposeScale(
    service: String,
    run: RwSignal<Option<ComposeCommand>>,
    command: Callback<ComposeVerb, ComposeCommand>,
    tool: ComposeTool,
) -> impl IntoView {
    let replicas = RwSignal::new(String::from("1"));
    let scaled = move || {
        replicas.get().trim().parse::<u32>().ok().map(|n| {
            command.run(ComposeVerb::Scale {
                service: service.clone(),
                replicas: n,
            })
        })
    };
    let title = {
        let scaled = scaled.clone();
        move || {
            scaled()
                .map(|c| c.cli(&tool))
                .unwrap_or_else(|| "A number of containers".into())
        }
    };
    let unusable = {
        let scaled = scaled.clone();
        move || scaled().is_none()
    };
    view! {
        <div class="compose-scale">
            <input type="number" min="0" max="100" class="scale-count" aria-label="Containers"
                prop:value=move || replicas.get() on:input=move |ev| replicas.set(event_target_value(&ev)) />
            <button class="ghost small" data-action="scale" title=title disabled=unusable
                on:click=move |_| run.set(scaled())>"Scale"</button>
        </div>
    }
}
