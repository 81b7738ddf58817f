//! A live connection to one engine: connect, negotiate the API version, and explain why it failed when it did.
//!
//! Invariant: an `Engine` exists only after the engine answered `/version` and the API version was negotiated down
//! to what it speaks (Debian's engine speaks 1.41, older than bollard's default), so every later call can rely on it.

use crate::activity::Activity;
use crate::system::endpoint::Endpoint;
use crate::system::ssh::SshTarget;
use crate::system::tls::Connector;
use crate::system::transport::{self, describe, Route};
use bollard::{Docker, API_DEFAULT_VERSION};
use porthole_model::UnreachableReason;
use std::time::Duration;

/// The oldest Engine API Porthole uses (Docker 1.12).
pub const MIN_API: (usize, usize) = (1, 24);

/// How long connecting may take before the engine counts as unreachable.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(5);

/// The same over ssh, whose first connection to a machine makes the SSH handshake (ssh's own limit is 10 s).
const SSH_CONNECT_TIMEOUT: Duration = Duration::from_secs(15);

/// Seconds any single request may wait for the engine's answer headers (streams run on after that).
const REQUEST_TIMEOUT_SECS: u64 = 120;

#[derive(Clone, Debug)]
pub struct Engine {
    pub docker: Docker,
    pub endpoint: Endpoint,
    /// Where every request this connection sends is recorded (shared across reconnects by the app).
    pub activity: Activity,
    /// The TLS client of a `tcp://` endpoint with TLS files, made once for every request.
    pub(crate) tls: Option<Connector>,
}

/// Why connecting failed, categorised for the user, with the underlying error as text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unreachable {
    pub reason: UnreachableReason,
    pub detail: String,
}

impl Engine {
    /// Connects with a log of its own (tests, one-off connections).
    pub async fn connect(endpoint: &Endpoint) -> Result<Engine, Unreachable> {
        Self::connect_recorded(endpoint, Activity::default()).await
    }

    /// Connects, recording every request in `activity`.
    pub async fn connect_recorded(
        endpoint: &Endpoint,
        activity: Activity,
    ) -> Result<Engine, Unreachable> {
        let (docker, versioned, tls) = client_for(endpoint, &activity)?;
        let limit = match SshTarget::parse(&endpoint.host) {
            Some(_) => SSH_CONNECT_TIMEOUT,
            None => CONNECT_TIMEOUT,
        };
        let docker = match tokio::time::timeout(limit, docker.negotiate_version()).await {
            Ok(Ok(docker)) => docker,
            Ok(Err(error)) => {
                let unreachable = classify(&error);
                return Err(match SshTarget::parse(&endpoint.host) {
                    Some(ssh) => ssh.diagnose(unreachable).await,
                    None => unreachable,
                });
            }
            Err(_) => {
                return Err(Unreachable {
                    reason: UnreachableReason::NotDocker,
                    detail: format!("no answer within {} s", limit.as_secs()),
                })
            }
        };
        let version = docker.client_version();
        if (version.major_version, version.minor_version) < MIN_API {
            return Err(Unreachable {
                reason: UnreachableReason::ApiTooOld,
                detail: format!("the engine speaks API {version}"),
            });
        }
        let _ = versioned.set(version.to_string());
        Ok(Engine {
            docker,
            endpoint: endpoint.clone(),
            activity,
            tls,
        })
    }

    /// The negotiated API version, e.g. `1.41`.
    pub fn api_version(&self) -> String {
        self.docker.client_version().to_string()
    }

    /// The recorded route the engine's requests take (for the requests bollard lacks).
    pub(crate) fn route(&self) -> Route {
        Route {
            host: self.endpoint.host.clone(),
            context: self.endpoint.context_name(),
            activity: self.activity.clone(),
            // Its callers write the version into their paths themselves.
            version: Default::default(),
            tls: self.tls.clone(),
            ssh: SshTarget::parse(&self.endpoint.host),
        }
    }

    /// Whether the engine still answers (used to tell a dropped event stream from an engine that went away).
    pub async fn is_alive(&self) -> bool {
        matches!(
            tokio::time::timeout(CONNECT_TIMEOUT, self.docker.ping()).await,
            Ok(Ok(_))
        )
    }
}

/// A bollard client whose every request goes through Porthole's recorded transport.
/// Also returns where the negotiated version goes once known, so every later request carries it, and the TLS
/// client when the endpoint has one.
type Client = (
    Docker,
    std::sync::Arc<std::sync::OnceLock<String>>,
    Option<Connector>,
);

fn client_for(endpoint: &Endpoint, activity: &Activity) -> Result<Client, Unreachable> {
    let host = endpoint.host.as_str();
    // An ssh:// address must also be one `SshTarget` can use: it never falls through to TCP.
    let usable = ["unix://", "tcp://", "http://"]
        .iter()
        .any(|scheme| host.starts_with(scheme))
        || SshTarget::parse(host).is_some();
    if !usable {
        return Err(Unreachable {
            reason: UnreachableReason::BadEndpoint,
            detail: format!("cannot use the endpoint {host}"),
        });
    }
    let tls = match (&endpoint.tls, host.strip_prefix("tcp://")) {
        (Some(files), Some(address)) => Some(Connector::new(files, address.trim_end_matches('/'))?),
        _ => None,
    };
    let route = Route {
        host: host.to_owned(),
        context: endpoint.context_name(),
        activity: activity.clone(),
        version: Default::default(),
        tls: tls.clone(),
        ssh: SshTarget::parse(host),
    };
    let versioned = route.version.clone();
    Docker::connect_with_custom_transport(
        transport::for_bollard(route),
        Some("http://docker"),
        REQUEST_TIMEOUT_SECS,
        API_DEFAULT_VERSION,
    )
    .map(|docker| (docker, versioned, tls))
    .map_err(|error| classify(&error))
}

/// Categorises a connection failure by rustls's typed error or the transport's `io::ErrorKind` (found anywhere in
/// the error's source chain), or by the kind of bollard error. Message text is only ever copied into `detail`.
pub fn classify(error: &bollard::errors::Error) -> Unreachable {
    use bollard::errors::Error as E;
    let detail = describe(error);
    // `#[error(transparent)]` hides the io::Error itself from the source chain.
    let tls = match error {
        E::IOError { err } => crate::system::tls::reason_in(err),
        other => crate::system::tls::reason_in(other),
    };
    if let Some(reason) = tls {
        return Unreachable { reason, detail };
    }
    let reason = match error {
        E::SocketNotFoundError(_) => UnreachableReason::NoSocket,
        E::UnsupportedURISchemeError { .. }
        | E::InvalidURIError { .. }
        | E::URLParseError { .. } => UnreachableReason::BadEndpoint,
        E::RequestTimeoutError
        | E::APIVersionParseError {}
        | E::DockerResponseServerError { .. } => UnreachableReason::NotDocker,
        other => match io_kind(other).or(match other {
            // `#[error(transparent)]` hides the io::Error itself from the source chain.
            E::IOError { err } => Some(err.kind()),
            _ => None,
        }) {
            Some(std::io::ErrorKind::NotFound) => UnreachableReason::NoSocket,
            Some(std::io::ErrorKind::PermissionDenied) => UnreachableReason::PermissionDenied,
            Some(std::io::ErrorKind::ConnectionRefused) => UnreachableReason::ConnectionRefused,
            _ => UnreachableReason::NotDocker,
        },
    };
    Unreachable { reason, detail }
}

fn io_kind(error: &(dyn std::error::Error + 'static)) -> Option<std::io::ErrorKind> {
    let mut current: Option<&(dyn std::error::Error + 'static)> = Some(error);
    while let Some(error) = current {
        if let Some(io) = error.downcast_ref::<std::io::Error>() {
            return Some(io.kind());
        }
        current = error.source();
    }
    None
}
