//! One asynchronous read a view shows — a registry's catalog, an image's details, a prune preview — as one small
//! type instead of a hand-built `Option<Result<…>>` signal in each component. Invariant: only the answer to the
//! latest `run` lands; an older one still on its way (answers can cross) is dropped.

use leptos::prelude::*;
use leptos::task::spawn_local;
use porthole_model::PortholeError;
use std::future::Future;

/// Where a read stands.
#[derive(Clone, Debug, PartialEq)]
pub enum Loadable<T> {
    /// Not asked for yet (or reset).
    Idle,
    Loading,
    Loaded(T),
    Failed(PortholeError),
}

pub struct Load<T: Send + Sync + 'static> {
    state: RwSignal<Loadable<T>>,
    /// Bumped by every `run` and `reset`: an answer of an earlier generation is not shown.
    generation: StoredValue<u32>,
}

// By hand: derived, they would ask `T: Copy`, while only the handles are copied.
impl<T: Send + Sync + 'static> Clone for Load<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Send + Sync + 'static> Copy for Load<T> {}

impl<T: Clone + Send + Sync + 'static> Load<T> {
    pub fn new() -> Self {
        Self {
            state: RwSignal::new(Loadable::Idle),
            generation: StoredValue::new(0),
        }
    }

    /// Starts `read`; `Loading` until its answer, which replaces whatever was shown — unless another `run` or a
    /// `reset` came after it.
    pub fn run(self, read: impl Future<Output = Result<T, PortholeError>> + 'static) {
        self.state.set(Loadable::Loading);
        self.refresh(read);
    }

    /// Like `run`, but what is shown stays until the answer replaces it (a reread after a change, no flicker).
    pub fn refresh(self, read: impl Future<Output = Result<T, PortholeError>> + 'static) {
        self.generation.update_value(|g| *g += 1);
        let asked = self.generation.get_value();
        spawn_local(async move {
            let answer = read.await;
            if self.generation.try_get_value() != Some(asked) {
                return;
            }
            self.state.try_set(match answer {
                Ok(value) => Loadable::Loaded(value),
                Err(error) => Loadable::Failed(error),
            });
        });
    }

    /// Back to `Idle`; an answer still on its way is dropped.
    pub fn reset(self) {
        self.generation.update_value(|g| *g += 1);
        self.state.set(Loadable::Idle);
    }

    /// The state, tracked.
    pub fn get(self) -> Loadable<T> {
        self.state.get()
    }

    pub fn with<R>(self, read: impl FnOnce(&Loadable<T>) -> R) -> R {
        self.state.with(read)
    }

    /// Whether a value has arrived that `is` says yes to (e.g. "a preview with something to remove").
    pub fn loaded_and(self, is: impl FnOnce(&T) -> bool) -> bool {
        self.state
            .with(|s| matches!(s, Loadable::Loaded(v) if is(v)))
    }
}

/// A read asked for again after every change (a list rebuilt from the engine's events): one in flight and at most
/// one more after it, so a burst of changes costs two reads rather than one per change, and answers land in order.
#[derive(Clone, Copy)]
pub struct Reread {
    /// (a read is in flight, another is wanted after it).
    state: StoredValue<(bool, bool)>,
}

impl Reread {
    pub fn new() -> Self {
        Self {
            state: StoredValue::new((false, false)),
        }
    }

    /// Runs `read` now; while a read is in flight, asks for one more after it instead, which runs the closure
    /// given first again (this `read` is dropped: every caller must read the same thing).
    pub fn ask<F: Future<Output = ()> + 'static>(self, read: impl Fn() -> F + 'static) {
        let start = self.state.try_update_value(|(busy, again)| {
            if *busy {
                *again = true;
            }
            !std::mem::replace(busy, true)
        });
        if start != Some(true) {
            return;
        }
        spawn_local(async move {
            loop {
                read().await;
                let more = self.state.try_update_value(|(busy, again)| {
                    *busy = std::mem::take(again);
                    *busy
                });
                if more != Some(true) {
                    break;
                }
            }
        });
    }
}
