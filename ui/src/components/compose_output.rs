//! The Compose tool's output for the action under way: the exact command, its lines as they come (pull and build
//! progress included), Cancel (which kills the tool), and how it ended — the tool's own last words on failure.

use crate::api;
use crate::api::Slot;
use leptos::prelude::*;
use leptos::task::spawn_local;
use porthole_model::compose::{ComposeCommand, ComposeMessage, ComposeTool};

/// Lines kept on screen: the tool's output for one action is short, and a long one keeps its end.
const KEPT: usize = 400;

#[derive(Clone, Debug, PartialEq)]
enum Outcome {
    Running,
    Done,
    Cancelled,
    Failed(String),
}

#[component]
pub fn ComposeOutput(
    /// Setting a command starts it (a new one replaces the one under way).
    run: RwSignal<Option<ComposeCommand>>,
    tool: ComposeTool,
    /// Called when a run ends, however it ended.
    on_end: Callback<()>,
) -> impl IntoView {
    let slot = Slot::new();
    let lines = RwSignal::new(Vec::<String>::new());
    let outcome = RwSignal::new(None::<Outcome>);
    let shown = RwSignal::new(String::new());
    let cli_tool = tool.clone();
    Effect::new(move |_| {
        let Some(command) = run.get() else { return };
        let ticket = slot.renew();
        lines.set(Vec::new());
        outcome.set(Some(Outcome::Running));
        shown.set(command.cli(&cli_tool));
        spawn_local(async move {
            let result = api::compose_run(&command, move |message| {
                if !slot.is_current(ticket) {
                    return;
                }
                match message {
                    ComposeMessage::Output { lines: new } => lines.update(|all| {
                        all.extend(new);
                        let extra = all.len().saturating_sub(KEPT);
                        all.drain(..extra);
                    }),
                    ComposeMessage::Ended => {
                        outcome.set(Some(Outcome::Done));
                        on_end.run(());
                    }
                    ComposeMessage::Failed { error } => {
                        outcome.set(Some(Outcome::Failed(error.message)));
                        on_end.run(());
                    }
                }
            })
            .await;
            match result {
                Ok(id) => slot.keep(ticket, id).await,
                Err(error) => {
                    outcome.try_set(Some(Outcome::Failed(error.message)));
                }
            }
        });
    });
    let cancel = move |_| {
        slot.close();
        outcome.set(Some(Outcome::Cancelled));
        on_end.run(());
    };
    move || {
        outcome.get().map(|state| {
            let status = match &state {
                Outcome::Running => view! { <span class="badge in-use" id="compose-running">"running…"</span> }.into_any(),
                Outcome::Done => view! { <span class="badge ok" id="compose-done">"done"</span> }.into_any(),
                Outcome::Cancelled => view! { <span class="badge muted" id="compose-cancelled">"cancelled"</span> }.into_any(),
                Outcome::Failed(message) => view! { <span class="invalid" id="compose-failed">{message.clone()}</span> }.into_any(),
            };
            view! {
                <div class="card compose-output" id="compose-output">
                    <div class="dialog-cli"><span class="cli-prompt">"$"</span><code id="compose-command">{shown.get()}</code></div>
                    <div class="compose-status">{status}
                        {(state == Outcome::Running).then(|| view! {
                            <button class="ghost small" id="compose-cancel" on:click=cancel>"Cancel"</button>
                        })}
                        <button class="ghost small" id="compose-output-close" on:click=move |_| outcome.set(None)>"Hide"</button>
                    </div>
                    <pre class="compose-lines" id="compose-lines">{move || lines.with(|l| l.join("\n"))}</pre>
                </div>
            }
        })
    }
}
