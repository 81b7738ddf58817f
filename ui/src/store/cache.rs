//! The cache: what the UI knows of the engine's objects, one list per kind, each replaced whole by a fresh read
//! (`fetch`) when an event invalidates it — never patched — and how each kind's read stands (`Loadable`: not read
//! yet, first read under way, read, failed), so a view tells "not read yet" from "none". Nothing here is a user's
//! choice or a place in the app: those are `Preferences` and `Navigation`.

use crate::load::Loadable;
use crate::store::now_secs;
use leptos::prelude::*;
use porthole_model::network::NetworkSummary;
use porthole_model::system::context::EngineEntry;
use porthole_model::ObjectKind;
use porthole_model::{ContainerSummary, EngineInfo, ImageSummary, Registry, VolumeSummary};
use std::collections::BTreeMap;

#[derive(Clone, Copy)]
pub struct Cache {
    pub containers: RwSignal<Vec<ContainerSummary>>,
    /// When the container list was last read whole (Unix seconds): statuses age from there (`status::aged`)…
    pub containers_fetched_at: RwSignal<i64>,
    /// …or, for the containers read by id since (what an event named), from then.
    pub containers_read_at: RwSignal<BTreeMap<String, i64>>,
    pub images: RwSignal<Vec<ImageSummary>>,
    pub volumes: RwSignal<Vec<VolumeSummary>>,
    pub networks: RwSignal<Vec<NetworkSummary>>,
    pub info: RwSignal<Option<EngineInfo>>,
    /// Every engine the user has (contexts, DOCKER_HOST, default, Podman), with what a probe of each found.
    pub engines: RwSignal<Vec<EngineEntry>>,
    /// Bumped each time the engine list is read afresh: the Engines overview follows the engines again from then
    /// on, so a probe read before a live update can never stay shown over it.
    pub engines_read: RwSignal<u64>,
    /// Registries with a stored login (from the docker CLI's credential store), read by the Registries page.
    pub registries: RwSignal<Vec<Registry>>,
    /// Bumped whenever Swarm objects (services, nodes) or containers changed: the Swarm page rereads on it.
    pub swarm_changed: RwSignal<u64>,
    /// How the last read of each kind went; a kind never asked for is `Idle`.
    reads: RwSignal<BTreeMap<ObjectKind, Loadable<()>>>,
}

impl Cache {
    pub fn new() -> Self {
        Self {
            containers: RwSignal::new(Vec::new()),
            containers_fetched_at: RwSignal::new(now_secs()),
            containers_read_at: RwSignal::new(BTreeMap::new()),
            images: RwSignal::new(Vec::new()),
            volumes: RwSignal::new(Vec::new()),
            networks: RwSignal::new(Vec::new()),
            info: RwSignal::new(None),
            engines: RwSignal::new(Vec::new()),
            engines_read: RwSignal::new(0),
            registries: RwSignal::new(Vec::new()),
            swarm_changed: RwSignal::new(0),
            reads: RwSignal::new(BTreeMap::new()),
        }
    }

    /// When the container `id`'s row was read (Unix seconds), tracked: its status is worded as of then.
    pub fn container_read_at(self, id: &str) -> i64 {
        self.containers_read_at
            .with(|m| m.get(id).copied())
            .unwrap_or_else(|| self.containers_fetched_at.get())
    }

    /// How `kind`'s read stands, tracked.
    pub fn read(self, kind: ObjectKind) -> Loadable<()> {
        self.reads
            .with(|r| r.get(&kind).cloned().unwrap_or(Loadable::Idle))
    }

    /// Whether `kind`'s list is as the engine last said (its latest read succeeded), tracked.
    pub fn loaded(self, kind: ObjectKind) -> bool {
        self.read(kind) == Loadable::Loaded(())
    }

    /// A read of `kind` starts: `Loading` the first time; a list already shown stays until the answer.
    pub(super) fn reading(self, kind: ObjectKind) {
        if !self
            .reads
            .with_untracked(|r| matches!(r.get(&kind), Some(Loadable::Loaded(()))))
        {
            self.reads.update(|r| {
                r.insert(kind, Loadable::Loading);
            });
        }
    }

    /// A read of `kind` ended: read, or failed with why.
    pub(super) fn read_ended(
        self,
        kind: ObjectKind,
        outcome: Result<(), porthole_model::PortholeError>,
    ) {
        let state = match outcome {
            Ok(()) => Loadable::Loaded(()),
            Err(error) => Loadable::Failed(error),
        };
        if self.reads.with_untracked(|r| r.get(&kind) != Some(&state)) {
            self.reads.update(|r| {
                r.insert(kind, state);
            });
        }
    }
}
