//! The private test engine the backend's tests run against (started by `scripts/test.sh`), and the docker CLI
//! pointed at it. Never any other engine: each use checks the rig's label first.

use std::process::Command;

/// The rig's private engine; refused unless it carries the rig's label, as every engine test does.
pub fn test_engine() -> String {
    let host = std::env::var("PORTHOLE_TEST_ENGINE")
        .expect("run through scripts/test.sh (a private engine)");
    let labels = Command::new("docker")
        .args(["info", "--format", "{{json .Labels}}"])
        .env("DOCKER_HOST", &host)
        .output()
        .expect("docker runs");
    assert!(
        String::from_utf8_lossy(&labels.stdout).contains("dev.porthole.rig="),
        "{host} is not the test rig's engine: refusing to run"
    );
    host
}

pub fn docker(args: &[&str]) -> String {
    let host = test_engine();
    let output = Command::new("docker")
        .args(args)
        .env("DOCKER_HOST", host)
        .output()
        .expect("docker runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).trim().to_owned()
}

/// The rig's engine, connected as the app connects.
pub async fn connected() -> porthole_engine::Engine {
    let endpoint = porthole_engine::Endpoint {
        host: test_engine(),
        source: porthole_engine::EndpointSource::DockerHost,
        tls: None,
    };
    porthole_engine::Engine::connect(&endpoint)
        .await
        .expect("the test engine")
}
