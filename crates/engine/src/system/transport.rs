//! How Porthole reaches the engine: one HTTP/1.1 connection per request over the unix socket, TCP (with TLS when
//! the endpoint has certificates) or ssh (`docker system dial-stdio`), each request recorded in the activity log
//! with the start of its answer. Bollard sends through it (a custom transport), and so
//! do the two requests bollard lacks (`raw`), so the console sees every request the app makes.
//!
//! Invariants: the answer is captured as it is read (never buffered ahead of the caller), up to
//! `activity::CAPTURE_LIMIT`; connections support upgrades (exec's raw stream); a failure to connect keeps its
//! `io::Error`, so `connection::classify` can still tell a missing socket from a refused one.

use crate::activity::{self, Activity, Capture, Sent};
use crate::system::ssh::{SshStream, SshTarget};
use crate::system::tls::Connector;
use bollard::BollardRequest;
use bytes::Bytes;
use http_body_util::{BodyExt, Either, Full};
use hyper::body::{Body, Incoming};
use hyper::{Request, Response};
use hyper_util::rt::TokioIo;
use porthole_model::ActivityTarget;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::{TcpStream, UnixStream};

/// Where requests go, and the log they are recorded in.
#[derive(Clone)]
pub(crate) struct Route {
    /// `unix:///path` or `tcp://host:port` / `http://host:port`.
    pub host: String,
    /// The docker context that named this engine, if one did: recorded commands then say `--context NAME`.
    pub context: Option<String>,
    pub activity: Activity,
    /// The negotiated API version (`1.41`), once known: requests without one get it, as the docker CLI sends
    /// them (bollard 0.19 drops the version from its paths).
    pub version: std::sync::Arc<std::sync::OnceLock<String>>,
    /// For a `tcp://` engine with TLS files: every connection is wrapped in TLS.
    pub tls: Option<Connector>,
    /// For an `ssh://` engine: every connection is `docker system dial-stdio` over ssh.
    pub ssh: Option<SshTarget>,
}

#[derive(Debug)]
pub(crate) enum SendError {
    Connect(std::io::Error),
    Http(hyper::Error),
}

impl std::fmt::Display for SendError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Connect(e) => write!(f, "{e}"),
            Self::Http(e) => write!(f, "{}", describe(e)),
        }
    }
}

impl From<SendError> for bollard::errors::Error {
    fn from(error: SendError) -> Self {
        match error {
            SendError::Connect(err) => Self::IOError { err },
            SendError::Http(err) => Self::HyperResponseError { err },
        }
    }
}

impl Route {
    fn socket(&self) -> Option<&str> {
        self.host.strip_prefix("unix://")
    }

    /// Sends one request and records it; `body` is the request body as it should appear in the log (before
    /// redaction), when it is known.
    pub async fn send<B>(
        &self,
        request: Request<B>,
        body: Option<Vec<u8>>,
    ) -> Result<Response<Incoming>, SendError>
    where
        B: Body + Send + 'static,
        B::Data: Send,
        B::Error: Into<Box<dyn std::error::Error + Send + Sync>>,
    {
        let method = request.method().to_string();
        let path = request
            .uri()
            .path_and_query()
            .map(|p| crate::redact::redact_path(p.as_str()))
            .unwrap_or_else(|| "/".into());
        let body = body
            .filter(|b| !b.is_empty())
            .map(|b| crate::redact::redact_body(&b));
        let headers = request
            .headers()
            .iter()
            .map(|(name, value)| {
                let value = value.to_str().unwrap_or("(not text)");
                (
                    name.to_string(),
                    crate::redact::redact_header(name.as_str(), value),
                )
            })
            .collect();
        let tls = self.tls.as_ref().map(Connector::curl_flags);
        // Over SSH, the same request is curl on the far side, through its engine's socket.
        let socket = match &self.ssh {
            Some(_) => Some("/var/run/docker.sock"),
            None => self.socket(),
        };
        let mut curl = activity::engine_curl(
            socket,
            &self.host,
            tls.as_deref(),
            &method,
            &path,
            body.as_deref(),
        );
        if let Some(ssh) = &self.ssh {
            curl = ssh.over_ssh(&curl);
        }
        // The login travels in a header; the curl names it without its value.
        if request.headers().contains_key("x-registry-auth") {
            curl = curl.replacen(
                "curl ",
                "curl -H 'X-Registry-Auth: BASE64_OF_YOUR_LOGIN' ",
                1,
            );
        }
        let sent = Sent {
            engine: self.host.clone(),
            context: self.context.clone(),
            target: ActivityTarget::Engine,
            method,
            path,
            headers,
            body,
            curl,
            started_ms: activity::now_ms(),
        };
        let capture = Capture::default();
        let pending = self.activity.begin(sent, capture.clone());
        let result = self.exchange(request, capture).await;
        match &result {
            Ok(response) => pending.finish(Some(response.status().as_u16()), None),
            Err(error) => pending.finish(None, Some(error.to_string())),
        }
        result
    }

    async fn exchange<B>(
        &self,
        request: Request<B>,
        capture: Capture,
    ) -> Result<Response<Incoming>, SendError>
    where
        B: Body + Send + 'static,
        B::Data: Send,
        B::Error: Into<Box<dyn std::error::Error + Send + Sync>>,
    {
        let stream = match (self.socket(), &self.ssh) {
            (_, Some(ssh)) => {
                Stream::Ssh(Box::new(ssh.connect().await.map_err(SendError::Connect)?))
            }
            (Some(path), None) => Stream::Unix(
                UnixStream::connect(path)
                    .await
                    .map_err(SendError::Connect)?,
            ),
            (None, None) => {
                let address = self
                    .host
                    .trim_start_matches("tcp://")
                    .trim_start_matches("http://")
                    .trim_end_matches('/');
                let tcp = TcpStream::connect(address)
                    .await
                    .map_err(SendError::Connect)?;
                match &self.tls {
                    // A failed handshake keeps rustls's error inside the io::Error, for `tls::reason_in`.
                    Some(tls) => Stream::Tls(Box::new(
                        tokio_rustls::TlsConnector::from(tls.config.clone())
                            .connect(tls.name.clone(), tcp)
                            .await
                            .map_err(SendError::Connect)?,
                    )),
                    None => Stream::Tcp(tcp),
                }
            }
        };
        let io = TokioIo::new(Tee {
            stream,
            capture,
            room: crate::activity::CAPTURE_LIMIT,
        });
        let (mut sender, connection) = hyper::client::conn::http1::handshake(io)
            .await
            .map_err(SendError::Http)?;
        // The connection task ends when the answer is read or dropped, so dropping a stream ends the request.
        tokio::spawn(async move {
            let _ = connection.with_upgrades().await;
        });
        sender.send_request(request).await.map_err(SendError::Http)
    }
}

/// What bollard's custom transport returns for one request.
type Answer =
    Pin<Box<dyn Future<Output = Result<Response<Incoming>, bollard::errors::Error>> + Send>>;

/// The transport bollard sends every request through.
pub(crate) fn for_bollard(route: Route) -> impl Fn(BollardRequest) -> Answer + Send + Sync {
    move |request: BollardRequest| {
        let route = route.clone();
        Box::pin(async move {
            let (mut parts, body) = request.into_parts();
            // Bollard writes an absolute URI for custom transports; HTTP/1.1 to a server wants the path only.
            let path = parts
                .uri
                .path_and_query()
                .map(|p| p.as_str().to_owned())
                .unwrap_or_else(|| "/".into());
            let path = match route.version.get() {
                Some(version) if !path.starts_with("/v1.") => format!("/v{version}{path}"),
                _ => path,
            };
            parts.uri = path
                .parse()
                .map_err(|err| bollard::errors::Error::InvalidURIError { err })?;
            parts
                .headers
                .entry(hyper::header::HOST)
                .or_insert(hyper::header::HeaderValue::from_static("docker"));
            // A full body is read here so the log can show it; a streamed one (a build context) is passed on.
            let (body, recorded) = match body {
                Either::Left(full) => {
                    let bytes = full
                        .collect()
                        .await
                        .map(|c| c.to_bytes())
                        .unwrap_or_default();
                    let recorded = bytes.to_vec();
                    (Either::Left(Full::<Bytes>::new(bytes)), Some(recorded))
                }
                streamed => (streamed, None),
            };
            Ok(route
                .send(Request::from_parts(parts, body), recorded)
                .await?)
        })
    }
}

enum Stream {
    Unix(UnixStream),
    Tcp(TcpStream),
    Tls(Box<tokio_rustls::client::TlsStream<TcpStream>>),
    Ssh(Box<SshStream>),
}

/// The connection, copying what it reads into the record's capture until that is full; after that a read (a
/// followed log's every chunk) costs nothing more than the read itself.
struct Tee {
    stream: Stream,
    capture: Capture,
    room: usize,
}

impl AsyncRead for Tee {
    fn poll_read(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<std::io::Result<()>> {
        let this = self.get_mut();
        let before = buf.filled().len();
        let result = match &mut this.stream {
            Stream::Unix(s) => Pin::new(s).poll_read(cx, buf),
            Stream::Tcp(s) => Pin::new(s).poll_read(cx, buf),
            Stream::Tls(s) => Pin::new(s.as_mut()).poll_read(cx, buf),
            Stream::Ssh(s) => Pin::new(s.as_mut()).poll_read(cx, buf),
        };
        if let Poll::Ready(Ok(())) = result {
            if this.room > 0 {
                let read = &buf.filled()[before..];
                let kept = &read[..read.len().min(this.room)];
                this.capture.push(kept);
                this.room -= kept.len();
            }
        }
        result
    }
}

impl AsyncWrite for Tee {
    fn poll_write(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        data: &[u8],
    ) -> Poll<std::io::Result<usize>> {
        match &mut self.get_mut().stream {
            Stream::Unix(s) => Pin::new(s).poll_write(cx, data),
            Stream::Tcp(s) => Pin::new(s).poll_write(cx, data),
            Stream::Tls(s) => Pin::new(s.as_mut()).poll_write(cx, data),
            Stream::Ssh(s) => Pin::new(s.as_mut()).poll_write(cx, data),
        }
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        match &mut self.get_mut().stream {
            Stream::Unix(s) => Pin::new(s).poll_flush(cx),
            Stream::Tcp(s) => Pin::new(s).poll_flush(cx),
            Stream::Tls(s) => Pin::new(s.as_mut()).poll_flush(cx),
            Stream::Ssh(s) => Pin::new(s.as_mut()).poll_flush(cx),
        }
    }

    fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        match &mut self.get_mut().stream {
            Stream::Unix(s) => Pin::new(s).poll_shutdown(cx),
            Stream::Tcp(s) => Pin::new(s).poll_shutdown(cx),
            Stream::Tls(s) => Pin::new(s.as_mut()).poll_shutdown(cx),
            Stream::Ssh(s) => Pin::new(s.as_mut()).poll_shutdown(cx),
        }
    }
}

/// An error's whole source chain in one line (the transport's and bollard's errors alike): hyper's top-level message alone ("client error (Connect)") says nothing.
pub fn describe(error: &(dyn std::error::Error + 'static)) -> String {
    let mut parts = vec![error.to_string()];
    let mut current = error.source();
    while let Some(error) = current {
        let text = error.to_string();
        if !parts.iter().any(|p| p.contains(&text)) {
            parts.push(text);
        }
        current = error.source();
    }
    parts.join(": ")
}
