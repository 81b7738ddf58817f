//! The lifecycle buttons for the selected container: only the actions its state allows are enabled, destructive
//! ones ask first (when the user wants confirmations), and each shows its docker CLI command on hover. Kill sends
//! the chosen signal; a stop that takes long offers the learner's-notes advice — kill it — as a button; rename
//! asks for the new name in place.

use crate::components::confirm_dialog::ConfirmDialog;
use crate::store::use_store;
use leptos::prelude::*;
use porthole_model::{Action, ContainerAction, ContainerSummary};

/// The signals offered for Kill, the engine's default first.
const SIGNALS: [&str; 6] = [
    "SIGKILL", "SIGTERM", "SIGINT", "SIGHUP", "SIGUSR1", "SIGUSR2",
];

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
    let signal = RwSignal::new(SIGNALS[0].to_owned());
    // Seconds Stop waits after SIGTERM before the engine kills (`docker stop -t`); empty: the engine's 10 s.
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
                    let for_click = match &for_click {
                        ContainerAction::Kill { .. } => ContainerAction::Kill { signal: signal.get_untracked() },
                        ContainerAction::Stop { .. } => ContainerAction::Stop { timeout_secs: timeout.get_untracked() },
                        other => other.clone(),
                    };
                    if matches!(for_click, ContainerAction::Stop { .. }) {
                        stopping.set(Some((container.name.clone(), js_sys::Date::now())));
                        set_timeout(move || { slow_stop.try_set(stopping.try_get_untracked().flatten().is_some()); }, std::time::Duration::from_secs(3));
                    }
                    store.ask(pending, Action::Container { container: container.name, action: for_click });
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
            <select class="kill-signal" id="stop-timeout" title="How long Stop waits after SIGTERM before the engine kills (docker stop -t)"
                on:change=move |ev| timeout.set(event_target_value(&ev).parse().ok())>
                {[("", "stop: 10 s"), ("1", "stop: 1 s"), ("30", "stop: 30 s"), ("60", "stop: 60 s")].into_iter().map(|(value, label)| view! {
                    <option value=value selected=move || timeout.get().map(|t| t.to_string()).unwrap_or_default() == value>{label}</option>
                }).collect_view()}
            </select>
            <select class="kill-signal" id="kill-signal" title="The signal Kill sends (docker kill -s)"
                on:change=move |ev| signal.set(event_target_value(&ev))>
                {SIGNALS.into_iter().map(|s| view! { <option value=s selected=move || signal.get() == s>{s}</option> }).collect_view()}
            </select>
            <button class="action" data-action="rename" disabled=move || selected.with(Option::is_none)
                title=move || selected.with(|s| s.as_ref().map(|c| format!("docker rename {} NEW-NAME", c.name)).unwrap_or_default())
                on:click=move |_| renaming.set(selected.get_untracked().map(|c| c.name))>"Rename"</button>
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
        {move || renaming.get().map(|old| {
            let value = RwSignal::new(old.clone());
            let problem = move || porthole_model::container::run::parse_name(&value.get()).err().map(String::from)
                .or_else(|| store.cache.containers.with(|all| all.iter().any(|c| c.name == value.get().trim()))
                    .then(|| "Another container already has that name.".to_owned()));
            let from = old.clone();
            view! {
                <div class="dialog-backdrop">
                    <div class="dialog" role="dialog" aria-modal="true" id="rename-dialog">
                        <h2>{format!("Rename {old}")}</h2>
                        <label class="field">"New name"<input type="text" id="rename-name" prop:value=move || value.get()
                            on:input=move |ev| value.set(event_target_value(&ev)) /></label>
                        {move || problem().filter(|_| value.get().trim() != from).map(|m| view! { <div class="invalid">{m}</div> })}
                        <div class="dialog-cli"><span class="cli-prompt">"$"</span><code>{
                            let old = old.clone();
                            move || format!("docker rename {old} {}", value.get().trim())
                        }</code></div>
                        <div class="dialog-buttons">
                            <button class="ghost" id="rename-cancel" data-dismiss="" on:click=move |_| renaming.set(None)>"Cancel"</button>
                            <button class="primary" id="rename-ok" disabled=move || problem().is_some() on:click={
                                let old = old.clone();
                                move |_| {
                                    store.perform(Action::Container { container: old.clone(), action: ContainerAction::Rename { name: value.get_untracked().trim().to_owned() } });
                                    renaming.set(None);
                                }
                            }>"Rename"</button>
                        </div>
                    </div>
                </div>
            }
        })}
        <ConfirmDialog pending=pending />
    }
}
