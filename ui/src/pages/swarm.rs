//! The Swarm page: this engine's place in a swarm (initialise, join command, leave), its nodes, its services with
//! their tasks, and creating a service — read again whenever the engine reports a service, node or container change.

use crate::api;
use crate::components::cli_hint::CliHint;
use crate::components::confirm_dialog::ConfirmDialog;
use crate::components::help_button::HelpButton;
use crate::components::service_create::ServiceCreateForm;
use crate::components::swarm_nodes::SwarmNodes;
use crate::components::swarm_services::SwarmServices;
use crate::components::swarm_setup::SwarmSetup;
use crate::components::swarm_stacks::SwarmStacks;
use crate::store::use_store;
use leptos::prelude::*;
use leptos::task::spawn_local;
use porthole_model::swarm::{NodeSummary, ServiceSummary, SwarmInfo};
use porthole_model::{Action, Page};

#[component]
pub fn SwarmPage() -> impl IntoView {
    let store = use_store();
    let pending = RwSignal::new(None::<Action>);
    let info = RwSignal::new(None::<SwarmInfo>);
    let nodes = RwSignal::new(Vec::<NodeSummary>::new());
    let services = RwSignal::new(Vec::<ServiceSummary>::new());
    let ask = Callback::new(move |action: Action| store.ask(pending, action));
    // Task states have no events: while a service converges (tasks starting, a rolling update), the page looks
    // again every second until it has; at rest it only follows the engine's events.
    let converging = RwSignal::new(0u32);
    // Reads overlap (an event burst, then the read after a leave): only the latest one started may set the page,
    // or an older reply saying "still in a swarm" could land after the newer one.
    let latest = StoredValue::new(0u64);
    Effect::new(move |_| {
        converging.track();
        store.cache.swarm_changed.track();
        store.cache.containers.track();
        store.cache.info.track();
        let read = latest.try_update_value(|n| {
            *n += 1;
            *n
        });
        let current = move || read.is_some() && latest.try_get_value() == read;
        let read_lists = move || {
            spawn_local(async move {
                if let Ok(list) = api::list_nodes().await {
                    if current() {
                        set_if_changed(nodes, list);
                    }
                }
            });
            spawn_local(async move {
                if let Ok(list) = api::list_services().await {
                    if current() {
                        show_services(services, converging, list);
                    }
                }
            });
        };
        // A manager's lists are read alongside its swarm state, not after it: three round trips in parallel, as
        // the page's first fill waits for the slowest, not their sum. Whether it manages is known from the last
        // read (or the engine's info) — an engine that was no manager is asked first, so the lists it cannot
        // answer are never asked for.
        let was_manager = info
            .try_with_untracked(|i| i.as_ref().map(|i| i.manager))
            .flatten()
            .or_else(|| {
                store
                    .cache
                    .info
                    .with_untracked(|i| i.as_ref().map(|i| i.swarm_manager))
            })
            .unwrap_or(false);
        if was_manager {
            read_lists();
        }
        spawn_local(async move {
            let Ok(fresh) = api::swarm_info().await else {
                return;
            };
            if !current() {
                return;
            }
            let manager = fresh.manager;
            // Set only what changed: a re-render would reset what the user is typing (a replica count, the reveal).
            set_if_changed(info, Some(fresh));
            if !manager {
                set_if_changed(nodes, Vec::new());
                set_if_changed(services, Vec::new());
            } else if !was_manager {
                read_lists();
            }
        });
    });
    view! {
        <section class="page" data-page="swarm">
            <header class="page-header">
                <div>
                    <h1>"Swarm" <HelpButton page=Page::Swarm /></h1>
                    <p class="page-sub">"Docker's own cluster: services kept running across several engines"</p>
                </div>
                <CliHint command=Signal::derive(|| "docker service ls".to_owned()) />
            </header>
            <div class="page-body">
                {move || info.get().map(|i| view! { <SwarmSetup info=i ask=ask /> })}
                {move || info.with(|i| i.as_ref().is_some_and(|i| i.manager)).then(|| view! {
                    <h3>"Nodes"</h3>
                    {move || view! { <SwarmNodes nodes=nodes.get() ask=ask /> }}
                    <h3>"Services"</h3>
                    <ServiceCreateForm />
                    <SwarmServices services=services ask=ask />
                    <SwarmStacks services=services />
                    {move || services.with(Vec::is_empty).then(|| view! { <div class="empty"><p>"No services yet. Create one above, or with docker service create."</p></div> })}
                })}
                {move || info.with(|i| i.as_ref().is_some_and(|i| i.is_active() && !i.manager)).then(|| view! {
                    <p class="hint">"This engine is a worker: nodes and services are managed from a manager."</p>
                })}
            </div>
            <ConfirmDialog pending=pending />
        </section>
    }
}

/// Shows `list`; while a service converges (tasks starting, a rolling update) the page looks again in a second.
fn show_services(
    services: RwSignal<Vec<ServiceSummary>>,
    converging: RwSignal<u32>,
    list: Vec<ServiceSummary>,
) {
    let unsettled = list.iter().any(|s| {
        s.running != s.desired || matches!(s.update_state.as_str(), "updating" | "rollback_started")
    });
    set_if_changed(services, list);
    if unsettled {
        set_timeout(
            move || {
                converging.try_update(|n| *n += 1);
            },
            std::time::Duration::from_secs(1),
        );
    }
}

fn set_if_changed<T: PartialEq + Send + Sync + 'static>(signal: RwSignal<T>, value: T) {
    if signal.try_with_untracked(|current| current != &value) == Some(true) {
        signal.set(value);
    }
}
