//! Container lifecycle through the window: stop, start, and remove a running container — which the engine would
//! refuse until stopped or forced, as the learner's notes say, so the confirmation offers both ways — all reflected
//! live from the engine's events.

use porthole_e2e::{docker, unique, Removed, Window};

fn state_is(name: &str, state: &str) -> String {
    format!(
        "return document.querySelector('tr[data-name=\"{name}\"]')?.dataset.state === '{state}'"
    )
}

#[tokio::test(flavor = "multi_thread")]
async fn stop_start_and_remove_a_running_container_offered_both_ways() {
    let name = unique("life");
    let _cleanup = Removed(name.clone());
    // A process that ends on SIGTERM, so `stop` does not wait out its 10 s timeout.
    docker(&[
        "run",
        "-d",
        "--name",
        &name,
        "porthole-test/busybox:1",
        "sh",
        "-c",
        "trap 'exit 0' TERM; sleep 600 & wait",
    ]);

    let window = Window::launch().await;
    window.open("containers").await;
    window
        .wait_for("the running container", &state_is(&name, "running"), 10)
        .await;
    window.click(&format!("tr[data-name=\"{name}\"]")).await;
    let hint = window
        .eval("return document.querySelector('[data-action=stop]').title")
        .await;
    assert_eq!(hint, format!("docker stop {name}").as_str());
    assert_eq!(
        window
            .eval("return document.querySelector('[data-action=start]').disabled")
            .await,
        true
    );

    window.click("[data-action=stop]").await;
    window
        .eval("document.getElementById('show-all').click(); return true")
        .await;
    window
        .wait_for("the container stopped", &state_is(&name, "exited"), 15)
        .await;
    assert_eq!(
        docker(&["inspect", "--format", "{{.State.Status}}", &name]),
        "exited"
    );

    window.click(&format!("tr[data-name=\"{name}\"]")).await;
    window.click("[data-action=start]").await;
    window
        .wait_for(
            "the container running again",
            &state_is(&name, "running"),
            10,
        )
        .await;

    window.click(&format!("tr[data-name=\"{name}\"]")).await;
    window.click("[data-action=remove]").await;
    window
        .wait_for(
            "the confirmation",
            "return !!document.getElementById('confirm-dialog')",
            5,
        )
        .await;
    let dialog = window
        .eval("return document.getElementById('confirm-dialog').innerText")
        .await;
    // Running: the confirmation itself offers both ways, rather than a refusal after the user confirmed.
    assert!(
        dialog
            .as_str()
            .unwrap()
            .contains(&format!("docker stop {name} && docker rm {name}")),
        "{dialog}"
    );
    assert_eq!(
        window
            .eval("return document.getElementById('confirm-force').title")
            .await,
        format!("docker rm -f {name}").as_str()
    );
    window.screenshot("confirm-remove").await;
    window.click("#confirm-ok").await;
    window
        .wait_for(
            "the row to go",
            &format!("return !document.querySelector('tr[data-name=\"{name}\"]')"),
            10,
        )
        .await;
    let left = docker(&["ps", "-a", "-q", "--filter", &format!("name=^{name}$")]);
    assert!(left.is_empty(), "the container is gone from the engine");
}
