//! The test rig as the tests see it: the private engine (`PORTHOLE_TEST_ENGINE`, refused unless the rig labelled
//! it), the docker CLI pointed at it, the rig's registries, and guards that remove what a test made even when it
//! fails. Nothing here touches another engine.

use crate::next;
use std::path::{Path, PathBuf};
use std::process::Command;

pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("workspace root")
        .to_path_buf()
}

/// The private test engine, after checking once that it is the rig's (`scripts/rig.sh` labels it): tests create,
/// prune and remove freely, so they refuse to run against any other engine, a user's above all.
pub fn test_engine() -> String {
    static CHECKED: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    CHECKED
        .get_or_init(|| {
            let host = std::env::var("PORTHOLE_TEST_ENGINE").expect(
                "PORTHOLE_TEST_ENGINE is not set: run the tests through scripts/test.sh, which starts a private engine",
            );
            refuse_unless_rig(&host);
            host
        })
        .clone()
}

/// Panics unless the engine at `host` carries the rig's label (`dev.porthole.rig`).
pub fn refuse_unless_rig(host: &str) {
    let output = Command::new("docker")
        .args(["info", "--format", "{{json .Labels}}"])
        .env("DOCKER_HOST", host)
        .output()
        .expect("the docker CLI runs");
    let labels = String::from_utf8_lossy(&output.stdout);
    assert!(
        labels.contains("dev.porthole.rig="),
        "{host} is not the test rig's engine (no dev.porthole.rig label): the tests only ever run against the \
         private engine scripts/rig.sh starts, never another one"
    );
}

/// The rig's second private engine (an engine to switch to, a swarm's second node), checked like the first.
pub fn second_engine() -> String {
    let host = std::env::var("PORTHOLE_TEST_ENGINE2")
        .expect("PORTHOLE_TEST_ENGINE2 is not set: run the tests through scripts/test.sh");
    refuse_unless_rig(&host);
    host
}

/// The docker CLI against `host` (one of the rig's engines): whether it succeeded, and what it printed.
pub fn docker_on(host: &str, args: &[&str]) -> (bool, String) {
    let output = Command::new("docker")
        .args(args)
        .env("DOCKER_HOST", host)
        .output()
        .expect("docker CLI");
    (
        output.status.success(),
        String::from_utf8_lossy(&output.stdout).into_owned()
            + &String::from_utf8_lossy(&output.stderr),
    )
}

/// `docker context create NAME --docker DOCKER` in the docker config folder `config` (a window's own, under its
/// settings home), so the window lists that engine.
pub fn create_context(config: &Path, name: &str, docker: &str) {
    std::fs::create_dir_all(config).expect("the docker config folder");
    let (ok, out) = docker_on(
        "unix:///nonexistent",
        &[
            "--config",
            &config.display().to_string(),
            "context",
            "create",
            name,
            "--docker",
            docker,
        ],
    );
    assert!(ok, "{out}");
}

/// Runs the real docker CLI against the private test engine; returns trimmed stdout, panics with stderr on failure.
pub fn docker(args: &[&str]) -> String {
    let output = Command::new("docker")
        .args(args)
        .env("DOCKER_HOST", test_engine())
        .env("DOCKER_BUILDKIT", "0")
        .output()
        .expect("docker CLI");
    assert!(
        output.status.success(),
        "docker {}: {}",
        args.join(" "),
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).trim().to_owned()
}

/// Removes the named container when dropped, also when the test fails.
pub struct Removed(pub String);

impl Drop for Removed {
    fn drop(&mut self) {
        let _ = Command::new("docker")
            .args(["rm", "-f", &self.0])
            .env("DOCKER_HOST", test_engine())
            .output();
    }
}

/// Removes the named network when dropped, also when the test fails. Declared before the containers' guards, it
/// drops after them, once nothing is attached.
pub struct NetworkRemoved(pub String);

impl Drop for NetworkRemoved {
    fn drop(&mut self) {
        let _ = Command::new("docker")
            .args(["network", "rm", &self.0])
            .env("DOCKER_HOST", test_engine())
            .output();
    }
}

/// Removes the named volume when dropped, also when the test fails (after the containers' guards, like a network).
pub struct VolumeRemoved(pub String);

impl Drop for VolumeRemoved {
    fn drop(&mut self) {
        let _ = Command::new("docker")
            .args(["volume", "rm", "-f", &self.0])
            .env("DOCKER_HOST", test_engine())
            .output();
    }
}

/// Builds an image of its own named `reference` with the docker CLI (the busybox test image plus an `ENV` line), so
/// removing it is a real removal rather than untagging the shared test image.
pub fn build_own_image(reference: &str) {
    let context = std::env::temp_dir().join(unique("ctx"));
    std::fs::create_dir_all(&context).expect("a build context");
    std::fs::write(
        context.join("Dockerfile"),
        format!(
            "FROM porthole-test/busybox:1\nENV MARK={}\n",
            unique("mark")
        ),
    )
    .expect("a Dockerfile");
    docker(&[
        "build",
        "-q",
        "-t",
        reference,
        context.to_str().expect("a UTF-8 path"),
    ]);
}

/// Runs a busybox container that sleeps for ten minutes; the guard removes it.
pub fn sleeper(prefix: &str) -> (String, Removed) {
    busybox(prefix, &["sleep", "600"])
}

/// `docker run -d --name NAME porthole-test/busybox:1 COMMAND…`, the name unique and made from `prefix`; the guard
/// removes the container.
pub fn busybox(prefix: &str, command: &[&str]) -> (String, Removed) {
    let name = unique(prefix);
    let guard = Removed(name.clone());
    docker(
        &[
            &[
                "run",
                "-d",
                "--name",
                name.as_str(),
                "porthole-test/busybox:1",
            ],
            command,
        ]
        .concat(),
    );
    (name, guard)
}

/// A container name unique to this run.
pub fn unique(prefix: &str) -> String {
    format!("{prefix}-{}-{}", std::process::id(), next())
}

/// Runs `scripts/rig.sh <verb>` (e.g. `stop-engine`, `start-engine 2`).
pub fn rig(verb: &str) {
    let status = Command::new("bash")
        .arg(workspace_root().join("scripts/rig.sh"))
        .args(verb.split_whitespace())
        .status()
        .expect("rig script runs");
    assert!(status.success(), "scripts/rig.sh {verb} failed");
}

/// The rig's registry that wants a login: its address, user and password.
pub fn auth_registry() -> (String, String, String) {
    let registry = std::env::var("PORTHOLE_TEST_REGISTRY").expect("the rig's auth registry");
    let user = std::env::var("PORTHOLE_TEST_REGISTRY_USER").expect("the rig's registry user");
    let password = std::fs::read_to_string(
        std::env::var("PORTHOLE_TEST_REGISTRY_PASSWORD_FILE").expect("the rig's password"),
    )
    .expect("the password file");
    (registry, user, password.trim().to_owned())
}

/// `curl http://…` for a published port: the whole HTTP answer as text.
pub fn http_get(url: &str) -> String {
    use std::io::{Read, Write};
    let address = url
        .trim_start_matches("http://")
        .trim_end_matches('/')
        .replace("localhost", "127.0.0.1");
    let mut stream =
        std::net::TcpStream::connect(address.as_str()).expect("the published port answers");
    stream
        .write_all(b"GET / HTTP/1.0\r\nHost: localhost\r\n\r\n")
        .unwrap();
    let mut body = String::new();
    stream.read_to_string(&mut body).unwrap();
    body
}
