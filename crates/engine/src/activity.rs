//! The activity log: every request sent to the engine (through `transport`) or to a registry, kept for the console.
//!
//! Invariants:
//! - Credentials never enter the log: `X-Registry-Auth`, `X-Registry-Config` and `Authorization` headers are
//!   replaced before recording, and bodies, answers and paths are scrubbed of passwords, tokens, environment
//!   values and build-arg values (`redact.rs`).
//! - The CLI command of a record is the `Action::recorded_cli` of the action whose scope the request ran in
//!   (`as_action`), so the console and the action cannot disagree.
//! - The log keeps the last `KEPT` records; each record's answer is captured up to `CAPTURE_LIMIT` bytes, so a
//!   followed log or event stream cannot grow it.

use crate::redact::{redact_header, redact_text, REDACTED};
use porthole_model::activity::{http_excerpt, shell_quote};
use porthole_model::{Action, ActivityDetail, ActivityEntry, ActivityMessage, ActivityTarget};
use std::collections::VecDeque;
use std::future::Future;
use std::sync::{Arc, Mutex};
use tokio::sync::broadcast;

/// How many records the console keeps.
pub const KEPT: usize = 2_000;
/// How much of each answer is kept (headers and the start of the body).
pub const CAPTURE_LIMIT: usize = 16 * 1024;
/// How much of a request body is kept.
const BODY_LIMIT: usize = 4 * 1024;

tokio::task_local! {
    static ACTION: Action;
}

/// Runs `work` as `action`: every request it sends is recorded with the action's CLI command.
pub async fn as_action<F: Future>(action: Action, work: F) -> F::Output {
    ACTION.scope(action, work).await
}

/// The action whose scope the current task runs in, if any.
pub(crate) fn current_action() -> Option<Action> {
    ACTION.try_with(Clone::clone).ok()
}

/// The answer bytes of one request as they are read, up to `CAPTURE_LIMIT`.
#[derive(Clone, Default)]
pub(crate) struct Capture(Arc<Mutex<Vec<u8>>>);

impl Capture {
    pub fn push(&self, bytes: &[u8]) {
        let mut buffer = self.0.lock().unwrap_or_else(|e| e.into_inner());
        let room = CAPTURE_LIMIT.saturating_sub(buffer.len());
        buffer.extend_from_slice(&bytes[..bytes.len().min(room)]);
    }

    /// The answer as the console shows it: credentials in it (an identity token from `/auth`) replaced.
    fn excerpt(&self) -> String {
        let buffer = self.0.lock().unwrap_or_else(|e| e.into_inner());
        redact_text(&http_excerpt(&buffer, BODY_LIMIT))
    }
}

struct Record {
    entry: ActivityEntry,
    request: String,
    capture: Capture,
}

#[derive(Default)]
struct Log {
    next_id: u64,
    records: VecDeque<Record>,
}

/// The log, shared by every connection the app makes (it outlives reconnects).
#[derive(Clone)]
pub struct Activity {
    log: Arc<Mutex<Log>>,
    live: broadcast::Sender<ActivityMessage>,
}

impl std::fmt::Debug for Activity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Activity")
    }
}

impl Default for Activity {
    fn default() -> Self {
        Self {
            log: Arc::default(),
            live: broadcast::channel(256).0,
        }
    }
}

/// A request about to be recorded.
pub(crate) struct Sent {
    /// The engine's address (empty for a registry), and the context that named it.
    pub engine: String,
    pub context: Option<String>,
    pub target: ActivityTarget,
    pub method: String,
    pub path: String,
    pub headers: Vec<(String, String)>,
    pub body: Option<Vec<u8>>,
    pub curl: String,
    pub started_ms: i64,
}

impl Activity {
    pub fn entries(&self) -> Vec<ActivityEntry> {
        let log = self.log.lock().unwrap_or_else(|e| e.into_inner());
        log.records.iter().map(|r| r.entry.clone()).collect()
    }

    pub fn detail(&self, id: u64) -> Option<ActivityDetail> {
        let log = self.log.lock().unwrap_or_else(|e| e.into_inner());
        let record = log.records.iter().find(|r| r.entry.id == id)?;
        Some(ActivityDetail {
            entry: record.entry.clone(),
            request: record.request.clone(),
            response: record.capture.excerpt(),
        })
    }

    pub fn clear(&self) {
        self.log
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .records
            .clear();
        let _ = self.live.send(ActivityMessage::Cleared);
    }

    /// New records as they are made (a slow reader misses some and reloads the list).
    pub fn subscribe(&self) -> broadcast::Receiver<ActivityMessage> {
        self.live.subscribe()
    }

    /// Records one request as it is sent (status still unknown); `Pending::finish` completes it when the answer's
    /// headers arrive, and a request dropped before that (cancelled, timed out) is marked so when the guard goes.
    pub(crate) fn begin(&self, sent: Sent, capture: Capture) -> Pending {
        let request = request_text(&sent);
        let started_ms = sent.started_ms;
        let mut log = self.log.lock().unwrap_or_else(|e| e.into_inner());
        log.next_id += 1;
        let entry = ActivityEntry {
            id: log.next_id,
            at_ms: sent.started_ms,
            target: sent.target,
            method: sent.method,
            path: sent.path,
            status: None,
            duration_ms: 0,
            cli: current_action().map(|a| with_context(a.recorded_cli(), sent.context.as_deref())),
            engine: sent.engine.clone(),
            background: current_action().is_some_and(|a| a.is_background()),
            curl: sent.curl,
            error: None,
            pending: true,
        };
        if log.records.len() == KEPT {
            log.records.pop_front();
        }
        log.records.push_back(Record {
            entry: entry.clone(),
            request,
            capture,
        });
        // Sent while the log is held, so entries reach the console in id order.
        let _ = self.live.send(ActivityMessage::Entry(entry.clone()));
        Pending {
            activity: self.clone(),
            id: entry.id,
            started_ms,
            finished: false,
        }
    }

    fn complete(&self, id: u64, started_ms: i64, status: Option<u16>, error: Option<String>) {
        let mut log = self.log.lock().unwrap_or_else(|e| e.into_inner());
        let Some(record) = log.records.iter_mut().rev().find(|r| r.entry.id == id) else {
            return;
        };
        record.entry.status = status;
        record.entry.error = error;
        record.entry.pending = false;
        record.entry.duration_ms = (now_ms() - started_ms).max(0) as u64;
        let _ = self.live.send(ActivityMessage::Entry(record.entry.clone()));
    }
}

/// A request recorded as sent, waiting for its answer.
pub(crate) struct Pending {
    activity: Activity,
    id: u64,
    started_ms: i64,
    finished: bool,
}

impl Pending {
    pub fn finish(mut self, status: Option<u16>, error: Option<String>) {
        self.finished = true;
        self.activity
            .complete(self.id, self.started_ms, status, error);
    }
}

impl Drop for Pending {
    fn drop(&mut self) {
        if !self.finished {
            let error = Some("cancelled before an answer came".to_owned());
            self.activity
                .complete(self.id, self.started_ms, None, error);
        }
    }
}

impl Activity {
    /// Records a request Porthole sent to a registry itself (browsing its catalog and tags): the answer's status and
    /// headers are kept, and an `Authorization` header only as the fact that one was sent.
    pub(crate) fn record_registry(
        &self,
        url: &str,
        started_ms: i64,
        authorized: bool,
        answer: Result<&reqwest::Response, &reqwest::Error>,
    ) {
        let mut headers = vec![("Host".to_owned(), host_of(url))];
        if authorized {
            headers.push(("Authorization".to_owned(), REDACTED.to_owned()));
        }
        let login = if authorized { " -u USER" } else { "" };
        let sent = Sent {
            engine: String::new(),
            context: None,
            target: ActivityTarget::Registry,
            method: "GET".into(),
            path: url.to_owned(),
            headers,
            body: None,
            curl: format!("curl{login} {}", shell_quote(url)),
            started_ms,
        };
        let capture = Capture::default();
        match answer {
            Ok(response) => {
                let mut head = format!("HTTP/1.1 {}\r\n", response.status());
                for (name, value) in response.headers() {
                    let value =
                        redact_header(name.as_str(), value.to_str().unwrap_or("(not text)"));
                    head += &format!("{name}: {value}\r\n");
                }
                capture.push(format!("{head}\r\n").as_bytes());
                self.begin(sent, capture)
                    .finish(Some(response.status().as_u16()), None);
            }
            Err(error) => self
                .begin(sent, capture)
                .finish(None, Some(error.to_string())),
        }
    }
}

fn host_of(url: &str) -> String {
    url.split("://")
        .nth(1)
        .unwrap_or(url)
        .split('/')
        .next()
        .unwrap_or_default()
        .to_owned()
}

pub(crate) fn now_ms() -> i64 {
    chrono::Utc::now().timestamp_millis()
}

fn request_text(sent: &Sent) -> String {
    let mut text = format!("{} {} HTTP/1.1", sent.method, sent.path);
    for (name, value) in &sent.headers {
        text += &format!("\n{name}: {value}");
    }
    if let Some(body) = &sent.body {
        text += "\n\n";
        text += &body_text(body);
    }
    text
}

fn body_text(body: &[u8]) -> String {
    match std::str::from_utf8(body) {
        Ok(text) if text.len() > BODY_LIMIT => {
            let mut end = BODY_LIMIT;
            while !text.is_char_boundary(end) {
                end -= 1;
            }
            format!("{}\n…", &text[..end])
        }
        Ok(text) => text.to_owned(),
        Err(_) => format!("({} bytes of binary data)", body.len()),
    }
}

/// The `curl` command for an engine request: over the unix socket, or HTTP for a TCP engine — over TLS when `tls`
/// holds curl's certificate flags (` --cacert … --cert … --key …`).
pub(crate) fn engine_curl(
    socket: Option<&str>,
    host: &str,
    tls: Option<&str>,
    method: &str,
    path: &str,
    body: Option<&[u8]>,
) -> String {
    let mut command = String::from("curl");
    let url = match socket {
        Some(socket) => {
            command += &format!(" --unix-socket {}", shell_quote(socket));
            format!("http://localhost{path}")
        }
        None => {
            let address = host
                .trim_start_matches("tcp://")
                .trim_start_matches("http://")
                .trim_end_matches('/');
            match tls {
                Some(flags) => {
                    command += flags;
                    format!("https://{address}{path}")
                }
                None => format!("http://{address}{path}"),
            }
        }
    };
    if method != "GET" {
        command += &format!(" -X {method}");
    }
    if let Some(body) = body.filter(|b| !b.is_empty()) {
        command += " -H 'Content-Type: application/json'";
        match std::str::from_utf8(body) {
            Ok(text) if text.len() <= BODY_LIMIT => {
                command += &format!(" -d {}", shell_quote(text))
            }
            _ => command += " --data-binary @BODY",
        }
    }
    format!("{command} {}", shell_quote(&url))
}

#[cfg(test)]
#[path = "activity_tests.rs"]
mod tests;

/// `docker ps` as a terminal on another context types it: `docker --context NAME ps`.
fn with_context(cli: String, context: Option<&str>) -> String {
    match (context, cli.strip_prefix("docker ")) {
        (Some(name), Some(rest)) => format!("docker --context {name} {rest}"),
        _ => cli,
    }
}
