//! Porthole's engine layer: plain async functions over bollard that return `porthole-model` types or a
//! `PortholeError`.
//!
//! Invariants:
//! - No Tauri or UI dependency: everything here is testable against a real engine from a plain `#[tokio::test]`.
//! - One folder per Docker object kind — `container/`, `image/`, `volume/`, `network/`, `registry/`, `system/` (the
//!   engine itself: connection, endpoints, contexts, events, info), `swarm/`, `compose/` — the same folders as in the
//!   model crate, mirrored in the backend's commands and the UI's pages. Across kinds: the activity log, errors, the
//!   raw-HTTP reader and the redaction of what is recorded.
//! - Engine data is never unwrapped: missing fields become defaults, unknown enum values become `Unknown`.
//! - Error kinds come from the engine's HTTP status or the transport failure (see `error`), not from message text.

pub mod activity;
pub mod compose;
pub mod container;
pub mod error;
pub mod image;
pub mod network;
mod process;
mod raw;
mod redact;
pub mod registry;
mod remove_each;
pub mod swarm;
pub mod system;
pub mod volume;

pub use activity::{as_action, Activity};
pub use system::connection::Engine;
pub use system::endpoint::{Endpoint, EndpointSource};
