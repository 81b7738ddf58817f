//! An opened compose file: its services as the tool normalised them (image or build, ports, networks, volumes,
//! environment names, depends_on, profiles) with their containers' states and published ports (as links) live, the project's actions — Up with its
//! options, Stop, Start, Restart, Pull, Down (asked), Scale — each shown as its exact command, the tool's output,
//! and the merged logs.

use crate::components::compose_down::ComposeDown;
use crate::components::merged_logs::MergedLogs;
use crate::components::port_link::PortLink;
use crate::components::tool_output::{ToolOutput, ToolRun};
use crate::store::use_store;
use leptos::prelude::*;
use porthole_model::compose::{
    ComposeCommand, ComposeFile, ComposeProject, ComposeTool, ComposeVerb,
};
use porthole_model::container::port_links;

#[component]
pub fn ComposeProjectView(
    file: ComposeFile,
    tool: ComposeTool,
    /// The project as the engine has it (containers by service), refreshed by the page.
    live: Memo<Option<ComposeProject>>,
    on_end: Callback<()>,
) -> impl IntoView {
    let run = RwSignal::new(None::<ComposeCommand>);
    // Each project action runs through the tool; the output panel shows the one under way.
    let output = RwSignal::new(None::<ToolRun>);
    {
        let tool = tool.clone();
        Effect::new(move |_| {
            if let Some(command) = run.get() {
                output.set(Some(ToolRun::Compose(command, tool.clone())));
            }
        });
    }
    let down_open = RwSignal::new(false);
    let logs_open = RwSignal::new(false);
    let build = RwSignal::new(false);
    let pull = RwSignal::new(false);
    let profiles = RwSignal::new(Vec::<String>::new());
    let chosen = RwSignal::new(Vec::<String>::new());
    let command = {
        let file = file.clone();
        move |verb: ComposeVerb| ComposeCommand {
            file: file.path.clone(),
            project: file.project.clone(),
            verb,
        }
    };
    let up = {
        let command = command.clone();
        move || {
            command(ComposeVerb::Up {
                build: build.get(),
                pull: pull.get(),
                profiles: profiles.get(),
                services: chosen.get(),
            })
        }
    };
    let toggle = |list: RwSignal<Vec<String>>, name: String| {
        move |ev| {
            let on = event_target_checked(&ev);
            list.update(|l| {
                l.retain(|n| n != &name);
                if on {
                    l.push(name.clone());
                }
            })
        }
    };
    let simple = {
        let command = command.clone();
        let tool = tool.clone();
        move |verb: ComposeVerb, id: &'static str| {
            let action = command(verb.clone());
            let title = action.cli(&tool);
            view! { <button class="action" id=id title=title on:click=move |_| run.set(Some(action.clone()))>{verb.label()}</button> }
        }
    };
    let state_of = move |service: &str| {
        live.with(|p| {
            p.as_ref()
                .and_then(|p| p.services.iter().find(|s| s.name == service))
                .map(|s| {
                    s.containers
                        .iter()
                        .map(|c| format!("{} {}", c.name, c.state.as_str()))
                        .collect::<Vec<_>>()
                        .join(", ")
                })
                .unwrap_or_else(|| "not created".into())
        })
    };
    // The published ports of a service's running containers, as links: what `curl http://localhost:PORT` reaches.
    let store = use_store();
    let links_of = move |service: &str| {
        let ids: Vec<String> = live.with(|p| {
            p.as_ref()
                .and_then(|p| p.services.iter().find(|s| s.name == service))
                .map(|s| s.containers.iter().map(|c| c.id.clone()).collect())
                .unwrap_or_default()
        });
        store.cache.containers.with(|all| {
            all.iter()
                .filter(|c| ids.contains(&c.id) && c.state.is_running())
                .flat_map(|c| port_links(&c.ports))
                .collect::<Vec<_>>()
        })
    };
    // `up -d --scale SERVICE=N`: how many containers of one service run.
    let scale = {
        let command = command.clone();
        let tool = tool.clone();
        move |service: String| {
            let replicas = RwSignal::new(String::from("1"));
            let command = command.clone();
            let tool = tool.clone();
            let scaled = move || {
                replicas.get().trim().parse::<u32>().ok().map(|n| {
                    command(ComposeVerb::Scale {
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
            view! {
                <div class="compose-scale">
                    <input type="number" min="0" max="100" class="scale-count" aria-label="Containers"
                        prop:value=move || replicas.get() on:input=move |ev| replicas.set(event_target_value(&ev)) />
                    <button class="ghost small" data-action="scale" title=title disabled={ let scaled = scaled.clone(); move || scaled().is_none() }
                        on:click=move |_| run.set(scaled())>"Scale"</button>
                </div>
            }
        }
    };
    let (logs_file, logs_project, logs_tool) =
        (file.path.clone(), file.project.clone(), tool.clone());
    let up_cli = {
        let up = up.clone();
        let tool = tool.clone();
        move || up().cli(&tool)
    };
    view! {
        <div class="card compose-project" id="compose-project" data-project=file.project.clone()>
            <div class="panel-head">
                <h2>{file.project.clone()}</h2>
                <span class="hint mono" title=file.path.clone()>{file.path.clone()}</span>
            </div>
            <div class="compose-up" id="compose-up-options">
                {file.builds().then(|| view! { <label class="check"><input type="checkbox" id="compose-build"
                    on:change=move |ev| build.set(event_target_checked(&ev)) />"Build images (--build)"</label> })}
                <label class="check"><input type="checkbox" id="compose-pull" on:change=move |ev| pull.set(event_target_checked(&ev)) />"Pull first"</label>
                {file.profiles().into_iter().map(|p| view! {
                    <label class="check"><input type="checkbox" data-profile=p.clone() on:change=toggle(profiles, p.clone()) />{format!("profile {p}")}</label>
                }).collect_view()}
                <button class="primary" id="compose-up" title=up_cli.clone() on:click={ let up = up.clone(); move |_| run.set(Some(up())) }>"Up"</button>
                <code class="cli-inline" id="compose-up-cli">{up_cli}</code>
            </div>
            <div class="toolbar">
                {simple(ComposeVerb::Stop, "compose-stop")}
                {simple(ComposeVerb::Start, "compose-start")}
                {simple(ComposeVerb::Restart, "compose-restart")}
                {simple(ComposeVerb::Pull, "compose-pull-images")}
                <button class="action danger" id="compose-down" on:click=move |_| down_open.set(true)>"Down…"</button>
                <span class="toolbar-spacer"></span>
                <button class="ghost" id="compose-logs-toggle" on:click=move |_| logs_open.update(|o| *o = !*o)>
                    {move || if logs_open.get() { "Hide logs" } else { "Merged logs" }}</button>
            </div>
            <div class="table-scroll compose-services">
                <table class="list compact" id="compose-services">
                    <thead><tr><th></th><th>"Service"</th><th>"Image or build"</th><th>"Ports"</th><th>"Networks · volumes"</th><th>"Environment · depends on"</th><th>"Containers"</th></tr></thead>
                    <tbody>{file.services.iter().map(|s| {
                        let name = s.name.clone();
                        let state_name = s.name.clone();
                        view! {
                            <tr data-service=s.name.clone()>
                                <td><input type="checkbox" aria-label=format!("Only {}", s.name) data-choose=s.name.clone() on:change=toggle(chosen, s.name.clone()) /></td>
                                <td class="name"><div class="cell-main">{name}</div>
                                    {(!s.profiles.is_empty()).then(|| view! { <div class="hint">{format!("profiles: {}", s.profiles.join(", "))}</div> })}</td>
                                <td class="mono">{s.image.clone().or_else(|| s.build.clone().map(|b| format!("build {b}"))).unwrap_or_default()}</td>
                                <td class="mono ports">{s.ports.join(", ")}
                                    <div class="port-links">{let n = s.name.clone(); move || links_of(&n).into_iter()
                                        .map(|url| view! { <PortLink url=url /> }).collect_view()}</div></td>
                                <td class="mono">{s.networks.join(", ")}<div class="hint">{s.volumes.join(", ")}</div></td>
                                <td class="mono">{s.environment.iter().map(|k| format!("{k}=••••")).collect::<Vec<_>>().join(" ")}
                                    {(!s.depends_on.is_empty()).then(|| view! { <div class="hint">{format!("after {}", s.depends_on.join(", "))}</div> })}</td>
                                <td data-state=move || state_of(&state_name)>{let n = s.name.clone(); move || state_of(&n)}
                                    {scale(s.name.clone())}</td>
                            </tr>
                        }
                    }).collect_view()}</tbody>
                </table>
            </div>
            <p class="hint">"Tick services to act on those only (Up); none ticked: every service of the chosen profiles. Networks: "
                {file.networks.join(", ")} ". Named volumes: " {if file.volumes.is_empty() { "none".to_owned() } else { file.volumes.join(", ") }} "."</p>
            <ToolOutput run=output on_end=on_end />
            {move || logs_open.get().then(|| view! { <MergedLogs run=ToolRun::Compose(ComposeCommand { file: logs_file.clone(), project: logs_project.clone(), verb: ComposeVerb::Logs { tail: 200 } }, logs_tool.clone())
                split=porthole_model::compose::logs::split context=logs_project.clone() /> })}
            <ComposeDown open=down_open file=file.clone() tool=tool.clone() on_confirm=Callback::new(move |c| run.set(Some(c))) />
        </div>
    }
}
