//! One whole flow by keyboard only (#17): `/` focuses the filter, typing filters the list, ArrowDown moves into the
//! list and selects the row, Enter opens the container, Tab reaches Stop and Enter stops it — no click anywhere.

use fantoccini::key::Key;
use fantoccini::Locator;
use porthole_e2e::{docker, unique, Removed, Window};

/// Sends `keys` to whatever has the focus, as a user typing would.
async fn type_keys(window: &Window, keys: &str) {
    window
        .client
        .active_element()
        .await
        .expect("a focused element")
        .send_keys(keys)
        .await
        .expect("keys sent");
}

#[tokio::test(flavor = "multi_thread")]
async fn filter_select_open_and_stop_a_container_without_the_mouse() {
    let name = unique("kbd-only");
    let _cleanup = Removed(name.clone());
    docker(&[
        "run",
        "-d",
        "--stop-timeout",
        "1",
        "--name",
        &name,
        "porthole-test/busybox:1",
        "sleep",
        "600",
    ]);
    let window = Window::launch().await;
    // A fresh window opens on Containers.
    window
        .wait_for(
            "the container's row",
            &format!(
                "return !!document.querySelector('#containers-table tr[data-name=\"{name}\"]')"
            ),
            15,
        )
        .await;

    let body = window.client.find(Locator::Css("body")).await.unwrap();
    body.send_keys("/").await.unwrap();
    assert_eq!(
        window.eval("return document.activeElement.id").await,
        "filter"
    );
    type_keys(&window, &name).await;
    window
        .wait_for(
            "only the container left in the list",
            "return document.querySelectorAll('#containers-table tr[data-name]').length === 1",
            5,
        )
        .await;

    // ArrowDown from the filter: into the list, the row selected.
    type_keys(&window, &Key::Down.to_string()).await;
    window
        .wait_for(
            "the row selected and the list focused",
            &format!(
                "return document.querySelector('tr.selected')?.dataset.name === '{name}' \
                 && document.activeElement.classList.contains('table-scroll')"
            ),
            5,
        )
        .await;

    // Enter: the container's page.
    type_keys(&window, &Key::Enter.to_string()).await;
    window
        .wait_for(
            "the container's page",
            &format!("return document.getElementById('container-name')?.textContent === '{name}'"),
            10,
        )
        .await;

    // Tab along the page to Stop, then Enter.
    let mut reached = false;
    for _ in 0..40 {
        type_keys(&window, &Key::Tab.to_string()).await;
        if window
            .eval("return document.activeElement?.dataset?.action === 'stop'")
            .await
            == true
        {
            reached = true;
            break;
        }
    }
    assert!(reached, "Tab reaches the Stop button");
    type_keys(&window, &Key::Enter.to_string()).await;
    let mut state = String::new();
    for _ in 0..60 {
        state = docker(&["inspect", "--format", "{{.State.Status}}", &name]);
        if state == "exited" {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(250)).await;
    }
    assert_eq!(state, "exited", "Enter on Stop stopped the container");
    window
        .wait_for(
            "the page showing it stopped",
            "return (document.querySelector('.header-state .badge')?.textContent || '').toLowerCase().includes('exited')",
            15,
        )
        .await;
}
