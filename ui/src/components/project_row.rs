//! A compose project's header row in the containers list: its name, how many of its containers run, a checkbox
//! for all of them, and start/stop for the whole project.

use crate::store::use_store;
use leptos::prelude::*;
use porthole_model::{Action, ContainerAction, ContainerSummary};

#[component]
pub fn ProjectRow(
    name: String,
    running: usize,
    total: usize,
    /// The project's containers among the rows shown.
    members: Signal<Vec<ContainerSummary>>,
    checked: RwSignal<Vec<String>>,
) -> impl IntoView {
    let store = use_store();
    let ids = move || members.with(|m| m.iter().map(|c| c.id.clone()).collect::<Vec<_>>());
    let all_checked = move || {
        let ids = ids();
        !ids.is_empty() && checked.with(|c| ids.iter().all(|id| c.contains(id)))
    };
    let act = move |action: ContainerAction| {
        for container in members.get_untracked() {
            if action.allowed(container.state) {
                store.perform(Action::Container {
                    container: container.name,
                    action: action.clone(),
                });
            }
        }
    };
    view! {
        <tr class="project-row" data-project=name.clone()>
            <td class="check-cell">
                <input type="checkbox" class="project-check" aria-label="Select the project" prop:checked=all_checked
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        let ids = ids();
                        checked.update(|c| { c.retain(|x| !ids.contains(x)); if on { c.extend(ids); } });
                    } />
            </td>
            <td colspan="7">
                <span class="project-name" title="Compose project (the com.docker.compose.project label)">{name.clone()}</span>
                <span class="project-count">{format!("{running} of {total} running")}</span>
                <button class="action small" data-action="project-start" title=format!("docker compose -p {name} start")
                    on:click=move |_| act(ContainerAction::Start)>"Start all"</button>
                <button class="action small" data-action="project-stop" title=format!("docker compose -p {name} stop")
                    on:click=move |_| act(ContainerAction::Stop { timeout_secs: None })>"Stop all"</button>
            </td>
        </tr>
    }
}
