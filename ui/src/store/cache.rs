//! The cache: what the UI knows of the engine's objects, one list per kind, each replaced whole by a fresh read
//! (`fetch`) when an event invalidates it — never patched. Nothing here is a user's choice or a place in the app:
//! those are `Preferences` and `Navigation`.

use crate::store::now_secs;
use leptos::prelude::*;
use porthole_model::network::NetworkSummary;
use porthole_model::system::context::EngineEntry;
use porthole_model::{ContainerSummary, EngineInfo, ImageSummary, Registry, VolumeSummary};

#[derive(Clone, Copy)]
pub struct Cache {
    pub containers: RwSignal<Vec<ContainerSummary>>,
    /// When the container list was last read (Unix seconds): statuses age from there (`status::aged`).
    pub containers_fetched_at: RwSignal<i64>,
    /// Whether the container list and the image list each arrived at least once (the tour decides nothing before:
    /// a list that has not arrived is not an empty one).
    pub containers_loaded: RwSignal<bool>,
    pub images: RwSignal<Vec<ImageSummary>>,
    pub images_loaded: RwSignal<bool>,
    pub volumes: RwSignal<Vec<VolumeSummary>>,
    pub networks: RwSignal<Vec<NetworkSummary>>,
    pub info: RwSignal<Option<EngineInfo>>,
    /// Every engine the user has (contexts, DOCKER_HOST, default, Podman), with what a probe of each found.
    pub engines: RwSignal<Vec<EngineEntry>>,
    /// Registries with a stored login (from the docker CLI's credential store), read by the Registries page.
    pub registries: RwSignal<Vec<Registry>>,
    /// Bumped whenever Swarm objects (services, nodes) or containers changed: the Swarm page rereads on it.
    pub swarm_changed: RwSignal<u64>,
    /// Whether the lists have been read at least once since the app started.
    pub loaded: RwSignal<bool>,
}

impl Cache {
    pub fn new() -> Self {
        Self {
            containers: RwSignal::new(Vec::new()),
            containers_fetched_at: RwSignal::new(now_secs()),
            containers_loaded: RwSignal::new(false),
            images: RwSignal::new(Vec::new()),
            images_loaded: RwSignal::new(false),
            volumes: RwSignal::new(Vec::new()),
            networks: RwSignal::new(Vec::new()),
            info: RwSignal::new(None),
            engines: RwSignal::new(Vec::new()),
            registries: RwSignal::new(Vec::new()),
            swarm_changed: RwSignal::new(0),
            loaded: RwSignal::new(false),
        }
    }
}
