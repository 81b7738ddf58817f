//! The Logs tab's status line: reading, following (with the count of lines kept) or paused (with the count held
//! back), ended or failed — with Reload then — and where the log was saved.

use crate::components::log_view::{LogState, Status};
use leptos::prelude::*;
use porthole_model::container::log_buffer::LogBuffer;

#[component]
pub fn LogStatus(log: LogState) -> impl IntoView {
    let state = move || match log.status.get() {
        Status::Loading => "Reading the last lines…".to_owned(),
        Status::Following if log.follow.get() => {
            let kept = log.version.with(|_| log.buffer.with_value(LogBuffer::len));
            format!("{kept} lines · following")
        }
        Status::Following => match log.waiting.get() {
            1 => "Paused · 1 new line waiting".to_owned(),
            n => format!("Paused · {n} new lines waiting"),
        },
        Status::Ended => "The container stopped: the log ends here.".to_owned(),
        Status::Failed(_) => "The log stopped.".to_owned(),
    };
    let stopped = move || matches!(log.status.get(), Status::Ended | Status::Failed(_));
    view! {
        <div class="log-status" id="log-status">
            {state}
            {move || log.no_older.get().then_some(" · start of the log")}
            {move || log.saved.get().map(|path| format!(" · saved to {path}"))}
            {move || stopped().then(|| view! {
                <button class="link" on:click=move |_| log.restarts.update(|n| *n += 1)>"Reload"</button>
            })}
        </div>
    }
}
