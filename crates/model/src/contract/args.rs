//! The arguments of the commands that take more than one value. A command that takes one value takes it as is
//! (`container_details` takes the container's id or name as a `String`).

use crate::{ContainerAction, ImageAction, ImageReference};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ContainerActionArgs {
    /// Id or name.
    pub container: String,
    pub action: ContainerAction,
}

/// Scroll-back: up to `count` lines written before the line stamped `before`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LogsBeforeArgs {
    pub container: String,
    /// The engine's RFC 3339 timestamp of the oldest line shown.
    pub before: String,
    pub count: u32,
}

/// The Logs tab: the last `tail` lines, then the lines as they are written.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LogsArgs {
    pub container: String,
    pub tail: u32,
}

/// `docker exec -it CONTAINER COMMAND` in a terminal of `cols` × `rows`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TerminalArgs {
    pub container: String,
    pub command: Vec<String>,
    pub cols: u16,
    pub rows: u16,
}

/// Keys typed into the terminal subscription `id`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TerminalInputArgs {
    pub id: u64,
    pub keys: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TerminalResizeArgs {
    pub id: u64,
    pub cols: u16,
    pub rows: u16,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ImageActionArgs {
    /// A reference or an id.
    pub image: String,
    pub action: ImageAction,
}

/// `docker tag IMAGE TARGET`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TagArgs {
    /// A reference or an id.
    pub image: String,
    pub target: ImageReference,
}

/// `docker pull [--platform PLATFORM] REFERENCE`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PullArgs {
    pub reference: ImageReference,
    /// `os/arch[/variant]`; `None` for the engine's own.
    pub platform: Option<String>,
}

/// A repository's tags in a registry (`GET /v2/REPOSITORY/tags/list`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegistryTagsArgs {
    pub registry: String,
    pub repository: String,
}

/// `choose_file`: the system's file picker's title, and the kind of file it offers (`extensions` without the dot;
/// empty: any file).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileChoice {
    pub title: String,
    pub filter: String,
    pub extensions: Vec<String>,
}

/// `open_compose_file`: the file, and the project name to use (empty: the folder's name).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OpenComposeArgs {
    pub path: String,
    pub project: String,
}

/// `network_action`: what to do to which network.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NetworkActionArgs {
    pub network: String,
    pub action: crate::NetworkAction,
}

/// `list_files`, `read_file`: a path in a container.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileArgs {
    pub container: String,
    pub path: String,
}
