//! Which engine to talk to, decided the way the docker CLI decides: `DOCKER_HOST`, else `DOCKER_CONTEXT`, else the
//! config's `currentContext`, else the default local socket.
//!
//! The lookup takes the environment as a function so tests can pass their own; it never fails: a context that cannot
//! be read yields the endpoint string the user must fix, and connecting to it explains what is wrong.

use serde::Deserialize;
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};

pub const DEFAULT_HOST: &str = "unix:///var/run/docker.sock";

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EndpointSource {
    DockerHost,
    Context(String),
    Default,
}

impl EndpointSource {
    pub fn describe(&self) -> String {
        match self {
            Self::DockerHost => "DOCKER_HOST".into(),
            Self::Context(name) => format!("docker context \"{name}\""),
            Self::Default => "default socket".into(),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Endpoint {
    /// `unix:///path`, `tcp://host:port` or `http://host:port`.
    pub host: String,
    pub source: EndpointSource,
}

impl Endpoint {
    pub fn unix(path: impl AsRef<Path>) -> Self {
        Self {
            host: format!("unix://{}", path.as_ref().display()),
            source: EndpointSource::DockerHost,
        }
    }

    /// Resolves from the process environment and the user's docker config.
    pub fn from_environment() -> Self {
        Self::resolve(|name| std::env::var(name).ok().filter(|v| !v.is_empty()))
    }

    pub fn resolve(env: impl Fn(&str) -> Option<String>) -> Self {
        if let Some(host) = env("DOCKER_HOST") {
            return Self {
                host,
                source: EndpointSource::DockerHost,
            };
        }
        let config_dir = env("DOCKER_CONFIG")
            .map(PathBuf::from)
            .or_else(|| env("HOME").map(|home| Path::new(&home).join(".docker")));
        let context =
            env("DOCKER_CONTEXT").or_else(|| config_dir.as_deref().and_then(current_context));
        match (context, config_dir) {
            (Some(name), Some(dir)) if name != "default" => {
                let host = context_host(&dir, &name).unwrap_or_else(|| format!("context://{name}"));
                Self {
                    host,
                    source: EndpointSource::Context(name),
                }
            }
            _ => Self {
                host: DEFAULT_HOST.into(),
                source: EndpointSource::Default,
            },
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
}

/// `<config>/contexts/meta/<sha256(name)>/meta.json` → `Endpoints.docker.Host`, as the CLI stores contexts.
fn context_host(config_dir: &Path, name: &str) -> Option<String> {
    let digest = Sha256::digest(name.as_bytes());
    let folder: String = digest.iter().map(|b| format!("{b:02x}")).collect();
    let path = config_dir
        .join("contexts")
        .join("meta")
        .join(folder)
        .join("meta.json");
    let meta: ContextMeta = serde_json::from_str(&std::fs::read_to_string(path).ok()?).ok()?;
    meta.endpoints.get("docker")?.host.clone()
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
