//! One step of the guided tour: done (ticked), current (open, with what to do, the commands, and a shortcut), or
//! still ahead (title only).

use crate::api;
use crate::components::prose::Prose;
use crate::components::tour_compose::TourComposeFile;
use crate::store::{use_store, Route};
use leptos::prelude::*;
use leptos::task::spawn_local;
use porthole_model::diagnosis::Diagnosis;
use porthole_model::tour::{TourProgress, TourSignal, TourSource, TourStep, STUBBORN};
use porthole_model::{Page, RunRequest};

/// Where in Porthole a step is done.
fn page_of(step: TourStep) -> Page {
    match step {
        TourStep::Pull | TourStep::PullTag | TourStep::MeetInUse | TourStep::RemoveImage => {
            Page::Images
        }
        TourStep::PullFromRegistry => Page::Registries,
        TourStep::ComposeUp
        | TourStep::ComposeByName
        | TourStep::ComposeDown
        | TourStep::ComposeDownVolumes => Page::Compose,
        _ => Page::Containers,
    }
}

#[component]
pub fn TourStepCard(
    step: TourStep,
    source: TourSource,
    progress: Memo<TourProgress>,
) -> impl IntoView {
    let store = use_store();
    let state = move || {
        progress.with(|p| {
            if p.skipped.contains(&step) {
                "skipped"
            } else if p.done.contains(&step) {
                "done"
            } else if p.current_in(step.chapter()) == Some(step) {
                "current"
            } else {
                "ahead"
            }
        })
    };
    let number = step.chapter().iter().position(|s| *s == step).unwrap_or(0) + 1;
    let gui = step.gui(&source);
    let cli = step.cli(&source);
    let extra = move || (state() == "current").then(|| current_extra(step, source.clone()));
    let body = move || {
        matches!(state(), "current" | "done").then(|| {
            let page = page_of(step);
            view! {
                <p class="tour-gui">{gui.clone()}</p>
                <pre class="tour-cli"><span class="cli-prompt">"$ "</span>{cli.clone()}</pre>
                {extra.clone()}
                {(state() == "current").then(|| view! {
                    <button class="action small tour-go" on:click=move |_| store.go(page)>
                        {format!("Go to {}", page.title())}
                    </button>
                })}
                {(step == TourStep::MeetInUse && state() == "done").then(|| view! {
                    <p class="tour-explain"><Prose text=Diagnosis::ImageInUse.message() /></p>
                })}
            }
        })
    };
    view! {
        <li class="tour-step" data-step=step.slug() data-state=state>
            <div class="tour-step-head">
                <span class="tour-mark">{move || match state() { "done" => "✓".to_owned(), "skipped" => "–".to_owned(), _ => number.to_string() }}</span>
                <strong>{step.title()}</strong>
            </div>
            {body}
        </li>
    }
}

/// The shortcuts the current step offers.
fn current_extra(step: TourStep, source: TourSource) -> Option<AnyView> {
    let store = use_store();
    match step {
        TourStep::PullFromRegistry => {
            let registry = source.registry.clone();
            let skip = move |_| {
                store
                    .prefs
                    .update(|s| s.tour.skip(TourStep::PullFromRegistry));
            };
            Some(view! {
                <button class="action small" id="tour-login" on:click=move |_| store.open(Route::Login(registry.clone()))>
                    {format!("Log in to {}", source.registry)}
                </button>
                <button class="action small" id="tour-skip" title="For when you have no registry of your own yet"
                    on:click=skip>"Skip: no registry of my own"</button>
            }.into_any())
        }
        TourStep::Kill => {
            let started = RwSignal::new(false);
            let image = source.tagged_image();
            let start = move |_| {
                started.set(true);
                let request = RunRequest {
                    image: image.clone(),
                    name: STUBBORN.to_owned(),
                    // PID 1 ignoring SIGTERM: `docker stop` waits its 10 s, then kills.
                    command: vec![
                        "sh".into(),
                        "-c".into(),
                        "trap '' TERM; while :; do sleep 1; done".into(),
                    ],
                    ..Default::default()
                };
                spawn_local(async move {
                    if let Err(error) = api::run_container(&request).await {
                        started.try_set(false);
                        store.error.try_set(Some(error.into()));
                    }
                });
            };
            let exists = move || {
                store
                    .cache
                    .containers
                    .with(|c| c.iter().any(|c| c.name == STUBBORN))
            };
            Some(view! {
                <button class="action small" id="tour-start-stubborn" disabled=move || started.get() || exists()
                    on:click=start>
                    {format!("Start {STUBBORN}")}
                </button>
            }.into_any())
        }
        TourStep::OpenInBrowser => {
            let urls = move || {
                let tracked = store.prefs.with(|s| s.tour.tracked.clone());
                store.cache.containers.with(|c| {
                    c.iter()
                        .filter(|c| tracked.contains(&c.id) && c.state.is_running())
                        .flat_map(|c| {
                            porthole_model::container::port_links(&c.ports)
                                .into_iter()
                                .map(|u| (u, c.image.clone()))
                        })
                        .collect::<Vec<_>>()
                })
            };
            Some(view! {
                <div class="port-links">
                    {move || urls().into_iter().map(|(url, image)| {
                        let open = url.clone();
                        view! {
                            <button class="link port-link tour-port" data-url=url.clone() on:click=move |_| {
                                store.tour_note(TourSignal::OpenedPort, Some(&image));
                                let url = open.clone();
                                spawn_local(async move {
                                    if let Err(error) = api::open_url(&url).await {
                                        store.error.try_set(Some(error.into()));
                                    }
                                });
                            }>{format!("{url} ↗")}</button>
                        }
                    }).collect_view()}
                </div>
            }.into_any())
        }
        TourStep::ComposeUp => Some(view! { <TourComposeFile source=source /> }.into_any()),
        _ => None,
    }
}
