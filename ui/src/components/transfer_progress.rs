//! A pull's or push's run and live progress: `Transfer` owns one run's subscription (started, cancelled, and
//! unsubscribed when the view goes away), `TransferProgress` shows the overall bar, the latest status line with
//! bytes and speed, and one row per layer (waiting, downloading or uploading with bytes, extracting, done).
//!
//! Invariant: each run is identified by its start time, so messages and the late-arriving id of an older,
//! cancelled run never touch the current one, and an id that arrives after the run ended is unsubscribed at once.

use crate::api;
use leptos::prelude::*;
use leptos::task::spawn_local;
use porthole_model::image::human_size;
use porthole_model::image::pull::{PullMessage, PullProgress};
use porthole_model::PortholeError;
use std::future::Future;

#[derive(Clone, Debug, PartialEq)]
pub enum Phase {
    Idle,
    Running {
        id: Option<u64>,
        started: f64,
    },
    /// Finished: the final layer states stay on screen under the result.
    Done {
        reference: String,
        started: f64,
    },
    Failed(PortholeError),
}

#[derive(Clone, Copy)]
pub struct Transfer {
    pub phase: RwSignal<Phase>,
    pub progress: RwSignal<PullProgress>,
}

impl Transfer {
    /// A transfer slot for one view; its running subscription ends when the view's owner is cleaned up.
    pub fn new() -> Self {
        let transfer = Self {
            phase: RwSignal::new(Phase::Idle),
            progress: RwSignal::new(PullProgress::default()),
        };
        on_cleanup(move || {
            if let Some(Phase::Running { id: Some(id), .. }) = transfer.phase.try_get_untracked() {
                unsubscribe(id);
            }
        });
        transfer
    }

    pub fn running(self) -> bool {
        matches!(self.phase.get(), Phase::Running { .. })
    }

    /// Starts a run: `subscribe` gets the message handler and returns the subscription id (e.g. `api::pull_image`).
    pub fn start<F, Fut>(self, subscribe: F)
    where
        F: FnOnce(Box<dyn FnMut(PullMessage)>) -> Fut + 'static,
        Fut: Future<Output = Result<u64, PortholeError>> + 'static,
    {
        let Self { phase, progress } = self;
        progress.set(PullProgress::default());
        let started = js_sys::Date::now();
        phase.set(Phase::Running { id: None, started });
        let is_this_run = move || matches!(phase.try_get_untracked(), Some(Phase::Running { started: s, .. }) if s == started);
        let on_message = move |message: PullMessage| {
            if !is_this_run() {
                return;
            }
            match message {
                PullMessage::Progress { progress: p } => {
                    progress.try_set(p);
                }
                PullMessage::Done {
                    reference,
                    progress: p,
                } => {
                    progress.try_set(p);
                    self.finish(Phase::Done { reference, started });
                }
                PullMessage::Failed { error } => self.finish(Phase::Failed(error)),
            }
        };
        spawn_local(async move {
            match subscribe(Box::new(on_message)).await {
                Ok(id) => {
                    let kept = is_this_run()
                        && phase
                            .try_update(|p| {
                                if let Phase::Running { id: slot, .. } = p {
                                    *slot = Some(id);
                                }
                            })
                            .is_some();
                    if !kept {
                        // Finished, cancelled, superseded or unmounted before the id came back: stop it now.
                        unsubscribe(id);
                    }
                }
                Err(error) => {
                    if is_this_run() {
                        phase.try_set(Phase::Failed(error));
                    }
                }
            }
        });
    }

    pub fn cancel(self) {
        if let Phase::Running { id: Some(id), .. } = self.phase.get_untracked() {
            unsubscribe(id);
        }
        self.phase.set(Phase::Idle);
        self.progress.set(PullProgress::default());
    }

    fn finish(self, next: Phase) {
        if let Some(Phase::Running { id: Some(id), .. }) = self.phase.try_get_untracked() {
            unsubscribe(id);
        }
        self.phase.try_set(next);
    }
}

fn unsubscribe(id: u64) {
    spawn_local(async move {
        let _ = api::unsubscribe(id).await;
    });
}

/// `started` is the transfer's start (ms since the epoch), for the speed figure.
#[component]
pub fn TransferProgress(
    progress: RwSignal<PullProgress>,
    started: f64,
    id: &'static str,
) -> impl IntoView {
    let speed = move || {
        let seconds = ((js_sys::Date::now() - started) / 1000.0).max(0.1);
        let bytes = progress.with(|p| p.downloaded());
        format!(
            "{} · {}/s",
            human_size(bytes as i64),
            human_size((bytes as f64 / seconds) as i64)
        )
    };
    view! {
        <div class="pull-progress" id=id>
            <div class="bar"><div class="fill" style:width=move || format!("{:.1}%", progress.with(|p| p.fraction()) * 100.0)></div></div>
            <div class="pull-status"><span>{move || progress.with(|p| p.status.clone())}</span><span>{speed}</span></div>
            <For each=move || progress.with(|p| p.layers.clone()) key=|l| (l.id.clone(), l.state, l.current) let:layer>
                <div class="layer" data-layer=layer.id.clone() data-state=layer.state.label()>
                    <code>{layer.id.clone()}</code>
                    <span class="layer-state">{layer.state.label()}</span>
                    <div class="bar small"><div class="fill" style:width=format!("{:.0}%",
                        if layer.total > 0 { layer.current as f64 / layer.total as f64 * 100.0 } else if layer.state.is_finished() { 100.0 } else { 0.0 })></div></div>
                    <span class="layer-bytes">{if layer.total > 0 { format!("{} / {}", human_size(layer.current as i64), human_size(layer.total as i64)) } else { String::new() }}</span>
                </div>
            </For>
        </div>
    }
}
