//! Converts bollard's errors into Porthole's one error type.
//!
//! Invariant: the kind comes from the engine's HTTP status code or from the error being a transport failure; the
//! engine's message is kept verbatim as `detail`, and is read only to refine that kind into a known case
//! (`Diagnosis::recognise`: a name in use, a port already allocated …), which never changes the kind. A recognised
//! case's sentence (what happened and the fix) wins over the generic and the action-specific one.

use crate::system::connection::{classify, Unreachable};
use crate::system::transport::describe;
use bollard::errors::Error as BollardError;
use porthole_model::diagnosis::Diagnosis;
use porthole_model::{ErrorKind, PortholeError};

/// The kind of a bollard error.
pub fn kind_of(error: &BollardError) -> ErrorKind {
    match error {
        BollardError::DockerResponseServerError { status_code, .. } => {
            ErrorKind::from_status(*status_code)
        }
        BollardError::RequestTimeoutError => ErrorKind::Timeout,
        BollardError::SocketNotFoundError(_)
        | BollardError::IOError { .. }
        | BollardError::HyperResponseError { .. }
        | BollardError::HyperLegacyError { .. } => ErrorKind::EngineUnavailable,
        _ => ErrorKind::Internal,
    }
}

/// A `PortholeError` with the generic sentence for the error's kind, or a recognised case's sentence and fix. A
/// transport failure is recognised by its `io::ErrorKind` (as connecting does), a server error by its reply.
pub fn from_bollard(error: BollardError) -> PortholeError {
    let kind = kind_of(&error);
    let transport = match kind {
        ErrorKind::EngineUnavailable => classify(&error).reason.diagnosis(),
        _ => None,
    };
    let detail = match &error {
        BollardError::DockerResponseServerError { message, .. } => message.clone(),
        other => describe(other),
    };
    let mapped = PortholeError::of_kind(kind, detail);
    match transport {
        Some(diagnosis) => mapped.diagnosed(diagnosis),
        None => mapped.recognised(),
    }
}

/// A `PortholeError` whose sentence is specific to what was being done, chosen by kind — unless the engine's reply
/// was recognised as a known case, whose sentence and fix win.
pub fn from_bollard_with(
    error: BollardError,
    sentence: impl Fn(ErrorKind) -> Option<String>,
) -> PortholeError {
    let mut mapped = from_bollard(error);
    if mapped.diagnosis.is_none() {
        if let Some(message) = sentence(mapped.kind) {
            mapped.message = message;
        }
    }
    mapped
}

/// A failed connection as a `PortholeError` (kind `EngineUnavailable`): a recognised case (the socket's permissions,
/// no engine there) says what happened and the fix; otherwise the reason's headline and advice.
pub fn from_unreachable(unreachable: &Unreachable) -> PortholeError {
    let reason = unreachable.reason;
    let error = PortholeError::new(
        ErrorKind::EngineUnavailable,
        format!("{}. {}", reason.headline(), reason.advice()),
        unreachable.detail.clone(),
    );
    match Diagnosis::from_unreachable(reason) {
        Some(diagnosis) => error.diagnosed(diagnosis),
        None => error,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn server_errors_map_by_status_and_keep_the_engine_words() {
        let error = BollardError::DockerResponseServerError {
            status_code: 404,
            message: "No such image".into(),
        };
        let mapped = from_bollard(error);
        assert_eq!(mapped.kind, ErrorKind::NotFound);
        assert_eq!(mapped.detail, "No such image");
        let conflict = BollardError::DockerResponseServerError {
            status_code: 409,
            message: String::new(),
        };
        assert_eq!(kind_of(&conflict), ErrorKind::Conflict);
    }

    #[test]
    fn transport_failures_mean_the_engine_is_unavailable() {
        let io = BollardError::IOError {
            err: std::io::Error::from(std::io::ErrorKind::ConnectionRefused),
        };
        assert_eq!(kind_of(&io), ErrorKind::EngineUnavailable);
        assert_eq!(
            kind_of(&BollardError::SocketNotFoundError("/x".into())),
            ErrorKind::EngineUnavailable
        );
        assert_eq!(
            kind_of(&BollardError::RequestTimeoutError),
            ErrorKind::Timeout
        );
    }

    #[test]
    fn specific_sentences_replace_the_generic_one_by_kind() {
        let error = BollardError::DockerResponseServerError {
            status_code: 409,
            message: "in use".into(),
        };
        let mapped = from_bollard_with(error, |kind| {
            (kind == ErrorKind::Conflict).then(|| "A container uses this image.".to_string())
        });
        assert_eq!(mapped.message, "A container uses this image.");
        assert_eq!(mapped.detail, "in use");
    }

    #[test]
    fn a_recognised_reply_wins_over_the_specific_sentence() {
        let error = BollardError::DockerResponseServerError {
            status_code: 409,
            message:
                "Conflict. The container name \"/web\" is already in use by container \"942d\"."
                    .into(),
        };
        let mapped = from_bollard_with(error, |_| Some("Something specific.".to_string()));
        assert_eq!(mapped.kind, ErrorKind::Conflict);
        assert_eq!(mapped.diagnosis, Some(Diagnosis::NameInUse));
        assert_eq!(mapped.message, Diagnosis::NameInUse.message());
    }

    #[test]
    fn transport_failures_are_recognised_by_their_io_kind() {
        let denied = BollardError::IOError {
            err: std::io::Error::from(std::io::ErrorKind::PermissionDenied),
        };
        assert_eq!(
            from_bollard(denied).diagnosis,
            Some(Diagnosis::SocketPermissionDenied)
        );
        let refused = BollardError::IOError {
            err: std::io::Error::from(std::io::ErrorKind::ConnectionRefused),
        };
        assert_eq!(
            from_bollard(refused).diagnosis,
            Some(Diagnosis::DaemonUnreachable)
        );
    }
}
