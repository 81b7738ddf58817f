//! The two engine requests bollard 0.19 does not offer in the shape Porthole needs: `POST /auth` (bollard has no
//! call for it) and the push stream with its per-layer ids (bollard's `PushImageInfo` drops `id`, so per-layer
//! progress would be impossible).
//!
//! Invariants: same endpoint, transport (recorded in the activity log) and negotiated API version as the bollard
//! client; the error kind comes from the status code, as everywhere else; the `X-Registry-Auth` header is built here
//! and never logged or returned.

use crate::Engine;
use base64::Engine as _;
use bytes::Bytes;
use futures_util::Stream;
use http_body_util::{BodyExt, Full};
use hyper::body::Incoming;
use hyper::Response;
use hyper_util::rt::TokioIo;
use porthole_model::{ErrorKind, PortholeError};
use serde::Deserialize;

/// Registry credentials as the engine expects them in `X-Registry-Auth` and the `/auth` body.
#[derive(serde::Serialize)]
pub(crate) struct RegistryAuth<'a> {
    pub username: &'a str,
    pub password: &'a str,
    pub serveraddress: &'a str,
    /// Instead of user and password, for identity-token logins.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub identitytoken: Option<&'a str>,
}

impl RegistryAuth<'_> {
    /// The header value: base64url of the JSON, as the docker CLI sends it.
    pub fn header(&self) -> String {
        let json = serde_json::to_vec(self).unwrap_or_default();
        base64::engine::general_purpose::URL_SAFE.encode(json)
    }
}

/// How long the engine may take to start answering a raw request (`/auth`, a push).
const ANSWER_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(60);

/// Sends one request to the engine and returns the response once its status is a success; a failure status becomes
/// a `PortholeError` of that status's kind with the engine's message as detail.
pub(crate) async fn send(
    engine: &Engine,
    method: &str,
    path_and_query: &str,
    headers: &[(&str, String)],
    body: Option<Vec<u8>>,
) -> Result<Response<Incoming>, PortholeError> {
    let uri = format!("/v{}{path_and_query}", engine.api_version());
    let mut request = hyper::Request::builder()
        .method(method)
        .uri(&uri)
        .header("host", "docker");
    if body.is_some() {
        request = request.header("content-type", "application/json");
    }
    for (name, value) in headers {
        request = request.header(*name, value);
    }
    let recorded = body.clone();
    let request = request
        .body(Full::new(Bytes::from(body.unwrap_or_default())))
        .map_err(|e| PortholeError::of_kind(ErrorKind::Internal, e.to_string()))?;
    // The engine answers these (a login check, the start of a push) once it has reached the registry itself; an
    // engine stuck on an unreachable registry must not hold the form forever.
    let response = tokio::time::timeout(ANSWER_TIMEOUT, engine.route().send(request, recorded))
        .await
        .map_err(|_| {
            PortholeError::new(
                ErrorKind::Timeout,
                format!(
                    "The engine did not answer within {} s; the registry may be unreachable from it.",
                    ANSWER_TIMEOUT.as_secs()
                ),
                "",
            )
        })?
        .map_err(|e| PortholeError::of_kind(ErrorKind::EngineUnavailable, e.to_string()))?;

    let status = response.status().as_u16();
    if response.status().is_success() {
        return Ok(response);
    }
    let bytes = response
        .into_body()
        .collect()
        .await
        .map(|b| b.to_bytes())
        .unwrap_or_default();
    #[derive(Deserialize)]
    struct EngineMessage {
        message: String,
    }
    let detail = serde_json::from_slice::<EngineMessage>(&bytes)
        .map(|m| m.message)
        .unwrap_or_else(|_| String::from_utf8_lossy(&bytes).trim().to_owned());
    Err(PortholeError::of_kind(
        ErrorKind::from_status(status),
        detail,
    ))
}

/// The status a registry at `host:port` answers to an anonymous plain-HTTP `GET /v2/`, if it answers within a few
/// seconds: 401 means it is up and wants a login. Used to tell a refused login from an unreachable registry when the
/// engine reports both as a server error (Docker 20.10 answers `/auth` failures with 500). HTTPS-only registries
/// give no answer here, so the caller keeps the engine's kind for them.
pub(crate) async fn registry_status(address: &str) -> Option<u16> {
    if !address.contains(':') {
        return None;
    }
    let probe = async {
        let stream = tokio::net::TcpStream::connect(address).await.ok()?;
        let request = hyper::Request::get("/v2/")
            .header("host", address)
            .body(Full::new(Bytes::new()))
            .ok()?;
        let response = exchange(TokioIo::new(stream), request).await.ok()?;
        // Registries mark every answer of their API with this header; anything else (a TLS port's 400) is not one.
        response
            .headers()
            .contains_key("docker-distribution-api-version")
            .then(|| response.status().as_u16())
    };
    tokio::time::timeout(std::time::Duration::from_secs(3), probe)
        .await
        .ok()
        .flatten()
}

async fn exchange<IO>(
    io: TokioIo<IO>,
    request: hyper::Request<Full<Bytes>>,
) -> Result<Response<Incoming>, PortholeError>
where
    IO: tokio::io::AsyncRead + tokio::io::AsyncWrite + Unpin + Send + 'static,
{
    let unavailable =
        |e: hyper::Error| PortholeError::of_kind(ErrorKind::EngineUnavailable, e.to_string());
    let (mut sender, connection) = hyper::client::conn::http1::handshake(io)
        .await
        .map_err(unavailable)?;
    // The connection task ends when the response body is dropped or finished, so a dropped stream cancels the
    // request on the engine's side.
    tokio::spawn(async move {
        let _ = connection.await;
    });
    sender.send_request(request).await.map_err(unavailable)
}

/// The longest progress line kept while waiting for its end; a stream that never ends its line is an error.
const MAX_JSON_LINE: usize = 16 << 20;

/// The engine's JSON-lines progress stream (push, build): one parsed value per line, split across body frames as
/// they come.
pub(crate) fn json_lines<T: serde::de::DeserializeOwned>(
    response: Response<Incoming>,
) -> impl Stream<Item = Result<T, PortholeError>> {
    // `scanned`: how much of the buffer is known to hold no newline, so each byte is looked at once however long
    // a line grows (rescanning from the start made a long line quadratic).
    futures_util::stream::unfold(
        (response.into_body(), Vec::<u8>::new(), false, 0usize),
        |(mut body, mut buffer, mut finished, mut scanned)| async move {
            loop {
                if let Some(found) = buffer[scanned..].iter().position(|b| *b == b'\n') {
                    let end = scanned + found;
                    scanned = 0;
                    let line: Vec<u8> = buffer.drain(..=end).collect();
                    if line.iter().all(u8::is_ascii_whitespace) {
                        continue;
                    }
                    let parsed = serde_json::from_slice::<T>(&line)
                        .map_err(|e| PortholeError::of_kind(ErrorKind::Internal, e.to_string()));
                    return Some((parsed, (body, buffer, finished, scanned)));
                }
                scanned = buffer.len();
                if buffer.len() > MAX_JSON_LINE {
                    let error = PortholeError::of_kind(
                        ErrorKind::Internal,
                        format!(
                            "the engine sent a progress line longer than {} MiB",
                            MAX_JSON_LINE >> 20
                        ),
                    );
                    return Some((Err(error), (body, Vec::new(), true, 0)));
                }
                if finished {
                    if buffer.iter().all(u8::is_ascii_whitespace) {
                        return None;
                    }
                    buffer.push(b'\n');
                    continue;
                }
                match body.frame().await {
                    Some(Ok(frame)) => {
                        if let Ok(data) = frame.into_data() {
                            buffer.extend_from_slice(&data);
                        }
                    }
                    Some(Err(e)) => {
                        let error =
                            PortholeError::of_kind(ErrorKind::EngineUnavailable, e.to_string());
                        return Some((Err(error), (body, Vec::new(), true, 0)));
                    }
                    None => finished = true,
                }
            }
        },
    )
}
