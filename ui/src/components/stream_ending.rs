//! How a live view's stream ended (stats, processes, merged logs, a terminal), shown where the stream was: a plain
//! note when the object simply stopped, the whole error (`ErrorNotice`, with its recovery) when the engine failed it.

use crate::components::error_notice::ErrorNotice;
use leptos::prelude::*;
use porthole_model::PortholeError;

#[derive(Clone, Debug)]
pub enum Ending {
    /// The stream ended with its object (the container stopped, the shell exited).
    Note(String),
    Failed(PortholeError),
}

#[component]
pub fn StreamEnding(
    ending: RwSignal<Option<Ending>>,
    #[prop(optional)] id: Option<&'static str>,
) -> impl IntoView {
    move || {
        ending.get().map(|ending| match ending {
            Ending::Note(note) => view! { <div class="log-note" id=id>{note}</div> }.into_any(),
            Ending::Failed(error) => {
                view! { <ErrorNotice error=error id=id.unwrap_or("stream-failed") /> }.into_any()
            }
        })
    }
}
