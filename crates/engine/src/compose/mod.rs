//! Compose projects, through the real Compose tool: finding the tool (`tool`), opening a file as the tool
//! normalises it (`file`), running the tool for an action with its output streamed (`run`), and the projects the
//! engine has containers of (`projects`, from the labels the tool sets), a project's merged logs (`logs`, read from
//! the engine by those labels, as Compose v2 reads them), and the guided tour's file (`tour`).
//!
//! Invariant: nothing here re-implements Compose: the tool merges, interpolates, creates and removes; Porthole
//! reads its answers and the engine's labels. The tool always runs against this engine (`DOCKER_HOST`), in the
//! file's folder, and is killed when the subscription that started it is cancelled.

pub mod file;
pub mod logs;
pub mod projects;
pub mod run;
pub mod tool;
pub mod tour;

pub use file::{open, open_with};
pub use projects::list;
pub use run::run;
