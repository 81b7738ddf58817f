//! What kind of failure an error is — derived from the engine's HTTP status or the transport failure, never from
//! message text — and what the UI offers to recover from it. Its own module so that the diagnosis of known cases
//! (`diagnosis.rs`) and the error type (`error.rs`) both depend on it without depending on each other.

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorKind {
    /// 404: the object (container, image, volume …) does not exist (any more).
    NotFound,
    /// 409: the object is in a state that forbids the action (in use, name taken, already running …).
    Conflict,
    /// 401, or a registry that wants credentials.
    Unauthorized,
    /// 403: the engine or registry refuses this request for this user.
    Forbidden,
    /// 400 from the engine, or input that failed Porthole's own validation before any request.
    InvalidInput,
    /// No engine reachable at the endpoint (transport failure, not an HTTP answer).
    EngineUnavailable,
    /// The request took too long.
    Timeout,
    /// 5xx or anything unexpected.
    Internal,
}

impl ErrorKind {
    /// The kind for an HTTP status the engine (or a registry) answered with.
    pub fn from_status(status: u16) -> Self {
        match status {
            400 | 422 => Self::InvalidInput,
            401 => Self::Unauthorized,
            403 => Self::Forbidden,
            404 => Self::NotFound,
            408 | 504 => Self::Timeout,
            409 => Self::Conflict,
            _ => Self::Internal,
        }
    }

    /// What the UI can offer for this kind, in one place (e.g. a conflict on remove → offer force).
    pub fn recovery(self) -> Recovery {
        match self {
            Self::NotFound => Recovery::Refresh,
            Self::Conflict => Recovery::OfferForce,
            Self::Unauthorized => Recovery::LogIn,
            Self::EngineUnavailable => Recovery::Reconnect,
            Self::InvalidInput => Recovery::FixInput,
            Self::Timeout => Recovery::Retry,
            Self::Forbidden | Self::Internal => Recovery::None,
        }
    }

    /// The generic sentence for the kind, used when the action does not have a more specific one.
    pub fn sentence(self) -> &'static str {
        match self {
            Self::NotFound => "It no longer exists on the engine; the list has been refreshed.",
            Self::Conflict => {
                "The engine refused because the object is in use or in the wrong state."
            }
            Self::Unauthorized => "The registry wants you to log in first.",
            Self::Forbidden => "The engine refused this request for your user.",
            Self::InvalidInput => "The engine rejected the request as invalid.",
            Self::EngineUnavailable => {
                "The Docker engine cannot be reached; Porthole keeps trying to reconnect."
            }
            Self::Timeout => "The engine did not answer in time. Try again.",
            Self::Internal => "The engine reported an internal error.",
        }
    }
}

/// What the UI offers next to an error.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Recovery {
    None,
    Refresh,
    OfferForce,
    LogIn,
    Reconnect,
    FixInput,
    Retry,
}
