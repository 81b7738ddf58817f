//! One row of the containers list, keyed by container id: it reads its container from the page's map, so a change
//! updates its cells in place. Published TCP ports are links that open in the browser; running containers show
//! their CPU over their memory in one column.

use crate::components::port_link::PortLink;
use crate::components::relative_time::RelativeTime;
use crate::components::state_badge::StateBadge;
use crate::store::use_store;
use leptos::prelude::*;
use porthole_model::container::port_links;
use porthole_model::container::status::{aged, status_lines};
use porthole_model::{ContainerState, ContainerSummary, StatsSample};
use std::collections::HashMap;

#[component]
pub fn ContainerRow(
    id: String,
    by_id: Memo<HashMap<String, ContainerSummary>>,
    selected: RwSignal<Option<String>>,
    checked: RwSignal<Vec<String>>,
    stats: RwSignal<HashMap<String, StatsSample>>,
) -> impl IntoView {
    let store = use_store();
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
    let is_checked = {
        let id = id.clone();
        move || checked.with(|c| c.contains(&id))
    };
    // The engine words the status at fetch time; age it with the clock instead of asking again.
    // A memo: a read by id of another row changes the map, not this row's time, and re-renders nothing here.
    let read_at = {
        let id = id.clone();
        Memo::new(move |_| store.cache.container_read_at(&id))
    };
    let status = move || {
        let elapsed = store.now.get() - read_at.get();
        container.with(|c| {
            c.as_ref()
                .map(|c| aged(&c.status, elapsed))
                .unwrap_or_default()
        })
    };
    let sample = {
        let id = id.clone();
        move || {
            stats
                .with(|s| s.get(&id).cloned())
                .filter(|_| state().is_running())
        }
    };
    let sample_cpu = sample.clone();
    let (select_id, open_id, check_id) = (id.clone(), id.clone(), id.clone());
    // A container's id, image and creation time never change: read once, they cost the row no reactive work.
    let fixed = |get: fn(&ContainerSummary) -> String| {
        container.with_untracked(|c| c.as_ref().map(get).unwrap_or_default())
    };
    let created = container.with_untracked(|c| c.as_ref().map(|c| c.created).unwrap_or_default());
    view! {
        <tr class:selected=is_selected data-id=id.clone() data-name=field(|c| c.name.clone())
            data-state=move || state().as_str() on:click=move |_| selected.set(Some(select_id.clone()))
            on:dblclick=move |_| store.nav.open_container.set(Some(open_id.clone()))>
            <td class="check-cell" on:click=|ev| ev.stop_propagation()>
                <input type="checkbox" class="row-check" aria-label="Select" prop:checked=is_checked
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        checked.update(|c| { c.retain(|x| x != &check_id); if on { c.push(check_id.clone()); } });
                    } />
            </td>
            // A value cut to fit its column keeps its full text on hover.
            <td class="name" title=field(|c| c.name.clone())>
                <div class="cell-main">{field(|c| c.name.clone())}</div>
                <div class="cell-sub mono">{fixed(|c| c.short_id().to_string())}</div>
            </td>
            <td class="image mono" title=fixed(|c| c.image.clone())>{fixed(|c| c.image.clone())}</td>
            <td>{move || view! { <StateBadge state=state() /> }}</td>
            // Two lines, so the exit code or the time up is never the part cut off.
            <td class="status" title=status>
                <div class="cell-main">{move || status_lines(&status()).0}</div>
                <div class="cell-sub">{move || status_lines(&status()).1}</div>
            </td>
            <td class="ports mono" title=field(ContainerSummary::ports_label)>
                {move || container.with(|c| c.as_ref().map(|c| port_links(&c.ports)).unwrap_or_default()).into_iter().map(|url| {
                    let on_open = Callback::new(move |()| {
                        let image = container.with_untracked(|c| c.as_ref().map(|c| c.image.clone()).unwrap_or_default());
                        store.tour_note(porthole_model::tour::TourSignal::OpenedPort, Some(&image));
                    });
                    view! { <PortLink url=url on_open=on_open /> }
                }).collect_view()}
                <span class="cell-sub">{move || container.with(|c| c.as_ref().map(|c| c.ports.iter()
                    .filter(|p| p.host_port.is_none() || p.protocol != "tcp").map(|p| p.label()).collect::<Vec<_>>().join(", ")).unwrap_or_default())}</span>
            </td>
            // CPU over memory in one cell: two narrow numbers need one column, not two.
            <td class="num cpu">
                <div class="cell-main">{move || sample_cpu().map(|s| s.list_cells().0).unwrap_or_default()}</div>
                <div class="cell-sub memory">{move || sample().map(|s| s.list_cells().1).unwrap_or_default()}</div>
            </td>
            <td class="created"><RelativeTime unix=created /></td>
        </tr>
    }
}
