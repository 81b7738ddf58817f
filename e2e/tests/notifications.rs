//! Desktop notifications, from the real window on a notification service of the test's own (dunst on a private
//! session bus): a container that fails on its own raises one that names it and its exit code; one the user
//! stopped, and one whose notifications were switched off on its page, raise none; clicking the notification
//! brings the window to that container's page; Settings lists the container left out and gives it back.

use porthole_e2e::desktop::NotificationService;
use porthole_e2e::{busybox, docker, sleeper, Removed, Window};
use std::time::{Duration, Instant};

/// A busybox container that runs until `/tmp/go` appears, then exits with `code` — on its own, no signal sent.
fn fails_when_told(prefix: &str, code: u8) -> (String, Removed) {
    let script = format!("while [ ! -f /tmp/go ]; do sleep 0.2; done; exit {code}");
    busybox(prefix, &["sh", "-c", &script])
}

fn exited(name: &str) -> bool {
    docker(&["inspect", "-f", "{{.State.Status}}", name]) == "exited"
}

#[tokio::test(flavor = "multi_thread")]
async fn a_container_failing_in_the_background_is_notified_and_the_click_opens_it() {
    let service = NotificationService::start();
    let (quiet, _q) = fails_when_told("quiet", 4);
    let (loud, _l) = fails_when_told("loud", 5);
    let (stopped, _s) = sleeper("stopped");
    let window =
        Window::launch_with_env(&[("DBUS_SESSION_BUS_ADDRESS", &service.address)], |_| {}).await;

    // One container's failures switched off on its own page, and the choice saved.
    window.open_container(&quiet).await;
    window
        .wait_for(
            "the switch, on",
            "return document.querySelector('#notify-exits input')?.checked === true",
            10,
        )
        .await;
    window.click("#notify-exits input").await;
    let settings = Window::settings_file(&window.home);
    let start = Instant::now();
    while !std::fs::read_to_string(&settings)
        .unwrap_or_default()
        .contains(&quiet)
    {
        assert!(
            start.elapsed() < Duration::from_secs(5),
            "the muted container was not saved"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }

    // The user is elsewhere in the app when it happens.
    window.open("images").await;
    docker(&["stop", "-t", "1", &stopped]);
    docker(&["exec", &quiet, "touch", "/tmp/go"]);
    let start = Instant::now();
    while !exited(&quiet) {
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "{quiet} did not exit"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    docker(&["exec", &loud, "touch", "/tmp/go"]);

    let start = Instant::now();
    while service.sent().is_empty() || service.displayed() == 0 {
        assert!(
            start.elapsed() < Duration::from_secs(15),
            "no notification shown for {loud}; sent: {:?}",
            service.sent()
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    // Had the stop or the muted exit raised one, it would be here too by now (each death waits the same grace).
    tokio::time::sleep(Duration::from_secs(1)).await;
    let sent = service.sent();
    assert_eq!(sent.len(), 1, "exactly one notification: {sent:?}");
    let strings = &sent[0];
    assert_eq!(
        strings.first().map(String::as_str),
        Some("Porthole"),
        "{strings:?}"
    );
    assert!(
        strings.contains(&format!("{loud} exited with code 5")),
        "{strings:?}"
    );
    assert!(
        strings
            .iter()
            .any(|s| s.contains(&format!("docker logs {loud}"))),
        "{strings:?}"
    );
    assert!(
        strings.contains(&"default".to_owned()),
        "a click has an action to invoke: {strings:?}"
    );
    window.screenshot("notification").await;
    // The status bar's totals follow too (read again once the changes settled), as the engine counts them.
    let totals = docker(&[
        "info",
        "--format",
        "{{.ContainersRunning}} running · {{.ContainersStopped}} stopped",
    ]);
    window
        .wait_for(
            &format!("the status bar's totals: {totals}"),
            &format!("return (document.querySelector('.status-counts')?.textContent || '').startsWith('{totals}')"),
            10,
        )
        .await;

    service.click_newest();
    window
        .wait_for(
            "the failed container's page",
            &format!("return document.getElementById('container-name')?.textContent === '{loud}'"),
            10,
        )
        .await;
    window
        .wait_for(
            "its exit code on the overview",
            "return /Exit code\\s*5/.test(document.querySelector('#container-overview .facts')?.textContent || '')",
            10,
        )
        .await;

    // Settings lists the container left out, and gives it back.
    window.open("settings").await;
    window
        .wait_for(
            "the muted container in Settings",
            &format!("return document.querySelector('.muted-containers')?.textContent.includes('{quiet}')"),
            5,
        )
        .await;
    window.screenshot("settings-notifications").await;
    window.click(".muted-containers button").await;
    window.goes(".muted-containers", 5).await;
    let start = Instant::now();
    while std::fs::read_to_string(&settings)
        .unwrap_or_default()
        .contains(&quiet)
    {
        assert!(
            start.elapsed() < Duration::from_secs(5),
            "the container was not given back"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}
