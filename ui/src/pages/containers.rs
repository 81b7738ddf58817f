//! The Containers page: `docker ps` by default, `docker ps -a` with the toggle; live, filterable, sortable, keyboard
//! navigable and virtualized.

use crate::api;
use crate::components::cli_hint::CliHint;
use crate::components::container_actions::ContainerActions;
use crate::components::filter_box::FilterBox;
use crate::components::list_keys::navigate;
use crate::components::relative_time::RelativeTime;
use crate::components::sort_header::SortHeader;
use crate::components::state_badge::StateBadge;
use crate::components::viewport::Viewport;
use crate::pages::container::ContainerPage;
use crate::store::use_store;
use leptos::prelude::*;
use leptos::task::spawn_local;
use porthole_model::container::port_links;
use porthole_model::containers::{visible, ContainerColumn, Sort};
use porthole_model::status::aged;
use porthole_model::{Action, ContainerState, ContainerSummary};
use std::collections::HashMap;

/// The list, or one container's page over it when one is open.
#[component]
pub fn ContainersPage() -> impl IntoView {
    let store = use_store();
    move || match store.open_container.get() {
        Some(id) => view! { <ContainerPage id=id /> }.into_any(),
        None => view! { <ContainerList /> }.into_any(),
    }
}

#[component]
fn ContainerList() -> impl IntoView {
    let store = use_store();
    // `docker ps` vs `docker ps -a`, remembered in the settings.
    let show_all = Signal::derive(move || store.settings.with(|s| s.show_all_containers));
    let filter = RwSignal::new(String::new());
    let sort = RwSignal::new(Sort {
        column: ContainerColumn::Created,
        descending: false,
    });
    let selected = RwSignal::new(None::<String>);
    let viewport = Viewport::new();

    let rows = Memo::new(move |_| {
        store.containers.with(|all| {
            visible(all, show_all.get(), &filter.get(), sort.get())
                .into_iter()
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    let selected_container = Signal::derive(move || {
        selected.with(|id| {
            id.as_ref().and_then(|id| {
                store
                    .containers
                    .with(|all| all.iter().find(|c| &c.id == id).cloned())
            })
        })
    });
    let command = Signal::derive(move || {
        Action::ListContainers {
            all: show_all.get(),
        }
        .cli()
    });
    let total = move || store.containers.with(|c| c.len());
    let running = move || {
        store
            .containers
            .with(|c| c.iter().filter(|c| c.state.is_running()).count())
    };
    // Rows are keyed by id and read their container from this map, so a change (a new status, a state) updates the
    // cells of that row in place and leaves every other row's DOM alone.
    let by_id = Memo::new(move |_| {
        store.containers.with(|all| {
            all.iter()
                .map(|c| (c.id.clone(), c.clone()))
                .collect::<HashMap<_, _>>()
        })
    });
    let window_ids = move || {
        let (start, end) = viewport.window(rows.with(|r| r.len()));
        rows.with(|r| {
            r[start..end]
                .iter()
                .map(|c| c.id.clone())
                .collect::<Vec<_>>()
        })
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        let ids: Vec<String> = rows.with_untracked(|r| r.iter().map(|c| c.id.clone()).collect());
        if navigate(&ev.key(), &ids, selected, viewport) {
            ev.prevent_default();
        }
    };

    view! {
        <section class="page" data-page="containers">
            <header class="page-header">
                <div>
                    <h1>"Containers"</h1>
                    <p class="page-sub">
                        {move || format!("{} running of {} in total", running(), total())}
                    </p>
                </div>
                <CliHint command=command />
            </header>
            <div class="toolbar">
                <FilterBox filter=filter placeholder="Filter by name, image, state, port…" />
                <label class="switch" title="docker ps shows running containers; docker ps -a shows all of them">
                    <input type="checkbox" id="show-all" prop:checked=move || show_all.get()
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            store.settings.update(|s| s.show_all_containers = on);
                            store.save_settings();
                        } />
                    <span class="switch-track"></span>
                    <span>"Show stopped too"</span>
                </label>
                <button class="primary" id="run-open" title="docker run" on:click=move |_| store.run_dialog.set(Some(String::new()))>"Run…"</button>
                <button class="action" id="container-open" title="docker inspect, logs, stats, top, exec"
                    disabled=move || selected.with(Option::is_none)
                    on:click=move |_| store.open_container.set(selected.get_untracked())>"Open"</button>
                <span class="toolbar-spacer"></span>
                <ContainerActions selected=selected_container />
            </div>
            <div class="table-scroll" tabindex="0" node_ref=viewport.node on:scroll=move |_| viewport.on_scroll()
                on:keydown=on_key aria-label="Containers">
                <table class="list" id="containers-table">
                    <thead>
                        <tr>
                            {ContainerColumn::ALL.into_iter().map(|column| view! {
                                <SortHeader column=column title=column.title() sort=sort />
                            }).collect_view()}
                        </tr>
                    </thead>
                    <tbody>
                        <tr class="spacer" style:height=move || viewport.padding_above(rows.with(|r| r.len()))></tr>
                        <For each=window_ids key=|id| id.clone() let:id>
                            <ContainerRow id=id by_id=by_id selected=selected />
                        </For>
                        <tr class="spacer" style:height=move || viewport.padding_below(rows.with(|r| r.len()))></tr>
                    </tbody>
                </table>
                {move || rows.with(|r| r.is_empty()).then(|| view! { <EmptyState show_all=show_all filtered=Signal::derive(move || !filter.get().is_empty()) /> })}
            </div>
        </section>
    }
}

#[component]
fn ContainerRow(
    id: String,
    by_id: Memo<HashMap<String, ContainerSummary>>,
    selected: RwSignal<Option<String>>,
) -> impl IntoView {
    let container = {
        let id = id.clone();
        Memo::new(move |_| by_id.with(|all| all.get(&id).cloned()))
    };
    let field = move |get: fn(&ContainerSummary) -> String| {
        move || container.with(|c| c.as_ref().map(get).unwrap_or_default())
    };
    let state = move || {
        container.with(|c| {
            c.as_ref()
                .map(|c| c.state)
                .unwrap_or(ContainerState::Unknown)
        })
    };
    let is_selected = {
        let id = id.clone();
        move || selected.with(|s| s.as_deref() == Some(id.as_str()))
    };
    let store = use_store();
    // The engine words the status at fetch time; age it with the clock instead of asking again.
    let status = move || {
        let elapsed = store.now.get() - store.containers_fetched_at.get();
        container.with(|c| {
            c.as_ref()
                .map(|c| aged(&c.status, elapsed))
                .unwrap_or_default()
        })
    };
    let select_id = id.clone();
    let open_id = id.clone();
    let created = container.with_untracked(|c| c.as_ref().map(|c| c.created).unwrap_or_default());
    view! {
        <tr class:selected=is_selected data-id=id.clone() data-name=field(|c| c.name.clone())
            data-state=move || state().as_str() on:click=move |_| selected.set(Some(select_id.clone()))
            on:dblclick=move |_| store.open_container.set(Some(open_id.clone()))>
            <td class="name">
                <div class="cell-main">{field(|c| c.name.clone())}</div>
                <div class="cell-sub mono">{field(|c| c.short_id().to_string())}</div>
            </td>
            <td class="image mono" title=field(|c| c.image.clone())>{field(|c| c.image.clone())}</td>
            <td>{move || view! { <StateBadge state=state() /> }}</td>
            <td class="status">{status}</td>
            <td class="ports mono" title=field(ContainerSummary::ports_label)>
                {move || container.with(|c| c.as_ref().map(|c| port_links(&c.ports)).unwrap_or_default()).into_iter().map(|url| {
                    let open = url.clone();
                    let label = url.trim_start_matches("http://").to_owned();
                    view! { <button class="link port-link" data-url=url title=format!("Open {open} in the browser")
                        on:click=move |ev| { ev.stop_propagation(); let url = open.clone(); spawn_local(async move {
                            if let Err(error) = api::open_url(&url).await { store.error.try_set(Some(error.into())); }
                        }); }>{label}</button> }
                }).collect_view()}
                <span class="cell-sub">{move || container.with(|c| c.as_ref().map(|c| c.ports.iter().filter(|p| p.host_port.is_none() || p.protocol != "tcp").map(|p| p.label()).collect::<Vec<_>>().join(", ")).unwrap_or_default())}</span>
            </td>
            <td class="created"><RelativeTime unix=created /></td>
        </tr>
    }
}

#[component]
fn EmptyState(show_all: Signal<bool>, filtered: Signal<bool>) -> impl IntoView {
    move || {
        if filtered.get() {
            view! { <div class="empty">"No container matches the filter."</div> }.into_any()
        } else if show_all.get() {
            view! {
                <div class="empty">
                    <strong>"No containers yet."</strong>
                    <p>"A container is a running (or stopped) instance of an image. Press "<strong>"Run…"</strong>
                       " to start one — the dialog shows the "<code>"docker run -d -p 8080:80 nginx"</code>" command it amounts to."</p>
                </div>
            }.into_any()
        } else {
            view! {
                <div class="empty">
                    <strong>"No running containers."</strong>
                    <p>"Like "<code>"docker ps"</code>", this list shows running containers. Turn on "
                       <em>"Show stopped too"</em>" to see all of them, like "<code>"docker ps -a"</code>"."</p>
                </div>
            }.into_any()
        }
    }
}
