//! Fetching a kind of engine object into the store's cache: at most one request per kind in flight and at most one
//! more pending, so a burst of changes never piles up requests and results apply in order; the containers a burst
//! named read by id, in the order `ContainerReads` (in the model) keeps; and the lists that only count what changed
//! (`ObjectKind::counted_in`), read once the burst has settled.

use super::{now_secs, Store};
use crate::api;
use leptos::prelude::*;
use leptos::task::spawn_local;
use porthole_model::container::reads::{
    drop_ids, merge_named, ContainerRead, ContainerReads, NextStep,
};
use porthole_model::system::event::ContainerChanges;
use porthole_model::system::settle::Settling;
use porthole_model::{ContainerSummary, ObjectKind, PortholeError};
use std::collections::{BTreeMap, BTreeSet};

/// Where each kind's reading stands — one request in flight, at most one more pending — and the counting lists
/// waiting for a burst to settle. Held by the store (`Store::fetches`), not in statics: it lives and goes with it.
#[derive(Clone, Copy)]
pub struct Fetches {
    /// Per kind: (a request is in flight, another is wanted after it).
    kinds: StoredValue<BTreeMap<ObjectKind, (bool, bool)>>,
    settling: StoredValue<Settling>,
    timer: StoredValue<Option<TimeoutHandle>>,
    containers: StoredValue<ContainerReads>,
    /// Kinds read once the next whole container read has answered (after a connect).
    after_whole: StoredValue<Vec<ObjectKind>>,
}

impl Fetches {
    pub fn new() -> Self {
        Self {
            kinds: StoredValue::new(BTreeMap::new()),
            settling: StoredValue::new(Settling::default()),
            timer: StoredValue::new(None),
            containers: StoredValue::new(ContainerReads::default()),
            after_whole: StoredValue::new(Vec::new()),
        }
    }

    /// Whether a read of `kind` may start now; if one is in flight, another is noted to follow it.
    fn start(self, kind: ObjectKind) -> bool {
        self.kinds
            .try_update_value(|kinds| {
                let (in_flight, again) = kinds.entry(kind).or_default();
                if *in_flight {
                    *again = true;
                    false
                } else {
                    *in_flight = true;
                    true
                }
            })
            .unwrap_or(false)
    }

    /// A read of `kind` ended: whether another was wanted meanwhile (then it stays in flight).
    fn again(self, kind: ObjectKind) -> bool {
        self.kinds
            .try_update_value(|kinds| {
                let (in_flight, again) = kinds.entry(kind).or_default();
                let more = std::mem::take(again);
                *in_flight = more;
                more
            })
            .unwrap_or(false)
    }
}

pub(super) fn fetch(kind: ObjectKind, store: Store) {
    if kind == ObjectKind::Container {
        let step = store
            .fetches
            .containers
            .try_update_value(ContainerReads::whole);
        return read_containers(store, step.unwrap_or_default());
    }
    if !store.fetches.start(kind) {
        return;
    }
    spawn_local(async move {
        loop {
            store.cache.reading(kind);
            let result = match kind {
                ObjectKind::Image => api::list_images().await.map(|list| {
                    store.cache.images.set(list);
                }),
                ObjectKind::Volume => api::list_volumes()
                    .await
                    .map(|list| store.cache.volumes.set(list)),
                ObjectKind::Network => api::list_networks()
                    .await
                    .map(|list| store.cache.networks.set(list)),
                _ => api::engine_info()
                    .await
                    .map(|info| store.cache.info.set(Some(info))),
            };
            store.cache.read_ended(kind, result.clone());
            match result {
                Ok(()) => {}
                // While disconnected the unreachable page explains; a banner would repeat it.
                Err(error) if error.kind == porthole_model::ErrorKind::EngineUnavailable => {}
                Err(error) => store.error.set(Some(error.into())),
            }
            if !store.fetches.again(kind) {
                break;
            }
        }
    });
}

/// Reads `kinds` once the next whole container read has answered (a failed one too).
pub(super) fn after_containers(store: Store, kinds: &[ObjectKind]) {
    store.fetches.after_whole.update_value(|waiting| {
        for kind in kinds {
            if !waiting.contains(kind) {
                waiting.push(*kind);
            }
        }
    });
}

/// Reads the containers `changes` names, by id, after what is in flight.
pub(super) fn containers_named(store: Store, changes: &ContainerChanges) {
    let step = store
        .fetches
        .containers
        .try_update_value(|r| r.named(changes));
    read_containers(store, step.unwrap_or_default());
}

/// The engine (re)connected: the whole container list now; a read still in flight was the engine before's, and
/// its reply is dropped.
pub(super) fn containers_reconnected(store: Store) {
    let step = store
        .fetches
        .containers
        .try_update_value(ContainerReads::reconnected);
    read_containers(store, step.unwrap_or_default());
}

/// Does `step` — drops what went, then reads — and each step `ContainerReads` gives after it, one read at a time.
/// A reply that arrives after a reconnect is dropped, and the loop ends: the reconnect started its own.
fn read_containers(store: Store, step: NextStep) {
    drop_gone(store, &step.drop);
    let Some(mut read) = step.read else { return };
    let reads = store.fetches.containers;
    let Some(generation) = reads.try_with_value(ContainerReads::generation) else {
        return;
    };
    let current = move || reads.try_with_value(|r| r.is_current(generation)) == Some(true);
    spawn_local(async move {
        loop {
            let answered = match &read {
                ContainerRead::Whole => {
                    store.cache.reading(ObjectKind::Container);
                    crate::timeline::mark_once("porthole:containers-asked");
                    let result = api::list_containers(true).await;
                    if !current() {
                        return;
                    }
                    whole_read(store, result)
                }
                ContainerRead::Named(ids) => {
                    let result = api::list_named_containers(ids).await;
                    if !current() {
                        return;
                    }
                    result.is_ok_and(|fresh| {
                        let now = now_secs();
                        store
                            .cache
                            .containers
                            .try_update(|list| merge_named(list, ids, fresh));
                        store.cache.containers_read_at.try_update(|at| {
                            at.extend(ids.iter().map(|id| (id.clone(), now)));
                        });
                        true
                    })
                }
            };
            let step = reads.try_update_value(|reads| {
                // A failed read by id leaves rows unknown: the whole list is read instead.
                if !answered && matches!(read, ContainerRead::Named(_)) {
                    reads.whole();
                }
                reads.ended()
            });
            let Some(step) = step else { return };
            drop_gone(store, &step.drop);
            match step.read {
                Some(next) => read = next,
                None => return,
            }
        }
    });
}

fn drop_gone(store: Store, ids: &[String]) {
    if !ids.is_empty() {
        store
            .cache
            .containers
            .try_update(|list| drop_ids(list, ids));
    }
}

/// Puts a whole `docker ps -a` into the cache, then reads what waited for it; whether the engine answered.
fn whole_read(store: Store, result: Result<Vec<ContainerSummary>, PortholeError>) -> bool {
    let kind = ObjectKind::Container;
    let result = result.map(|list| {
        store.cache.containers.set(list);
        store.cache.containers_fetched_at.set(now_secs());
        store.cache.containers_read_at.update(BTreeMap::clear);
        crate::timeline::mark_once("porthole:containers-loaded");
    });
    store.cache.read_ended(kind, result.clone());
    let waiting = store
        .fetches
        .after_whole
        .try_update_value(std::mem::take)
        .unwrap_or_default();
    for kind in waiting {
        fetch(kind, store);
    }
    match result {
        Ok(()) => true,
        Err(error) => {
            if error.kind != porthole_model::ErrorKind::EngineUnavailable {
                store.error.set(Some(error.into()));
            }
            false
        }
    }
}

/// Reads `kinds` once the burst has settled (`Settling`, in the model, says when).
pub(super) fn when_settled(store: Store, kinds: BTreeSet<ObjectKind>) {
    let fetches = store.fetches;
    let now = js_sys::Date::now();
    let Some(delay) = fetches
        .settling
        .try_update_value(|s| s.changed(now, kinds))
        .flatten()
    else {
        return;
    };
    if let Some(Some(timer)) = fetches.timer.try_update_value(Option::take) {
        timer.clear();
    }
    let timer = set_timeout_with_handle(
        move || {
            let due = fetches
                .settling
                .try_update_value(Settling::due)
                .unwrap_or_default();
            fetches.timer.set_value(None);
            for kind in due {
                store.refresh(kind);
            }
        },
        std::time::Duration::from_millis(delay as u64),
    )
    .ok();
    fetches.timer.set_value(timer);
}
