//! Fetching a kind of engine object into the store: at most one request per kind in flight and at most one more
//! pending, so a burst of changes never piles up requests and results apply in order; and the lists that only count
//! what changed (`ObjectKind::counted_in`), read once the burst has settled.

use super::{now_secs, Store};
use crate::api;
use leptos::prelude::*;
use leptos::task::spawn_local;
use porthole_model::system::event::{SETTLE_AT_MOST_MS, SETTLE_MS};
use porthole_model::ObjectKind;
use std::cell::{Cell, RefCell};
use std::collections::BTreeSet;

/// Per-kind fetch state: one request in flight, at most one more pending.
#[derive(Default)]
pub(super) struct Fetch {
    in_flight: Cell<bool>,
    again: Cell<bool>,
}

/// The counting lists waiting for a burst to settle: which, since when, and the timer that will read them.
#[derive(Default)]
struct Settling {
    kinds: BTreeSet<ObjectKind>,
    since: Option<f64>,
    timer: Option<TimeoutHandle>,
}

thread_local! {
    static SETTLING: RefCell<Settling> = RefCell::new(Settling::default());
    pub(super) static CONTAINERS: Fetch = Fetch::default();
    pub(super) static IMAGES: Fetch = Fetch::default();
    pub(super) static VOLUMES: Fetch = Fetch::default();
    pub(super) static NETWORKS: Fetch = Fetch::default();
    pub(super) static INFO: Fetch = Fetch::default();
}

pub(super) fn fetch(state: &'static std::thread::LocalKey<Fetch>, kind: ObjectKind, store: Store) {
    let busy = state.with(|f| {
        if f.in_flight.get() {
            f.again.set(true);
            true
        } else {
            f.in_flight.set(true);
            false
        }
    });
    if busy {
        return;
    }
    spawn_local(async move {
        loop {
            store.cache.reading(kind);
            let result = match kind {
                ObjectKind::Container => api::list_containers(true).await.map(|list| {
                    store.cache.containers.set(list);
                    store.cache.containers_fetched_at.set(now_secs());
                    mark_first_list();
                }),
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
            let again = state.with(|f| f.again.replace(false));
            if !again {
                state.with(|f| f.in_flight.set(false));
                break;
            }
        }
    });
}

/// Marks the first filled container list on the page's performance timeline (`porthole:containers-loaded`), so
/// the benchmark can time launch → filled list without instrumenting anything else.
fn mark_first_list() {
    thread_local! { static MARKED: Cell<bool> = const { Cell::new(false) }; }
    if !MARKED.with(|m| m.replace(true)) {
        if let Some(performance) = window().performance() {
            let _ = performance.mark("porthole:containers-loaded");
        }
    }
}

/// Reads `kinds` once no change has come for `SETTLE_MS` — or, while changes keep coming, `SETTLE_AT_MOST_MS` after
/// the first one waited, so counts never lag a long burst by more than that.
pub(super) fn when_settled(store: Store, kinds: BTreeSet<ObjectKind>) {
    if kinds.is_empty() {
        return;
    }
    let now = js_sys::Date::now();
    SETTLING.with(|settling| {
        let mut settling = settling.borrow_mut();
        settling.kinds.extend(kinds);
        let since = *settling.since.get_or_insert(now);
        let waited = now - since;
        if waited >= f64::from(SETTLE_AT_MOST_MS) && settling.timer.is_some() {
            // The timer set before keeps its time: the burst has been going on long enough.
            return;
        }
        if let Some(timer) = settling.timer.take() {
            timer.clear();
        }
        let delay = f64::from(SETTLE_MS)
            .min(f64::from(SETTLE_AT_MOST_MS) - waited)
            .max(0.0);
        settling.timer = set_timeout_with_handle(
            move || {
                let due = SETTLING.with(|settling| {
                    let mut settling = settling.borrow_mut();
                    settling.since = None;
                    settling.timer = None;
                    std::mem::take(&mut settling.kinds)
                });
                for kind in due {
                    store.refresh(kind);
                }
            },
            std::time::Duration::from_millis(delay as u64),
        )
        .ok();
    });
}
