//! The containers list beyond `docker ps`: compose projects grouped with their own actions, checkboxes and bulk
//! actions, CPU and memory for running rows, the port map naming a clash, rename, and a stop that hangs turned into
//! the learner's-notes advice (kill) as a button; the CPU and memory samples stopping while another window has the
//! focus.

use porthole_e2e::{docker, sleeper, unique, Removed, Window};

fn state(name: &str) -> String {
    docker(&["inspect", "--format", "{{.State.Status}}", name])
}

#[tokio::test(flavor = "multi_thread")]
async fn projects_bulk_actions_stats_port_map_rename_and_kill_advice() {
    let project = unique("shop");
    let (web, db) = (unique("shop-web"), unique("shop-db"));
    let (site, old) = (unique("site"), unique("old-site"));
    let stubborn = unique("stubborn");
    let renamed = unique("renamed");
    let _cleanup = [&web, &db, &site, &old, &stubborn, &renamed].map(|n| Removed(n.to_string()));
    for name in [&web, &db] {
        let label = format!("com.docker.compose.project={project}");
        docker(&[
            "run",
            "-d",
            "--name",
            name,
            "--label",
            &label,
            "porthole-test/busybox:1",
            "sleep",
            "600",
        ]);
    }
    docker(&[
        "run",
        "-d",
        "--name",
        &site,
        "-p",
        "127.0.0.1::80",
        "porthole-test/web:1",
    ]);
    let port = docker(&["port", &site, "80/tcp"]);
    let host_port = port.rsplit(':').next().unwrap().to_owned();
    docker(&[
        "create",
        "--name",
        &old,
        "-p",
        &format!("127.0.0.1:{host_port}:80"),
        "porthole-test/web:1",
    ]);
    docker(&[
        "run",
        "-d",
        "--name",
        &stubborn,
        "porthole-test/busybox:1",
        "sh",
        "-c",
        "trap '' TERM; while :; do sleep 1; done",
    ]);

    let window = Window::launch().await;
    window
        .wait_for(
            "the list",
            &format!("return !!document.querySelector('tr[data-project=\"{project}\"]')"),
            20,
        )
        .await;
    let header = window
        .eval(&format!(
            "return document.querySelector('tr[data-project=\"{project}\"]').textContent"
        ))
        .await;
    assert!(
        header
            .as_str()
            .unwrap_or_default()
            .contains("2 of 2 running"),
        "{header}"
    );

    // Containers of no project come under their own heading, never under the last project's.
    let below_heading = window
        .eval(&format!(
            "const rows = [...document.querySelectorAll('#containers-table tbody tr')]; \
             const heading = rows.findIndex(r => r.id === 'loose-heading'); \
             const site = rows.findIndex(r => r.dataset.name === '{site}'); \
             return heading >= 0 && site > heading"
        ))
        .await;
    assert_eq!(
        below_heading, true,
        "{site} is under 'Not in a compose project'"
    );

    // CPU and memory arrive for the running rows in view.
    window
        .wait_for("the stats columns", &format!("return document.querySelector('tr[data-name=\"{site}\"] td.cpu')?.textContent.includes('%')"), 20)
        .await;

    // The project's checkbox checks both; bulk Stop stops both.
    window
        .click(&format!("tr[data-project=\"{project}\"] .project-check"))
        .await;
    window.wait_for("bulk actions", "return document.querySelector('#bulk-actions .bulk-count')?.textContent === '2 selected'", 5).await;
    window.screenshot("containers-list").await;
    window.click("[data-bulk=stop]").await;
    for name in [&web, &db] {
        for _ in 0..60 {
            if state(name) == "exited" {
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(250)).await;
        }
        assert_eq!(state(name), "exited");
    }

    // The port map names the stopped container that could not start while the running one holds its port.
    window.click("#port-map-open").await;
    window
        .wait_for(
            "the clash",
            &format!(
                "return document.getElementById('port-clashes')?.textContent.includes('{old}')"
            ),
            10,
        )
        .await;
    window.screenshot("port-map").await;
    window.click("#port-map-close").await;

    // Rename the web container.
    window.click(&format!("tr[data-name=\"{site}\"]")).await;
    window.click("[data-action=rename]").await;
    window.type_into("rename-name", &renamed).await;
    window.click("#rename-ok").await;
    window
        .wait_for(
            "the new name",
            &format!("return !!document.querySelector('tr[data-name=\"{renamed}\"]')"),
            10,
        )
        .await;

    // A stop that hangs: the advice appears, and Kill now ends it long before the 10 s timeout.
    window.click(&format!("tr[data-name=\"{stubborn}\"]")).await;
    window.click("[data-action=stop]").await;
    window
        .wait_for(
            "the kill advice",
            "return !!document.getElementById('slow-stop')",
            8,
        )
        .await;
    let asked = std::time::Instant::now();
    window.click("#kill-now").await;
    while state(&stubborn) == "running" {
        assert!(asked.elapsed().as_secs() < 6, "kill now did not end it");
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }

    // Bulk remove of the stopped project (shown with "Show stopped too").
    window.click("#show-all").await;
    window
        .wait_for(
            "stopped rows",
            &format!("return !!document.querySelector('tr[data-name=\"{web}\"]')"),
            10,
        )
        .await;
    // The project is still checked from before: a selection outlives the actions done with it.
    window
        .wait_for(
            "still checked",
            "return document.querySelector('#bulk-actions .bulk-count')?.textContent === '2 selected'",
            5,
        )
        .await;
    window.click("[data-bulk=remove]").await;
    window
        .wait_for(
            "the confirmation",
            "return !!document.getElementById('bulk-remove-dialog')",
            5,
        )
        .await;
    window.click("#bulk-remove-ok").await;
    window
        .wait_for(
            "the project gone",
            &format!("return !document.querySelector('tr[data-project=\"{project}\"]')"),
            15,
        )
        .await;
    assert!(docker(&[
        "ps",
        "-aq",
        "--filter",
        &format!("label=com.docker.compose.project={project}")
    ])
    .is_empty());
    window.close().await;
}

/// The list's CPU and memory columns are sampled only while someone may look: the page losing the focus to another
/// window (WebKit's `blur`) ends their stream, getting it back starts it again. Nothing else changes: the engine's
/// stream and the notifications' stay.
#[tokio::test(flavor = "multi_thread")]
async fn the_list_stops_sampling_while_another_window_has_the_focus() {
    let (name, _cleanup) = sleeper("sampled");
    let window = Window::launch().await;
    window.open("containers").await;
    window
        .appears(&format!("tr[data-name=\"{name}\"]"), 10)
        .await;
    let count = "return window.__TAURI__.core.invoke('subscription_count', { args: null })";
    let becomes = |n: u64| format!("{count}.then(n => n === {n})");
    window
        .wait_for("the list's stats stream", &becomes(3), 10)
        .await;
    window
        .eval("window.dispatchEvent(new FocusEvent('blur')); return true")
        .await;
    window.wait_for("the samples stopped", &becomes(2), 5).await;
    window
        .eval("window.dispatchEvent(new FocusEvent('focus')); return true")
        .await;
    window.wait_for("the samples again", &becomes(3), 5).await;
}
