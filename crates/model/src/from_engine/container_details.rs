//! `docker inspect` of a container → `ContainerDetails`. Nothing unwrapped: a sparse answer gives empty fields.

use crate::container::details::{ContainerDetails, MountInfo, NetworkAttachment};
use crate::container::run::MountKind;
use crate::container::{ContainerState, PortMapping};
use bollard::models as engine;

fn pairs(items: impl IntoIterator<Item = String>) -> Vec<(String, String)> {
    items
        .into_iter()
        .map(|item| match item.split_once('=') {
            Some((key, value)) => (key.to_owned(), value.to_owned()),
            None => (item, String::new()),
        })
        .collect()
}

impl From<engine::MountPoint> for MountInfo {
    fn from(mount: engine::MountPoint) -> Self {
        let kind = match mount.typ {
            Some(engine::MountPointTypeEnum::BIND) => MountKind::Bind,
            Some(engine::MountPointTypeEnum::TMPFS) => MountKind::Tmpfs,
            _ => MountKind::Volume,
        };
        MountInfo {
            kind,
            source: match kind {
                MountKind::Volume => mount.name.unwrap_or_default(),
                MountKind::Bind => mount.source.unwrap_or_default(),
                MountKind::Tmpfs => String::new(),
            },
            destination: mount.destination.unwrap_or_default(),
            read_only: mount.rw == Some(false),
        }
    }
}

impl From<engine::ContainerInspectResponse> for ContainerDetails {
    fn from(inspect: engine::ContainerInspectResponse) -> Self {
        let inspect_json = serde_json::to_string_pretty(&inspect).unwrap_or_default();
        let state = inspect.state.unwrap_or_default();
        let config = inspect.config.unwrap_or_default();
        let host = inspect.host_config.unwrap_or_default();
        let limits = crate::container::limits::ContainerLimits {
            nano_cpus: host.nano_cpus.unwrap_or(0),
            memory: host.memory.unwrap_or(0),
            memory_swap: host.memory_swap.unwrap_or(0),
        };
        let network = inspect.network_settings.unwrap_or_default();
        let mut ports: Vec<PortMapping> = Vec::new();
        for (key, bindings) in network.ports.unwrap_or_default() {
            let (port, protocol) = key.split_once('/').unwrap_or((&key, "tcp"));
            let Ok(container_port) = port.parse::<u16>() else {
                continue;
            };
            let bindings = bindings.unwrap_or_default();
            if bindings.is_empty() {
                ports.push(PortMapping {
                    host_ip: None,
                    host_port: None,
                    container_port,
                    protocol: protocol.into(),
                });
            }
            for binding in bindings {
                ports.push(PortMapping {
                    host_ip: binding.host_ip.filter(|ip| !ip.is_empty()),
                    host_port: binding.host_port.and_then(|p| p.parse().ok()),
                    container_port,
                    protocol: protocol.into(),
                });
            }
        }
        PortMapping::dedup_families(&mut ports);
        let mut port_bindings: Vec<PortMapping> = Vec::new();
        for (key, bindings) in host.port_bindings.clone().unwrap_or_default() {
            let (port, protocol) = key.split_once('/').unwrap_or((&key, "tcp"));
            let Ok(container_port) = port.parse::<u16>() else {
                continue;
            };
            for binding in bindings.unwrap_or_default() {
                port_bindings.push(PortMapping {
                    host_ip: binding.host_ip.filter(|ip| !ip.is_empty()),
                    // An empty host port is "any free one": it cannot clash.
                    host_port: binding.host_port.and_then(|p| p.parse().ok()),
                    container_port,
                    protocol: protocol.into(),
                });
            }
        }
        port_bindings.sort_by_key(|p| (p.container_port, p.host_port));
        let short_id: String = inspect
            .id
            .clone()
            .unwrap_or_default()
            .chars()
            .take(12)
            .collect();
        let mut networks: Vec<NetworkAttachment> = network
            .networks
            .unwrap_or_default()
            .into_iter()
            .map(|(name, endpoint)| NetworkAttachment {
                network: name,
                // Older engines list the container's short id among the aliases; it is not one the user gave.
                aliases: endpoint
                    .aliases
                    .unwrap_or_default()
                    .into_iter()
                    .filter(|a| a != &short_id)
                    .collect(),
                ip: endpoint.ip_address.unwrap_or_default(),
                gateway: endpoint.gateway.unwrap_or_default(),
                mac: endpoint.mac_address.unwrap_or_default(),
            })
            .collect();
        networks.sort_by(|a, b| a.network.cmp(&b.network));
        let mut labels: Vec<(String, String)> =
            config.labels.unwrap_or_default().into_iter().collect();
        labels.sort();
        let restart = host.restart_policy.unwrap_or_default();
        let mut command = inspect
            .path
            .into_iter()
            .filter(|p| !p.is_empty())
            .collect::<Vec<_>>();
        command.extend(inspect.args.unwrap_or_default());
        ContainerDetails {
            id: inspect.id.unwrap_or_default(),
            name: inspect
                .name
                .unwrap_or_default()
                .trim_start_matches('/')
                .to_owned(),
            image: config.image.unwrap_or_default(),
            image_id: inspect.image.unwrap_or_default(),
            state: state.status.map_or(ContainerState::Unknown, |s| {
                ContainerState::parse(s.as_ref())
            }),
            exit_code: state.exit_code.unwrap_or_default(),
            health: state
                .health
                .and_then(|h| h.status)
                .map(|s| s.to_string())
                .filter(|s| !s.is_empty() && s != "none"),
            started_at: state.started_at.unwrap_or_default(),
            finished_at: state.finished_at.unwrap_or_default(),
            created: inspect.created.map(|c| c.to_string()).unwrap_or_default(),
            command,
            ports,
            port_bindings,
            mounts: inspect
                .mounts
                .unwrap_or_default()
                .into_iter()
                .map(MountInfo::from)
                .collect(),
            networks,
            restart_count: inspect.restart_count.unwrap_or_default(),
            restart_policy: match (
                restart.name.map(|n| n.to_string()).unwrap_or_default(),
                restart.maximum_retry_count,
            ) {
                (name, Some(n)) if name == "on-failure" && n > 0 => format!("on-failure:{n}"),
                (name, _) if name.is_empty() => "no".into(),
                (name, _) => name,
            },
            env: pairs(config.env.unwrap_or_default()),
            labels,
            workdir: config.working_dir.unwrap_or_default(),
            user: config.user.unwrap_or_default(),
            limits,
            inspect_json,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_inspected_container_reads_as_the_overview_shows_it() {
        let json = r#"{
            "Id": "abc", "Name": "/web", "Path": "nginx", "Args": ["-g", "daemon off;"], "Image": "sha256:1",
            "State": {"Status": "running", "ExitCode": 0, "StartedAt": "2024-01-01T00:00:00Z",
                      "Health": {"Status": "healthy"}},
            "RestartCount": 2,
            "Config": {"Image": "nginx:1.25", "Env": ["A=1", "PATH=/bin"], "Labels": {"b": "2", "a": "1"}},
            "HostConfig": {"RestartPolicy": {"Name": "on-failure", "MaximumRetryCount": 3},
                           "PortBindings": {"80/tcp": [{"HostIp": "", "HostPort": "8080"}]}},
            "NetworkSettings": {"Ports": {"80/tcp": [{"HostIp": "0.0.0.0", "HostPort": "8080"},
                                                    {"HostIp": "::", "HostPort": "8080"}], "443/tcp": null},
                                "Networks": {"bridge": {"IPAddress": "172.17.0.2", "Gateway": "172.17.0.1"}}},
            "Mounts": [{"Type": "volume", "Name": "data", "Source": "/var/lib/docker/volumes/data/_data",
                        "Destination": "/data", "RW": true},
                       {"Type": "bind", "Source": "/srv", "Destination": "/srv", "RW": false},
                       {"Type": "tmpfs", "Source": "", "Destination": "/tmp", "RW": true}]
        }"#;
        let details = ContainerDetails::from(
            serde_json::from_str::<engine::ContainerInspectResponse>(json).unwrap(),
        );
        assert_eq!(details.name, "web");
        assert_eq!(details.state, ContainerState::Running);
        assert_eq!(details.health.as_deref(), Some("healthy"));
        assert_eq!(details.command, ["nginx", "-g", "daemon off;"]);
        assert_eq!(
            details.ports.len(),
            2,
            "one row per binding family, plus the exposed-only port"
        );
        assert_eq!(details.links(), ["http://localhost:8080"]);
        assert_eq!(details.restart_policy, "on-failure:3");
        assert_eq!(details.port_bindings[0].host_port, Some(8080));
        assert_eq!(details.env[0], ("A".into(), "1".into()));
        assert_eq!(details.labels[0].0, "a");
        assert_eq!(details.mounts[0].source, "data");
        assert!(details.mounts[1].read_only && details.mounts[1].kind == MountKind::Bind);
        assert_eq!(details.mounts[2].kind, MountKind::Tmpfs);
        assert_eq!(details.networks[0].ip, "172.17.0.2");
        assert!(details.started().is_some());
        assert!(details.inspect_json.contains("\"Id\": \"abc\""));
    }

    #[test]
    fn a_sparse_answer_does_not_panic() {
        let details = ContainerDetails::from(engine::ContainerInspectResponse::default());
        assert_eq!(details.state, ContainerState::Unknown);
        assert_eq!(details.restart_policy, "no");
        assert!(details.started().is_none());
    }
}
