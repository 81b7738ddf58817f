//! Merged logs of many containers as a tool interleaves them — a compose project's (`docker compose logs -f`) or a
//! swarm service's tasks (`docker service logs -f`): each line tagged with its source (service, or task and node)
//! in a colour of its own, filtered by source and searched, following the end unless paused. The subscription ends
//! when the panel closes (which stops the tool).

use crate::api::Slot;
use crate::components::stream_ending::{Ending, StreamEnding};
use crate::components::tool_output::ToolRun;
use leptos::html::Div;
use leptos::prelude::*;
use leptos::task::spawn_local;
use porthole_model::compose::logs::{colour_slot, ProjectLogLine};
use porthole_model::tool::ToolMessage;

/// Lines kept: the newest. Rendered: the newest matches only, so a chatty project never floods the page.
const KEPT: usize = 5_000;
const RENDERED: usize = 300;

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
    let next = StoredValue::new(0u64);
    let service = RwSignal::new(String::new());
    let search = RwSignal::new(String::new());
    let follow = RwSignal::new(true);
    let ended = RwSignal::new(None::<Ending>);
    let scroller = NodeRef::<Div>::new();
    let ticket = slot.renew();
    spawn_local(async move {
        let result = run
            .start(move |message| {
                if !slot.is_current(ticket) {
                    return;
                }
                match message {
                    ToolMessage::Output { lines: new } => lines.update(|all| {
                        for line in new {
                            let seq = next.get_value();
                            next.set_value(seq + 1);
                            all.push((seq, split(&line, &context)));
                        }
                        let extra = all.len().saturating_sub(KEPT);
                        all.drain(..extra);
                    }),
                    ToolMessage::Ended => ended.set(Some(Ending::Note(
                        "The tool stopped following (the project's containers are gone).".into(),
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
    // The sources seen so far (services, or tasks on nodes), for the filter.
    let sources = Memo::new(move |_| {
        lines.with(|all| {
            let mut seen: Vec<String> = all
                .iter()
                .map(|(_, l)| l.service.clone())
                .filter(|s| !s.is_empty())
                .collect();
            seen.sort();
            seen.dedup();
            seen
        })
    });
    let matching = Memo::new(move |_| {
        let (service, search) = (service.get(), search.get().to_lowercase());
        lines.with(|all| {
            let mut found: Vec<(u64, ProjectLogLine)> = all
                .iter()
                .rev()
                .filter(|(_, l)| service.is_empty() || l.service == service)
                .filter(|(_, l)| search.is_empty() || l.text.to_lowercase().contains(&search))
                .take(RENDERED)
                .cloned()
                .collect();
            found.reverse();
            found
        })
    });
    Effect::new(move |_| {
        matching.track();
        if follow.get_untracked() {
            if let Some(node) = scroller.get_untracked() {
                node.set_scroll_top(node.scroll_height());
            }
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
                <span class="hint">{move || lines.with(|l| format!("{} lines kept · newest {} matches shown", l.len(), RENDERED))}</span>
            </div>
            <div class="compose-log-lines" node_ref=scroller>
                <For each=move || matching.get() key=|(seq, _)| *seq let:line>
                    <div class="log-line" data-service=line.1.service.clone()>
                        <span class=format!("service-tag slot-{}", colour_slot(&line.1.service))>{line.1.service.clone()}</span>
                        <span class="log-text">{line.1.text.clone()}</span>
                    </div>
                </For>
                {move || matching.with(Vec::is_empty).then(|| view! { <div class="empty"><p>"Nothing written yet."</p></div> })}
            </div>
            <StreamEnding ending=ended id="merged-logs-ended" />
        </div>
    }
}
