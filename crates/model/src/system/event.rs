//! What the backend streams to the UI about the engine: connection changes and which kinds of object changed.
//!
//! Engine events are invalidation only: the UI never patches a list from an event's payload, it refetches the kind.

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

    /// Which lists to refresh when this kind changes. A container created or removed changes the images' in-use
    /// count, the volumes' users, the networks' endpoints and the engine's counts; an image change alters the engine's image count.
    pub fn affects(self) -> &'static [ObjectKind] {
        match self {
            Self::Container => &[
                Self::Container,
                Self::Image,
                Self::Volume,
                Self::Network,
                Self::Engine,
            ],
            Self::Image => &[Self::Image, Self::Engine],
            Self::Volume => &[Self::Volume, Self::Engine],
            // A container's page lists its networks: connect and disconnect change it.
            Self::Network => &[Self::Network, Self::Container],
            // A service's tasks are containers: their count changes with it.
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
}

/// A message on the engine subscription's channel.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum StreamMessage {
    /// The connection changed. `Connected` after a reconnect means: resync everything.
    Connection { state: ConnectionState },
    /// These kinds changed since the last message (a coalesced burst of engine events).
    Invalidated { kinds: Vec<ObjectKind> },
}

/// Collects the kinds a burst of events touched, deduplicated and in a stable order.
#[derive(Debug, Default)]
pub struct Burst {
    kinds: std::collections::BTreeSet<ObjectKind>,
    pub events: usize,
}

impl Burst {
    pub fn add(&mut self, kind: ObjectKind) {
        self.events += 1;
        self.kinds.extend(kind.affects().iter().copied());
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
    fn a_burst_of_container_events_refreshes_each_list_once() {
        let mut burst = Burst::default();
        for _ in 0..100 {
            burst.add(ObjectKind::Container);
        }
        assert_eq!(burst.events, 100);
        assert_eq!(
            burst.take(),
            [
                ObjectKind::Container,
                ObjectKind::Image,
                ObjectKind::Volume,
                ObjectKind::Network,
                ObjectKind::Engine
            ]
        );
        assert!(burst.is_empty());
        burst.add(ObjectKind::Network);
        assert_eq!(burst.take(), [ObjectKind::Container, ObjectKind::Network]);
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
