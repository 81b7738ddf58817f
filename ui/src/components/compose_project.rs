//! An opened compose file: its services as the tool normalised them (one `ComposeServiceRow` each, with their
//! containers live), the project's actions — Up with its options, Stop, Start, Restart, Pull, Down (asked), Scale —
//! each shown as its exact command, the tool's output, and the merged logs.

use crate::components::compose_down::ComposeDown;
use crate::components::compose_service_row::ComposeServiceRow;
use crate::components::merged_logs::MergedLogs;
use crate::components::tool_output::{ToolOutput, ToolRun};
use leptos::prelude::*;
use porthole_model::compose::{
    ComposeCommand, ComposeFile, ComposeProject, ComposeTool, ComposeVerb,
};

#[component]
pub fn ComposeProjectView(
    file: ComposeFile,
    tool: ComposeTool,
    /// The project as the engine has it (containers by service), refreshed by the page.
    live: Memo<Option<ComposeProject>>,
    on_end: Callback<()>,
    /// The project whose merged logs the page shows (one panel at a time: they share their element ids).
    logs: RwSignal<Option<String>>,
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
    let logs_open = {
        let project = file.project.clone();
        Memo::new(move |_| logs.with(|l| l.as_deref() == Some(project.as_str())))
    };
    let toggle_logs = {
        let project = file.project.clone();
        move |_| {
            logs.update(|l| *l = (l.as_deref() != Some(project.as_str())).then(|| project.clone()))
        }
    };
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
    let as_command = {
        let command = command.clone();
        Callback::new(command)
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
    let logs_project = file.project.clone();
    let logs_cli = ComposeCommand {
        file: file.path.clone(),
        project: file.project.clone(),
        verb: ComposeVerb::Logs {
            tail: porthole_model::compose::logs::MERGED_TAIL,
        },
    }
    .cli(&tool);
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
                <button class="ghost" id="compose-logs-toggle" on:click=toggle_logs>
                    {move || if logs_open.get() { "Hide logs" } else { "Merged logs" }}</button>
            </div>
            <div class="table-scroll compose-services">
                <table class="list compact" id="compose-services">
                    <thead><tr><th></th><th>"Service"</th><th>"Image or build"</th><th>"Ports"</th><th>"Networks · volumes"</th><th>"Environment · depends on"</th><th>"Containers"</th></tr></thead>
                    <tbody>{file.services.iter().map(|s| view! {
                        <ComposeServiceRow service=s.clone() live=live chosen=chosen run=run command=as_command tool=tool.clone() />
                    }).collect_view()}</tbody>
                </table>
            </div>
            <p class="hint">"Tick services to act on those only (Up); none ticked: every service of the chosen profiles. Networks: "
                {file.networks.join(", ")} ". Named volumes: " {if file.volumes.is_empty() { "none".to_owned() } else { file.volumes.join(", ") }} "."</p>
            <ToolOutput run=output on_end=on_end />
            {move || logs_open.get().then(|| view! { <MergedLogs run=ToolRun::ProjectLogs { project: logs_project.clone(), cli: logs_cli.clone() }
                split=porthole_model::compose::logs::split_tagged context=logs_project.clone() /> })}
            <ComposeDown open=down_open file=file.clone() tool=tool.clone() on_confirm=Callback::new(move |c| run.set(Some(c))) />
        </div>
    }
}
