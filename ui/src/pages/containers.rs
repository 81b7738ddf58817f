//! The Containers page: `docker ps` by default, `docker ps -a` with the toggle; live, filterable, sortable, keyboard
//! navigable and virtualized; grouped by compose project; checkboxes for actions on many; CPU and memory for the
//! running rows in view; the port map. Opening a container shows its page instead of the list.

use crate::api;
use crate::components::bulk_actions::BulkActions;
use crate::components::cli_hint::CliHint;
use crate::components::column_resize::ColumnResize;
use crate::components::container_row::ContainerRow;
use crate::components::container_toolbar::ContainerToolbar;
use crate::components::help_button::HelpButton;
use crate::components::list_keys::navigate;
use crate::components::port_map::PortMap;
use crate::components::project_row::ProjectRow;
use crate::components::sort_header::SortHeader;
use crate::components::viewport::Viewport;
use crate::load::Loadable;
use crate::pages::container::ContainerPage;
use crate::store::{use_store, Route};
use leptos::prelude::*;
use leptos::task::spawn_local;
use porthole_model::container::list::{grouped, visible, ContainerColumn, ListItem, Sort};
use porthole_model::{Action, ContainerSummary, StatsMessage, StatsSample};
use porthole_model::{ObjectKind, Page};
use std::collections::HashMap;

/// The list, or one container's page over it when one is open.
#[component]
pub fn ContainersPage() -> impl IntoView {
    let store = use_store();
    move || match store.nav.open_container.get() {
        Some(id) => view! { <ContainerPage id=id /> }.into_any(),
        None => view! { <ContainerList /> }.into_any(),
    }
}

#[component]
fn ContainerList() -> impl IntoView {
    let store = use_store();
    // `docker ps` vs `docker ps -a`, remembered in the settings.
    let show_all = Signal::derive(move || store.prefs.with(|s| s.show_all_containers));
    let group = Signal::derive(move || store.prefs.with(|s| s.group_by_project));
    let filter = RwSignal::new(String::new());
    let sort = RwSignal::new(Sort {
        column: ContainerColumn::Created,
        descending: false,
    });
    let selected = RwSignal::new(None::<String>);
    let checked = RwSignal::new(Vec::<String>::new());
    let stats = RwSignal::new(HashMap::<String, StatsSample>::new());
    let port_map = RwSignal::new(false);
    let viewport = Viewport::new();

    let rows = Memo::new(move |_| {
        store.cache.containers.with(|all| {
            visible(all, show_all.get(), &filter.get(), sort.get())
                .into_iter()
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    let items =
        Memo::new(move |_| rows.with(|r| grouped(&r.iter().collect::<Vec<_>>(), group.get())));
    let selected_container = Signal::derive(move || {
        selected.with(|id| {
            id.as_ref().and_then(|id| {
                store
                    .cache
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
    let total = move || store.cache.containers.with(|c| c.len());
    let running = move || {
        store
            .cache
            .containers
            .with(|c| c.iter().filter(|c| c.state.is_running()).count())
    };
    // Rows are keyed by id and read their container from this map, so a change (a new status, a state) updates the
    // cells of that row in place and leaves every other row's DOM alone.
    let by_id = Memo::new(move |_| {
        store.cache.containers.with(|all| {
            all.iter()
                .map(|c| (c.id.clone(), c.clone()))
                .collect::<HashMap<_, _>>()
        })
    });
    let window_items = move || {
        let (start, end) = viewport.window(items.with(|i| i.len()));
        items.with(|i| i[start..end].to_vec())
    };
    let reading = move || {
        matches!(
            store.cache.read(ObjectKind::Container),
            Loadable::Idle | Loadable::Loading
        )
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        let ids: Vec<String> = rows.with_untracked(|r| r.iter().map(|c| c.id.clone()).collect());
        if navigate(&ev.key(), &ids, selected, viewport) {
            ev.prevent_default();
        } else if ev.key() == "Enter" {
            if let Some(id) = selected.get_untracked() {
                store.open(Route::Container(id));
            }
        }
    };
    // Checked containers that disappear (removed) leave the selection.
    Effect::new(move |_| {
        let existing = store
            .cache
            .containers
            .with(|all| all.iter().map(|c| c.id.clone()).collect::<Vec<_>>());
        if checked.with_untracked(|c| c.iter().any(|id| !existing.contains(id))) {
            checked.update(|c| c.retain(|id| existing.contains(id)));
        }
    });
    list_stats(Signal::derive(window_items), stats);

    view! {
        <section class="page" data-page="containers">
            <header class="page-header">
                <div>
                    <h1>"Containers" <HelpButton page=Page::Containers /></h1>
                    <p class="page-sub">{move || format!("{} running of {} in total", running(), total())}</p>
                </div>
                <CliHint command=command />
            </header>
            <ContainerToolbar filter=filter selected=selected selected_container=selected_container port_map=port_map />
            <BulkActions checked=checked />
            <div class="table-scroll" tabindex="0" node_ref=viewport.node on:scroll=move |_| viewport.on_scroll()
                on:keydown=on_key aria-label="Containers">
                <table class="list" id="containers-table">
                    <ContainerHead rows=rows checked=checked sort=sort />
                    <tbody>
                        <tr class="spacer" style:height=move || viewport.padding_above(items.with(|i| i.len()))></tr>
                        <For each=window_items key=ListItem::key let:item>
                            <ListEntry item=item rows=rows by_id=by_id selected=selected checked=checked stats=stats />
                        </For>
                        <tr class="spacer" style:height=move || viewport.padding_below(items.with(|i| i.len()))></tr>
                    </tbody>
                </table>
                {move || rows.with(|r| r.is_empty()).then(|| if reading() {
                    // Not read yet is not "no containers".
                    view! { <div class="empty hint" id="containers-reading">"Reading the containers…"</div> }.into_any()
                } else {
                    view! { <EmptyState show_all=show_all filtered=Signal::derive(move || !filter.get().is_empty()) /> }.into_any()
                })}
            </div>
            <PortMap open=port_map />
        </section>
    }
}

/// Keeps the list's CPU and memory columns fed for the running rows in view: one subscription for them all, made
/// again when those rows change, and dropped while the window is hidden or another window has the focus (nobody is
/// looking, and the user did not ask for these).
fn list_stats(in_view: Signal<Vec<ListItem>>, stats: RwSignal<HashMap<String, StatsSample>>) {
    let store = use_store();
    let ids = Memo::new(move |_| {
        let in_view = in_view.get();
        store.cache.containers.with(|all| {
            let mut ids: Vec<String> = in_view
                .iter()
                .filter_map(|item| match item {
                    ListItem::Container { id } => all
                        .iter()
                        .find(|c| &c.id == id && c.state.is_running())
                        .map(|c| c.id.clone()),
                    ListItem::Project { .. } | ListItem::Loose { .. } => None,
                })
                .collect();
            ids.sort();
            ids
        })
    });
    let slot = api::Slot::new();
    Effect::new(move |_| {
        let ids = ids.get();
        let away = store.hidden.get() || store.unfocused.get();
        let ticket = slot.renew();
        if away {
            // Figures that no longer move are not shown as if they did: the cells read "—" until the next round.
            stats.try_update(HashMap::clear);
        }
        if ids.is_empty() || away {
            return;
        }
        spawn_local(async move {
            let on_message = move |message: StatsMessage| {
                // The backend sends only the samples whose cells changed: a round of idle containers sends nothing.
                if let (true, StatsMessage::Round { samples }) = (slot.is_current(ticket), message)
                {
                    stats.try_update(|s| s.extend(samples));
                }
            };
            if let Ok(id) = api::subscribe_list_stats(&ids, on_message).await {
                slot.keep(ticket, id).await;
            }
        });
    });
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

/// The list's header: select all, and the sortable columns.
#[component]
fn ContainerHead(
    rows: Memo<Vec<ContainerSummary>>,
    checked: RwSignal<Vec<String>>,
    sort: RwSignal<Sort<ContainerColumn>>,
) -> impl IntoView {
    let all_checked = move || {
        !rows.with(Vec::is_empty)
            && rows.with(|r| checked.with(|c| r.iter().all(|row| c.contains(&row.id))))
    };
    let check_all = move |ev| {
        let on = event_target_checked(&ev);
        checked.set(if on {
            rows.with_untracked(|r| r.iter().map(|c| c.id.clone()).collect())
        } else {
            Vec::new()
        });
    };
    view! {
        <thead>
            <tr>
                <th class="check-cell"><input type="checkbox" id="check-all" aria-label="Select all" prop:checked=all_checked
                    on:change=check_all /></th>
                {ContainerColumn::ALL.into_iter().take(5).map(|column| view! {
                    <SortHeader column=column title=column.title() sort=sort table="containers" />
                }).collect_view()}
                <th class="num" title="CPU over memory, sampled every few seconds for the running rows in view">"CPU · Mem"<ColumnResize key="containers.usage" /></th>
                <SortHeader column=ContainerColumn::Created title=ContainerColumn::Created.title() sort=sort table="containers" />
            </tr>
        </thead>
    }
}

/// One entry of the list: a container's row, a compose project's heading, or the heading of the containers in none.
#[component]
fn ListEntry(
    item: ListItem,
    rows: Memo<Vec<ContainerSummary>>,
    by_id: Memo<HashMap<String, ContainerSummary>>,
    selected: RwSignal<Option<String>>,
    checked: RwSignal<Vec<String>>,
    stats: RwSignal<HashMap<String, StatsSample>>,
) -> impl IntoView {
    match item {
        ListItem::Container { id } => view! {
            <ContainerRow id=id by_id=by_id selected=selected checked=checked stats=stats />
        }
        .into_any(),
        ListItem::Project {
            name,
            running,
            total,
        } => {
            let project = name.clone();
            let members = Signal::derive(move || {
                rows.with(|r| {
                    r.iter()
                        .filter(|c| c.compose_project.as_deref() == Some(project.as_str()))
                        .cloned()
                        .collect::<Vec<ContainerSummary>>()
                })
            });
            view! { <ProjectRow name=name running=running total=total members=members checked=checked /> }.into_any()
        }
        ListItem::Loose { total } => view! {
            <tr class="project-row loose-row" id="loose-heading"><td colspan="8">
                <strong>"Not in a compose project"</strong>
                <span class="muted">{format!(" · {total}")}</span></td></tr>
        }
        .into_any(),
    }
}
