//! `docker top`: the processes in a running container, as the engine's `ps` shows them.

use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Processes {
    pub titles: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

/// What a processes subscription sends, every few seconds while the tab is open.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ProcessesMessage {
    Table { processes: Processes },
    Ended,
    Failed { error: crate::PortholeError },
}
