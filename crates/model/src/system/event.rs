//! What the backend streams to the UI about the engine: connection changes and which kinds of object changed.
//!
//! Engine events are invalidation only: the UI never patches a list from an event's payload, it reads again — the
//! containers an event names by their id (or the whole list when a burst names too many), the other lists showing
//! the kind at once, the lists that only count it once the burst has settled.

use crate::system::ConnectionState;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ObjectKind {
    Container,
    Image,
    Volume,
    Network,
    /// Swarm objects: services, nodes (a manager's events).
    Swarm,
    /// Engine-wide changes (daemon reload) and anything the app does not list separately.
    Engine,
}

impl ObjectKind {
    /// The kind for an engine event's `Type` (`container`, `image`, `volume`, `network`, `daemon`, …).
    /// Event types the app does not show (plugin, secret, config) are `None`: they invalidate nothing.
    pub fn from_event_type(event_type: &str) -> Option<Self> {
        match event_type {
            "container" => Some(Self::Container),
            "image" => Some(Self::Image),
            "volume" => Some(Self::Volume),
            "network" => Some(Self::Network),
            "service" | "node" => Some(Self::Swarm),
            "daemon" => Some(Self::Engine),
            _ => None,
        }
    }

    /// The lists that show objects of this kind: read again at once when it changes. A service's tasks are
    /// containers. (A network connect or disconnect names its container: the burst reads that one again.)
    pub fn affects(self) -> &'static [ObjectKind] {
        match self {
            Self::Container => &[Self::Container],
            Self::Image => &[Self::Image],
            Self::Volume => &[Self::Volume],
            Self::Network => &[Self::Network],
            Self::Swarm => &[Self::Swarm, Self::Container],
            Self::Engine => &[
                Self::Container,
                Self::Image,
                Self::Volume,
                Self::Network,
                Self::Swarm,
                Self::Engine,
            ],
        }
    }

    /// The lists that only count or point at objects of this kind — an image's in-use count, a volume's users, a
    /// network's endpoints, the engine's totals. They are read again once a burst of changes has settled
    /// (`SETTLE_MS`), not with every batch: 100 containers made by a script cost one reread of each, and a
    /// list that reads all containers to count them is not asked for while the containers still change.
    pub fn counted_in(self) -> &'static [ObjectKind] {
        match self {
            Self::Container => &[Self::Image, Self::Volume, Self::Network, Self::Engine],
            Self::Image | Self::Volume => &[Self::Engine],
            Self::Network | Self::Swarm | Self::Engine => &[],
        }
    }
}

/// How long after the last change the counting lists (`ObjectKind::counted_in`) are read, and at most how long
/// they wait while changes keep coming.
pub const SETTLE_MS: u32 = 400;
pub const SETTLE_AT_MOST_MS: u32 = 2_000;

/// At most this many containers named by one burst are read one by one; past it, the whole list is read (one
/// request either way, and a long id filter costs the engine more than listing everything).
pub const NAMED_AT_MOST: usize = 50;

/// A message on the engine subscription's channel.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum StreamMessage {
    /// The connection changed. `Connected` after a reconnect means: resync everything.
    Connection { state: ConnectionState },
    /// A coalesced burst of engine events: the kinds that changed and, when it could name them, which containers.
    Invalidated(Invalidation),
}

/// What one burst of engine events made stale.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Invalidation {
    pub kinds: Vec<ObjectKind>,
    /// The containers the burst changed, by id, when it named every one of them and no more than `NAMED_AT_MOST`;
    /// `None` when the whole list must be read.
    #[serde(default)]
    pub containers: Option<ContainerChanges>,
}

impl Invalidation {
    /// Everything may have changed (batches were lost): every list is read again.
    pub fn everything() -> Self {
        Self {
            kinds: vec![ObjectKind::Engine],
            containers: None,
        }
    }

    /// The containers to read one by one, if this burst allows it: it named them, and nothing else in it asks for
    /// the whole container list (a swarm change, a daemon event).
    pub fn named_containers(&self) -> Option<&ContainerChanges> {
        let whole = self
            .kinds
            .iter()
            .any(|k| *k != ObjectKind::Container && k.affects().contains(&ObjectKind::Container));
        self.containers.as_ref().filter(|_| !whole)
    }
}

/// Containers a burst created or changed (read again by id) and destroyed (dropped without asking).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContainerChanges {
    pub changed: Vec<String>,
    pub removed: Vec<String>,
}

/// Collects what a burst of events named — the kinds, deduplicated and in a stable order, and the containers by id
/// (the last event of each wins: created then destroyed is destroyed); what each kind makes stale is the UI's to
/// decide (`affects`, `counted_in`).
#[derive(Debug, Default)]
pub struct Burst {
    kinds: std::collections::BTreeSet<ObjectKind>,
    /// Per container id: whether its last event destroyed it.
    containers: std::collections::BTreeMap<String, bool>,
    /// A container event without an id: only the whole list can show it.
    unnamed: bool,
    pub events: usize,
}

impl Burst {
    /// An event of `kind`; a container event that names no container makes the whole list stale.
    pub fn add(&mut self, kind: ObjectKind) {
        self.events += 1;
        self.kinds.insert(kind);
        if kind == ObjectKind::Container {
            self.unnamed = true;
        }
    }

    /// An event that changed the container `id` (`destroyed`: it is gone). Also counts its kind: a network's
    /// connect names a container but is the network's event.
    pub fn add_container(&mut self, kind: ObjectKind, id: String, destroyed: bool) {
        self.events += 1;
        self.kinds.insert(kind);
        self.kinds.insert(ObjectKind::Container);
        self.containers.insert(id, destroyed);
    }

    pub fn is_empty(&self) -> bool {
        self.kinds.is_empty()
    }

    pub fn take(&mut self) -> Invalidation {
        self.events = 0;
        let containers = std::mem::take(&mut self.containers);
        let unnamed = std::mem::take(&mut self.unnamed);
        let named = !unnamed && containers.len() <= NAMED_AT_MOST && !containers.is_empty();
        let containers = named.then(|| {
            let (removed, changed): (Vec<_>, Vec<_>) = containers
                .into_iter()
                .partition(|(_, destroyed)| *destroyed);
            ContainerChanges {
                changed: changed.into_iter().map(|(id, _)| id).collect(),
                removed: removed.into_iter().map(|(id, _)| id).collect(),
            }
        });
        Invalidation {
            kinds: std::mem::take(&mut self.kinds).into_iter().collect(),
            containers,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_burst_of_container_events_is_one_kind_once() {
        let mut burst = Burst::default();
        for _ in 0..100 {
            burst.add(ObjectKind::Container);
        }
        assert_eq!(burst.events, 100);
        assert_eq!(burst.take().kinds, [ObjectKind::Container]);
        assert!(burst.is_empty());
        burst.add(ObjectKind::Network);
        burst.add(ObjectKind::Container);
        let batch = burst.take();
        assert_eq!(batch.kinds, [ObjectKind::Container, ObjectKind::Network]);
        assert_eq!(
            batch.containers, None,
            "an unnamed container event: the whole list"
        );
    }

    #[test]
    fn a_burst_names_its_containers_and_the_last_event_of_each_wins() {
        let mut burst = Burst::default();
        burst.add_container(ObjectKind::Container, "a".into(), false);
        burst.add_container(ObjectKind::Network, "b".into(), false);
        burst.add_container(ObjectKind::Container, "c".into(), false);
        burst.add_container(ObjectKind::Container, "c".into(), true);
        let batch = burst.take();
        assert_eq!(batch.kinds, [ObjectKind::Container, ObjectKind::Network]);
        let named = batch.named_containers().expect("named");
        assert_eq!(named.changed, ["a", "b"]);
        assert_eq!(named.removed, ["c"]);
        // Past the limit, or with one unnamed event, the whole list.
        for i in 0..=NAMED_AT_MOST {
            burst.add_container(ObjectKind::Container, i.to_string(), false);
        }
        assert_eq!(burst.take().containers, None);
        burst.add_container(ObjectKind::Container, "a".into(), false);
        burst.add(ObjectKind::Container);
        assert_eq!(burst.take().containers, None);
        // A swarm change in the same burst asks for the whole list too.
        burst.add_container(ObjectKind::Container, "a".into(), false);
        burst.add(ObjectKind::Swarm);
        let batch = burst.take();
        assert!(batch.containers.is_some() && batch.named_containers().is_none());
    }

    #[test]
    fn a_container_change_rereads_the_containers_at_once_and_what_counts_them_later() {
        assert_eq!(ObjectKind::Container.affects(), [ObjectKind::Container]);
        assert_eq!(
            ObjectKind::Container.counted_in(),
            [
                ObjectKind::Image,
                ObjectKind::Volume,
                ObjectKind::Network,
                ObjectKind::Engine
            ]
        );
        // A connect or disconnect names its container (read by id); the network kind alone reads no containers.
        assert_eq!(ObjectKind::Network.affects(), [ObjectKind::Network]);
        // Nothing is both: a list read at once is never read again for the same change.
        for kind in ObjectKind::Engine.affects() {
            for counted in kind.counted_in() {
                assert!(!kind.affects().contains(counted), "{kind:?} → {counted:?}");
            }
        }
        // After a reconnect or a lost batch (`Engine`), everything is read at once.
        assert_eq!(ObjectKind::Engine.affects().len(), 6);
    }

    #[test]
    fn unknown_event_types_invalidate_nothing() {
        assert_eq!(ObjectKind::from_event_type("plugin"), None);
        assert_eq!(
            ObjectKind::from_event_type("container"),
            Some(ObjectKind::Container)
        );
    }
}
