//! Recreate with a newer image: "Check for a newer image" pulls the container's reference and says whether it now
//! names another image; Recreate makes a new container with the same settings, shown first as the commands it
//! amounts to (`docker stop`, `rename`, `run`, `rm`). A compose service's container goes through the Compose tool
//! instead (`up -d --pull always SERVICE`), its output streamed. On success the page moves to the new container.

use crate::api;
use crate::components::error_notice::ErrorNotice;
use crate::components::tool_output::{ToolOutput, ToolRun};
use crate::store::{use_store, Route};
use leptos::prelude::*;
use leptos::task::spawn_local;
use porthole_model::compose::{ComposeCommand, ComposeTool, ComposeVerb};
use porthole_model::container::recreate::{ComposeService, NewerImage, RecreatePlan};
use porthole_model::container::short_id;
use porthole_model::PortholeError;

fn short(id: &str) -> &str {
    short_id(id.trim_start_matches("sha256:"))
}

/// The tool's `up` that recreates `service` from `file` with its image pulled first.
fn recreate_command(service: &ComposeService, file: String) -> ComposeCommand {
    let verb = ComposeVerb::Up {
        build: false,
        pull: true,
        profiles: Vec::new(),
        services: vec![service.service.clone()],
    };
    ComposeCommand {
        file,
        project: service.project.clone(),
        verb,
    }
}

#[component]
pub fn RecreateDialog(
    /// The container (id) to recreate; closing sets it to `None`.
    recreating: RwSignal<Option<String>>,
) -> impl IntoView {
    let store = use_store();
    let plan = RwSignal::new(None::<Result<RecreatePlan, PortholeError>>);
    let check = RwSignal::new(None::<Result<NewerImage, PortholeError>>);
    let checking = RwSignal::new(false);
    let busy = RwSignal::new(false);
    let failed = RwSignal::new(None::<PortholeError>);
    let output = RwSignal::new(None::<ToolRun>);
    // The Compose tool this machine has, asked when a compose service's plan arrives: the command shown is the one it
    // runs (v1 pulls, then ups).
    let tool = RwSignal::new(None::<ComposeTool>);
    Effect::new(move || {
        let container = recreating.get();
        plan.set(None);
        check.set(None);
        failed.set(None);
        output.set(None);
        if let Some(container) = container {
            spawn_local(async move {
                let planned = api::recreate_plan(&container).await;
                let compose = matches!(&planned, Ok(p) if p.compose.is_some());
                plan.try_set(Some(planned));
                if compose && tool.get_untracked().is_none() {
                    if let Ok(found) = api::compose_tool().await {
                        tool.try_set(found);
                    }
                }
            });
        }
    });
    let check_now = move |_| {
        let Some(container) = recreating.get_untracked() else {
            return;
        };
        checking.set(true);
        check.set(None);
        spawn_local(async move {
            let answer = api::check_image(&container).await;
            checking.try_set(false);
            check.try_set(Some(answer));
        });
    };
    let recreate = move |planned: RecreatePlan| {
        busy.set(true);
        failed.set(None);
        spawn_local(async move {
            match api::recreate_container(&planned).await {
                Ok(done) => {
                    recreating.set(None);
                    store.open(Route::Container(done.id));
                }
                Err(error) => {
                    failed.try_set(Some(error));
                }
            }
            busy.try_set(false);
        });
    };
    let through_compose = move |planned: RecreatePlan| {
        let Some(service) = planned.compose else {
            return;
        };
        // The tool runs one file here; a project of several (a file and its overrides) is recreated in a terminal.
        let [file] = service.files.as_slice() else {
            return;
        };
        let file = file.clone();
        spawn_local(async move {
            match api::compose_tool().await {
                Ok(Some(tool)) => {
                    output.set(Some(ToolRun::Compose(recreate_command(&service, file), tool)));
                }
                Ok(None) => failed.set(Some(PortholeError::invalid_input(
                    "Neither `docker compose` nor `docker-compose` is installed: install one (Debian: apt install docker-compose) to recreate a compose service.",
                ))),
                Err(error) => failed.set(Some(error)),
            }
        });
    };
    move || {
        recreating.get()?;
        Some(view! {
            <div class="dialog-backdrop">
                <div class="dialog wide tall" role="dialog" aria-modal="true" id="recreate-dialog">
                    {move || match plan.get() {
                        None => view! { <p>"Reading the container's settings…"</p> }.into_any(),
                        Some(Err(error)) => view! { <ErrorNotice error=error /> }.into_any(),
                        Some(Ok(planned)) => {
                            let compose = planned.compose.clone();
                            let command = match (&compose, tool.get()) {
                                (Some(service), Some(tool)) if service.files.len() == 1 => {
                                    recreate_command(service, service.files[0].clone()).cli(&tool)
                                }
                                (Some(service), _) => service.cli(),
                                (None, _) => planned.cli(),
                            };
                            let (for_recreate, for_compose) = (planned.clone(), planned.clone());
                            let several = compose.as_ref().is_some_and(|c| c.files.len() != 1);
                            let running_tool = move || output.with(Option::is_some);
                            view! {
                                <h2>{format!("Recreate {}", planned.name)}</h2>
                                <p>{match &compose {
                                    Some(service) => format!("{} is the {} service of the compose project {}: the Compose tool recreates it from the project's file, pulling {} first.", planned.name, service.service, service.project, planned.image),
                                    None => format!("A new container is made from {} as it is now, with this one's ports, mounts, environment, labels, restart policy and networks. This one is stopped and kept as {} until the new one runs, then removed; if the new one cannot start, this one comes back as it was.", planned.image, planned.parked_name()),
                                }}</p>
                                <div class="run-add">
                                    <button class="action" id="recreate-check" on:click=check_now disabled=move || checking.get()>"Check for a newer image"</button>
                                    {move || checking.get().then(|| view! { <span class="hint">{format!("Pulling {}…", planned.image)}</span> })}
                                </div>
                                {move || check.get().map(|answer| match answer {
                                    Ok(newer) if newer.is_newer() => view! {
                                        <div class="pull-result ok" id="recreate-check-result" data-newer="true">{format!("A newer image was pulled: {} now names {}; this container runs {}.", newer.reference, short(&newer.latest), short(&newer.current))}</div>
                                    }.into_any(),
                                    Ok(newer) => view! {
                                        <div class="pull-result" id="recreate-check-result" data-newer="false">{format!("{} is up to date: this container already runs the image it names ({}).", newer.reference, short(&newer.current))}</div>
                                    }.into_any(),
                                    Err(error) => view! { <ErrorNotice error=error id="recreate-check-error" /> }.into_any(),
                                })}
                                <div class="dialog-cli"><span class="cli-prompt">"$"</span><code id="recreate-command">{command}</code></div>
                                {several.then(|| view! {
                                    <div class="note">"The project was brought up with several compose files (a file and its overrides): run the command above in a terminal, in the project's folder."</div>
                                })}
                                {move || failed.get().map(|error| view! { <ErrorNotice error=error id="recreate-error" /> })}
                                <ToolOutput run=output on_end=Callback::new(|_| ()) />
                                <div class="dialog-buttons">
                                    <button class="ghost" id="recreate-cancel" data-dismiss="" on:click=move |_| recreating.set(None)>"Close"</button>
                                    <button class="primary" id="recreate-ok" disabled=move || busy.get() || several || running_tool()
                                        on:click=move |_| if compose.is_some() { through_compose(for_compose.clone()) } else { recreate(for_recreate.clone()) }>
                                        {move || if busy.get() { "Recreating…" } else { "Recreate" }}
                                    </button>
                                </div>
                            }.into_any()
                        }
                    }}
                </div>
            </div>
        })
    }
}
