//! How a stream says it ended. Every container stream's message type (logs, stats, processes, terminal) ends the
//! same two ways, so the backend finishes them all with one function (`streams::finish`) and the UI reads the end
//! of any of them the same way.
//!
//! Invariant: after `ended()` or `failed(…)` a stream sends nothing more.

use crate::{LogMessage, PortholeError, ProcessesMessage, StatsMessage, TerminalMessage};

pub trait StreamEnd: Sized {
    /// The source ended on its own (the container stopped, the shell exited).
    fn ended() -> Self;
    /// The stream failed; the error says why, in the user's words.
    fn failed(error: PortholeError) -> Self;

    /// The last message for a stream that finished with `result`.
    fn finish(result: Result<(), PortholeError>) -> Self {
        match result {
            Ok(()) => Self::ended(),
            Err(error) => Self::failed(error),
        }
    }
}

macro_rules! stream_end {
    ($($message:ty),*) => {$(
        impl StreamEnd for $message {
            fn ended() -> Self {
                Self::Ended
            }
            fn failed(error: PortholeError) -> Self {
                Self::Failed { error }
            }
        }
    )*};
}

stream_end!(LogMessage, StatsMessage, ProcessesMessage, TerminalMessage);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_result_becomes_the_last_message() {
        assert!(matches!(LogMessage::finish(Ok(())), LogMessage::Ended));
        let error = PortholeError::invalid_input("no");
        assert!(matches!(
            TerminalMessage::finish(Err(error)),
            TerminalMessage::Failed { .. }
        ));
    }
}
