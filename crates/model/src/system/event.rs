//! What the backend streams to the UI about the engine: connection changes and which kinds of object changed.
//!
//! Engine events are invalidation only: the UI never patches a list from an event's payload, it refetches the kind —
//! the lists showing it at once, the lists that only count it once the burst has settled.

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

    /// The lists that show objects of this kind: read again at once when it changes. A network connect or
    /// disconnect changes a container's page (it lists its networks); a service's tasks are containers.
    pub fn affects(self) -> &'static [ObjectKind] {
        match self {
            Self::Container => &[Self::Container],
            Self::Image => &[Self::Image],
            Self::Volume => &[Self::Volume],
            Self::Network => &[Self::Network, Self::Container],
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

/// A message on the engine subscription's channel.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum StreamMessage {
    /// The connection changed. `Connected` after a reconnect means: resync everything.
    Connection { state: ConnectionState },
    /// These kinds changed since the last message (a coalesced burst of engine events).
    Invalidated { kinds: Vec<ObjectKind> },
}

/// Collects the kinds a burst of events named, deduplicated and in a stable order; what each one makes stale is the
/// UI's to decide (`affects`, `counted_in`).
#[derive(Debug, Default)]
pub struct Burst {
    kinds: std::collections::BTreeSet<ObjectKind>,
    pub events: usize,
}

impl Burst {
    pub fn add(&mut self, kind: ObjectKind) {
        self.events += 1;
        self.kinds.insert(kind);
    }

    pub fn is_empty(&self) -> bool {
        self.kinds.is_empty()
    }

    pub fn take(&mut self) -> Vec<ObjectKind> {
        self.events = 0;
        std::mem::take(&mut self.kinds).into_iter().collect()
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
        assert_eq!(burst.take(), [ObjectKind::Container]);
        assert!(burst.is_empty());
        burst.add(ObjectKind::Network);
        burst.add(ObjectKind::Container);
        assert_eq!(burst.take(), [ObjectKind::Container, ObjectKind::Network]);
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
        // A connect or disconnect shows on the container's page at once.
        assert!(ObjectKind::Network
            .affects()
            .contains(&ObjectKind::Container));
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
