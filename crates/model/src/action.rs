//! Every action Porthole performs, mapped in this one place to the docker CLI command and the Engine API request it
//! amounts to. The engine layer names the action it performs; the UI shows the same mapping to learners, so the two
//! cannot drift apart.

use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "action", rename_all = "snake_case")]
pub enum Action {
    Ping,
    EngineVersion,
    EngineInfo,
    Events,
    ListContainers { all: bool },
    ListImages,
}

/// An Engine API request: method and path with query, relative to `/v1.xx`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApiRequest {
    pub method: &'static str,
    pub path: String,
}

impl Action {
    /// The docker CLI command a user would type for the same effect.
    pub fn cli(&self) -> String {
        match self {
            Self::Ping => "docker version".into(),
            Self::EngineVersion => "docker version".into(),
            Self::EngineInfo => "docker info".into(),
            Self::Events => "docker events".into(),
            Self::ListContainers { all: false } => "docker ps".into(),
            Self::ListContainers { all: true } => "docker ps -a".into(),
            Self::ListImages => "docker image ls".into(),
        }
    }

    pub fn api(&self) -> ApiRequest {
        let (method, path) = match self {
            Self::Ping => ("GET", "/_ping".to_string()),
            Self::EngineVersion => ("GET", "/version".into()),
            Self::EngineInfo => ("GET", "/info".into()),
            Self::Events => ("GET", "/events".into()),
            Self::ListContainers { all } => {
                ("GET", format!("/containers/json?all={}", u8::from(*all)))
            }
            Self::ListImages => ("GET", "/images/json".into()),
        };
        ApiRequest { method, path }
    }

    /// `curl` against a unix socket, for the learn features (`api_version` like `1.41`).
    pub fn curl(&self, socket: &str, api_version: &str) -> String {
        let request = self.api();
        format!(
            "curl --unix-socket {socket} -X {} 'http://localhost/v{api_version}{}'",
            request.method, request.path
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ps_and_ps_a_differ_only_in_all() {
        assert_eq!(Action::ListContainers { all: false }.cli(), "docker ps");
        assert_eq!(Action::ListContainers { all: true }.cli(), "docker ps -a");
        assert_eq!(
            Action::ListContainers { all: true }.api().path,
            "/containers/json?all=1"
        );
    }

    #[test]
    fn curl_uses_the_socket_and_version() {
        let curl = Action::ListImages.curl("/var/run/docker.sock", "1.41");
        assert_eq!(
            curl,
            "curl --unix-socket /var/run/docker.sock -X GET 'http://localhost/v1.41/images/json'"
        );
    }
}
