//! Converts bollard's errors into Porthole's one error type.
//!
//! Invariant: the kind comes from the engine's HTTP status code or from the error being a transport failure; the
//! engine's message is kept verbatim as `detail` and never inspected.

use crate::connection::describe;
use bollard::errors::Error as BollardError;
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

/// A `PortholeError` with the generic sentence for the error's kind.
pub fn from_bollard(error: BollardError) -> PortholeError {
    let detail = match &error {
        BollardError::DockerResponseServerError { message, .. } => message.clone(),
        other => describe(other),
    };
    PortholeError::of_kind(kind_of(&error), detail)
}

/// A `PortholeError` whose sentence is specific to what was being done, chosen by kind.
pub fn from_bollard_with(
    error: BollardError,
    sentence: impl Fn(ErrorKind) -> Option<String>,
) -> PortholeError {
    let mut mapped = from_bollard(error);
    if let Some(message) = sentence(mapped.kind) {
        mapped.message = message;
    }
    mapped
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
}
