//! One module per screen.

pub mod compose;
pub mod container;
pub mod containers;
pub mod disk;
pub mod engine;
pub mod images;
pub mod learn;
pub mod networks;
pub mod registries;
pub mod settings;
pub mod swarm;
pub mod tour;
pub mod unreachable;
pub mod volumes;
