//! Why a typed value was refused: every parser of user input (names, ports, mounts, addresses, platforms, …)
//! answers a typed `InputError` — which kind of value it was (`Input`) and a sentence saying what is expected —
//! never a bare string. Forms show the sentence beside the field; the backend turns it into an invalid-input
//! `PortholeError` when a command's argument fails the same parser.

use serde::{Deserialize, Serialize};
use std::fmt;

/// The kind of value a parser reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Input {
    ContainerName,
    VolumeName,
    NetworkName,
    ProjectName,
    ContextName,
    Alias,
    Command,
    Env,
    Label,
    Port,
    PortMapping,
    Protocol,
    HostAddress,
    IpAddress,
    Subnet,
    Mount,
    MountTarget,
    BindSource,
    Size,
    RestartPolicy,
    Platform,
    RegistryAddress,
    EngineHost,
    TlsFile,
    ComposeFile,
    ComposeCommand,
    BuildRequest,
    BuildArgs,
    Volume,
    NodeLabels,
    ServicePort,
    ServiceMount,
    Cpus,
    Delay,
    Stack,
    JoinToken,
}

impl Input {
    /// The refusal of a value of this kind, with the sentence to show.
    pub fn refuse(self, message: String) -> InputError {
        InputError {
            input: self,
            message,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InputError {
    pub input: Input,
    /// What was wrong and what is expected, in a sentence.
    pub message: String,
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for InputError {}

impl From<InputError> for String {
    fn from(error: InputError) -> Self {
        error.message
    }
}

impl From<InputError> for crate::PortholeError {
    fn from(error: InputError) -> Self {
        crate::PortholeError::invalid_input(error.message)
    }
}
