//! Podman in the window: its Docker-compatible socket, where Podman puts it (`$XDG_RUNTIME_DIR/podman/podman.sock`),
//! is offered as an engine without adding anything; switching to it shows the containers and images Podman has,
//! and the overview shows it answering with Podman's version. (Starting a container fails in this sandbox — runc
//! cannot set rlimits — which the engine-layer test covers: the failure is said and nothing is left behind.)

use porthole_e2e::{docker_on, Window};

#[tokio::test(flavor = "multi_thread")]
async fn podmans_socket_is_an_engine_to_switch_to() {
    let xdg = std::env::var("PORTHOLE_TEST_PODMAN_XDG").expect(
        "PORTHOLE_TEST_PODMAN_XDG is not set: the rig serves Podman's API when podman is installed (scripts/setup.sh --test)",
    );
    let podman = std::env::var("PORTHOLE_TEST_PODMAN").unwrap();
    let version = docker_on(&podman, &["version", "--format", "{{.Server.Version}}"])
        .1
        .trim()
        .to_owned();
    // Podman counts a container only created as neither running nor stopped; the overview counts it stopped.
    let stopped = docker_on(
        &podman,
        &[
            "ps",
            "-aq",
            "--filter",
            "status=created",
            "--filter",
            "status=exited",
        ],
    )
    .1
    .lines()
    .count();
    assert!(!version.is_empty(), "Podman answers on {podman}");
    let window = Window::launch_with_env(&[("XDG_RUNTIME_DIR", &xdg)], |_| {}).await;
    window
        .wait_for(
            "Podman offered in the engine switcher",
            "return [...(document.getElementById('engine-switcher')?.options ?? [])].some(o => o.value === 'podman')",
            15,
        )
        .await;
    window.choose("engine-switcher", "podman").await;
    window.open("containers").await;
    // Podman's sample container was only created: shown with the stopped ones.
    window.click("#show-all").await;
    window
        .wait_for(
            "Podman's own container listed",
            "return document.querySelector('.status-bar')?.dataset.connection === 'connected' && \
             !!document.querySelector('tr[data-name=\"porthole-podman-sample\"]')",
            15,
        )
        .await;
    window.open("images").await;
    window
        .wait_for(
            "Podman's image listed",
            "return document.querySelector('main')?.textContent.includes('porthole-test/busybox')",
            10,
        )
        .await;
    window.open("engine").await;
    window
        .wait_for(
            "Podman answering in the overview, with its version",
            &format!(
                "const row = document.querySelector('#engines-table tr[data-engine=\"podman\"]'); \
                 return row?.dataset.reachable === 'true' && row.textContent.includes('{version}') && \
                 row.textContent.includes('{stopped} stopped')"
            ),
            15,
        )
        .await;
    window
        .eval("document.querySelector('.engines-overview').scrollIntoView({block: 'start'}); return true")
        .await;
    window.screenshot("engines-podman").await;
}
