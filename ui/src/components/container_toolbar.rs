//! The Containers list's toolbar: the filter, `docker ps` or `docker ps -a` ("Show stopped too"), grouping by
//! compose project, Run…, Open, the port map, and the actions for the selected container.

use crate::components::container_actions::ContainerActions;
use crate::components::filter_box::FilterBox;
use crate::store::use_store;
use leptos::prelude::*;
use porthole_model::tour::TourSignal;
use porthole_model::ContainerSummary;

#[component]
pub fn ContainerToolbar(
    filter: RwSignal<String>,
    selected: RwSignal<Option<String>>,
    selected_container: Signal<Option<ContainerSummary>>,
    port_map: RwSignal<bool>,
) -> impl IntoView {
    let store = use_store();
    let show_all = move || store.prefs.with(|s| s.show_all_containers);
    let group = move || store.prefs.with(|s| s.group_by_project);
    let on_show_all = move |ev| {
        let on = event_target_checked(&ev);
        store.prefs.update(|s| s.show_all_containers = on);
        if on {
            store.tour_note(TourSignal::ShowedAll, None);
        }
    };
    let on_group = move |ev| {
        let on = event_target_checked(&ev);
        store.prefs.update(|s| s.group_by_project = on);
    };
    view! {
        <div class="toolbar">
            <FilterBox filter=filter placeholder="Filter by name, image, state, port…" />
            <label class="switch" title="docker ps shows running containers; docker ps -a shows all of them">
                <input type="checkbox" id="show-all" prop:checked=show_all on:change=on_show_all />
                <span class="switch-track"></span>
                <span>"Show stopped too"</span>
            </label>
            <label class="switch" title="Group the containers of each compose project">
                <input type="checkbox" id="group-projects" prop:checked=group on:change=on_group />
                <span class="switch-track"></span>
                <span>"By project"</span>
            </label>
            <button class="primary" id="run-open" title="docker run" on:click=move |_| store.nav.run_dialog.set(Some(String::new()))>"Run…"</button>
            <button class="action" id="container-open" title="docker inspect, logs, stats, top, exec"
                disabled=move || selected.with(Option::is_none)
                on:click=move |_| store.nav.open_container.set(selected.get_untracked())>"Open"</button>
            <button class="action" id="port-map-open" title="docker port" on:click=move |_| port_map.set(true)>"Port map"</button>
            <span class="toolbar-spacer"></span>
            <ContainerActions selected=selected_container />
        </div>
    }
}
