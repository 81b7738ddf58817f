//! Which engine to talk to, decided the way the docker CLI decides: `DOCKER_HOST`, else `DOCKER_CONTEXT`, else the
//! config's `currentContext`, else the default local socket.
//!
//! The lookup takes the environment as a function so tests can pass their own; it never fails: a context that cannot
//! be read yields the endpoint string the user must fix, and connecting to it explains what is wrong.

use crate::system::tls::TlsFiles;
use serde::Deserialize;
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};

pub const DEFAULT_HOST: &str = "unix:///var/run/docker.sock";

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EndpointSource {
    DockerHost,
    Context(String),
    Default,
    /// Podman's Docker-compatible socket, found where Podman puts it.
    Podman,
}

impl EndpointSource {
    pub fn describe(&self) -> String {
        match self {
            Self::DockerHost => "DOCKER_HOST".into(),
            Self::Context(name) => format!("docker context \"{name}\""),
            Self::Default => "default socket".into(),
            Self::Podman => "Podman's socket".into(),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Endpoint {
    /// `unix:///path`, `tcp://host:port` or `http://host:port`.
    pub host: String,
    pub source: EndpointSource,
    /// For `tcp://`: the TLS files to connect with (`None`: plain HTTP).
    pub tls: Option<TlsFiles>,
}

impl Endpoint {
    pub fn unix(path: impl AsRef<Path>) -> Self {
        Self {
            host: format!("unix://{}", path.as_ref().display()),
            source: EndpointSource::DockerHost,
            tls: None,
        }
    }

    pub fn resolve(env: impl Fn(&str) -> Option<String>) -> Self {
        let config_dir = env("DOCKER_CONFIG")
            .map(PathBuf::from)
            .or_else(|| env("HOME").map(|home| Path::new(&home).join(".docker")));
        if let Some(host) = env("DOCKER_HOST") {
            return Self::docker_host(host, &env, config_dir.as_deref());
        }
        let context =
            env("DOCKER_CONTEXT").or_else(|| config_dir.as_deref().and_then(current_context));
        match (context, config_dir) {
            (Some(name), Some(dir)) if name != "default" => context_endpoint(&dir, &name)
                .unwrap_or_else(|| Self {
                    host: format!("context://{name}"),
                    source: EndpointSource::Context(name),
                    tls: None,
                }),
            _ => Self {
                host: DEFAULT_HOST.into(),
                source: EndpointSource::Default,
                tls: None,
            },
        }
    }

    /// `DOCKER_HOST`, over TLS when `DOCKER_TLS_VERIFY` is set, with the files in `DOCKER_CERT_PATH` (default: the
    /// config folder), as the CLI reads them.
    pub fn docker_host(
        host: String,
        env: impl Fn(&str) -> Option<String>,
        config_dir: Option<&Path>,
    ) -> Self {
        let folder = env("DOCKER_CERT_PATH")
            .map(PathBuf::from)
            .or_else(|| config_dir.map(Path::to_path_buf));
        let tls = match (env("DOCKER_TLS_VERIFY"), folder) {
            (Some(_), Some(folder)) if host.starts_with("tcp://") => {
                Some(TlsFiles::in_folder(&folder, false))
            }
            _ => None,
        };
        Self {
            host,
            source: EndpointSource::DockerHost,
            tls,
        }
    }

    /// The docker context's name when one chose this endpoint (the default context needs no flag).
    pub fn context_name(&self) -> Option<String> {
        match &self.source {
            EndpointSource::Context(name) if name != "default" => Some(name.clone()),
            _ => None,
        }
    }

    /// The socket path for `unix://` endpoints (used for `curl --unix-socket` in the learn features).
    pub fn socket_path(&self) -> Option<&str> {
        self.host.strip_prefix("unix://")
    }
}

#[derive(Deserialize)]
struct ConfigFile {
    #[serde(rename = "currentContext", default)]
    current_context: Option<String>,
}

fn current_context(config_dir: &Path) -> Option<String> {
    let text = std::fs::read_to_string(config_dir.join("config.json")).ok()?;
    let config: ConfigFile = serde_json::from_str(&text).ok()?;
    config.current_context.filter(|c| !c.is_empty())
}

#[derive(Deserialize)]
struct ContextMeta {
    #[serde(rename = "Endpoints")]
    endpoints: std::collections::HashMap<String, ContextEndpoint>,
}

#[derive(Deserialize)]
struct ContextEndpoint {
    #[serde(rename = "Host")]
    host: Option<String>,
    #[serde(rename = "SkipTLSVerify", default)]
    skip_tls_verify: bool,
}

/// A context's endpoint as the CLI stores it: `<config>/contexts/meta/<sha256(name)>/meta.json` →
/// `Endpoints.docker.Host`, and the TLS files the CLI copied to `<config>/contexts/tls/<sha256(name)>/docker/`.
pub fn context_endpoint(config_dir: &Path, name: &str) -> Option<Endpoint> {
    let digest = Sha256::digest(name.as_bytes());
    let folder: String = digest.iter().map(|b| format!("{b:02x}")).collect();
    let contexts = config_dir.join("contexts");
    let path = contexts.join("meta").join(&folder).join("meta.json");
    let meta: ContextMeta = serde_json::from_str(&std::fs::read_to_string(path).ok()?).ok()?;
    let docker = meta.endpoints.get("docker")?;
    let host = docker.host.clone()?;
    let tls = TlsFiles::in_folder(
        &contexts.join("tls").join(&folder).join("docker"),
        docker.skip_tls_verify,
    );
    Some(Endpoint {
        tls: (host.starts_with("tcp://") && !tls.is_empty()).then_some(tls),
        host,
        source: EndpointSource::Context(name.to_owned()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn env(pairs: &[(&str, String)]) -> impl Fn(&str) -> Option<String> {
        let map: HashMap<String, String> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.clone()))
            .collect();
        move |name| map.get(name).cloned()
    }

    fn temp_dir(name: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("porthole-endpoint-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    fn write_context(dir: &Path, name: &str, host: &str) {
        let digest: String = Sha256::digest(name.as_bytes())
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        let meta_dir = dir.join("contexts/meta").join(digest);
        std::fs::create_dir_all(&meta_dir).unwrap();
        let meta = format!(
            r#"{{"Name":"{name}","Metadata":{{}},"Endpoints":{{"docker":{{"Host":"{host}","SkipTLSVerify":false}}}}}}"#
        );
        std::fs::write(meta_dir.join("meta.json"), meta).unwrap();
    }

    #[test]
    fn docker_host_wins() {
        let endpoint = Endpoint::resolve(env(&[
            ("DOCKER_HOST", "unix:///tmp/x.sock".into()),
            ("DOCKER_CONTEXT", "other".into()),
        ]));
        assert_eq!(endpoint.host, "unix:///tmp/x.sock");
        assert_eq!(endpoint.source, EndpointSource::DockerHost);
        assert_eq!(endpoint.socket_path(), Some("/tmp/x.sock"));
    }

    #[test]
    fn docker_tls_verify_takes_the_files_of_docker_cert_path() {
        let dir = temp_dir("certs");
        std::fs::write(dir.join("ca.pem"), "x").unwrap();
        std::fs::write(dir.join("cert.pem"), "x").unwrap();
        let tls = |verify: Option<&str>, host: &str| {
            let mut pairs = vec![
                ("DOCKER_HOST", host.to_owned()),
                ("DOCKER_CERT_PATH", dir.display().to_string()),
            ];
            if let Some(v) = verify {
                pairs.push(("DOCKER_TLS_VERIFY", v.to_owned()));
            }
            Endpoint::resolve(env(&pairs)).tls
        };
        let files = tls(Some("1"), "tcp://10.0.0.5:2376").expect("TLS");
        assert_eq!(files.ca, Some(dir.join("ca.pem")));
        assert_eq!(files.cert, Some(dir.join("cert.pem")));
        assert_eq!(files.key, None, "no key.pem there");
        assert_eq!(
            tls(None, "tcp://10.0.0.5:2376"),
            None,
            "plain without DOCKER_TLS_VERIFY"
        );
        assert_eq!(
            tls(Some("1"), "unix:///x.sock"),
            None,
            "a socket needs no TLS"
        );
    }

    #[test]
    fn current_context_from_config() {
        let dir = temp_dir("ctx");
        std::fs::write(
            dir.join("config.json"),
            r#"{"auths":{},"currentContext":"remote"}"#,
        )
        .unwrap();
        write_context(&dir, "remote", "tcp://10.0.0.5:2375");
        let endpoint = Endpoint::resolve(env(&[("DOCKER_CONFIG", dir.display().to_string())]));
        assert_eq!(endpoint.host, "tcp://10.0.0.5:2375");
        assert_eq!(endpoint.source, EndpointSource::Context("remote".into()));
        // DOCKER_CONTEXT overrides the config's choice.
        write_context(&dir, "local", "unix:///run/user/1000/docker.sock");
        let endpoint = Endpoint::resolve(env(&[
            ("DOCKER_CONFIG", dir.display().to_string()),
            ("DOCKER_CONTEXT", "local".into()),
        ]));
        assert_eq!(endpoint.host, "unix:///run/user/1000/docker.sock");
    }

    #[test]
    fn default_socket_when_nothing_is_set_or_context_is_default() {
        assert_eq!(Endpoint::resolve(env(&[])).host, DEFAULT_HOST);
        let dir = temp_dir("default");
        std::fs::write(dir.join("config.json"), r#"{"currentContext":"default"}"#).unwrap();
        let endpoint = Endpoint::resolve(env(&[("DOCKER_CONFIG", dir.display().to_string())]));
        assert_eq!(endpoint.source, EndpointSource::Default);
    }

    #[test]
    fn a_missing_context_is_reported_not_hidden() {
        let dir = temp_dir("missing");
        let endpoint = Endpoint::resolve(env(&[
            ("DOCKER_CONFIG", dir.display().to_string()),
            ("DOCKER_CONTEXT", "gone".into()),
        ]));
        assert_eq!(endpoint.host, "context://gone");
    }
}
