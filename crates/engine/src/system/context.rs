//! The engines a user has: the docker CLI's contexts read from the files `docker context ls` reads, the
//! `DOCKER_HOST` engine, the default socket and Podman's socket when present; a quick probe of each; and adding an
//! engine through the CLI's own `docker context create`, so a terminal's `docker --context NAME` reaches it too.
//!
//! Invariant: Porthole never writes a context's files itself — the CLI does; reading them is how `Endpoint`
//! resolution already follows the CLI.

use crate::system::endpoint::{context_endpoint, Endpoint, EndpointSource, DEFAULT_HOST};
use crate::system::tls::TlsFiles;
use crate::Engine;
use porthole_model::system::context::{EngineAdd, EngineEntry, EngineOrigin, EngineProbe};
use porthole_model::{EngineInfo, ErrorKind, PortholeError};
use serde::Deserialize;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// How long a probe waits for an engine before calling it unreachable; over ssh, long enough for the handshake and,
/// when it fails, for finding out why.
const PROBE_TIMEOUT: Duration = Duration::from_secs(3);
const SSH_PROBE_TIMEOUT: Duration = Duration::from_secs(40);

#[derive(Deserialize)]
struct Meta {
    #[serde(rename = "Name")]
    name: String,
    #[serde(rename = "Metadata", default)]
    metadata: Option<MetaData>,
    #[serde(rename = "Endpoints", default)]
    endpoints: std::collections::HashMap<String, MetaEndpoint>,
}

#[derive(Deserialize, Default)]
struct MetaData {
    #[serde(rename = "Description", default)]
    description: Option<String>,
}

#[derive(Deserialize)]
struct MetaEndpoint {
    #[serde(rename = "Host", default)]
    host: Option<String>,
}

/// The docker CLI's config folder: `$DOCKER_CONFIG`, else `~/.docker`.
pub fn config_dir(env: impl Fn(&str) -> Option<String>) -> Option<PathBuf> {
    env("DOCKER_CONFIG")
        .map(PathBuf::from)
        .or_else(|| env("HOME").map(|home| Path::new(&home).join(".docker")))
}

/// Every engine, in this order: `DOCKER_HOST` (when set), `default`, the contexts by name, Podman's sockets that
/// exist. `current` marks the one `endpoint` names.
pub fn list(env: impl Fn(&str) -> Option<String>, current: &Endpoint) -> Vec<EngineEntry> {
    let entry = |name: &str, host: String, description: String, origin| EngineEntry {
        name: name.to_owned(),
        current: false,
        host,
        description,
        origin,
        tls: false,
        probe: None,
    };
    let mut engines = Vec::new();
    let config = config_dir(&env);
    if let Some(host) = env("DOCKER_HOST") {
        let tls = Endpoint::docker_host(host.clone(), &env, config.as_deref())
            .tls
            .is_some();
        engines.push(EngineEntry {
            tls,
            ..entry(
                "DOCKER_HOST",
                host,
                "The DOCKER_HOST Porthole was started with".into(),
                EngineOrigin::DockerHost,
            )
        });
    }
    engines.push(entry(
        "default",
        DEFAULT_HOST.into(),
        "The local engine's usual socket".into(),
        EngineOrigin::Default,
    ));
    let mut contexts: Vec<EngineEntry> = config
        .as_deref()
        .map(|dir| dir.join("contexts").join("meta"))
        .and_then(|meta| std::fs::read_dir(meta).ok())
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|folder| std::fs::read_to_string(folder.path().join("meta.json")).ok())
        .filter_map(|text| serde_json::from_str::<Meta>(&text).ok())
        .filter_map(|meta| {
            let host = meta.endpoints.get("docker")?.host.clone()?;
            let description = meta
                .metadata
                .and_then(|m| m.description)
                .unwrap_or_default();
            let tls = config
                .as_deref()
                .and_then(|dir| context_endpoint(dir, &meta.name))
                .is_some_and(|e| e.tls.is_some());
            Some(EngineEntry {
                tls,
                ..entry(&meta.name, host, description, EngineOrigin::Context)
            })
        })
        .collect();
    contexts.sort_by(|a, b| a.name.cmp(&b.name));
    engines.extend(contexts);
    let runtime = env("XDG_RUNTIME_DIR").map(|dir| format!("{dir}/podman/podman.sock"));
    for socket in ["/run/podman/podman.sock".to_owned()]
        .into_iter()
        .chain(runtime)
    {
        if Path::new(&socket).exists() && !engines.iter().any(|e| e.origin == EngineOrigin::Podman)
        {
            engines.push(entry(
                "podman",
                format!("unix://{socket}"),
                "Podman's Docker-compatible socket".into(),
                EngineOrigin::Podman,
            ));
        }
    }
    let current_name = match &current.source {
        EndpointSource::DockerHost => "DOCKER_HOST".to_owned(),
        EndpointSource::Context(name) => name.clone(),
        EndpointSource::Default => "default".to_owned(),
        EndpointSource::Podman => "podman".to_owned(),
    };
    // The entry Porthole follows: by name first (a context and DOCKER_HOST may share an address), else by address.
    let index = engines
        .iter()
        .position(|e| e.name == current_name && e.host == current.host)
        .or_else(|| engines.iter().position(|e| e.host == current.host));
    if let Some(index) = index {
        engines[index].current = true;
    }
    engines
}

/// The endpoint for an entry, with the TLS files its context or `DOCKER_TLS_VERIFY` names.
pub fn endpoint_of(env: impl Fn(&str) -> Option<String>, entry: &EngineEntry) -> Endpoint {
    let config = config_dir(&env);
    let plain = |source| Endpoint {
        host: entry.host.clone(),
        source,
        tls: None,
    };
    match entry.origin {
        EngineOrigin::DockerHost => {
            Endpoint::docker_host(entry.host.clone(), &env, config.as_deref())
        }
        EngineOrigin::Podman => plain(EndpointSource::Podman),
        EngineOrigin::Default => plain(EndpointSource::Default),
        EngineOrigin::Context => config
            .as_deref()
            .and_then(|dir| context_endpoint(dir, &entry.name))
            .unwrap_or_else(|| plain(EndpointSource::Context(entry.name.clone()))),
    }
}

/// Every engine, each probed at the same time.
pub async fn list_probed(
    env: impl Fn(&str) -> Option<String> + Copy,
    current: &Endpoint,
) -> Vec<EngineEntry> {
    let mut engines = list(env, current);
    let probes = futures_util::future::join_all(
        engines
            .iter()
            .map(|entry| async move { probe(&endpoint_of(env, entry)).await }),
    )
    .await;
    for (engine, probe) in engines.iter_mut().zip(probes) {
        engine.probe = Some(probe);
    }
    engines
}

/// The endpoint of the engine called `name` in the list.
pub fn endpoint_named(
    env: impl Fn(&str) -> Option<String> + Copy,
    current: &Endpoint,
    name: &str,
) -> Result<Endpoint, PortholeError> {
    list(env, current)
        .iter()
        .find(|e| e.name == name)
        .map(|entry| endpoint_of(env, entry))
        .ok_or_else(|| {
            PortholeError::new(
                ErrorKind::NotFound,
                format!("There is no engine called {name} (any more)."),
                "",
            )
        })
}

/// The engine to follow at start: the one chosen last in the app (`remembered`) while it is still listed, else
/// the one the environment names (`DOCKER_HOST`, the current context, the default socket).
pub fn at_start(env: impl Fn(&str) -> Option<String> + Copy, remembered: Option<&str>) -> Endpoint {
    let environment = Endpoint::resolve(env);
    remembered
        .and_then(|name| endpoint_named(env, &environment, name).ok())
        .unwrap_or(environment)
}

/// The add form's engine, tried before it is saved: the files are read where the user chose them.
pub async fn probe_new(add: &EngineAdd) -> Result<EngineProbe, PortholeError> {
    add.validate()
        .map_err(|e| PortholeError::invalid_input(e.message))?;
    let file = |text: &str| Some(PathBuf::from(text.trim())).filter(|_| !text.trim().is_empty());
    let endpoint = Endpoint {
        host: add.host.trim().to_owned(),
        source: EndpointSource::DockerHost,
        tls: add.uses_tls().then(|| TlsFiles {
            ca: file(&add.ca),
            cert: file(&add.cert),
            key: file(&add.key),
            skip_verify: false,
        }),
    };
    Ok(probe(&endpoint).await)
}

/// Connects to `endpoint` briefly and reads its headline figures, or why it could not be reached.
pub async fn probe(endpoint: &Endpoint) -> EngineProbe {
    match connected(endpoint).await {
        Ok((_, info)) => figures(&info),
        Err(probe) => *probe,
    }
}

/// A connection to `endpoint` and its `docker info`, within the probe's time limit; else why not, as a probe.
pub(crate) async fn connected(
    endpoint: &Endpoint,
) -> Result<(Engine, EngineInfo), Box<EngineProbe>> {
    let look = async {
        let engine = Engine::connect(endpoint).await.map_err(|u| {
            Box::new(EngineProbe {
                problem: u.reason.headline().to_owned(),
                reason: Some(u.reason),
                detail: u.detail,
                ..Default::default()
            })
        })?;
        let info = crate::system::info(&engine).await.map_err(|e| {
            Box::new(EngineProbe {
                problem: e.message,
                detail: e.detail,
                ..Default::default()
            })
        })?;
        Ok((engine, info))
    };
    let limit = if endpoint.host.starts_with("ssh://") {
        SSH_PROBE_TIMEOUT
    } else {
        PROBE_TIMEOUT
    };
    tokio::time::timeout(limit, look).await.unwrap_or_else(|_| {
        Err(Box::new(EngineProbe {
            problem: format!("No answer within {} s.", limit.as_secs()),
            ..Default::default()
        }))
    })
}

/// The overview's figures from `docker info`.
pub(crate) fn figures(info: &EngineInfo) -> EngineProbe {
    EngineProbe {
        reachable: true,
        product: info.product.clone(),
        version: info.version.clone(),
        platform: format!("{}/{}", info.os_type, info.architecture),
        running: info.containers_running,
        stopped: info.containers_stopped,
        images: info.images,
        swarm_manager: info.swarm_manager,
        ..Default::default()
    }
}

/// `docker context create NAME --docker host=HOST` with the docker CLI, in the config folder `config`.
pub async fn create(config: Option<&Path>, add: &EngineAdd) -> Result<(), PortholeError> {
    add.validate()
        .map_err(|e| PortholeError::invalid_input(e.message))?;
    let mut command = tokio::process::Command::new("docker");
    command
        .args(add.args())
        .stdin(std::process::Stdio::null())
        .kill_on_drop(true);
    if let Some(config) = config {
        command.env("DOCKER_CONFIG", config);
    }
    let output = command.output().await.map_err(|e| {
        PortholeError::new(
            ErrorKind::NotFound,
            "Adding an engine uses the docker CLI (docker context create), which is not installed here.",
            e.to_string(),
        )
    })?;
    if output.status.success() {
        return Ok(());
    }
    let words = String::from_utf8_lossy(&output.stderr).trim().to_owned();
    Err(PortholeError::new(
        ErrorKind::Conflict,
        format!("docker context create refused: {words}"),
        words,
    ))
}
