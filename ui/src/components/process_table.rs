//! The Processes tab (`docker top`): the container's processes as the engine's `ps` lists them, refreshed every
//! two seconds while the tab is open.

use crate::api;
use crate::components::stream_ending::{Ending, StreamEnding};
use leptos::prelude::*;
use leptos::task::spawn_local;
use porthole_model::{Processes, ProcessesMessage};

#[component]
pub fn ProcessTable(container: String) -> impl IntoView {
    let table = RwSignal::new(None::<Processes>);
    let ended = RwSignal::new(None::<Ending>);
    let slot = api::Slot::new();
    let ticket = slot.renew();
    spawn_local(async move {
        let on_message = move |message: ProcessesMessage| {
            if !slot.is_current(ticket) {
                return;
            }
            match message {
                ProcessesMessage::Table { processes } => {
                    table.try_set(Some(processes));
                }
                ProcessesMessage::Ended => {
                    ended.try_set(Some(Ending::Note(
                        "The container is no longer running.".into(),
                    )));
                }
                ProcessesMessage::Failed { error } => {
                    ended.try_set(Some(Ending::Failed(error)));
                }
            }
        };
        if let Ok(id) = api::subscribe_processes(&container, on_message).await {
            slot.keep(ticket, id).await;
        }
    });
    view! {
        <div class="process-view">
            <StreamEnding ending=ended />
            {move || table.get().map(|t| view! {
                <table class="list compact" id="process-table">
                    <thead><tr>{t.titles.iter().map(|title| view! { <th>{title.clone()}</th> }).collect_view()}</tr></thead>
                    <tbody>{t.rows.iter().map(|row| view! {
                        <tr>{row.iter().map(|cell| view! { <td class="mono">{cell.clone()}</td> }).collect_view()}</tr>
                    }).collect_view()}</tbody>
                </table>
            })}
        </div>
    }
}
