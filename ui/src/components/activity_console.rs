//! The activity console: every request Porthole sends to the engine, live, newest first, with the docker CLI
//! command it was part of. Docked at the bottom or on the right; a click opens the request and its answer.
//!
//! Invariants: the live feed is subscribed only while the console is open (a `Slot`, closed on cleanup); at most
//! `SHOWN` rows are in the DOM, however long the log; entries are kept in id order and keyed by id and whether
//! they still wait for their answer (a finished request replaces its pending row).

use crate::api::{self, Slot};
use crate::components::activity_detail::ActivityDetailPane;
use crate::store::{use_store, Dock};
use leptos::prelude::*;
use leptos::task::spawn_local;
use porthole_model::activity::{reloaded, upsert};
use porthole_model::{ActivityEntry, ActivityMessage};

/// Rows rendered at most (the newest that match the filter).
const SHOWN: usize = 300;
/// Entries kept in the page (the backend keeps as many).
const KEPT: usize = 2_000;

#[component]
pub fn ActivityConsole() -> impl IntoView {
    let store = use_store();
    let entries = RwSignal::new(Vec::<ActivityEntry>::new());
    let filter = RwSignal::new(String::new());
    let failures_only = RwSignal::new(false);
    // The list's periodic samples would bury the user's own requests: hidden unless asked for.
    let background = RwSignal::new(false);
    let selected = RwSignal::new(None::<u64>);
    let slot = Slot::new();

    // Clearing starts a new generation: a list requested before it cannot bring old rows back.
    let generation = StoredValue::new(0u32);
    let reload = move || {
        let asked = generation.get_value();
        spawn_local(async move {
            if let Ok(list) = api::list_activity().await {
                if generation.try_get_value() != Some(asked) {
                    return;
                }
                // Entries that arrived while the list was on its way stay, after it.
                entries.try_update(|current| reloaded(current, list));
            }
        });
    };
    let ticket = slot.renew();
    spawn_local(async move {
        let feed = api::subscribe_activity(move |message| match message {
            // A new request, or one already listed that got its answer.
            ActivityMessage::Entry(entry) => {
                entries.try_update(|list| upsert(list, entry, KEPT));
            }
            // Cleared (or fell behind): what was shown goes; the list is read afresh.
            ActivityMessage::Cleared => {
                generation.update_value(|g| *g += 1);
                entries.try_set(Vec::new());
                reload();
            }
        })
        .await;
        if let Ok(id) = feed {
            slot.keep(ticket, id).await;
        }
        reload();
    });

    let shown = Memo::new(move |_| {
        let filter = filter.get();
        let failures = failures_only.get();
        let background = background.get();
        entries.with(|list| {
            list.iter()
                .rev()
                .filter(|e| {
                    (!failures || e.failed()) && (background || !e.background) && e.matches(&filter)
                })
                .take(SHOWN)
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    let clear = move |_| {
        selected.set(None);
        spawn_local(async move {
            let _ = api::clear_activity().await;
        });
    };
    let dock = move || store.nav.console.get().unwrap_or(Dock::Bottom);
    let other_dock = move || match dock() {
        Dock::Bottom => Dock::Right,
        Dock::Right => Dock::Bottom,
    };
    let dock_label = move || match dock() {
        Dock::Bottom => "Dock right",
        Dock::Right => "Dock bottom",
    };

    view! {
        <section id="activity-console" class="activity-console" data-dock=move || dock().name()>
            <header class="activity-toolbar">
                <strong>"Activity"</strong>
                <span class="muted activity-hint">
                    "Every request Porthole sends to the engine, with the docker command it is part of"
                </span>
                <span class="toolbar-spacer"></span>
                <input id="activity-filter" type="search" placeholder="Filter: method, path, status, command"
                    autocomplete="off" spellcheck="false"
                    prop:value=move || filter.get()
                    on:input=move |ev| filter.set(event_target_value(&ev)) />
                <label class="check">
                    <input id="activity-failures" type="checkbox" prop:checked=move || failures_only.get()
                        on:change=move |ev| failures_only.set(event_target_checked(&ev)) />
                    "Failures only"
                </label>
                <label class="check" title="The containers list's CPU and memory samples, and liveness pings">
                    <input id="activity-background" type="checkbox" prop:checked=move || background.get()
                        on:change=move |ev| background.set(event_target_checked(&ev)) />
                    "Background polling"
                </label>
                <button id="activity-clear" class="action small" on:click=clear>"Clear"</button>
                <button id="activity-dock" class="action small" on:click=move |_| store.nav.console.set(Some(other_dock()))>{dock_label}</button>
                <button id="activity-close" class="action small" title="Close the console"
                    on:click=move |_| store.nav.console.set(None)>"×"</button>
            </header>
            <div class="activity-body">
                <div class="activity-list" role="table">
                    <div class="activity-row activity-head" role="row">
                        <span>"Time"</span><span>"Request"</span><span>"Status"</span><span>"ms"</span>
                        <span>"docker CLI"</span>
                    </div>
                    <For each=move || shown.get() key=|entry| (entry.id, entry.pending) let:entry>
                        <ActivityRow entry=entry selected=selected />
                    </For>
                    {move || shown.with(Vec::is_empty).then(|| view! {
                        <p class="muted activity-empty">"No requests match."</p>
                    })}
                </div>
                {move || selected.get().map(|id| view! { <ActivityDetailPane id=id on_close=move || selected.set(None) /> })}
            </div>
        </section>
    }
}

#[component]
fn ActivityRow(entry: ActivityEntry, selected: RwSignal<Option<u64>>) -> impl IntoView {
    let id = entry.id;
    let status = match entry.status {
        Some(status) => status.to_string(),
        None if entry.pending => "…".to_owned(),
        None => "failed".to_owned(),
    };
    let status_class = if entry.failed() {
        "activity-status bad"
    } else {
        "activity-status"
    };
    let title = entry.error.clone().unwrap_or_default();
    view! {
        <div class="activity-row" role="row" data-id=id.to_string()
            class:selected=move || selected.get() == Some(id)
            on:click=move |_| selected.set(Some(id))>
            <span class="mono muted">{clock(entry.at_ms)}</span>
            // Cut values keep their full text on hover.
            <span class="mono activity-request" title=format!("{} {}", entry.method, entry.path)>
                <b>{entry.method.clone()}</b>" "{entry.path.clone()}
            </span>
            <span class=status_class title=title>{status}</span>
            <span class="mono muted">{entry.duration_ms}</span>
            <span class="mono activity-cli" title=entry.cli.clone().unwrap_or_default()>{entry.cli.clone().unwrap_or_default()}</span>
        </div>
    }
}

/// `HH:MM:SS.mmm` in local time.
pub fn clock(at_ms: i64) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(at_ms as f64));
    format!(
        "{:02}:{:02}:{:02}.{:03}",
        date.get_hours(),
        date.get_minutes(),
        date.get_seconds(),
        date.get_milliseconds()
    )
}
