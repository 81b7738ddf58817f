//! The output of an external tool Porthole runs for the user — the Compose tool, or the docker CLI's
//! `stack deploy` — streamed while it runs: its lines as they come, then how it ended.

use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ToolMessage {
    /// New lines of the tool's output (stdout and stderr as they came).
    Output { lines: Vec<String> },
    /// The tool exited with 0.
    Ended,
    /// The tool failed (its exit code and last words are in the error), or could not start.
    Failed { error: crate::PortholeError },
}

impl crate::StreamEnd for ToolMessage {
    fn ended() -> Self {
        Self::Ended
    }
    fn failed(error: crate::PortholeError) -> Self {
        Self::Failed { error }
    }
}
