//! The one error type that crosses IPC: a kind the UI maps to a recovery, and a sentence a person understands.
//!
//! Invariant: the kind is derived from the engine's HTTP status (or the transport failure), never from matching the
//! engine's message text. The message text is kept as `detail`, and is read only to refine a kind into a known case
//! (`Diagnosis::recognise`), which never changes the kind.

use crate::diagnosis::Diagnosis;
pub use crate::error_kind::{ErrorKind, Recovery};
use serde::{Deserialize, Serialize};
use std::fmt;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PortholeError {
    pub kind: ErrorKind,
    /// A sentence for the user: what happened and what to do next.
    pub message: String,
    /// The engine's own words (or the transport error), for the curious; never contains credentials.
    pub detail: String,
    /// Names of the objects that caused it, when known (e.g. the containers that use an image being removed).
    #[serde(default)]
    pub related: Vec<String>,
    /// The known case this is, when the engine's reply was recognised; `message` then says what happened and the fix.
    #[serde(default)]
    pub diagnosis: Option<Diagnosis>,
}

impl PortholeError {
    pub fn new(kind: ErrorKind, message: impl Into<String>, detail: impl Into<String>) -> Self {
        Self {
            kind,
            message: message.into(),
            detail: detail.into(),
            related: Vec::new(),
            diagnosis: None,
        }
    }

    /// An error with the kind's generic sentence.
    pub fn of_kind(kind: ErrorKind, detail: impl Into<String>) -> Self {
        Self::new(kind, kind.sentence(), detail)
    }

    pub fn invalid_input(message: impl Into<String>) -> Self {
        Self::new(ErrorKind::InvalidInput, message, "")
    }

    /// The error refined by a known case its kind and `detail` (the engine's reply) are, if any: the message becomes
    /// what happened and the fix. The kind stays.
    pub fn recognised(self) -> Self {
        match Diagnosis::recognise(self.kind, &self.detail) {
            Some(diagnosis) => self.diagnosed(diagnosis),
            None => self,
        }
    }

    /// The error as the known case `diagnosis`: the message becomes what happened and the fix. The kind stays.
    pub fn diagnosed(mut self, diagnosis: Diagnosis) -> Self {
        self.message = diagnosis.message();
        self.diagnosis = Some(diagnosis);
        self
    }

    /// Like `recognised`, with `registry`'s address in the fix (`docker login 127.0.0.1:5001`).
    pub fn recognised_for(mut self, registry: &str) -> Self {
        let diagnosis = self
            .diagnosis
            .or_else(|| Diagnosis::recognise(self.kind, &self.detail));
        if let Some(diagnosis) = diagnosis {
            self.message = diagnosis.message_for(registry);
            self.diagnosis = Some(diagnosis);
        }
        self
    }
}

impl fmt::Display for PortholeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.detail.is_empty() {
            write!(f, "{}", self.message)
        } else {
            write!(f, "{} ({})", self.message, self.detail)
        }
    }
}

impl std::error::Error for PortholeError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_map_to_kinds() {
        assert_eq!(ErrorKind::from_status(404), ErrorKind::NotFound);
        assert_eq!(ErrorKind::from_status(409), ErrorKind::Conflict);
        assert_eq!(ErrorKind::from_status(401), ErrorKind::Unauthorized);
        assert_eq!(ErrorKind::from_status(400), ErrorKind::InvalidInput);
        assert_eq!(ErrorKind::from_status(500), ErrorKind::Internal);
        assert_eq!(ErrorKind::from_status(503), ErrorKind::Internal);
    }

    #[test]
    fn conflict_offers_force() {
        assert_eq!(ErrorKind::Conflict.recovery(), Recovery::OfferForce);
        assert_eq!(ErrorKind::EngineUnavailable.recovery(), Recovery::Reconnect);
    }

    #[test]
    fn display_keeps_the_sentence_first() {
        let error = PortholeError::of_kind(ErrorKind::NotFound, "No such container: x");
        assert!(error.to_string().starts_with("It no longer exists"));
        assert!(error.to_string().ends_with("(No such container: x)"));
    }

    #[test]
    fn a_recognised_reply_says_what_happened_and_the_fix() {
        let error =
            PortholeError::of_kind(ErrorKind::NotFound, "No such container: x").recognised();
        assert_eq!(error.kind, ErrorKind::NotFound);
        assert_eq!(error.diagnosis, Some(Diagnosis::NoSuchContainer));
        assert!(error.message.contains(Diagnosis::NoSuchContainer.fix()));
        let plain = PortholeError::of_kind(ErrorKind::Internal, "something else").recognised();
        assert_eq!(plain.diagnosis, None);
        assert_eq!(plain.message, ErrorKind::Internal.sentence());
        let login =
            PortholeError::of_kind(ErrorKind::Internal, "Head x: no basic auth credentials")
                .recognised()
                .recognised_for("127.0.0.1:5001");
        assert!(login.message.contains("`docker login 127.0.0.1:5001`"));
    }

    #[test]
    fn errors_from_before_diagnoses_still_deserialise() {
        let json = r#"{"kind":"not_found","message":"m","detail":"d"}"#;
        let error: PortholeError = serde_json::from_str(json).unwrap();
        assert_eq!(error.diagnosis, None);
    }
}
