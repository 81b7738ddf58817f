//! Several engines in one window: the docker CLI's contexts listed beside DOCKER_HOST, each probed (a missing one
//! shown unreachable with why), switching from the status bar cancels the previous engine's streams and shows the
//! other engine (its unreachable page, then back) whose requests the activity console records with `--context`, each
//! engine returning to the page it was left on, the Engines overview, and adding an engine as a docker context that
//! the CLI then uses.

use porthole_e2e::{sleeper, test_engine, unique, Window};
use std::path::Path;
use std::process::Command;

/// The docker CLI with the window's own config folder, without DOCKER_HOST (which would win over `--context`).
fn cli(config: &Path, args: &[&str]) -> (bool, String) {
    let output = Command::new("docker")
        .arg("--config")
        .arg(config)
        .args(args)
        .env_remove("DOCKER_HOST")
        .output()
        .expect("the docker CLI runs");
    (
        output.status.success(),
        String::from_utf8_lossy(&output.stdout).into_owned()
            + &String::from_utf8_lossy(&output.stderr),
    )
}

async fn streams(window: &Window) -> u64 {
    let count = window
        .eval("return window.__TAURI__.core.invoke('subscription_count', { args: null })")
        .await;
    count.as_u64().unwrap_or_default()
}

#[tokio::test(flavor = "multi_thread")]
async fn switch_between_engines_and_add_one() {
    let (running, _guard) = sleeper("engines");
    let rig = test_engine();
    let window = Window::launch_with(|home| {
        let config = home.join("docker-config");
        std::fs::create_dir_all(&config).expect("config folder");
        for (name, host) in [
            ("rig-again", rig.as_str()),
            ("gone", "unix:///nonexistent/docker.sock"),
        ] {
            let (ok, out) = cli(
                &config,
                &[
                    "context",
                    "create",
                    name,
                    "--docker",
                    &format!("host={host}"),
                ],
            );
            assert!(ok, "{out}");
        }
    })
    .await;
    let config = window.home.join("docker-config");
    window
        .appears(&format!("tr[data-name=\"{running}\"]"), 10)
        .await;
    window
        .wait_for(
            "the engines in the switcher",
            "return [...(document.getElementById('engine-switcher')?.options || [])].map(o => o.value).join(',') === 'DOCKER_HOST,default,gone,rig-again'",
            15,
        )
        .await;
    // The list's stats columns stream beside the engine's own stream and the notifications' clicks.
    window.wait_for("the list's stats stream", "return window.__TAURI__.core.invoke('subscription_count', { args: null }).then(n => n >= 3)", 10).await;

    window.choose("engine-switcher", "gone").await;
    window
        .wait_for(
            "the missing engine's unreachable page",
            "return document.querySelector('.status-bar')?.dataset.connection === 'unreachable' && \
             document.querySelector('.status-endpoint')?.textContent.includes('/nonexistent/docker.sock')",
            15,
        )
        .await;
    assert_eq!(
        streams(&window).await,
        2,
        "only the connection's own stream and the notifications' clicks are left"
    );

    window.choose("engine-switcher", "rig-again").await;
    window
        .wait_for(
            "the test engine again",
            &format!("return document.querySelector('.status-bar')?.dataset.connection === 'connected' && !!document.querySelector('tr[data-name=\"{running}\"]')"),
            15,
        )
        .await;

    // Each engine keeps the page it was left on: Volumes here, Containers on DOCKER_HOST.
    window.open("volumes").await;
    window.choose("engine-switcher", "DOCKER_HOST").await;
    window
        .appears(
            &format!("[data-page=containers] tr[data-name=\"{running}\"]"),
            15,
        )
        .await;
    window.choose("engine-switcher", "rig-again").await;
    window.appears("[data-page=volumes]", 15).await;
    window
        .wait_for(
            "connected to rig-again",
            "return document.querySelector('.status-bar')?.dataset.connection === 'connected' && \
             document.getElementById('engine-switcher')?.value === 'rig-again'",
            15,
        )
        .await;

    // The activity console names the engine each request went to: its commands carry `--context`.
    window.click("#toggle-activity").await;
    // The list is long and only its rows in view are drawn: the filter finds the ones sent on this context.
    window
        .type_into("activity-filter", "--context rig-again")
        .await;
    window
        .wait_for(
            "a request recorded with its context",
            "return [...document.querySelectorAll('.activity-cli')].some(c => c.textContent.startsWith('docker --context rig-again '))",
            10,
        )
        .await;
    window.click("#toggle-activity").await;

    window.open("engine").await;
    window
        .wait_for(
            "each engine probed",
            "return document.querySelector('#engines-table tr[data-engine=gone]')?.dataset.reachable === 'false' && \
             document.querySelector('#engines-table tr[data-engine=\"rig-again\"]')?.dataset.current === 'true' && \
             document.querySelector('#engines-table tr[data-engine=\"rig-again\"]')?.dataset.reachable === 'true'",
            15,
        )
        .await;

    // Add an engine: a bad name refused as typed, then a context the CLI uses.
    let added = unique("added");
    window.type_into("engine-name", "bad name!").await;
    window
        .appears("#engine-invalid[data-invalid=name]", 5)
        .await;
    window.type_into("engine-name", &added).await;
    window.type_into("engine-host", &rig).await;
    window
        .wait_for(
            "the command",
            &format!("return document.getElementById('engine-cli')?.textContent === 'docker context create {added} --docker host={rig}'"),
            5,
        )
        .await;
    window.click("#engine-add-go").await;
    window
        .appears(
            &format!("#engines-table tr[data-engine=\"{added}\"][data-reachable=true]"),
            15,
        )
        .await;
    window
        .eval("document.getElementById('engines-table').scrollIntoView(); return true")
        .await;
    window.screenshot("engines").await;
    let (ok, out) = cli(
        &config,
        &["--context", &added, "ps", "--format", "{{.Names}}"],
    );
    assert!(
        ok && out.contains(&running),
        "docker --context {added} reaches the engine: {out}"
    );
}

/// A TLS engine added through the form: a CA that did not sign the engine's certificate is explained before
/// anything is saved (what is wrong, what to do), the right CA connects, and the saved context reaches the engine
/// from the window (switched to, its containers listed) and from the CLI.
#[tokio::test(flavor = "multi_thread")]
async fn add_a_tls_engine_with_its_failure_explained() {
    let (running, _guard) = sleeper("tls");
    let address = std::env::var("PORTHOLE_TEST_TLS_ENGINE").expect("the rig's TLS engine");
    let certs = std::path::PathBuf::from(
        std::env::var("PORTHOLE_TEST_TLS").expect("the rig's certificates"),
    );
    let pem = |name: &str| certs.join(name).display().to_string();
    let window = Window::launch().await;
    let config = window.home.join("docker-config");
    window.open("engine").await;
    let name = unique("secure");
    window.type_into("engine-name", &name).await;
    window.type_into("engine-host", &address).await;
    window.appears("#engine-tls", 5).await;
    window.type_into("engine-ca", &pem("other-ca.pem")).await;
    window.type_into("engine-cert", &pem("cert.pem")).await;
    window.appears("#engine-invalid[data-invalid=key]", 5).await;
    window.type_into("engine-key", &pem("key.pem")).await;
    window
        .wait_for(
            "the command with the TLS files",
            &format!(
                "return document.getElementById('engine-cli')?.textContent === 'docker context create {name} --docker host={address},ca={},cert={},key={}'",
                pem("other-ca.pem"), pem("cert.pem"), pem("key.pem")
            ),
            5,
        )
        .await;
    window.click("#engine-add-go").await;
    window
        .appears("#engine-probe-failed[data-reason=TlsUntrusted]", 15)
        .await;
    let explained = window
        .eval("return document.getElementById('engine-probe-failed').textContent")
        .await;
    let explained = explained.as_str().unwrap_or_default();
    assert!(
        explained.contains("not trusted") && explained.contains("ca.pem"),
        "the failure says what is wrong and what to choose: {explained}"
    );
    let (_, contexts) = cli(&config, &["context", "ls", "--format", "{{.Name}}"]);
    assert!(!contexts.contains(&name), "nothing saved yet: {contexts}");
    window
        .eval("document.getElementById('engine-probe-failed').scrollIntoView({block: 'center'}); return true")
        .await;
    window.screenshot("engine-add-tls-failure").await;

    window.type_into("engine-ca", &pem("ca.pem")).await;
    window.goes("#engine-probe-failed", 5).await;
    window.click("#engine-add-go").await;
    window.appears("#engine-added", 15).await;
    window
        .appears(
            &format!("#engines-table tr[data-engine=\"{name}\"][data-reachable=true] .badge.tls"),
            15,
        )
        .await;
    window.choose("engine-switcher", &name).await;
    window.open("containers").await;
    window
        .wait_for(
            "the TLS engine's containers",
            &format!("return document.querySelector('.status-bar')?.dataset.connection === 'connected' && \
                      document.getElementById('engine-switcher')?.value === '{name}' && \
                      !!document.querySelector('tr[data-name=\"{running}\"]')"),
            15,
        )
        .await;
    let (ok, out) = cli(
        &config,
        &["--context", &name, "ps", "--format", "{{.Names}}"],
    );
    assert!(
        ok && out.contains(&running),
        "docker --context {name} reaches the engine: {out}"
    );
}

/// An SSH engine added through the form: an address whose host key ssh does not know is explained (and nothing
/// saved), the rig's endpoint connects with the system's ssh, and switching to it shows the far engine's containers.
#[tokio::test(flavor = "multi_thread")]
async fn add_an_ssh_engine() {
    let address = std::env::var("PORTHOLE_TEST_SSH_ENGINE").expect("the rig's SSH engine");
    let port = address.rsplit_once(':').expect("a port").1.to_owned();
    let window = Window::launch().await;
    window.open("engine").await;
    let name = unique("far");
    window.type_into("engine-name", &name).await;
    window
        .type_into("engine-host", &format!("ssh://root@unknown-host:{port}"))
        .await;
    window.click("#engine-add-go").await;
    window
        .appears("#engine-probe-failed[data-reason=SshUnknownHost]", 30)
        .await;
    let explained = window
        .eval("return document.getElementById('engine-probe-failed').textContent")
        .await;
    assert!(
        explained
            .as_str()
            .unwrap_or_default()
            .contains("known_hosts"),
        "the failure says what to do: {explained}"
    );
    window.type_into("engine-host", &address).await;
    window.goes("#engine-probe-failed", 5).await;
    window.click("#engine-add-go").await;
    window.appears("#engine-added", 30).await;
    window
        .appears(
            &format!("#engines-table tr[data-engine=\"{name}\"][data-reachable=true]"),
            30,
        )
        .await;
    window.choose("engine-switcher", &name).await;
    window.open("containers").await;
    window
        .wait_for(
            "the far engine's containers, over ssh",
            &format!(
                "return document.getElementById('engine-switcher')?.value === '{name}' && \
                 document.querySelector('.status-bar')?.dataset.connection === 'connected' && \
                 !!document.querySelector('tr[data-name=\"porthole-rig-sshd\"]')"
            ),
            30,
        )
        .await;
}
