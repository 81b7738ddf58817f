//! One container's page (`docker inspect`, `logs`, `stats`, `top`, `exec`): a header with its state and lifecycle
//! buttons, and tabs. Only the open tab is mounted, so its stream runs only while it is on screen and is
//! unsubscribed when the tab or the page closes.

use crate::api;
use crate::components::container_actions::ContainerActions;
use crate::components::container_files::ContainerFiles;
use crate::components::container_overview::ContainerOverview;
use crate::components::help_button::HelpButton;
use crate::components::json_tree::JsonTree;
use crate::components::log_view::LogView;
use crate::components::process_table::ProcessTable;
use crate::components::recreate_dialog::RecreateDialog;
use crate::components::state_badge::StateBadge;
use crate::components::stats_view::StatsView;
use crate::components::terminal_view::TerminalView;
use crate::store::use_store;
use leptos::prelude::*;
use leptos::task::spawn_local;
use porthole_model::{Action, ContainerDetails, ContainerState, Page};

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Tab {
    Overview,
    Logs,
    Stats,
    Processes,
    Terminal,
    Files,
    Inspect,
}

impl Tab {
    const ALL: [Tab; 7] = [
        Tab::Overview,
        Tab::Logs,
        Tab::Stats,
        Tab::Processes,
        Tab::Terminal,
        Tab::Files,
        Tab::Inspect,
    ];

    fn title(self) -> &'static str {
        match self {
            Tab::Overview => "Overview",
            Tab::Logs => "Logs",
            Tab::Stats => "Stats",
            Tab::Processes => "Processes",
            Tab::Terminal => "Terminal",
            Tab::Files => "Files",
            Tab::Inspect => "Inspect",
        }
    }

    fn cli(self, container: &str) -> String {
        let container = container.to_owned();
        match self {
            Tab::Overview | Tab::Inspect => Action::InspectContainer { container }.cli(),
            Tab::Logs => Action::Logs {
                container,
                tail: porthole_model::container::logs::DEFAULT_TAIL,
            }
            .cli(),
            Tab::Stats => Action::Stats { container }.cli(),
            Tab::Processes => Action::Top { container }.cli(),
            Tab::Files => Action::Files {
                container,
                action: porthole_model::action::FileAction::List { path: "/".into() },
            }
            .cli(),
            Tab::Terminal => Action::Exec {
                container,
                command: vec!["sh".into()],
            }
            .cli(),
        }
    }
}

#[component]
pub fn ContainerPage(id: String) -> impl IntoView {
    let store = use_store();
    let tab = RwSignal::new(Tab::Overview);
    let recreating = RwSignal::new(None::<String>);
    let details = RwSignal::new(None::<ContainerDetails>);
    let gone = RwSignal::new(false);
    // A memo, so another container's change (the list is refetched) does not count as a change of this one.
    let summary = {
        let id = id.clone();
        Memo::new(move |_| {
            store
                .cache
                .containers
                .with(|all| all.iter().find(|c| c.id == id).cloned())
        })
    };
    // Refetch the details whenever the list says this container changed (events are invalidation); a container
    // that is no longer listed has been removed.
    // Connecting or disconnecting changes no field of the list's row, but it changes the networks' endpoints.
    let on_networks = {
        let id = id.clone();
        Memo::new(move |_| {
            store.cache.networks.with(|all| {
                all.iter()
                    .filter(|n| n.attached(&id))
                    .map(|n| n.name.clone())
                    .collect::<Vec<_>>()
            })
        })
    };
    // An action on this container that changes no field of the list's row (`docker update`) is read when it ends.
    let busy_here = Memo::new(move |_| {
        let name = details.with(|d| d.as_ref().map(|d| d.name.clone()));
        store
            .busy
            .with(|busy| name.is_some_and(|name| busy.contains(&name)))
    });
    let fetch_id = id.clone();
    Effect::new(move |_| {
        on_networks.track();
        busy_here.track();
        let current = summary.get();
        let loaded = store.cache.loaded(porthole_model::ObjectKind::Container);
        if current.is_none() && loaded && details.with_untracked(Option::is_some) {
            gone.set(true);
            return;
        }
        let id = fetch_id.clone();
        spawn_local(async move {
            match api::container_details(&id).await {
                Ok(fresh) => {
                    details.try_set(Some(fresh));
                }
                Err(error) if error.kind == porthole_model::ErrorKind::NotFound => {
                    gone.try_set(true);
                }
                Err(error) => {
                    store.error.try_set(Some(error.into()));
                }
            }
        });
    });
    let name = move || details.with(|d| d.as_ref().map(|d| d.name.clone()).unwrap_or_default());
    let state = move || {
        summary
            .with(|s| s.as_ref().map(|s| s.state))
            .unwrap_or(ContainerState::Unknown)
    };
    // Only a change between running and not remounts the tabs that need a running container.
    let running = Memo::new(move |_| state().is_running());
    let inspect_json =
        Memo::new(move |_| details.with(|d| d.as_ref().map(|d| d.inspect_json.clone())));
    let back = move |_| store.nav.open_container.set(None);
    let stream_id = id.clone();
    view! {
        <section class="page container-page" data-page="container" data-id=id.clone()>
            <header class="page-header">
                <div>
                    <button class="ghost back" id="container-back" on:click=back>"← Containers"</button>
                    <h1 id="container-name">{name}</h1>
                    <p class="page-sub mono">{move || details.with(|d| d.as_ref().map(|d| d.image.clone()).unwrap_or_default())}</p>
                </div>
                <div class="header-state">
                    {move || view! { <StateBadge state=state() /> }}
                    <HelpButton page=Page::Containers />
                </div>
            </header>
            {move || gone.get().then(|| view! {
                <div class="empty" id="container-gone"><strong>"This container was removed."</strong>
                    <p>"Its live views have been closed. Everything written inside it is gone; named volumes and bind-mounted folders keep their data."</p></div>
            })}
            <div class="toolbar">
                <ContainerActions selected=Signal::from(summary) />
                <button class="action" id="recreate-open" title="Recreate with a newer image (same settings)"
                    on:click={let id = id.clone(); move |_| recreating.set(Some(id.clone()))}>"Recreate…"</button>
            </div>
            <RecreateDialog recreating=recreating />
            <nav class="tabs" role="tablist">
                {Tab::ALL.into_iter().map(|t| view! {
                    <button role="tab" class="tab" data-tab=t.title().to_lowercase() class:active=move || tab.get() == t
                        title=move || t.cli(&name()) on:click=move |_| tab.set(t)>{t.title()}</button>
                }).collect_view()}
            </nav>
            <div class="tab-body">
                {move || {
                    let id = stream_id.clone();
                    let running = running.get();
                    match tab.get() {
                        Tab::Overview => (move || details.get().map(|d| view! { <ContainerOverview details=d /> })).into_any(),
                        Tab::Logs => view! { <LogView container=id /> }.into_any(),
                        Tab::Stats if running => view! { <StatsView container=id /> }.into_any(),
                        Tab::Processes if running => view! { <ProcessTable container=id /> }.into_any(),
                        Tab::Terminal if running => view! { <TerminalView container=id name=Signal::derive(name) /> }.into_any(),
                        Tab::Stats | Tab::Processes | Tab::Terminal => view! {
                            <div class="empty"><strong>"The container is not running."</strong>
                                <p>"Stats, processes and a terminal need a running container. Start it with the Start button above."</p></div>
                        }.into_any(),
                        Tab::Files => view! { <ContainerFiles container=id name=Signal::derive(name) /> }.into_any(),
                        Tab::Inspect => (move || inspect_json.get().map(|json| view! { <JsonTree json=json /> })).into_any(),
                    }
                }}
            </div>
        </section>
    }
}
