//! The Logs tab: a bounded tail first (default 1,000 lines), then the followed stream; older lines fetched on
//! scroll-back; stdout and stderr told apart; timestamps, wrap and follow toggles; ANSI colours; search with
//! highlight and jumps; download of the whole log.
//!
//! Invariants: the lines, what is held back while paused, their heights and search live in the model's
//! `LogBuffer` (bounded, unit-tested); only the rows in view are in the DOM, placed by a prefix sum of row heights
//! (one row per line, or per wrapped line when wrapping); the subscription is cancelled when the tab closes.

use crate::api;
use crate::components::log_line::LogRow;
use leptos::html::Div;
use leptos::prelude::*;
use leptos::task::spawn_local;
use porthole_model::container::log_buffer::LogBuffer;
use porthole_model::container::logs::DEFAULT_TAIL;
use porthole_model::{LogLine, LogMessage};

pub const LINE_HEIGHT: f64 = 18.0;
/// The rows to render for a scroll position: `(first, end)` line indexes, and the height in line units above and
/// below them, from the prefix sums of the lines' heights.
fn place(sums: &[usize], scroll_top: f64, height: f64) -> (usize, usize, usize, usize) {
    let first_unit = (scroll_top / LINE_HEIGHT) as usize;
    let last_unit = first_unit + (height / LINE_HEIGHT).ceil() as usize;
    let lines = sums.len().saturating_sub(1);
    let end = (sums.partition_point(|&s| s < last_unit) + MARGIN).min(lines);
    let first = sums
        .partition_point(|&s| s <= first_unit)
        .saturating_sub(1 + MARGIN)
        .min(end);
    let total = sums.last().copied().unwrap_or(0);
    (
        first,
        end,
        sums.get(first).copied().unwrap_or(0),
        total - sums.get(end).copied().unwrap_or(total),
    )
}

/// Monospace character width at the log's font size, for estimating wrapped heights.
const CHAR_WIDTH: f64 = 7.25;
/// Rows rendered beyond the view on each side: enough for smooth scrolling, few enough that a followed stream
/// (which moves the window by a whole batch) re-renders little.
const MARGIN: usize = 8;

#[derive(Clone, PartialEq)]
enum Status {
    Loading,
    Following,
    Ended,
    Failed(String),
}

#[component]
pub fn LogView(container: String) -> impl IntoView {
    // The kept lines (sequence numbers are the rows' keys); `version` says when they changed.
    let buffer = StoredValue::new(LogBuffer::default());
    let version = RwSignal::new(0u64);
    let waiting = RwSignal::new(0usize);
    let status = RwSignal::new(Status::Loading);
    let tail = RwSignal::new(DEFAULT_TAIL);
    let follow = RwSignal::new(true);
    let timestamps = RwSignal::new(false);
    let wrap = RwSignal::new(false);
    let search = RwSignal::new(String::new());
    let current_match = RwSignal::new(0usize);
    let loading_older = RwSignal::new(false);
    let no_older = RwSignal::new(false);
    let scroll_top = RwSignal::new(0.0f64);
    let view_height = RwSignal::new(600.0f64);
    let view_width = RwSignal::new(900.0f64);
    let node = NodeRef::<Div>::new();
    let slot = api::Slot::new();

    let append = move |batch: Vec<LogLine>| {
        buffer.update_value(|b| b.append(batch));
        version.update(|v| *v += 1);
    };
    let subscribe = {
        let container = container.clone();
        move || {
            let this = slot.renew();
            buffer.set_value(LogBuffer::default());
            waiting.set(0);
            no_older.set(false);
            version.update(|v| *v += 1);
            status.set(Status::Loading);
            let container = container.clone();
            let on_message = move |message: LogMessage| {
                if !slot.is_current(this) {
                    return;
                }
                match message {
                    LogMessage::Lines { batch } => {
                        let batch = batch.into_lines();
                        if status.get_untracked() == Status::Loading {
                            status.set(Status::Following);
                        }
                        if follow.get_untracked() {
                            append(batch);
                        } else {
                            buffer.update_value(|b| b.hold(batch));
                            waiting.set(buffer.with_value(LogBuffer::held));
                        }
                    }
                    LogMessage::Ended => status.set(Status::Ended),
                    LogMessage::Failed { error } => status.set(Status::Failed(error.message)),
                }
            };
            let tail = tail.get_untracked();
            spawn_local(async move {
                match api::subscribe_logs(&container, tail, on_message).await {
                    Ok(id) => slot.keep(this, id).await,
                    Err(error) => {
                        status.try_set(Status::Failed(error.message));
                    }
                }
            });
        }
    };
    let start = subscribe.clone();
    Effect::new(move |_| {
        tail.track();
        start();
    });

    // Row heights in line units and their prefix sums, for placing the window of rows.
    let columns = move || ((view_width.get() - 24.0) / CHAR_WIDTH).max(20.0) as usize;
    let prefix = Memo::new(move |_| {
        version.track();
        let wrap = wrap.get();
        let stamp = if timestamps.get() { 31 } else { 0 };
        let columns = columns();
        buffer.with_value(|b| b.height_sums(wrap, stamp, columns))
    });
    let window = move || prefix.with(|sums| place(sums, scroll_top.get(), view_height.get()));
    let rows = move || {
        let (first, end, _, _) = window();
        buffer.with_value(|b| b.rows(first, end))
    };
    let padding = move |above: bool| {
        let (_, _, units_above, units_below) = window();
        format!(
            "{}px",
            if above { units_above } else { units_below } as f64 * LINE_HEIGHT
        )
    };
    // Search: the indexes of the lines that match, case-insensitively.
    let matches = Memo::new(move |_| {
        version.track();
        let needle = search.get();
        if needle.is_empty() {
            return Vec::new();
        }
        buffer.with_value(|b| b.matches(&needle))
    });
    let reveal = move |index: usize| {
        if let Some(el) = node.get_untracked() {
            let top =
                prefix.with_untracked(|s| s.get(index).copied().unwrap_or(0)) as f64 * LINE_HEIGHT;
            el.set_scroll_top((top - el.client_height() as f64 / 2.0).max(0.0) as i32);
        }
    };
    let jump = move |step: isize| {
        let count = matches.with_untracked(Vec::len);
        if count == 0 {
            return;
        }
        follow.set(false);
        let next =
            (current_match.get_untracked() as isize + step).rem_euclid(count as isize) as usize;
        current_match.set(next);
        reveal(matches.with_untracked(|m| m[next]));
    };
    // Keep the newest line in view while following.
    Effect::new(move |_| {
        version.track();
        if follow.get_untracked() {
            if let Some(el) = node.get_untracked() {
                request_animation_frame(move || el.set_scroll_top(el.scroll_height()));
            }
        }
    });
    let container_for_older = container.clone();
    let load_older = move || {
        if loading_older.get_untracked() || no_older.get_untracked() {
            return;
        }
        let Some(first) = buffer.with_value(|b| b.first_timestamp().map(str::to_owned)) else {
            return;
        };
        loading_older.set(true);
        let container = container_for_older.clone();
        let this = slot.renew_peek();
        spawn_local(async move {
            let older = api::logs_before(&container, &first, DEFAULT_TAIL).await;
            loading_older.try_set(false);
            let Ok(older) = older else { return };
            if !slot.is_current(this) {
                return;
            }
            if older.is_empty() {
                no_older.set(true);
                return;
            }
            let before = prefix.with_untracked(|s| s.last().copied().unwrap_or(0));
            // Scrolled back past the limit: the newest lines go, and following stops until resumed.
            if buffer
                .try_update_value(|b| b.prepend(older))
                .unwrap_or(false)
            {
                follow.set(false);
            }
            version.update(|v| *v += 1);
            // Keep the line that was at the top where it was.
            let added = prefix
                .with_untracked(|s| s.last().copied().unwrap_or(0))
                .saturating_sub(before);
            // After the DOM has the new rows; before, the old height would clamp the position.
            if let Some(el) = node.get_untracked() {
                request_animation_frame(move || {
                    el.set_scroll_top(el.scroll_top() + (added as f64 * LINE_HEIGHT) as i32)
                });
            }
        });
    };
    let on_scroll = move |_| {
        if let Some(el) = node.get_untracked() {
            scroll_top.set(el.scroll_top() as f64);
            let (height, width) = (el.client_height() as f64, el.client_width() as f64);
            if view_height.get_untracked() != height {
                view_height.set(height);
            }
            if view_width.get_untracked() != width {
                view_width.set(width);
            }
            let at_bottom = el.scroll_top() + el.client_height() >= el.scroll_height() - 4;
            if !at_bottom && follow.get_untracked() && status.get_untracked() != Status::Loading {
                follow.set(false);
            }
            if el.scroll_top() == 0 && !buffer.with_value(LogBuffer::is_empty) {
                load_older();
            }
        }
    };
    // The view's size: on mount and whenever the window is resized (rows and wrapping depend on it).
    let measure = move || {
        if let Some(el) = node.get_untracked() {
            let (height, width) = (el.client_height() as f64, el.client_width() as f64);
            if view_height.get_untracked() != height {
                view_height.set(height);
            }
            if view_width.get_untracked() != width {
                view_width.set(width);
            }
        }
    };
    Effect::new(move |_| {
        if node.get().is_some() {
            measure();
        }
    });
    let resized = window_event_listener(leptos::ev::resize, move |_| measure());
    on_cleanup(move || resized.remove());
    let resume = move || {
        buffer.update_value(LogBuffer::release);
        waiting.set(0);
        follow.set(true);
        version.update(|v| *v += 1);
    };
    let container_for_save = container.clone();
    let saved = RwSignal::new(None::<String>);
    let save = move |_| {
        let container = container_for_save.clone();
        spawn_local(async move {
            if let Ok(Some(path)) = api::save_logs(&container).await {
                saved.try_set(Some(path));
            }
        });
    };
    let restart_stream = subscribe.clone();
    view! {
        <div class="log-view" id="log-view" class:wrap=move || wrap.get() class:timestamps=move || timestamps.get()>
            <div class="toolbar log-toolbar">
                <input type="text" id="log-search" placeholder="Search the log" spellcheck="false"
                    prop:value=move || search.get() on:input=move |ev| {
                        search.set(event_target_value(&ev));
                        current_match.set(0);
                        if let Some(first) = matches.with_untracked(|m| m.first().copied()) {
                            follow.set(false);
                            reveal(first);
                        }
                    }
                    on:keydown=move |ev| if ev.key() == "Enter" { jump(if ev.shift_key() { -1 } else { 1 }) } />
                {move || (!search.with(String::is_empty)).then(|| view! {
                    <span class="match-count" id="log-matches">{move || {
                        let n = matches.with(Vec::len);
                        if n == 0 { "no match".to_owned() } else { format!("{} of {n} lines", current_match.get() + 1) }
                    }}</span>
                    <button class="ghost" title="Previous match (Shift+Enter)" on:click=move |_| jump(-1)>"↑"</button>
                    <button class="ghost" title="Next match (Enter)" on:click=move |_| jump(1)>"↓"</button>
                })}
                <span class="toolbar-spacer"></span>
                <label class="compact-label">"Tail"<select id="log-tail" on:change=move |ev| tail.set(event_target_value(&ev).parse().unwrap_or(DEFAULT_TAIL))>
                    {[100u32, 1000, 10000, 50000].into_iter().map(|n| view! {
                        <option value=n.to_string() selected=move || tail.get() == n>{n.to_string()}</option>
                    }).collect_view()}
                </select></label>
                <label class="check"><input type="checkbox" id="log-timestamps" prop:checked=move || timestamps.get()
                    on:change=move |ev| timestamps.set(event_target_checked(&ev)) />"Timestamps"</label>
                <label class="check"><input type="checkbox" id="log-wrap" prop:checked=move || wrap.get()
                    on:change=move |ev| wrap.set(event_target_checked(&ev)) />"Wrap"</label>
                <button class="action" id="log-follow" on:click=move |_| if follow.get_untracked() { follow.set(false) } else { resume() }>
                    {move || if follow.get() { "Pause" } else { "Follow" }}</button>
                <button class="action" id="log-download" title="Save the whole log to a file" on:click=save>"Download"</button>
            </div>
            <div class="log-lines mono" id="log-lines" node_ref=node on:scroll=on_scroll tabindex="0">
                {move || loading_older.get().then(|| view! { <div class="log-note">"Loading older lines…"</div> })}
                // A container that has written nothing yet: say so, rather than show an empty black box.
                {move || (status.get() != Status::Loading && version.with(|_| buffer.with_value(LogBuffer::is_empty)))
                    .then(|| view! { <div class="log-note" id="log-empty">"Nothing written to stdout or stderr yet."</div> })}
                <div class="spacer" style:height=move || padding(true)></div>
                <For each=rows key=|(seq, _)| *seq let:row>
                    <LogRow line=row.1 search=search />
                </For>
                <div class="spacer" style:height=move || padding(false)></div>
            </div>
            <div class="log-status" id="log-status">
                {move || match status.get() {
                    Status::Loading => "Reading the last lines…".to_owned(),
                    Status::Following if follow.get() => format!("{} lines · following", version.with(|_| buffer.with_value(LogBuffer::len))),
                    Status::Following => match waiting.get() {
                        1 => "Paused · 1 new line waiting".to_owned(),
                        n => format!("Paused · {n} new lines waiting"),
                    },
                    Status::Ended => "The container stopped: the log ends here.".to_owned(),
                    Status::Failed(message) => message,
                }}
                {move || no_older.get().then_some(" · start of the log")}
                {move || saved.get().map(|path| format!(" · saved to {path}"))}
                {move || matches!(status.get(), Status::Ended | Status::Failed(_)).then(|| {
                    let again = restart_stream.clone();
                    view! { <button class="link" on:click=move |_| again()>"Reload"</button> }
                })}
            </div>
        </div>
    }
}
