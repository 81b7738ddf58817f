//! Opening a compose file: the tool's `config` (which merges, interpolates and fills defaults) read into the
//! model's `ComposeFile`. A file the tool refuses comes back with the tool's own words, line number included.

use docker_compose_types as spec;
use porthole_model::compose::{
    default_project_name, parse_file_path, parse_project_name, ComposeFile, ComposeService,
    ComposeTool,
};
use porthole_model::{ErrorKind, PortholeError};

/// Opens `path` as project `project` (empty: the folder's name made valid) with the tool this machine has.
pub async fn open(
    engine: &crate::Engine,
    path: &str,
    project: &str,
) -> Result<ComposeFile, PortholeError> {
    // A path that is not one never starts a tool (looking for it runs one or two).
    parse_file_path(path).map_err(PortholeError::invalid_input)?;
    let tool = super::tool::find().await.ok_or_else(|| {
        PortholeError::new(
            ErrorKind::NotFound,
            porthole_model::compose::TOOL_MISSING,
            "",
        )
    })?;
    open_with(engine, &tool, path, project).await
}

/// `open` with `tool`.
pub async fn open_with(
    engine: &crate::Engine,
    tool: &ComposeTool,
    path: &str,
    project: &str,
) -> Result<ComposeFile, PortholeError> {
    let path = parse_file_path(path).map_err(PortholeError::invalid_input)?;
    let folder = porthole_model::compose::folder_of(&path);
    let project = match project.trim() {
        "" => default_project_name(&folder),
        name => parse_project_name(name).map_err(PortholeError::invalid_input)?,
    };
    if tokio::fs::metadata(&path).await.is_err() {
        return Err(PortholeError::new(
            ErrorKind::NotFound,
            format!("There is no file at {path}."),
            "",
        ));
    }
    let mut args: Vec<String> = ["-f", &path, "-p", &project]
        .iter()
        .map(|w| (*w).to_owned())
        .collect();
    // v2's `config` leaves out the services of profiles not enabled; `*` enables them all, as v1 shows them.
    if tool.is_plugin() {
        args.extend(["--profile".to_owned(), "*".to_owned()]);
    }
    args.push("config".to_owned());
    let output = super::tool::command(tool, engine, &folder, &args)
        .output()
        .await
        .map_err(|e| {
            PortholeError::new(
                ErrorKind::Internal,
                format!("{} did not start.", tool.invocation()),
                e.to_string(),
            )
        })?;
    if !output.status.success() {
        let words = String::from_utf8_lossy(&output.stderr).trim().to_owned();
        return Err(PortholeError::new(
            ErrorKind::InvalidInput,
            format!(
                "{} refused the file: {}",
                tool.invocation(),
                last_lines(&words, 6)
            ),
            words,
        ));
    }
    let text = String::from_utf8_lossy(&output.stdout);
    let parsed: spec::Compose = serde_norway::from_str(&text).map_err(|e| {
        PortholeError::new(
            ErrorKind::Internal,
            "The Compose tool's answer could not be read.",
            e.to_string(),
        )
    })?;
    Ok(from_spec(parsed, path, project))
}

fn last_lines(text: &str, count: usize) -> String {
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    lines[lines.len().saturating_sub(count)..].join("\n")
}

/// The tool's normalised project as the model's file.
pub fn from_spec(compose: spec::Compose, path: String, project: String) -> ComposeFile {
    let services = compose
        .services
        .0
        .into_iter()
        .map(|(name, service)| service_of(name, service.unwrap_or_default()))
        .collect();
    ComposeFile {
        path,
        project,
        services,
        networks: compose.networks.0.keys().cloned().collect(),
        volumes: compose.volumes.0.keys().cloned().collect(),
    }
}

fn service_of(name: String, service: spec::Service) -> ComposeService {
    let ports = match service.ports {
        spec::Ports::Short(list) => list,
        spec::Ports::Long(list) => list
            .into_iter()
            .map(|p| {
                let published = match p.published {
                    Some(spec::PublishedPort::Single(port)) => port.to_string(),
                    Some(spec::PublishedPort::Range(range)) => range,
                    None => String::new(),
                };
                let protocol = p.protocol.unwrap_or_else(|| "tcp".into());
                // The short syntax the long form stands for: `IP:HOST:CONTAINER`, `HOST:CONTAINER` or `CONTAINER`
                // (v2 writes `127.0.0.1::80` out as a host IP with no published port).
                // An IPv6 address in brackets, so that its colons do not read as the separators.
                let host_ip = p.host_ip.map(|ip| {
                    if ip.contains(':') {
                        format!("[{ip}]")
                    } else {
                        ip
                    }
                });
                match (host_ip, published.as_str()) {
                    (Some(ip), host) => format!("{ip}:{host}:{}/{protocol}", p.target),
                    (None, "") => format!("{}/{protocol}", p.target),
                    (None, host) => format!("{host}:{}/{protocol}", p.target),
                }
            })
            .collect(),
    };
    let volumes = service
        .volumes
        .into_iter()
        .map(|v| match v {
            spec::Volumes::Simple(text) => text,
            spec::Volumes::Advanced(v) => format!("{}:{}", v.source.unwrap_or_default(), v.target),
        })
        .collect();
    let networks = match service.networks {
        spec::Networks::Simple(list) => list,
        spec::Networks::Advanced(map) => map.0.keys().cloned().collect(),
    };
    // Names only: values never leave the backend.
    let environment = match service.environment {
        spec::Environment::List(list) => list
            .into_iter()
            .map(|entry| {
                entry
                    .split_once('=')
                    .map_or(entry.clone(), |(k, _)| k.to_owned())
            })
            .collect(),
        spec::Environment::KvPair(map) => map.keys().cloned().collect(),
    };
    let depends_on = match service.depends_on {
        spec::DependsOnOptions::Simple(list) => list,
        spec::DependsOnOptions::Conditional(map) => map.keys().cloned().collect(),
    };
    let build = service.build_.map(|b| match b {
        spec::BuildStep::Simple(context) => context,
        spec::BuildStep::Advanced(step) => step.context,
    });
    ComposeService {
        name,
        image: service.image,
        build,
        ports,
        volumes,
        networks,
        environment,
        depends_on,
        profiles: service.profiles,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Ports as v2's `config` writes them out (the long form) read back as the short syntax they stand for.
    #[test]
    fn long_form_ports_read_as_the_short_syntax() {
        let text = "services:
  web:
    image: web
    ports:
      - {mode: ingress, host_ip: 127.0.0.1, target: 80, protocol: tcp}
      - {mode: ingress, target: 443, published: \"8443\", protocol: tcp}
      - {mode: ingress, host_ip: 0.0.0.0, target: 53, published: \"5353\", protocol: udp}
      - {target: 9000}
      - {host_ip: \"::1\", target: 22, published: \"2222\", protocol: tcp}
";
        let parsed: spec::Compose = serde_norway::from_str(text).unwrap();
        let file = from_spec(parsed, "/p/compose.yaml".into(), "p".into());
        assert_eq!(
            file.services[0].ports,
            [
                "127.0.0.1::80/tcp",
                "8443:443/tcp",
                "0.0.0.0:5353:53/udp",
                "9000/tcp",
                "[::1]:2222:22/tcp"
            ]
        );
    }
}
