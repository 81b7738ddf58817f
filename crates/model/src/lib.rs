//! Porthole's shared model: every type that crosses the IPC boundary between the Rust backend and the wasm UI.
//!
//! Invariants:
//! - No dependency on bollard, tauri or any browser API: this crate compiles for native and `wasm32-unknown-unknown`.
//!   The backend converts engine types into these, so a renamed engine field is a compile error, never a silent
//!   `undefined` in the UI.
//! - Domain rules (what state allows which action, how a port is shown) are methods here, unit-tested here, and used
//!   by both sides.

//! - One folder per Docker object kind — `container/`, `image/`, `volume/`, `network/`, `registry/`, `system/` (the
//!   engine itself: its info, connection, contexts and events), `swarm/`, `compose/` — with the same folders in the
//!   engine crate, the Tauri commands and the UI. What spans kinds sits at the top: `action/` (every action's CLI
//!   command and API request), `contract/` (the IPC commands), errors, settings, Learn and the tour.
//! - The `From` conversions from bollard's types live in `from_engine/`, compiled only with the `bollard` feature the
//!   backend enables: the wasm build never sees bollard, and a renamed engine field is a compile error there.

pub mod action;
pub mod activity;
pub mod compose;
pub mod container;
pub mod contract;
pub mod diagnosis;
pub mod error;
pub mod error_kind;
#[cfg(feature = "bollard")]
mod from_engine;
pub mod image;
pub mod input;
pub mod learn;
pub mod names;
pub mod network;
pub mod notification;
pub mod page_error;
pub mod registry;
pub mod settings;
pub mod stream_end;
pub mod swarm;
pub mod system;
pub mod time;
pub mod tool;
pub mod tour;
pub mod volume;

pub use action::{Action, ContainerAction, ImageAction, NetworkAction, OfferBasis};
pub use activity::{ActivityDetail, ActivityEntry, ActivityMessage, ActivityTarget};
pub use container::details::{ContainerDetails, MountInfo, NetworkAttachment};
pub use container::logs::{LogBatch, LogLine, LogMessage, LogStream};
pub use container::processes::{Processes, ProcessesMessage};
pub use container::run::{
    FieldError, MountKind, MountSpec, PortSpec, Protocol, RestartPolicy, RunRequest,
};
pub use container::stats::{StatsMessage, StatsSample};
pub use container::terminal::TerminalMessage;
pub use container::{ContainerState, ContainerSummary, PortMapping};
pub use error::{ErrorKind, PortholeError};
pub use image::build::{BuildMessage, BuildProgress, BuildRequest, BuildSeen, BuildUpdate};
pub use image::details::{HistoryEntry, ImageConfig, ImageDetails};
pub use image::list::{PrunePreview, PruneReport};
pub use image::reference::{ImageReference, ReferenceError};
pub use image::ImageSummary;
pub use input::{Input, InputError};
pub use page_error::PageError;
pub use registry::{Catalog, Login, Registry, SearchResult, Tags};
pub use settings::{Page, Settings, Theme};
pub use stream_end::StreamEnd;
pub use system::event::{ObjectKind, StreamMessage};
pub use system::{ConnectionState, EngineInfo, UnreachableReason};
pub use volume::VolumeSummary;
