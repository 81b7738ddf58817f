//! Tauri commands, one module per Docker object kind. Each command is a one-liner: take the state and arguments,
//! call the engine layer, return a model type or a `PortholeError`.

pub mod activity;
pub mod compose;
pub mod container_files;
pub mod containers;
pub mod engine;
pub mod images;
pub mod networks;
pub mod page;
pub mod pickers;
pub mod registries;
pub mod settings;
pub mod subscriptions;
pub mod swarm;
pub mod volumes;
