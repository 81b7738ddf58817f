//! A project's merged logs (`docker compose logs -f`): every service's lines as the tool interleaves them, each
//! tagged with its service in a colour of its own, filtered by service and searched, following the end unless
//! the user scrolls or pauses. The subscription ends when the tab closes (which stops the tool).

use crate::api;
use crate::api::Slot;
use leptos::html::Div;
use leptos::prelude::*;
use leptos::task::spawn_local;
use porthole_model::compose::logs::{colour_slot, split, ProjectLogLine};
use porthole_model::compose::{ComposeCommand, ComposeVerb};
use porthole_model::tool::ToolMessage;

/// Lines kept: the newest. Rendered: the newest matches only, so a chatty project never floods the page.
const KEPT: usize = 5_000;
const RENDERED: usize = 300;

#[component]
pub fn ComposeLogs(file: String, project: String, services: Vec<String>) -> impl IntoView {
    let slot = Slot::new();
    let lines = RwSignal::new(Vec::<(u64, ProjectLogLine)>::new());
    let next = StoredValue::new(0u64);
    let service = RwSignal::new(String::new());
    let search = RwSignal::new(String::new());
    let follow = RwSignal::new(true);
    let ended = RwSignal::new(None::<String>);
    let scroller = NodeRef::<Div>::new();
    let command = ComposeCommand {
        file,
        project: project.clone(),
        verb: ComposeVerb::Logs { tail: 200 },
    };
    let ticket = slot.renew();
    spawn_local(async move {
        let result = api::compose_run(&command, move |message| {
            if !slot.is_current(ticket) {
                return;
            }
            match message {
                ToolMessage::Output { lines: new } => lines.update(|all| {
                    for line in new {
                        let seq = next.get_value();
                        next.set_value(seq + 1);
                        all.push((seq, split(&line, &project)));
                    }
                    let extra = all.len().saturating_sub(KEPT);
                    all.drain(..extra);
                }),
                ToolMessage::Ended => ended.set(Some(
                    "The tool stopped following (the project's containers are gone).".into(),
                )),
                ToolMessage::Failed { error } => ended.set(Some(error.message)),
            }
        })
        .await;
        match result {
            Ok(id) => slot.keep(ticket, id).await,
            Err(error) => {
                ended.try_set(Some(error.message));
            }
        }
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
        <div class="compose-logs" id="compose-logs">
            <div class="toolbar">
                <select id="compose-logs-service" aria-label="Service" on:change=move |ev| service.set(event_target_value(&ev))>
                    <option value="">"All services"</option>
                    {services.into_iter().map(|s| view! { <option value=s.clone()>{s.clone()}</option> }).collect_view()}
                </select>
                <input id="compose-logs-search" type="search" placeholder="Search the lines" spellcheck="false"
                    prop:value=move || search.get() on:input=move |ev| search.set(event_target_value(&ev)) />
                <label class="check"><input type="checkbox" id="compose-logs-follow" prop:checked=move || follow.get()
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
                {move || matching.with(Vec::is_empty).then(|| view! { <div class="empty"><p>"Nothing written yet by this project's services."</p></div> })}
            </div>
            {move || ended.get().map(|m| view! { <p class="hint" id="compose-logs-ended">{m}</p> })}
        </div>
    }
}
