//! Porthole's engine layer: plain async functions over bollard that return `porthole-model` types or a
//! `PortholeError`.
//!
//! Invariants:
//! - No Tauri or UI dependency: everything here is testable against a real engine from a plain `#[tokio::test]`.
//! - One module per Docker object kind (`containers`, `images`, `registries`, `volumes`, `system`), mirrored in the backend's
//!   commands and the UI's pages.
//! - Engine data is never unwrapped: missing fields become defaults, unknown enum values become `Unknown`.
//! - Error kinds come from the engine's HTTP status or the transport failure (see `error`), not from message text.

pub mod activity;
pub mod compose;
pub mod connection;
pub mod container;
pub mod containers;
pub mod context;
pub mod credentials;
pub mod endpoint;
pub mod error;
pub mod events;
pub mod exec;
pub mod image;
pub mod image_build;
pub mod images;
pub mod logs;
pub mod network;
mod process;
pub mod processes;
pub mod push;
mod raw;
mod redact;
pub mod registries;
pub mod registry;
mod remove_each;
pub mod run;
pub mod stats;
pub mod swarm;
pub mod system;
mod transport;
pub mod volumes;

pub use activity::{as_action, Activity};
pub use connection::Engine;
pub use endpoint::{Endpoint, EndpointSource};
