//! The engine the app is connected to: what `docker info` / `docker version` say, and the connection's state.
//!
//! This folder holds the engine itself: its info and connection (here), the engines a user has (`context`) and the
//! engine's change events (`event`), and the Engines overview's live updates (`overview`).

pub mod context;
pub mod disk;
pub mod event;
pub mod overview;
pub mod settle;

use serde::{Deserialize, Serialize};

/// What the Engine page shows. Counts come from `GET /info`, which the engine keeps cheaply (no disk walk).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EngineInfo {
    /// Where the app connected, e.g. `unix:///var/run/docker.sock`.
    pub endpoint: String,
    /// Why that endpoint was chosen: `DOCKER_HOST`, `docker context "x"`, or `default socket`.
    pub endpoint_source: String,
    /// Whose engine answers: `Docker`, or `Podman` for Podman's Docker-compatible API.
    #[serde(default)]
    pub product: String,
    pub version: String,
    /// The API version the engine speaks at most.
    pub api_version: String,
    /// The API version negotiated for this connection.
    pub negotiated_api_version: String,
    pub min_api_version: String,
    pub os: String,
    pub os_type: String,
    pub kernel: String,
    pub architecture: String,
    pub storage_driver: String,
    pub cgroup_version: String,
    pub cpus: i64,
    pub memory_bytes: i64,
    pub containers_running: i64,
    pub containers_paused: i64,
    pub containers_stopped: i64,
    pub images: i64,
    pub volumes: i64,
    pub name: String,
    pub root_dir: String,
    /// The engine's clock (RFC 3339) when this was read; events are followed from this instant on.
    pub system_time: String,
    /// This engine's place in a Swarm: `inactive`, `pending`, `active`, `error`, `locked`.
    #[serde(default)]
    pub swarm_state: String,
    /// Whether it manages a Swarm (may create services and overlay networks).
    #[serde(default)]
    pub swarm_manager: bool,
}

/// Why the engine could not be reached, in the categories a user can act on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum UnreachableReason {
    /// No socket file at the path: the daemon is not running, or it listens elsewhere.
    NoSocket,
    /// The socket exists but this user may not open it.
    PermissionDenied,
    /// Something answers for the address but refuses connections (a stale socket, a stopped TCP daemon).
    ConnectionRefused,
    /// The engine answered but speaks an API older than the oldest this app supports.
    ApiTooOld,
    /// The engine answered with something that is not the Docker API, or timed out.
    NotDocker,
    /// The endpoint string itself cannot be used (unknown scheme, malformed context).
    BadEndpoint,
    /// The engine's certificate is not signed by the CA Porthole was given (or, without one, the system's CAs).
    TlsUntrusted,
    /// A certificate in the exchange is outside its validity dates.
    TlsExpired,
    /// The engine's certificate names other hosts than the one in the address.
    TlsWrongHost,
    /// The engine refused the client certificate: not signed by a CA it trusts, expired, or missing.
    TlsClientRefused,
    /// A CA, certificate or key file is missing or is not PEM that Porthole can use.
    TlsFiles,
    /// Porthole spoke TLS and the other end did not (a plain-HTTP port).
    TlsNotSpoken,
    /// ssh does not know the machine's host key (not in known_hosts), so it will not connect.
    SshUnknownHost,
    /// The machine shows a host key other than the one known for it: reinstalled, or someone in between.
    SshHostKeyChanged,
    /// The machine refused the SSH login (no key it accepts, in the agent or the ssh config).
    SshRefused,
    /// The SSH login works but the machine has no `docker` command to reach its engine with.
    SshNoDocker,
}

impl UnreachableReason {
    /// The failure in plain words.
    pub fn headline(self) -> &'static str {
        match self {
            Self::NoSocket => "The Docker engine is not running",
            Self::PermissionDenied => "Porthole may not talk to the Docker engine",
            Self::ConnectionRefused => "The Docker engine refused the connection",
            Self::ApiTooOld => "The Docker engine is too old",
            Self::NotDocker => "Something answered, but it is not a Docker engine",
            Self::BadEndpoint => "The Docker endpoint is not usable",
            Self::TlsUntrusted => "The engine's certificate is not trusted",
            Self::TlsExpired => "A certificate has expired",
            Self::TlsWrongHost => "The engine's certificate is for another host name",
            Self::TlsClientRefused => "The engine refused the client certificate",
            Self::TlsFiles => "A TLS file cannot be used",
            Self::TlsNotSpoken => "The engine does not speak TLS at that address",
            Self::SshUnknownHost => "ssh does not know this machine yet",
            Self::SshHostKeyChanged => "The machine's host key has changed",
            Self::SshRefused => "The machine refused the SSH login",
            Self::SshNoDocker => "There is no docker command on that machine",
        }
    }

    /// What to do about it, as a sentence the user can follow.
    pub fn advice(self) -> &'static str {
        match self {
            Self::NoSocket => {
                "There is no engine socket at that path. Start the engine (`sudo systemctl start docker`, or start \
                 Docker Desktop / `dockerd`), or point DOCKER_HOST at the engine you want."
            }
            Self::PermissionDenied => {
                "Your user may not open the engine's socket. Add yourself to the `docker` group \
                 (`sudo usermod -aG docker $USER`, then log out and in again), or use a rootless engine."
            }
            Self::ConnectionRefused => {
                "The address exists but nothing accepts connections there. The engine may have stopped and left a \
                 stale socket: restart it (`sudo systemctl restart docker`)."
            }
            Self::ApiTooOld => {
                "Porthole needs Docker API 1.24 or newer (Docker 1.12, 2016). Upgrade the engine."
            }
            Self::NotDocker => {
                "The endpoint did not answer like the Docker API. Check DOCKER_HOST or the current docker context \
                 (`docker context ls`)."
            }
            Self::BadEndpoint => {
                "Porthole can use unix:// sockets, tcp:// or http:// addresses and ssh:// engines (with the system's \
                 ssh). Fix DOCKER_HOST or the current docker context (`docker context ls`)."
            }
            Self::TlsUntrusted => {
                "The engine's certificate is not signed by the CA file you chose. Choose the ca.pem that signed the \
                 engine's certificate (the one its --tlscacert names), not another CA."
            }
            Self::TlsExpired => {
                "Check the dates with `openssl x509 -noout -dates -in FILE` and make a new certificate: the \
                 engine's (its --tlscert), or yours."
            }
            Self::TlsWrongHost => {
                "Use the host name or IP address the certificate was made for (`openssl x509 -noout -ext \
                 subjectAltName -in server-cert.pem` lists them), or make the engine a certificate for this name."
            }
            Self::TlsClientRefused => {
                "The engine checks client certificates (--tlsverify) and refused this one: it is not signed by the \
                 CA the engine trusts, or it has expired (`openssl x509 -noout -dates -in cert.pem`). Choose the \
                 cert.pem and key.pem made for this engine."
            }
            Self::TlsFiles => {
                "Check that the CA, certificate and key files exist, are readable, and are PEM (they start with \
                 -----BEGIN), and that the key belongs to the certificate."
            }
            Self::TlsNotSpoken => {
                "That port serves plain HTTP: leave the certificates out, or use the engine's TLS port (usually \
                 2376)."
            }
            Self::SshUnknownHost => {
                "Connect once from a terminal (`ssh user@host`), check the fingerprint it shows and answer yes: \
                 ssh then keeps the host key in known_hosts, and Porthole (which never answers that question for \
                 you) can connect."
            }
            Self::SshHostKeyChanged => {
                "ssh refuses to connect: the machine shows another host key than the one in known_hosts. If you \
                 reinstalled it, remove the old key (`ssh-keygen -R host`) and connect once from a terminal to \
                 check the new one; if not, someone may be between you and the machine."
            }
            Self::SshRefused => {
                "Porthole logs in with your ssh agent and ssh config, without asking for a password. Add your key \
                 to the agent (`ssh-add`), or to the machine (`ssh-copy-id user@host`), and check the user name."
            }
            Self::SshNoDocker => {
                "Install the docker CLI on that machine (Porthole runs `docker system dial-stdio` there to reach its \
                 engine), or log in as a user whose PATH has it."
            }
        }
    }
}

/// The connection as the status bar and the unreachable page show it; streamed from the backend.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum ConnectionState {
    Connecting {
        endpoint: String,
    },
    Connected {
        info: Box<EngineInfo>,
    },
    Unreachable {
        endpoint: String,
        endpoint_source: String,
        reason: UnreachableReason,
        /// The underlying error, for the curious and for bug reports.
        detail: String,
        /// Seconds until the next automatic attempt.
        retry_in_secs: u64,
        attempt: u32,
    },
}

impl ConnectionState {
    pub fn endpoint(&self) -> &str {
        match self {
            Self::Connecting { endpoint } | Self::Unreachable { endpoint, .. } => endpoint,
            Self::Connected { info } => &info.endpoint,
        }
    }

    pub fn is_connected(&self) -> bool {
        matches!(self, Self::Connected { .. })
    }
}

/// `Docker 27.3.1`, `Podman 4.3.1`: an engine named by whose it is (Docker when unknown).
pub fn product_version(product: &str, version: &str) -> String {
    let product = if product.is_empty() {
        "Docker"
    } else {
        product
    };
    format!("{product} {version}")
}

/// `3 running · 1 stopped · 1 image`: an engine's headline counts, as the status bar and the overview show them.
pub fn headline_counts(running: i64, stopped: i64, images: i64) -> String {
    let image = if images == 1 { "image" } else { "images" };
    format!("{running} running · {stopped} stopped · {images} {image}")
}

impl EngineInfo {
    pub fn product_version(&self) -> String {
        product_version(&self.product, &self.version)
    }
}

/// Reconnect delays: 1 s doubling up to 30 s (1, 2, 4, 8, 16, 30, 30, …), `attempt` counting from 0.
pub fn backoff_secs(attempt: u32) -> u64 {
    1u64.checked_shl(attempt.min(16))
        .unwrap_or(u64::MAX)
        .min(30)
}

/// Whether an endpoint is a socket on this machine: cheap to try, so it is retried every second rather than with
/// a growing backoff (a local engine restarting must be back in the window within a second of answering).
pub fn is_local_endpoint(host: &str) -> bool {
    host.starts_with("unix://") || host.starts_with("npipe://")
}

/// How long to wait before the next try, after `attempt` failed tries in a row (counting from 0): every second for
/// a local socket, 1 s doubling to 30 s for a remote engine. The count starts again once the engine has answered.
pub fn reconnect_delay_secs(local: bool, attempt: u32) -> u64 {
    if local {
        1
    } else {
        backoff_secs(attempt)
    }
}

/// While connected, a remote engine is pinged this often: a host that vanished without closing the connection
/// (no FIN, no RST) is noticed within this plus the ping's own timeout.
pub const LIVENESS_SECS: u64 = 4;

#[cfg(test)]
mod tests {
    #[test]
    fn an_engine_is_named_by_whose_it_is() {
        assert_eq!(super::product_version("Podman", "4.3.1"), "Podman 4.3.1");
        assert_eq!(super::product_version("", "27.3.1"), "Docker 27.3.1");
    }

    #[test]
    fn one_image_is_not_images() {
        assert_eq!(
            super::headline_counts(0, 1, 1),
            "0 running · 1 stopped · 1 image"
        );
        assert_eq!(
            super::headline_counts(2, 0, 3),
            "2 running · 0 stopped · 3 images"
        );
    }

    use super::*;

    #[test]
    fn a_local_socket_is_retried_every_second_a_remote_engine_backs_off() {
        assert!(is_local_endpoint("unix:///var/run/docker.sock"));
        assert!(!is_local_endpoint("tcp://10.0.0.5:2376"));
        assert!(!is_local_endpoint("ssh://me@host"));
        let local: Vec<u64> = (0..8).map(|a| reconnect_delay_secs(true, a)).collect();
        assert_eq!(local, [1; 8]);
        let remote: Vec<u64> = (0..7).map(|a| reconnect_delay_secs(false, a)).collect();
        assert_eq!(remote, [1, 2, 4, 8, 16, 30, 30]);
    }

    #[test]
    fn backoff_doubles_from_one_second_to_thirty() {
        let delays: Vec<u64> = (0..8).map(backoff_secs).collect();
        assert_eq!(delays, [1, 2, 4, 8, 16, 30, 30, 30]);
        assert_eq!(backoff_secs(u32::MAX), 30);
    }

    #[test]
    fn connection_state_round_trips_with_a_tag() {
        let state = ConnectionState::Unreachable {
            endpoint: "unix:///nope.sock".into(),
            endpoint_source: "DOCKER_HOST".into(),
            reason: UnreachableReason::NoSocket,
            detail: "No such file".into(),
            retry_in_secs: 2,
            attempt: 1,
        };
        let json = serde_json::to_string(&state).unwrap();
        assert!(json.contains(r#""state":"unreachable""#));
        assert_eq!(
            serde_json::from_str::<ConnectionState>(&json).unwrap(),
            state
        );
        assert_eq!(state.endpoint(), "unix:///nope.sock");
    }

    #[test]
    fn every_reason_has_words() {
        use UnreachableReason::*;
        for reason in [
            NoSocket,
            PermissionDenied,
            ConnectionRefused,
            ApiTooOld,
            NotDocker,
            BadEndpoint,
        ] {
            assert!(!reason.headline().is_empty() && reason.advice().len() > 20);
        }
    }
}
