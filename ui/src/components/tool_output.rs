//! The output of the tool Porthole runs for the action under way (the Compose tool, `docker stack`): the exact
//! command, its lines as they come (pull and build progress included), Cancel (which kills the tool), and how it
//! ended — the tool's own last words on failure.

use crate::api;
use crate::api::Slot;
use crate::components::error_notice::ErrorNotice;
use leptos::prelude::*;
use leptos::task::spawn_local;
use porthole_model::compose::{ComposeCommand, ComposeTool};
use porthole_model::swarm::StackCommand;
use porthole_model::tool::ToolMessage;

/// What to run: an action of a compose project (with the tool that runs it), or a stack command.
#[derive(Clone, Debug, PartialEq)]
pub enum ToolRun {
    Compose(ComposeCommand, ComposeTool),
    Stack(StackCommand),
    /// `docker service logs -f SERVICE`.
    ServiceLogs(String),
    /// A project's merged logs, read from the engine; `cli` is the `docker compose … logs -f` shown for it.
    ProjectLogs {
        project: String,
        cli: String,
    },
}

impl ToolRun {
    pub fn cli(&self) -> String {
        match self {
            Self::Compose(command, tool) => command.cli(tool),
            Self::ProjectLogs { cli, .. } => cli.clone(),
            Self::Stack(command) => command.cli(),
            Self::ServiceLogs(service) => format!("docker service logs -f {service}"),
        }
    }

    pub async fn start(
        &self,
        on_message: impl FnMut(ToolMessage) + 'static,
    ) -> Result<u64, porthole_model::PortholeError> {
        match self {
            Self::Compose(command, _) => api::compose_run(command, on_message).await,
            Self::Stack(command) => api::stack_run(command, on_message).await,
            Self::ServiceLogs(service) => api::service_logs(service, on_message).await,
            Self::ProjectLogs { project, .. } => api::project_logs(project, on_message).await,
        }
    }
}

/// Lines kept on screen: the tool's output for one action is short, and a long one keeps its end.
const KEPT: usize = 400;

#[derive(Clone, Debug, PartialEq)]
enum Outcome {
    Running,
    Done,
    Cancelled,
    Failed(porthole_model::PortholeError),
}

#[component]
pub fn ToolOutput(
    /// Setting a run starts it (a new one replaces the one under way).
    run: RwSignal<Option<ToolRun>>,
    /// Called when a run ends, however it ended.
    on_end: Callback<()>,
) -> impl IntoView {
    let slot = Slot::new();
    let lines = RwSignal::new(Vec::<String>::new());
    let outcome = RwSignal::new(None::<Outcome>);
    let shown = RwSignal::new(String::new());
    Effect::new(move |_| {
        let Some(command) = run.get() else { return };
        let ticket = slot.renew();
        lines.set(Vec::new());
        outcome.set(Some(Outcome::Running));
        shown.set(command.cli());
        spawn_local(async move {
            let result = command
                .start(move |message| {
                    if !slot.is_current(ticket) {
                        return;
                    }
                    match message {
                        ToolMessage::Output { lines: new } => lines.update(|all| {
                            all.extend(new);
                            let extra = all.len().saturating_sub(KEPT);
                            all.drain(..extra);
                        }),
                        ToolMessage::Ended => {
                            outcome.set(Some(Outcome::Done));
                            on_end.run(());
                        }
                        ToolMessage::Failed { error } => {
                            outcome.set(Some(Outcome::Failed(error)));
                            on_end.run(());
                        }
                    }
                })
                .await;
            match result {
                Ok(id) => slot.keep(ticket, id).await,
                Err(error) => {
                    outcome.try_set(Some(Outcome::Failed(error)));
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
                Outcome::Failed(error) => view! { <ErrorNotice error=error.clone() id="compose-failed" /> }.into_any(),
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
