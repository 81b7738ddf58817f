//! Fetching a kind of engine object into the store: at most one request per kind in flight and at most one more
//! pending, so a burst of changes never piles up requests and results apply in order.

use super::{now_secs, Store};
use crate::api;
use leptos::prelude::*;
use leptos::task::spawn_local;
use porthole_model::ObjectKind;
use std::cell::Cell;

/// Per-kind fetch state: one request in flight, at most one more pending.
#[derive(Default)]
pub(super) struct Fetch {
    in_flight: Cell<bool>,
    again: Cell<bool>,
}

thread_local! {
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
            let result = match kind {
                ObjectKind::Container => api::list_containers(true).await.map(|list| {
                    store.containers.set(list);
                    store.containers_fetched_at.set(now_secs());
                    store.containers_loaded.set(true);
                    mark_first_list();
                }),
                ObjectKind::Image => api::list_images().await.map(|list| {
                    store.images.set(list);
                    store.images_loaded.set(true);
                }),
                ObjectKind::Volume => api::list_volumes()
                    .await
                    .map(|list| store.volumes.set(list)),
                ObjectKind::Network => api::list_networks()
                    .await
                    .map(|list| store.networks.set(list)),
                _ => api::engine_info()
                    .await
                    .map(|info| store.info.set(Some(info))),
            };
            match result {
                Ok(()) => store.loaded.set(true),
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
