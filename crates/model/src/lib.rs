//! Porthole's shared model: every type that crosses the IPC boundary between the Rust backend and the wasm UI.
//!
//! Invariants:
//! - No dependency on bollard, tauri or any browser API: this crate compiles for native and `wasm32-unknown-unknown`.
//!   The backend converts engine types into these (`From` impls live in the engine crate), so a renamed engine field
//!   is a compile error there, never a silent `undefined` in the UI.
//! - Domain rules (what state allows which action, how a port is shown) are methods here, unit-tested here, and used
//!   by both sides.
//! - One module per Docker object kind, mirrored in the engine crate, the Tauri commands and the UI.

pub mod action;
pub mod activity;
pub mod compose;
pub mod container;
pub mod container_details;
pub mod containers;
pub mod context;
pub mod contract;
pub mod diagnosis;
pub mod dockerignore;
pub mod engine;
pub mod error;
pub mod error_kind;
pub mod event;
#[cfg(feature = "bollard")]
mod from_engine;
pub mod image;
pub mod image_build;
pub mod image_details;
pub mod images;
pub mod learn;
pub mod log_buffer;
pub mod logs;
pub mod names;
pub mod network;
pub mod page_error;
pub mod processes;
pub mod pull;
pub mod reference;
pub mod registry;
pub mod run;
pub mod settings;
pub mod stats;
pub mod status;
pub mod stream_end;
pub mod swarm;
pub mod terminal;
pub mod tool;
pub mod tour;

pub use action::{Action, ContainerAction, ImageAction, NetworkAction};
pub use activity::{ActivityDetail, ActivityEntry, ActivityMessage, ActivityTarget};
pub use container::{ContainerState, ContainerSummary, PortMapping};
pub use container_details::{ContainerDetails, MountInfo, NetworkAttachment};
pub use engine::{ConnectionState, EngineInfo, UnreachableReason};
pub use error::{ErrorKind, PortholeError};
pub use event::{ObjectKind, StreamMessage};
pub use image::ImageSummary;
pub use image_build::{BuildMessage, BuildProgress, BuildRequest, BuildSeen, BuildUpdate};
pub use image_details::{HistoryEntry, ImageConfig, ImageDetails};
pub use images::{PrunePreview, PruneReport};
pub use logs::{LogBatch, LogLine, LogMessage, LogStream};
pub use page_error::PageError;
pub use processes::{Processes, ProcessesMessage};
pub use reference::{ImageReference, ReferenceError};
pub use registry::{Catalog, Login, Registry, SearchResult, Tags};
pub use run::{FieldError, MountKind, MountSpec, PortSpec, Protocol, RestartPolicy, RunRequest};
pub use settings::{Page, Settings, Theme};
pub use stats::{StatsMessage, StatsSample};
pub use stream_end::StreamEnd;
pub use terminal::TerminalMessage;
pub use volume::VolumeSummary;
pub mod time;
pub mod volume;
