//! The lifecycle buttons for the selected container: only the actions its state allows are enabled, destructive
//! ones ask first (when the user wants confirmations), and each shows its docker CLI command on hover.

use crate::components::confirm_dialog::ConfirmDialog;
use crate::store::use_store;
use leptos::prelude::*;
use porthole_model::{Action, ContainerAction, ContainerSummary};

fn actions() -> [ContainerAction; 7] {
    [
        ContainerAction::Start,
        ContainerAction::Stop { timeout_secs: None },
        ContainerAction::Restart,
        ContainerAction::Pause,
        ContainerAction::Unpause,
        ContainerAction::Kill {
            signal: "SIGKILL".into(),
        },
        ContainerAction::Remove {
            force: false,
            volumes: false,
        },
    ]
}

#[component]
pub fn ContainerActions(selected: Signal<Option<ContainerSummary>>) -> impl IntoView {
    let store = use_store();
    let pending = RwSignal::new(None::<Action>);
    let button = move |action: ContainerAction| {
        let label = action.label();
        let slug = label.to_lowercase().replace(' ', "-");
        let for_title = action.clone();
        let for_click = action.clone();
        let enabled = move || {
            selected.with(|s| {
                s.as_ref().is_some_and(|c| {
                    action.allowed(c.state) && !store.busy.with(|b| b.contains(&c.name))
                })
            })
        };
        view! {
            <button class="action" data-action=slug disabled=move || !enabled()
                title=move || selected.with(|s| s.as_ref().map(|c| Action::Container {
                    container: c.name.clone(), action: for_title.clone() }.cli()).unwrap_or_default())
                on:click=move |_| {
                    let Some(container) = selected.get_untracked() else { return };
                    let action = Action::Container { container: container.name, action: for_click.clone() };
                    if action.is_destructive() && store.settings.with_untracked(|s| s.confirm_destructive) {
                        pending.set(Some(action));
                    } else {
                        store.perform(action);
                    }
                }>
                {label}
            </button>
        }
    };
    view! {
        <div class="container-actions" role="toolbar" aria-label="Container actions">
            <span class="selected-name">
                {move || selected.with(|s| s.as_ref().map(|c| c.name.clone()).unwrap_or_else(|| "Select a container".into()))}
            </span>
            {actions().into_iter().map(button).collect_view()}
        </div>
        <ConfirmDialog pending=pending />
    }
}
