//! Merged logs of many containers — a compose project's (`docker compose logs -f`, read from the engine) or a swarm
//! service's tasks (`docker service logs -f`, as the CLI interleaves them): each line tagged with its source (service,
//! or task and node) in a colour of its own, filtered by source and searched, following the end unless paused.
//! Virtualized like the container Logs tab: every kept line that matches can be scrolled to, and only those in view
//! are in the page (lines are one fixed height, unwrapped). The subscription ends when the panel closes (which stops
//! the CLI, or the engine's log streams).

use crate::api::Slot;
use crate::components::stream_ending::{Ending, StreamEnding};
use crate::components::tool_output::ToolRun;
use crate::components::viewport::Viewport;
use leptos::prelude::*;
use leptos::task::spawn_local;
use porthole_model::compose::logs::{colour_slot, ProjectLogLine};
use porthole_model::tool::ToolMessage;
use std::collections::BTreeSet;

/// Lines kept: the newest. Only the matching lines in view are rendered, so a chatty project never floods the page.
const KEPT: usize = porthole_model::compose::logs::MERGED_KEPT;
/// A line's height in pixels (`.compose-log-lines .log-line` in network.css).
const LINE_HEIGHT: f64 = 18.0;

#[component]
pub fn MergedLogs(
    /// The tool run that follows the logs.
    run: ToolRun,
    /// How a line of that tool is split into its source and text, given `context` (the project's name).
    split: fn(&str, &str) -> ProjectLogLine,
    context: String,
) -> impl IntoView {
    let slot = Slot::new();
    let lines = RwSignal::new(Vec::<(u64, ProjectLogLine)>::new());
    // The sources seen so far (services, or tasks on nodes), for the filter.
    let sources = RwSignal::new(BTreeSet::<String>::new());
    let next = StoredValue::new(0u64);
    let service = RwSignal::new(String::new());
    let search = RwSignal::new(String::new());
    let follow = RwSignal::new(true);
    let ended = RwSignal::new(None::<Ending>);
    let viewport = Viewport::new();
    let cli = run.cli();
    let ticket = slot.renew();
    spawn_local(async move {
        let result = run
            .start(move |message| {
                if !slot.is_current(ticket) {
                    return;
                }
                match message {
                    ToolMessage::Output { lines: new } => {
                        let new: Vec<ProjectLogLine> =
                            new.iter().map(|line| split(line, &context)).collect();
                        // A source is added once, when first seen: the filter never rescans the kept lines.
                        let unseen = |s: &BTreeSet<String>| {
                            new.iter()
                                .any(|l| !l.service.is_empty() && !s.contains(&l.service))
                        };
                        if sources.with_untracked(unseen) {
                            sources.update(|s| {
                                s.extend(
                                    new.iter()
                                        .map(|l| l.service.clone())
                                        .filter(|s| !s.is_empty()),
                                )
                            });
                        }
                        lines.update(|all| {
                            for line in new {
                                let seq = next.get_value();
                                next.set_value(seq + 1);
                                all.push((seq, line));
                            }
                            let extra = all.len().saturating_sub(KEPT);
                            all.drain(..extra);
                        })
                    }
                    ToolMessage::Ended => ended.set(Some(Ending::Note(
                        "Following ended: every container followed has stopped or is gone.".into(),
                    ))),
                    ToolMessage::Failed { error } => ended.set(Some(Ending::Failed(error))),
                }
            })
            .await;
        match result {
            Ok(id) => slot.keep(ticket, id).await,
            Err(error) => {
                ended.try_set(Some(Ending::Failed(error)));
            }
        }
    });
    // The sequence numbers of the kept lines that match, oldest first.
    let matching = Memo::new(move |_| {
        let (service, search) = (service.get(), search.get().to_lowercase());
        lines.with(|all| {
            all.iter()
                .filter(|(_, l)| service.is_empty() || l.service == service)
                .filter(|(_, l)| search.is_empty() || l.text.to_lowercase().contains(&search))
                .map(|(seq, _)| *seq)
                .collect::<Vec<u64>>()
        })
    });
    let count = move || matching.with(Vec::len);
    let in_view = move || {
        let (first, end) = viewport.window_of(count(), LINE_HEIGHT);
        let seqs = matching.with(|m| m[first..end].to_vec());
        // Lines are kept in order of their sequence numbers, so a line is found by its distance from the oldest.
        lines.with(|all| {
            let oldest = all.first().map_or(0, |(seq, _)| *seq);
            seqs.into_iter()
                .filter_map(|seq| all.get(seq.checked_sub(oldest)? as usize).cloned())
                .collect::<Vec<_>>()
        })
    };
    Effect::new(move |_| {
        matching.track();
        if follow.get_untracked() {
            // After the frame the new lines are laid out in: only then is the scroll height the new one.
            request_animation_frame(move || {
                if let Some(node) = viewport.element() {
                    node.set_scroll_top(node.scroll_height());
                    viewport.on_scroll();
                }
            });
        }
    });
    Effect::new(move |_| {
        if viewport.node.get().is_some() {
            viewport.measure();
        }
    });
    view! {
        <div class="compose-logs merged-logs" id="merged-logs">
            <div class="toolbar">
                <select id="merged-logs-source" aria-label="Source" on:change=move |ev| service.set(event_target_value(&ev))>
                    <option value="">"Every source"</option>
                    {move || sources.get().into_iter().map(|s| view! { <option value=s.clone()>{s.clone()}</option> }).collect_view()}
                </select>
                <input id="merged-logs-search" type="search" placeholder="Search the lines" spellcheck="false"
                    prop:value=move || search.get() on:input=move |ev| search.set(event_target_value(&ev)) />
                <label class="check"><input type="checkbox" id="merged-logs-follow" prop:checked=move || follow.get()
                    on:change=move |ev| follow.set(event_target_checked(&ev)) />"Follow"</label>
                <span class="hint">{move || lines.with(|l| format!("{} of {} lines kept match", count(), l.len()))}</span>
                <code class="cli-inline" id="merged-logs-cli">{cli}</code>
            </div>
            <div class="compose-log-lines" node_ref=viewport.node on:scroll=move |_| viewport.on_scroll()>
                <div class="spacer" style:height=move || viewport.padding_above_of(count(), LINE_HEIGHT)></div>
                <For each=in_view key=|(seq, _)| *seq let:line>
                    <div class="log-line" data-service=line.1.service.clone()>
                        <span class=format!("service-tag slot-{}", colour_slot(&line.1.service))>{line.1.service.clone()}</span>
                        <span class="log-text">{line.1.text.clone()}</span>
                    </div>
                </For>
                <div class="spacer" style:height=move || viewport.padding_below_of(count(), LINE_HEIGHT)></div>
                {move || matching.with(Vec::is_empty).then(|| view! { <div class="empty"><p>"Nothing written yet."</p></div> })}
            </div>
            <StreamEnding ending=ended id="merged-logs-ended" />
        </div>
    }
}
