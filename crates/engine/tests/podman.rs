//! Podman's Docker-compatible API, as the rig serves it (`podman system service` with its own storage and settings,
//! `scripts/rig-podman.sh`): Porthole finds the socket where Podman puts it, and its lists, image reads, volumes,
//! events and the run path work through it. Starting a container fails in this sandbox (runc cannot set rlimits):
//! the run test accepts either outcome but checks each one fully — running, or the explained failure with nothing
//! left behind.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a failed assumption is the test failing

mod common;

use porthole_engine::container::run::run;
use porthole_engine::registry::credentials::Store;
use porthole_engine::system::context::{endpoint_of, list, probe};
use porthole_engine::system::endpoint::{Endpoint, EndpointSource};
use porthole_engine::Engine;
use porthole_model::container::run::RunRequest;
use porthole_model::system::context::EngineOrigin;
use porthole_model::ObjectKind;
use std::process::Command;

/// The rig's Podman socket, refused unless Podman's storage is the rig's own (tests create and remove there).
fn podman() -> String {
    let host = std::env::var("PORTHOLE_TEST_PODMAN").expect(
        "PORTHOLE_TEST_PODMAN is not set: the rig serves Podman's API when podman is installed (scripts/setup.sh --test)",
    );
    let root = podman_cli(&host, &["info", "--format", "{{.DockerRootDir}}"]);
    let rig = std::env::var("PORTHOLE_TEST_PODMAN_XDG").unwrap();
    let rig = rig.trim_end_matches("/xdg");
    assert!(
        root.starts_with(rig),
        "{host} stores in {root}, not in the rig's folder {rig}: refusing to run"
    );
    host
}

fn podman_cli(host: &str, args: &[&str]) -> String {
    let output = Command::new("docker")
        .args(args)
        .env("DOCKER_HOST", host)
        .output()
        .expect("the docker CLI runs");
    String::from_utf8_lossy(&output.stdout).trim().to_owned()
}

#[tokio::test]
async fn podmans_socket_is_listed_where_podman_puts_it_and_answers() {
    let host = podman();
    let xdg = std::env::var("PORTHOLE_TEST_PODMAN_XDG").unwrap();
    let env = move |name: &str| match name {
        "XDG_RUNTIME_DIR" => Some(xdg.clone()),
        "DOCKER_CONFIG" => Some("/nonexistent".into()),
        _ => None,
    };
    let current = Endpoint {
        host: "unix:///nonexistent/docker.sock".into(),
        source: EndpointSource::Default,
        tls: None,
    };
    let engines = list(&env, &current);
    let entry = engines
        .iter()
        .find(|e| e.origin == EngineOrigin::Podman)
        .unwrap_or_else(|| panic!("no Podman entry in {engines:?}"));
    assert_eq!(entry.host, host);
    assert_eq!(entry.cli_flag(), format!("-H {host}"));
    let found = probe(&endpoint_of(&env, entry)).await;
    assert!(found.reachable, "{found:?}");
    let version = podman_cli(&host, &["version", "--format", "{{.Server.Version}}"]);
    assert_eq!(found.version, version);
    assert_eq!(found.product_version(), format!("Podman {version}"));
    let all = podman_cli(&host, &["ps", "-aq"]).lines().count() as i64;
    assert_eq!(found.running + found.stopped, all);
}

#[tokio::test]
async fn podman_lists_reads_creates_and_reports_events() {
    let host = podman();
    let endpoint = Endpoint {
        host: host.clone(),
        source: EndpointSource::DockerHost,
        tls: None,
    };
    let engine = Engine::connect(&endpoint).await.expect("Podman answers");

    let containers = porthole_engine::container::list::list(&engine, true)
        .await
        .unwrap();
    let sample = containers
        .iter()
        .find(|c| c.name == "porthole-podman-sample")
        .unwrap_or_else(|| panic!("the rig's sample container in {containers:?}"));
    assert!(sample.state.can_start(), "{sample:?}");
    let details = porthole_engine::container::details(&engine, &sample.id)
        .await
        .unwrap();
    assert_eq!(details.name, "porthole-podman-sample");

    let images = porthole_engine::image::list::list(&engine).await.unwrap();
    assert!(
        images.iter().any(|i| i
            .tags
            .iter()
            .any(|t| t.ends_with("porthole-test/busybox:1"))),
        "{images:?}"
    );
    let image = porthole_engine::image::details(&engine, "porthole-test/busybox:1")
        .await
        .unwrap();
    assert!(!image.history.is_empty(), "{image:?}");

    // A volume made by the CLI: listed, and announced on Podman's event stream as the app follows it.
    let since = porthole_engine::system::info(&engine)
        .await
        .unwrap()
        .system_time;
    let (sender, mut batches) = tokio::sync::mpsc::channel(64);
    let watcher = {
        let engine = engine.clone();
        tokio::spawn(async move {
            porthole_engine::system::events::forward_invalidations(
                &engine,
                Some(since),
                sender,
                None,
            )
            .await
        })
    };
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    let volume = common::unique("podman-vol");
    let cli_volume = podman_cli(&host, &["volume", "create", &volume]);
    assert_eq!(cli_volume, volume);
    let announced = tokio::time::timeout(std::time::Duration::from_secs(10), async {
        while let Some(batch) = batches.recv().await {
            if batch.kinds.contains(&ObjectKind::Volume) {
                return true;
            }
        }
        false
    })
    .await;
    watcher.abort();
    assert_eq!(
        announced,
        Ok(true),
        "Podman's events announce the new volume"
    );
    let volumes = porthole_engine::volume::list(&engine).await.unwrap();
    assert!(volumes.iter().any(|v| v.name == volume), "{volumes:?}");
    podman_cli(&host, &["volume", "rm", &volume]);

    // The run path: created through the engine layer; started where the sandbox allows it, else removed again
    // with the reason said.
    let name = common::unique("podman-run");
    let request = RunRequest {
        image: "porthole-test/busybox:1".into(),
        name: name.clone(),
        command: vec!["sleep".into(), "30".into()],
        ..Default::default()
    };
    let store = Store::at(common::docker_config("podman", "{}"));
    match run(&engine, &store, &request).await {
        Ok(id) => {
            let state = podman_cli(&host, &["inspect", "-f", "{{.State.Running}}", &id]);
            podman_cli(&host, &["rm", "-f", &id]);
            assert_eq!(state, "true");
        }
        Err(error) => {
            assert!(
                error.message.contains("could not start"),
                "the failed start is said in plain words: {error:?}"
            );
            let left = podman_cli(&host, &["ps", "-aq", "--filter", &format!("name={name}")]);
            assert!(left.is_empty(), "the container was removed again: {left}");
        }
    }
}
