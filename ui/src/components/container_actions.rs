//! The lifecycle buttons for the selected container: only the actions its state allows are enabled, destructive
//! ones ask first (when the user wants confirmations), and each shows its docker CLI command on hover. Stop and Kill
//! are split buttons: their menus hold Stop's wait and Kill's signal, and the face names a choice that is not the
//! engine's default. Pause, Resume and Rename stay in the row on a wide page and move into "More" on a narrow one.
//! A stop that takes long offers the learner's-notes advice — kill it — as a button.

use crate::components::action_menu::ActionMenu;
use crate::components::confirm_dialog::ConfirmDialog;
use crate::components::rename_dialog::RenameDialog;
use crate::store::use_store;
use leptos::prelude::*;
use porthole_model::container::stop::{kill_face, stop_face, KILL_SIGNALS, STOP_WAITS};
use porthole_model::{Action, ContainerAction, ContainerSummary};

/// Where a button sits: always in the row, or in the row only while the page is wide (else in "More").
#[derive(Clone, Copy, PartialEq)]
enum Place {
    Row,
    RowOrMore,
}

fn actions() -> [(ContainerAction, Place); 7] {
    [
        (ContainerAction::Start, Place::Row),
        (ContainerAction::Stop { timeout_secs: None }, Place::Row),
        (ContainerAction::Restart, Place::Row),
        (ContainerAction::Pause, Place::RowOrMore),
        (ContainerAction::Unpause, Place::RowOrMore),
        (
            ContainerAction::Kill {
                signal: KILL_SIGNALS[0].0.into(),
            },
            Place::Row,
        ),
        (
            ContainerAction::Remove {
                force: false,
                volumes: false,
            },
            Place::Row,
        ),
    ]
}

#[component]
pub fn ContainerActions(selected: Signal<Option<ContainerSummary>>) -> impl IntoView {
    let store = use_store();
    let pending = RwSignal::new(None::<Action>);
    let signal = RwSignal::new(KILL_SIGNALS[0].0.to_owned());
    // Seconds Stop waits after SIGTERM before the engine kills (`docker stop -t`); `None`: the engine's 10 s.
    let timeout = RwSignal::new(None::<u32>);
    let renaming = RwSignal::new(None::<String>);
    // When a stop was asked for (container name, time): after a few seconds still busy, offer kill.
    let stopping = RwSignal::new(None::<(String, f64)>);
    let slow_stop = RwSignal::new(false);
    Effect::new(move |_| {
        let busy = store.busy.get();
        if let Some((name, _)) = stopping.get() {
            if !busy.contains(&name) {
                stopping.set(None);
                slow_stop.set(false);
            }
        }
    });
    // The action as it will run: Stop with its wait, Kill with its signal.
    let chosen = move |action: &ContainerAction| match action {
        ContainerAction::Kill { .. } => ContainerAction::Kill {
            signal: signal.get(),
        },
        ContainerAction::Stop { .. } => ContainerAction::Stop {
            timeout_secs: timeout.get(),
        },
        other => other.clone(),
    };
    let enabled = move |action: &ContainerAction| {
        selected.with(|s| {
            s.as_ref().is_some_and(|c| {
                action.allowed(c.state) && !store.busy.with(|b| b.contains(&c.name))
            })
        })
    };
    let run = move |action: ContainerAction| {
        let Some(container) = selected.get_untracked() else {
            return;
        };
        if matches!(action, ContainerAction::Stop { .. }) {
            stopping.set(Some((container.name.clone(), js_sys::Date::now())));
            set_timeout(
                move || {
                    slow_stop.try_set(stopping.try_get_untracked().flatten().is_some());
                },
                std::time::Duration::from_secs(3),
            );
        }
        store.ask(
            pending,
            Action::Container {
                container: container.name,
                action,
            },
        );
    };
    let cli = move |action: ContainerAction| {
        selected.with(|s| {
            s.as_ref()
                .map(|c| {
                    Action::Container {
                        container: c.name.clone(),
                        action,
                    }
                    .cli()
                })
                .unwrap_or_default()
        })
    };
    let button = move |(action, place): (ContainerAction, Place)| {
        let slug = action.label().to_lowercase().replace(' ', "-");
        let (for_face, for_title, for_click, for_enabled) = (
            action.clone(),
            action.clone(),
            action.clone(),
            action.clone(),
        );
        let face = move || match &for_face {
            ContainerAction::Stop { .. } => stop_face(timeout.get()),
            ContainerAction::Kill { .. } => kill_face(&signal.get()),
            other => other.label().to_owned(),
        };
        let main = view! {
            <button class="action" class:row-or-more=place == Place::RowOrMore data-action=slug
                disabled=move || !enabled(&for_enabled)
                title=move || cli(chosen(&for_title))
                on:click=move |_| run(chosen(&for_click))>
                {face}
            </button>
        };
        match action {
            ContainerAction::Stop { .. } => view! {
                <span class="split">{main}<StopWaits timeout=timeout /></span>
            }
            .into_any(),
            ContainerAction::Kill { .. } => view! {
                <span class="split">{main}<KillSignals signal=signal /></span>
            }
            .into_any(),
            _ => main.into_any(),
        }
    };
    let more_item = move |action: ContainerAction| {
        let (for_click, for_enabled) = (action.clone(), action.clone());
        view! {
            <button role="menuitem" disabled=move || !enabled(&for_enabled)
                title=move || cli(action.clone()) on:click=move |_| run(for_click.clone())>
                {for_enabled.label()}
            </button>
        }
    };
    view! {
        <div class="container-actions" role="toolbar" aria-label="Container actions">
            <span class="selected-name">
                {move || selected.with(|s| s.as_ref().map(|c| c.name.clone()).unwrap_or_else(|| "Select a container".into()))}
            </span>
            {actions().into_iter().map(button).collect_view()}
            <button class="action row-or-more" data-action="rename" disabled=move || selected.with(Option::is_none)
                title=move || selected.with(|s| s.as_ref().map(|c| format!("docker rename {} NEW-NAME", c.name)).unwrap_or_default())
                on:click=move |_| renaming.set(selected.get_untracked().map(|c| c.name))>"Rename"</button>
            <span class="more-menu">
                <ActionMenu id="container-more" label="More actions: pause, resume, rename" face="More ▾"
                    disabled=Signal::derive(move || selected.with(Option::is_none))>
                    {more_item(ContainerAction::Pause)}
                    {more_item(ContainerAction::Unpause)}
                    <button role="menuitem" data-menu-action="rename"
                        on:click=move |_| renaming.set(selected.get_untracked().map(|c| c.name))>"Rename…"</button>
                </ActionMenu>
            </span>
        </div>
        {move || slow_stop.get().then(|| view! {
            <div class="banner slow-stop" id="slow-stop">
                <span>"Still stopping: the process may be ignoring SIGTERM. The engine kills it when the stop timeout runs out — or kill it now, as the notes advise ("<code>"docker kill"</code>")."</span>
                <button class="action" id="kill-now" on:click=move |_| {
                    if let Some((name, _)) = stopping.get_untracked() {
                        store.perform(Action::Container { container: name, action: ContainerAction::Kill { signal: "SIGKILL".into() } });
                    }
                    slow_stop.set(false);
                }>"Kill now"</button>
            </div>
        })}
        <RenameDialog renaming=renaming />
        <ConfirmDialog pending=pending />
    }
}

/// Stop's menu: how long the engine waits after SIGTERM before it kills (`docker stop -t`).
#[component]
fn StopWaits(timeout: RwSignal<Option<u32>>) -> impl IntoView {
    view! {
        <ActionMenu id="stop-options" label="How long Stop waits after SIGTERM before the engine kills (docker stop -t)" face="▾">
            <div class="menu-heading">"Stop sends SIGTERM, then SIGKILL after"</div>
            {STOP_WAITS.into_iter().map(|(wait, words)| view! {
                <button role="menuitemradio" data-wait=wait.map(|w| w.to_string()).unwrap_or_default()
                    aria-checked=move || (timeout.get() == wait).to_string()
                    on:click=move |_| timeout.set(wait)>{words}</button>
            }).collect_view()}
        </ActionMenu>
    }
}

/// Kill's menu: the signal it sends (`docker kill -s`), with what each asks of the process.
#[component]
fn KillSignals(signal: RwSignal<String>) -> impl IntoView {
    view! {
        <ActionMenu id="kill-options" label="The signal Kill sends (docker kill -s)" face="▾">
            <div class="menu-heading">"Kill sends"</div>
            {KILL_SIGNALS.into_iter().map(|(name, meaning)| view! {
                <button role="menuitemradio" data-signal=name
                    aria-checked=move || (signal.get() == name).to_string()
                    on:click=move |_| signal.set(name.to_owned())>
                    <strong>{name}</strong>" "<span class="menu-hint">{meaning}</span>
                </button>
            }).collect_view()}
        </ActionMenu>
    }
}
