//! The Logs tab's toolbar: search with its match count and jumps, how many lines to start from (`--tail`),
//! timestamps, wrap, follow or pause, and Download.

use crate::components::log_view::LogState;
use leptos::prelude::*;
use porthole_model::container::logs::DEFAULT_TAIL;

#[component]
pub fn LogToolbar(log: LogState) -> impl IntoView {
    let on_search = move |ev| {
        log.search.set(event_target_value(&ev));
        log.current_match.set(0);
        if let Some(first) = log.matches.with_untracked(|m| m.first().copied()) {
            log.follow.set(false);
            log.reveal(first);
        }
    };
    let match_count = move || {
        let n = log.matches.with(Vec::len);
        if n == 0 {
            "no match".to_owned()
        } else {
            format!("{} of {n} lines", log.current_match.get() + 1)
        }
    };
    let follow_or_pause = move |_| {
        if log.follow.get_untracked() {
            log.follow.set(false)
        } else {
            log.resume()
        }
    };
    view! {
        <div class="toolbar log-toolbar">
            <input type="text" id="log-search" placeholder="Search the log" spellcheck="false"
                prop:value=move || log.search.get() on:input=on_search
                on:keydown=move |ev| if ev.key() == "Enter" { log.jump(if ev.shift_key() { -1 } else { 1 }) } />
            {move || (!log.search.with(String::is_empty)).then(|| view! {
                <span class="match-count" id="log-matches">{match_count}</span>
                <button class="ghost" title="Previous match (Shift+Enter)" on:click=move |_| log.jump(-1)>"↑"</button>
                <button class="ghost" title="Next match (Enter)" on:click=move |_| log.jump(1)>"↓"</button>
            })}
            <span class="toolbar-spacer"></span>
            <label class="compact-label">"Tail"<select id="log-tail"
                on:change=move |ev| log.tail.set(event_target_value(&ev).parse().unwrap_or(DEFAULT_TAIL))>
                {[100u32, 1000, 10000, 50000].into_iter().map(|n| view! {
                    <option value=n.to_string() selected=move || log.tail.get() == n>{n.to_string()}</option>
                }).collect_view()}
            </select></label>
            <label class="check"><input type="checkbox" id="log-timestamps" prop:checked=move || log.timestamps.get()
                on:change=move |ev| log.timestamps.set(event_target_checked(&ev)) />"Timestamps"</label>
            <label class="check"><input type="checkbox" id="log-wrap" prop:checked=move || log.wrap.get()
                on:change=move |ev| log.wrap.set(event_target_checked(&ev)) />"Wrap"</label>
            <button class="action" id="log-follow" on:click=follow_or_pause>
                {move || if log.follow.get() { "Pause" } else { "Follow" }}</button>
            <button class="action" id="log-download" title="Save the whole log to a file" on:click=move |_| log.save()>"Download"</button>
        </div>
    }
}
