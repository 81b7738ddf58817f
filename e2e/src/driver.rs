//! Starting and stopping the WebDriver side: tauri-driver (with WebKitWebDriver and the app) in a process group of
//! its own, on ports chosen free, and a WebDriver session with it. Invariant: a driver is always stopped with its
//! whole group — after a window closes and after a launch that never answered.

use crate::rig::{test_engine, workspace_root};
use fantoccini::{Client, ClientBuilder};
use serde_json::json;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub(crate) fn app_binary() -> PathBuf {
    if let Ok(path) = std::env::var("PORTHOLE_APP") {
        return PathBuf::from(path);
    }
    let target = std::env::var("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|_| workspace_root().join("target"));
    target.join("debug").join("porthole")
}

pub(crate) async fn connect(port: u16, app: &Path) -> Result<Client, String> {
    let capabilities = json!({
        "browserName": "wry",
        "tauri:options": { "application": app }
    });
    let capabilities = capabilities.as_object().cloned().expect("object");
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let connector = hyper_util::client::legacy::connect::HttpConnector::new();
        let attempt = ClientBuilder::new(connector)
            .capabilities(capabilities.clone())
            .connect(&format!("http://127.0.0.1:{port}"))
            .await;
        match attempt {
            Ok(client) => return Ok(client),
            Err(error) if Instant::now() > deadline => return Err(error.to_string()),
            Err(_) => tokio::time::sleep(Duration::from_millis(200)).await,
        }
    }
}

/// Starts tauri-driver (and through it WebKitWebDriver and the app) for the settings home `home`, in a process
/// group of its own, with `env` added to the app's environment; its WebDriver port.
pub(crate) fn spawn_driver(home: &Path, env: &[(&str, &str)]) -> (Child, u16) {
    let port = free_port();
    let native = loop {
        let native = free_port();
        if native != port {
            break native;
        }
    };
    let mut command = Command::new("tauri-driver");
    command
        .args([
            "--port",
            &port.to_string(),
            "--native-port",
            &native.to_string(),
        ])
        .env("DOCKER_HOST", test_engine())
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_CACHE_HOME", home.join("cache"))
        // Each window's own docker CLI config: logins made in one test never reach another.
        .env("DOCKER_CONFIG", home.join("docker-config"))
        .env("WEBKIT_DISABLE_COMPOSITING_MODE", "1")
        .env("WEBKIT_DISABLE_DMABUF_RENDERER", "1")
        // No session bus unless a test gives one (`desktop::NotificationService`): the tests' containers failing
        // never reach the notifications of the desktop the tests were started from.
        .env(
            "DBUS_SESSION_BUS_ADDRESS",
            "unix:path=/nonexistent/porthole-e2e-no-bus",
        )
        .envs(env.iter().copied())
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    std::os::unix::process::CommandExt::process_group(&mut command, 0);
    let driver = command
        .spawn()
        .expect("tauri-driver starts (scripts/setup.sh installs it)");
    (driver, port)
}

/// Ends a driver's process group: WebKitWebDriver and the app with it. `--` so that the negative group id is not
/// read as an option.
pub(crate) fn stop_group(driver: &mut Child) {
    let group = format!("-{}", driver.id());
    let _ = Command::new("kill")
        .args(["-s", "TERM", "--", &group])
        .status();
    std::thread::sleep(Duration::from_millis(300));
    let _ = Command::new("kill")
        .args(["-s", "KILL", "--", &group])
        .status();
    let _ = driver.wait();
}

pub(crate) fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}
