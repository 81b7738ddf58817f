//! A terminal session (`docker exec -it`) as the Terminal tab sees it: text out, keys and sizes in.

use serde::{Deserialize, Serialize};

/// What a terminal subscription sends.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum TerminalMessage {
    /// The exec started; `exec` is the engine's id for it.
    Started {
        exec: String,
    },
    Output {
        text: String,
    },
    /// The shell exited (or the container stopped).
    Ended,
    Failed {
        error: crate::PortholeError,
    },
}

/// The shells the tab offers; the first one the image has is used by default.
pub const SHELLS: [&str; 3] = ["/bin/sh", "/bin/bash", "/bin/ash"];

/// Decodes a byte stream as UTF-8 across chunk boundaries: a character split between two chunks is held back until
/// its last byte arrives, so the terminal never shows a replacement character for a valid stream.
#[derive(Default)]
pub struct Utf8Stream {
    pending: Vec<u8>,
}

impl Utf8Stream {
    pub fn push(&mut self, bytes: &[u8]) -> String {
        self.pending.extend_from_slice(bytes);
        let valid = match std::str::from_utf8(&self.pending) {
            Ok(_) => self.pending.len(),
            // An incomplete sequence at the very end (no error length) waits for more bytes.
            Err(error) if error.error_len().is_none() => error.valid_up_to(),
            Err(_) => {
                let text = String::from_utf8_lossy(&self.pending).into_owned();
                self.pending.clear();
                return text;
            }
        };
        let rest = self.pending.split_off(valid);
        String::from_utf8(std::mem::replace(&mut self.pending, rest)).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn characters_split_across_chunks_are_joined() {
        let mut stream = Utf8Stream::default();
        let bytes = "héllo ✓".as_bytes();
        let (a, b) = bytes.split_at(2);
        assert_eq!(stream.push(a), "h");
        assert_eq!(stream.push(b), "éllo ✓");
        assert_eq!(stream.push(&[0xff, b'a']), "\u{fffd}a");
    }

    proptest::proptest! {
        #[test]
        fn any_split_gives_back_the_text(text in "\\PC{0,40}", at in 0usize..200) {
            let bytes = text.as_bytes();
            let at = at.min(bytes.len());
            let mut stream = Utf8Stream::default();
            let joined = stream.push(&bytes[..at]) + &stream.push(&bytes[at..]);
            proptest::prop_assert_eq!(joined, text);
        }
    }
}
