//! The activity console's records: every request Porthole sent to the engine or a registry, with the docker CLI
//! command of the action it was part of and a `curl` that repeats it.
//!
//! Invariants: a record never holds a secret — the backend redacts credentials (the `X-Registry-Auth` and
//! `Authorization` headers, passwords and tokens in JSON bodies) before anything is stored; the CLI text comes from
//! `Action::cli`, the same mapping the action itself was named by, never from a second list.

use serde::{Deserialize, Serialize};

/// Who answered the request.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActivityTarget {
    Engine,
    Registry,
}

/// One request, as the console lists it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActivityEntry {
    pub id: u64,
    /// Unix milliseconds when the request was sent.
    pub at_ms: i64,
    pub target: ActivityTarget,
    /// The engine the request went to (its address; empty for a registry).
    #[serde(default)]
    pub engine: String,
    pub method: String,
    /// The path with its query, exactly as sent (`/v1.41/containers/json?all=1`), or the whole URL for a registry.
    pub path: String,
    /// The answer's status; `None` when no answer came (the engine or registry could not be reached).
    pub status: Option<u16>,
    /// Until the answer's headers arrived: a stream (logs, events, pull progress) goes on after that.
    pub duration_ms: u64,
    /// The docker CLI command of the action this request was part of, when it has one.
    pub cli: Option<String>,
    /// The same request with `curl`, ready to paste (credentials left out).
    pub curl: String,
    /// Why no answer came, when none did.
    #[serde(default)]
    pub error: Option<String>,
    /// Sent, and no answer yet (the same entry comes again when it is complete).
    #[serde(default)]
    pub pending: bool,
    /// Sent by Porthole on its own schedule (the list's CPU and memory samples, a remote engine's liveness ping),
    /// not by something the user did: the console hides these unless asked.
    #[serde(default)]
    pub background: bool,
}

impl ActivityEntry {
    /// Whether the request failed: no answer, or a 4xx/5xx status.
    pub fn failed(&self) -> bool {
        !self.pending && self.status.is_none_or(|s| s >= 400)
    }

    /// The console's filter: every word must appear in the method, path, status or CLI command (case-insensitive).
    pub fn matches(&self, filter: &str) -> bool {
        let haystack = format!(
            "{} {} {} {}",
            self.method,
            self.path,
            self.status.map(|s| s.to_string()).unwrap_or_default(),
            self.cli.as_deref().unwrap_or_default()
        )
        .to_lowercase();
        filter
            .to_lowercase()
            .split_whitespace()
            .all(|word| haystack.contains(word))
    }
}

/// One request opened in the console: the request as sent and the start of the answer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActivityDetail {
    pub entry: ActivityEntry,
    /// Request line, headers (credentials redacted) and the start of the body.
    pub request: String,
    /// Status line, headers and the start of the body as received so far (chunked framing removed).
    pub response: String,
}

/// What the console's live channel carries.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", content = "data", rename_all = "snake_case")]
pub enum ActivityMessage {
    Entry(ActivityEntry),
    Cleared,
}

/// Quotes one word for a POSIX shell, only when it needs it.
pub fn shell_quote(word: &str) -> String {
    shell_words::quote(word).into_owned()
}

/// The readable start of a raw HTTP/1.1 answer: status line and headers, then the body with chunked framing removed,
/// cut after `limit` bytes of body. Binary bodies (multiplexed logs, tar) show as a byte count.
pub fn http_excerpt(raw: &[u8], limit: usize) -> String {
    let Some(split) = raw.windows(4).position(|w| w == b"\r\n\r\n") else {
        return String::from_utf8_lossy(raw).trim_end().to_owned();
    };
    let head = String::from_utf8_lossy(&raw[..split]).replace("\r\n", "\n");
    let rest = &raw[split + 4..];
    let chunked = head.lines().any(|line| {
        let line = line.to_ascii_lowercase();
        line.starts_with("transfer-encoding:") && line.contains("chunked")
    });
    let body = if chunked {
        dechunk(rest)
    } else {
        rest.to_vec()
    };
    let shown = &body[..body.len().min(limit)];
    let text = match std::str::from_utf8(shown) {
        Ok(text) => text.to_owned(),
        // A cut in the middle of a character is fine; anything else that is not text is not worth showing.
        Err(e) if e.error_len().is_none() => {
            String::from_utf8_lossy(&shown[..e.valid_up_to()]).into_owned()
        }
        Err(_) => format!("({} bytes of binary data)", body.len()),
    };
    let more = if body.len() > limit { "\n…" } else { "" };
    if text.is_empty() {
        head
    } else {
        format!("{head}\n\n{}{more}", text.trim_end())
    }
}

/// Removes chunked transfer framing from what arrived so far; an incomplete last chunk is kept as far as it goes.
fn dechunk(mut rest: &[u8]) -> Vec<u8> {
    let mut body = Vec::new();
    loop {
        let Some(end) = rest.windows(2).position(|w| w == b"\r\n") else {
            return body;
        };
        let size_text = String::from_utf8_lossy(&rest[..end]);
        let size_text = size_text.split(';').next().unwrap_or_default().trim();
        let Ok(size) = usize::from_str_radix(size_text, 16) else {
            return body;
        };
        if size == 0 {
            return body;
        }
        rest = &rest[end + 2..];
        let take = size.min(rest.len());
        body.extend_from_slice(&rest[..take]);
        if take < size || rest.len() < size + 2 {
            return body;
        }
        rest = &rest[size + 2..];
    }
}

/// Puts `entry` in its place in `list` (ordered by id): it replaces the entry with its id (the answer arrived), or
/// is inserted, the oldest going beyond `kept`.
pub fn upsert(list: &mut Vec<ActivityEntry>, entry: ActivityEntry, kept: usize) {
    match list.binary_search_by_key(&entry.id, |e| e.id) {
        Ok(at) => list[at] = entry,
        Err(at) => {
            list.insert(at, entry);
            if list.len() > kept {
                list.remove(0);
            }
        }
    }
}

/// The list as read afresh, followed by the entries of `current` newer than its last (they arrived while the list
/// was on its way).
pub fn reloaded(current: &mut Vec<ActivityEntry>, list: Vec<ActivityEntry>) {
    let last = list.last().map(|e| e.id).unwrap_or(0);
    let newer: Vec<_> = current.drain(..).filter(|e| e.id > last).collect();
    *current = list;
    current.extend(newer);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(status: Option<u16>, cli: Option<&str>) -> ActivityEntry {
        ActivityEntry {
            engine: String::new(),
            id: 1,
            at_ms: 0,
            target: ActivityTarget::Engine,
            method: "DELETE".into(),
            path: "/v1.41/containers/web?force=1".into(),
            status,
            duration_ms: 3,
            cli: cli.map(str::to_owned),
            curl: String::new(),
            error: None,
            pending: false,
            background: false,
        }
    }

    #[test]
    fn failures_are_missing_answers_and_error_statuses() {
        assert!(entry(None, None).failed());
        assert!(entry(Some(409), None).failed());
        assert!(!entry(Some(204), None).failed());
        let waiting = ActivityEntry {
            pending: true,
            ..entry(None, None)
        };
        assert!(!waiting.failed(), "still waiting is not failed");
    }

    #[test]
    fn the_filter_needs_every_word_somewhere() {
        let e = entry(Some(409), Some("docker rm -f web"));
        assert!(e.matches("delete 409"));
        assert!(e.matches("RM web"));
        assert!(e.matches(""));
        assert!(!e.matches("delete images"));
    }

    #[test]
    fn excerpts_remove_chunked_framing_and_cut_long_bodies() {
        let raw = b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Type: application/json\r\n\r\n5\r\n[1,2,\r\n3\r\n3]\n\r\n0\r\n\r\n";
        assert_eq!(
            http_excerpt(raw, 100),
            "HTTP/1.1 200 OK\nTransfer-Encoding: chunked\nContent-Type: application/json\n\n[1,2,3]"
        );
        let cut = http_excerpt(raw, 3);
        assert!(cut.ends_with("[1,\n…"), "{cut}");
    }

    #[test]
    fn excerpts_of_partial_and_binary_answers() {
        // Only part of a chunk arrived yet.
        let raw = b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\na\r\nabc";
        assert!(http_excerpt(raw, 100).ends_with("\n\nabc"));
        let raw = b"HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\n\x01\x00\xff\xfe";
        assert!(http_excerpt(raw, 100).ends_with("(4 bytes of binary data)"));
        let raw = b"HTTP/1.1 204 No Content\r\nServer: Docker\r\n\r\n";
        assert_eq!(
            http_excerpt(raw, 100),
            "HTTP/1.1 204 No Content\nServer: Docker"
        );
        // Headers not complete yet.
        assert_eq!(
            http_excerpt(b"HTTP/1.1 200 OK\r\nServ", 100),
            "HTTP/1.1 200 OK\r\nServ"
        );
    }

    #[test]
    fn words_are_quoted_only_when_a_shell_needs_it() {
        assert_eq!(shell_quote("plain"), "plain");
        assert_eq!(shell_quote("it's"), "'it'\\''s'");
    }

    fn numbered(id: u64, pending: bool) -> ActivityEntry {
        ActivityEntry {
            id,
            pending,
            ..entry(Some(200), None)
        }
    }

    #[test]
    fn an_answer_replaces_its_request_and_the_oldest_go_beyond_the_limit() {
        let mut list = vec![numbered(1, false), numbered(2, true)];
        upsert(&mut list, numbered(2, false), 3);
        assert_eq!(list.len(), 2);
        assert!(!list[1].pending, "the answer replaced the pending entry");
        upsert(&mut list, numbered(4, false), 3);
        upsert(&mut list, numbered(3, false), 3);
        let ids: Vec<u64> = list.iter().map(|e| e.id).collect();
        assert_eq!(ids, vec![2, 3, 4], "in order, the oldest gone");
    }

    #[test]
    fn a_reload_keeps_what_arrived_meanwhile() {
        let mut current = vec![numbered(5, false), numbered(9, false)];
        reloaded(&mut current, vec![numbered(6, false), numbered(7, false)]);
        let ids: Vec<u64> = current.iter().map(|e| e.id).collect();
        assert_eq!(ids, vec![6, 7, 9]);
    }
}
