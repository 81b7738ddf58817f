//! A container's settings as a create request for its image as it is now (what a recreate makes), and the
//! `docker run` that request amounts to. Read from `docker inspect`, less what the old image supplied, so the new
//! image's own defaults apply; anonymous volumes carried over by name so their data stays.

use crate::error::from_bollard;
use crate::Engine;
use bollard::models::{
    ContainerCreateBody, ContainerInspectResponse, EndpointSettings, MountPointTypeEnum,
    NetworkingConfig,
};
use porthole_model::container::recreate::beyond_image;
use porthole_model::container::run::join;
use porthole_model::PortholeError;
use std::collections::HashMap;

/// The container's create request for its image as it is now: what it set beyond its old image's defaults.
pub(super) async fn create_body(
    engine: &Engine,
    old: &ContainerInspectResponse,
) -> Result<ContainerCreateBody, PortholeError> {
    let config = old.config.clone().unwrap_or_default();
    let image = engine
        .docker
        .inspect_image(old.image.as_deref().unwrap_or_default())
        .await
        .map_err(from_bollard)?
        .config
        .unwrap_or_default();
    let differs = |ours: &Option<Vec<String>>, theirs: &Option<Vec<String>>| {
        (ours != theirs).then(|| ours.clone()).flatten()
    };
    let mut host = old.host_config.clone().unwrap_or_default();
    // Anonymous volumes (an image's VOLUME, `-v /path`) go to the new container by name, as Compose does; a
    // target already given by `--volume` or `--mount` keeps its own (one target twice fails the create).
    let mut taken: Vec<String> = host
        .binds
        .clone()
        .unwrap_or_default()
        .iter()
        .filter_map(|b| b.split(':').nth(1).map(str::to_owned))
        .collect();
    taken.extend(
        host.mounts
            .clone()
            .unwrap_or_default()
            .into_iter()
            .filter_map(|m| m.target),
    );
    for mount in old.mounts.clone().unwrap_or_default() {
        if let (Some(MountPointTypeEnum::VOLUME), Some(name), Some(target)) =
            (mount.typ, mount.name, mount.destination)
        {
            if !taken.contains(&target) {
                host.binds
                    .get_or_insert_with(Vec::new)
                    .push(format!("{name}:{target}"));
            }
        }
    }
    let networks = old
        .network_settings
        .as_ref()
        .and_then(|n| n.networks.clone())
        .unwrap_or_default();
    let mode = host.network_mode.clone().unwrap_or_default();
    // The network the container was created on goes into the create request; the others are connected after.
    let endpoints: HashMap<String, EndpointSettings> = networks
        .into_iter()
        .filter(|(name, _)| *name == mode)
        .map(|(name, e)| {
            (
                name,
                EndpointSettings {
                    aliases: e.aliases,
                    ipam_config: e.ipam_config,
                    links: e.links,
                    driver_opts: e.driver_opts,
                    ..Default::default()
                },
            )
        })
        .collect();
    let image_labels = image.labels.clone().unwrap_or_default();
    let labels: HashMap<String, String> = config
        .labels
        .clone()
        .unwrap_or_default()
        .into_iter()
        .filter(|(k, v)| image_labels.get(k) != Some(v))
        .collect();
    // Sharing another container's network (`--network container:X`) brings its host name, ports and DNS: the
    // engine refuses them on the new container.
    let shares_network = mode.starts_with("container:");
    if shares_network {
        host.port_bindings = None;
        host.publish_all_ports = None;
        host.dns = None;
        host.dns_options = None;
        host.dns_search = None;
        host.extra_hosts = None;
    }
    let hostname = config.hostname.clone().filter(|h| {
        !shares_network
            && !old
                .id
                .as_deref()
                .unwrap_or_default()
                .starts_with(h.as_str())
    });
    Ok(ContainerCreateBody {
        image: config.image.clone(),
        hostname,
        user: config
            .user
            .clone()
            .filter(|u| Some(u) != image.user.as_ref()),
        env: Some(beyond_image(
            &config.env.clone().unwrap_or_default(),
            &image.env.clone().unwrap_or_default(),
        )),
        cmd: differs(&config.cmd, &image.cmd),
        entrypoint: differs(&config.entrypoint, &image.entrypoint),
        working_dir: config
            .working_dir
            .clone()
            .filter(|w| Some(w) != image.working_dir.as_ref()),
        labels: Some(labels),
        exposed_ports: config.exposed_ports.clone().filter(|_| !shares_network),
        stop_timeout: config.stop_timeout,
        domainname: config.domainname.clone(),
        tty: config.tty,
        open_stdin: config.open_stdin,
        stop_signal: config.stop_signal.clone(),
        healthcheck: config.healthcheck.clone(),
        host_config: Some(host),
        networking_config: Some(NetworkingConfig {
            endpoints_config: Some(endpoints),
        }),
        ..Default::default()
    })
}

/// The `docker run` that makes the new container, environment values left out.
pub(super) fn run_cli(name: &str, body: &ContainerCreateBody) -> String {
    let mut words: Vec<String> = vec![
        "docker".into(),
        "run".into(),
        "-d".into(),
        "--name".into(),
        name.into(),
    ];
    let host = body.host_config.clone().unwrap_or_default();
    if let Some(policy) = host
        .restart_policy
        .as_ref()
        .and_then(|p| p.name)
        .filter(|p| p.to_string() != "no" && !p.to_string().is_empty())
    {
        words.extend(["--restart".into(), policy.to_string()]);
    }
    let mut ports: Vec<String> = Vec::new();
    for (port, bindings) in host.port_bindings.clone().unwrap_or_default() {
        for binding in bindings.unwrap_or_default() {
            let ip = binding
                .host_ip
                .filter(|ip| !ip.is_empty())
                .map(|ip| format!("{ip}:"))
                .unwrap_or_default();
            ports.push(format!(
                "{ip}{}:{}",
                binding.host_port.unwrap_or_default(),
                port.trim_end_matches("/tcp")
            ));
        }
    }
    ports.sort();
    for port in ports {
        words.extend(["-p".into(), port]);
    }
    for bind in host.binds.clone().unwrap_or_default() {
        words.extend(["-v".into(), bind]);
    }
    for variable in body.env.clone().unwrap_or_default() {
        words.extend([
            "-e".into(),
            variable.split('=').next().unwrap_or_default().to_owned(),
        ]);
    }
    if let Some(mode) = host
        .network_mode
        .filter(|m| !["default", "bridge", ""].contains(&m.as_str()))
    {
        words.extend(["--network".into(), mode]);
    }
    let mut labels: Vec<_> = body
        .labels
        .clone()
        .unwrap_or_default()
        .into_iter()
        .collect();
    labels.sort();
    for (key, value) in labels {
        words.extend(["--label".into(), format!("{key}={value}")]);
    }
    words.push(body.image.clone().unwrap_or_default());
    words.extend(body.cmd.clone().unwrap_or_default());
    join(&words)
}
