//! Shared by the engine-layer integration tests: the private test engine started by `scripts/rig.sh`, and the real
//! docker CLI pointed at it. Tests refuse to run against anything else, so a user's containers are never touched.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a failed assumption is the test failing
#![allow(dead_code)]

use porthole_engine::{Endpoint, Engine};
use std::process::Command;
use std::sync::atomic::{AtomicU32, Ordering};

pub fn endpoint() -> Endpoint {
    static CHECKED: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    let host = CHECKED
        .get_or_init(|| {
            let host = std::env::var("PORTHOLE_TEST_ENGINE")
                .expect("PORTHOLE_TEST_ENGINE is not set: run the tests through scripts/test.sh, which starts a private engine");
            refuse_unless_rig(&host);
            host
        })
        .clone();
    Endpoint {
        host,
        source: porthole_engine::EndpointSource::DockerHost,
        tls: None,
    }
}

/// Panics unless the engine at `host` carries the rig's label (`scripts/rig.sh` sets `dev.porthole.rig`): the
/// tests prune and remove, so they never run against another engine.
pub fn refuse_unless_rig(host: &str) {
    let output = Command::new("docker")
        .args(["info", "--format", "{{json .Labels}}"])
        .env("DOCKER_HOST", host)
        .output()
        .expect("the docker CLI runs");
    let labels = String::from_utf8_lossy(&output.stdout);
    assert!(
        labels.contains("dev.porthole.rig="),
        "{host} is not the test rig's engine (no dev.porthole.rig label): refusing to run"
    );
}

/// The rig's second private engine (for a second engine to switch to, and a two-node swarm), checked like the first.
pub fn endpoint2() -> Endpoint {
    let host = std::env::var("PORTHOLE_TEST_ENGINE2")
        .expect("PORTHOLE_TEST_ENGINE2 is not set: run the tests through scripts/test.sh");
    refuse_unless_rig(&host);
    Endpoint {
        host,
        source: porthole_engine::EndpointSource::DockerHost,
        tls: None,
    }
}

pub async fn engine() -> Engine {
    Engine::connect(&endpoint())
        .await
        .expect("the private test engine answers")
}

/// Polls `check` every 250 ms for up to `seconds`; panics naming `what` when it never holds.
pub async fn eventually<F, Fut>(what: &str, seconds: u64, mut check: F)
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = bool>,
{
    for _ in 0..seconds * 4 {
        if check().await {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(250)).await;
    }
    panic!("timed out waiting for {what}");
}

/// Before a swarm test: the rig's engines get their swarm gateway networks on bridges of the rig's own names. The
/// returned guard makes both engines leave any swarm and drop those networks when dropped, whatever the test did.
pub fn swarm_rig() -> SwarmDown {
    let guard = SwarmDown;
    rig(&["gateway-bridges"]);
    guard
}

pub struct SwarmDown;

impl Drop for SwarmDown {
    fn drop(&mut self) {
        rig(&["swarm-down"]);
    }
}

/// The docker CLI without DOCKER_HOST (which would win over `--context` and `--host`): its stdout, or a panic with
/// its stderr.
pub fn cli_without_host(args: &[&str]) -> String {
    let output = Command::new("docker")
        .args(args)
        .env_remove("DOCKER_HOST")
        .output()
        .expect("the docker CLI runs");
    assert!(
        output.status.success(),
        "docker {}: {}",
        args.join(" "),
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// Runs `scripts/rig.sh` with `args` (`gateway-bridges`, `swarm-down`, `stop-engine 2`, …).
pub fn rig(args: &[&str]) {
    let script = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../scripts/rig.sh");
    let status = Command::new("bash")
        .arg(script)
        .args(args)
        .status()
        .expect("the rig script runs");
    assert!(status.success(), "scripts/rig.sh {} failed", args.join(" "));
}

/// Runs the real docker CLI against the test engine and returns its trimmed stdout; panics with stderr on failure.
pub fn docker(args: &[&str]) -> String {
    let output = Command::new("docker")
        .args(args)
        .env("DOCKER_HOST", endpoint().host)
        // The classic builder: the engine under test (20.10) builds offline without BuildKit's helpers.
        .env("DOCKER_BUILDKIT", "0")
        .output()
        .expect("the docker CLI runs");
    assert!(
        output.status.success(),
        "docker {} failed: {}",
        args.join(" "),
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).trim().to_owned()
}

/// stdout and stderr of the docker CLI together (`docker logs` writes the container's stderr to stderr).
pub fn docker_output(args: &[&str]) -> String {
    let output = Command::new("docker")
        .args(args)
        .env("DOCKER_HOST", endpoint().host)
        .output()
        .expect("the docker CLI runs");
    String::from_utf8_lossy(&output.stdout).to_string() + &String::from_utf8_lossy(&output.stderr)
}

/// A container name unique to this test process and call.
pub fn unique(prefix: &str) -> String {
    static COUNTER: AtomicU32 = AtomicU32::new(0);
    format!(
        "{prefix}-{}-{}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    )
}

pub const BUSYBOX: &str = "porthole-test/busybox:1";
pub const WEB: &str = "porthole-test/web:1";

/// Removes the named container when dropped, also when the test fails.
pub struct Removed(pub String);

impl Drop for Removed {
    fn drop(&mut self) {
        let _ = Command::new("docker")
            .args(["rm", "-f", &self.0])
            .env("DOCKER_HOST", endpoint().host)
            .output();
    }
}

/// `docker run -d --name NAME ARGS…` with a unique name made from `prefix`; the guard removes the container.
pub fn started(prefix: &str, args: &[&str]) -> (String, Removed) {
    let name = unique(prefix);
    let guard = Removed(name.clone());
    docker(&[&["run", "-d", "--name", name.as_str()], args].concat());
    (name, guard)
}

/// Runs a busybox container that sleeps for ten minutes; the guard removes it.
pub fn sleeper(prefix: &str) -> (String, Removed) {
    started(prefix, &[BUSYBOX, "sleep", "600"])
}

/// The rig's registry that wants a login (htpasswd), its user and password.
pub fn auth_registry() -> (String, String, String) {
    let registry = std::env::var("PORTHOLE_TEST_REGISTRY").expect("the rig's auth registry");
    let user = std::env::var("PORTHOLE_TEST_REGISTRY_USER").expect("the rig's registry user");
    let file =
        std::env::var("PORTHOLE_TEST_REGISTRY_PASSWORD_FILE").expect("the rig's password file");
    let password = std::fs::read_to_string(file)
        .expect("the password file")
        .trim()
        .to_owned();
    (registry, user, password)
}

/// An empty docker config folder of this test's own (so logins never leak between tests), holding `config`.
pub fn docker_config(prefix: &str, config: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(unique(&format!("porthole-config-{prefix}")));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("config.json"), config).unwrap();
    dir
}

/// The docker CLI with its own config folder (`--config`), returning whether it succeeded and what it printed.
pub fn docker_in(config: &std::path::Path, args: &[&str], stdin: &str) -> (bool, String) {
    use std::io::Write;
    let mut child = Command::new("docker")
        .arg("--config")
        .arg(config)
        .args(args)
        .env("DOCKER_HOST", endpoint().host)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("the docker CLI runs");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    let output = child.wait_with_output().unwrap();
    let text = String::from_utf8_lossy(&output.stdout).to_string()
        + &String::from_utf8_lossy(&output.stderr);
    (output.status.success(), text)
}

/// Makes the image `reference` from busybox after running `script` in it (`docker run` + `docker commit`, with the
/// Dockerfile-like `changes`), removing the container it was made in.
pub fn commit_image(reference: &str, script: &str, changes: &[&str]) {
    let maker = unique("image-maker");
    docker(&["run", "--name", &maker, BUSYBOX, "sh", "-c", script]);
    let mut args = vec!["commit"];
    for change in changes {
        args.extend(["--change", change]);
    }
    args.extend([maker.as_str(), reference]);
    docker(&args);
    docker(&["rm", &maker]);
}
