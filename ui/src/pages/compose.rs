//! The Compose page: which Compose tool drives the projects (or how to get one), opening a compose file (typed
//! path, the system's file chooser, or a recent file), the projects already on the engine (found by their labels,
//! with the file they came from), and the opened project with its actions, output and merged logs.

use crate::api;
use crate::components::cli_hint::CliHint;
use crate::components::compose_project::ComposeProjectView;
use crate::components::error_notice::ErrorNotice;
use crate::components::help_button::HelpButton;
use crate::components::merged_logs::MergedLogs;
use crate::components::tool_output::ToolRun;
use crate::load::Reread;
use crate::store::use_store;
use leptos::prelude::*;
use leptos::task::spawn_local;
use porthole_model::compose::logs::{split_tagged, MERGED_TAIL};
use porthole_model::compose::{
    parse_file_path, ComposeFile, ComposeProject, ComposeTool, TOOL_MISSING,
};
use porthole_model::Page;

#[component]
pub fn ComposePage() -> impl IntoView {
    let store = use_store();
    let tool = RwSignal::new(None::<Option<ComposeTool>>);
    let projects = RwSignal::new(Vec::<ComposeProject>::new());
    let opened = RwSignal::new(None::<ComposeFile>);
    let refused = RwSignal::new(None::<porthole_model::PortholeError>);
    let path = RwSignal::new(String::new());
    let project = RwSignal::new(String::new());
    // The project whose merged logs show: the opened one's in its view, any other's under the list (its file is not
    // needed). One at a time: the panels share their element ids.
    let logged = RwSignal::new(None::<String>);
    spawn_local(async move {
        let found = api::compose_tool().await.ok().flatten();
        tool.try_set(Some(found));
    });
    // The engine's events change the containers; the projects are read again from their labels, once per burst.
    let reread = Reread::new();
    let refresh = Callback::new(move |()| {
        reread.ask(move || async move {
            if let Ok(list) = api::list_compose_projects().await {
                projects.try_set(list);
            }
        });
    });
    Effect::new(move |_| {
        store.cache.containers.track();
        refresh.run(());
    });
    let open = move |file: String, name: String| {
        refused.set(None);
        logged.set(None);
        path.set(file.clone());
        spawn_local(async move {
            match api::open_compose_file(&file, &name).await {
                Ok(compose) => {
                    store.prefs.update(|s| s.opened_compose_file(&compose.path));
                    opened.try_set(Some(compose));
                }
                Err(error) => {
                    opened.try_set(None);
                    refused.try_set(Some(error));
                }
            }
        });
    };
    // A file another page sent here (the guided tour's, a clicked notification's) is opened as the page shows, or
    // at once when the page already shows.
    Effect::new(move |_| {
        if store.nav.open_compose.with(Option::is_some) {
            if let Some(file) = store.nav.open_compose.try_update(Option::take).flatten() {
                open(file, String::new());
            }
        }
    });
    let typed =
        Memo::new(move |_| (!path.with(String::is_empty)).then(|| parse_file_path(&path.get())));
    let choose = move |_| {
        spawn_local(async move {
            if let Ok(Some(file)) = api::choose_compose_file().await {
                open(file, String::new());
            }
        });
    };
    let live = Memo::new(move |_| {
        let name = opened.with(|o| o.as_ref().map(|f| f.project.clone()))?;
        projects.with(|all| all.iter().find(|p| p.name == name).cloned())
    });
    // How the found tool is called (`docker compose`, or v1's `docker-compose`), for the commands shown.
    let invocation = move || {
        tool.get()
            .flatten()
            .map_or("docker compose".to_owned(), |t| t.invocation())
    };
    view! {
        <section class="page" data-page="compose">
            <header class="page-header">
                <div>
                    <h1>"Compose" <HelpButton page=Page::Compose /></h1>
                    <p class="page-sub" id="compose-tool">{move || match tool.get() {
                        None => "Looking for the Compose tool…".to_owned(),
                        Some(None) => "No Compose tool installed".to_owned(),
                        Some(Some(t)) => format!("Projects run through {} {} — the real Compose tool, its output shown as it runs", t.invocation(), t.version),
                    }}</p>
                </div>
                <CliHint command=Signal::derive(move || tool.get().flatten().map(|t| format!("{} -f compose.yaml up -d", t.invocation())).unwrap_or_else(|| "docker compose up -d".into())) />
            </header>
            {move || (tool.get() == Some(None)).then(|| view! { <div class="card" id="compose-tool-missing"><p>{TOOL_MISSING}</p></div> })}
            <div class="toolbar compose-open">
                <input id="compose-path" type="text" placeholder="/home/me/shop/compose.yaml" spellcheck="false" aria-label="Compose file"
                    prop:value=move || path.get() on:input=move |ev| path.set(event_target_value(&ev))
                    on:keydown=move |ev| if ev.key() == "Enter" && matches!(typed.get_untracked(), Some(Ok(_))) { open(path.get_untracked(), project.get_untracked()) } />
                <input id="compose-project-name" type="text" placeholder="project (folder name)" spellcheck="false" aria-label="Project name"
                    prop:value=move || project.get() on:input=move |ev| project.set(event_target_value(&ev)) />
                <button class="action" id="compose-open" disabled=move || !matches!(typed.get(), Some(Ok(_))) || !matches!(tool.get(), Some(Some(_)))
                    on:click=move |_| open(path.get_untracked(), project.get_untracked())>"Open"</button>
                <button class="ghost" id="compose-choose" on:click=choose>"Choose…"</button>
                {move || match typed.get() {
                    Some(Err(error)) => view! { <span class="invalid" id="compose-path-invalid">{error.message}</span> }.into_any(),
                    _ => ().into_any(),
                }}
            </div>
            {move || refused.get().map(|error| view! { <ErrorNotice error=error id="compose-refused" /> })}
            {move || store.prefs.with(|s| (!s.compose_files.is_empty()).then(|| s.compose_files.clone())).map(|files| view! {
                <div class="compose-recent" id="compose-recent"><span class="hint">"Recent: "</span>
                    {files.into_iter().map(|f| { let file = f.clone(); view! {
                        <button class="ghost small" data-recent=f.clone() on:click=move |_| open(file.clone(), String::new())>{f.clone()}</button>
                    } }).collect_view()}
                </div>
            })}
            {move || match (opened.get(), tool.get().flatten()) {
                (Some(file), Some(tool)) => view! { <ComposeProjectView file=file tool=tool live=live on_end=refresh logs=logged /> }.into_any(),
                _ => ().into_any(),
            }}
            <h3>"Projects on this engine"</h3>
            <div class="table-scroll compose-projects">
                <table class="list" id="compose-projects">
                    <thead><tr><th>"Project"</th><th>"Services"</th><th>"Running"</th><th>"File"</th><th></th></tr></thead>
                    <tbody>
                        <For each=move || projects.get() key=|p| format!("{p:?}") let:p>
                            <tr data-project=p.name.clone()>
                                <td class="name">{p.name.clone()}</td>
                                <td>{p.services.iter().map(|s| s.name.clone()).collect::<Vec<_>>().join(", ")}</td>
                                <td>{format!("{} of {}", p.running(), p.containers().count())}</td>
                                <td class="mono" title=p.config_files.join(", ")>{p.file().unwrap_or("(unknown)").to_owned()}</td>
                                <td class="row-buttons">{p.file().map(|f| { let (file, name) = (f.to_owned(), p.name.clone()); view! {
                                    <button class="action small" data-action="open-project" on:click=move |_| open(file.clone(), name.clone())>"Open"</button>
                                } })}
                                {let (name, title) = (p.name.clone(), format!("-p {} logs -f", p.name)); view! {
                                    <button class="ghost small" data-action="project-logs" title=move || format!("{} {title}", invocation())
                                        on:click=move |_| logged.update(|l| *l = (l.as_deref() != Some(name.as_str())).then(|| name.clone()))>"Logs"</button>
                                }}</td>
                            </tr>
                        </For>
                    </tbody>
                </table>
                {move || projects.with(Vec::is_empty).then(|| view! {
                    <div class="empty"><p>"No compose project has containers on this engine. Open a compose file above and press Up."</p></div>
                })}
            </div>
            {move || logged.get().filter(|name| opened.with(|o| o.as_ref().is_none_or(|f| f.project != *name))).map(|name| {
                // Untracked: the tool found later renames the command, but must not restart the logs.
                let cli = format!("{} -p {name} logs -f --tail {MERGED_TAIL}", untrack(invocation));
                view! {
                    <h3>{format!("Logs of {name}")}</h3>
                    <MergedLogs run=ToolRun::ProjectLogs { project: name.clone(), cli } split=split_tagged context=name />
                }
            })}
        </section>
    }
}
