//! The engines a user has, against the real docker CLI and engine: a context Porthole adds is made by
//! `docker context create` and works with `docker --context`; one the CLI made shows up in Porthole's list with the
//! address `docker context inspect` shows; probes tell a live engine from a missing one.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a failed assumption is the test failing

mod common;

use porthole_engine::system::context::{at_start, create, endpoint_of, list, probe};
use porthole_engine::system::endpoint::{Endpoint, EndpointSource};
use porthole_model::system::context::{EngineAdd, EngineOrigin};
use porthole_model::ErrorKind;
use std::process::Command;

/// The docker CLI with its own config folder and no DOCKER_HOST (which would win over `--context`).
fn cli(config: &std::path::Path, args: &[&str]) -> (bool, String) {
    let output = Command::new("docker")
        .arg("--config")
        .arg(config)
        .args(args)
        .env_remove("DOCKER_HOST")
        .output()
        .unwrap();
    (
        output.status.success(),
        String::from_utf8_lossy(&output.stdout).trim().to_owned()
            + &String::from_utf8_lossy(&output.stderr),
    )
}

#[tokio::test]
async fn contexts_made_here_and_by_the_cli_are_the_same_thing() {
    let config = std::env::temp_dir().join(common::unique("porthole-contexts"));
    std::fs::create_dir_all(&config).unwrap();
    let rig = common::endpoint().host;
    let env = {
        let config = config.clone();
        move |name: &str| match name {
            "DOCKER_CONFIG" => Some(config.display().to_string()),
            _ => None,
        }
    };

    // Added in Porthole: the CLI made it, and the CLI reaches the engine through it.
    let add = EngineAdd {
        name: "rig-copy".into(),
        host: rig.clone(),
        description: "the test engine".into(),
        ..Default::default()
    };
    create(Some(&config), &add).await.unwrap();
    let (ok, shown) = cli(
        &config,
        &[
            "context",
            "inspect",
            "rig-copy",
            "--format",
            "{{.Endpoints.docker.Host}}",
        ],
    );
    assert!(ok, "{shown}");
    assert_eq!(shown, rig);
    let (ok, out) = cli(
        &config,
        &["--context", "rig-copy", "ps", "-a", "--format", "{{.ID}}"],
    );
    assert!(ok, "docker --context reaches the engine: {out}");
    assert_eq!(
        create(Some(&config), &add).await.unwrap_err().kind,
        ErrorKind::Conflict,
        "a taken name"
    );
    let bad = EngineAdd {
        host: "http://x".into(),
        ..add.clone()
    };
    assert_eq!(
        create(Some(&config), &bad).await.unwrap_err().kind,
        ErrorKind::InvalidInput
    );

    // Made by the CLI: Porthole lists it with the same address.
    let (ok, out) = cli(
        &config,
        &[
            "context",
            "create",
            "gone",
            "--docker",
            "host=unix:///nonexistent/docker.sock",
        ],
    );
    assert!(ok, "{out}");
    let current = Endpoint {
        host: rig.clone(),
        source: EndpointSource::Context("rig-copy".into()),
        tls: None,
    };
    let engines = list(&env, &current);
    let names: Vec<&str> = engines.iter().map(|e| e.name.as_str()).collect();
    assert_eq!(names, ["default", "gone", "rig-copy"]);
    let copy = engines.iter().find(|e| e.name == "rig-copy").unwrap();
    assert!(copy.current && copy.origin == EngineOrigin::Context);
    assert_eq!(copy.description, "the test engine");
    let gone = engines.iter().find(|e| e.name == "gone").unwrap();
    assert_eq!(gone.host, "unix:///nonexistent/docker.sock");
    assert_eq!(
        endpoint_of(&env, gone).source,
        EndpointSource::Context("gone".into())
    );

    // Probes: the live engine answers with its figures, the missing one says why.
    let live = probe(&endpoint_of(&env, copy)).await;
    assert!(live.reachable && !live.version.is_empty(), "{live:?}");
    assert_eq!(live.product, "Docker");
    assert_eq!(
        live.running + live.stopped,
        common::docker(&["ps", "-aq"]).lines().count() as i64
    );
    let missing = probe(&endpoint_of(&env, gone)).await;
    assert!(
        !missing.reachable && !missing.problem.is_empty(),
        "{missing:?}"
    );

    // At start, the engine chosen last is followed while it is listed; otherwise the environment's.
    let chosen = at_start(&env, Some("rig-copy"));
    assert_eq!(chosen.source, EndpointSource::Context("rig-copy".into()));
    assert_eq!(chosen.host, rig);
    assert_eq!(
        at_start(&env, Some("deleted-since")).source,
        EndpointSource::Default
    );
    assert_eq!(at_start(&env, None).source, EndpointSource::Default);
    let _ = std::fs::remove_dir_all(&config);
}
