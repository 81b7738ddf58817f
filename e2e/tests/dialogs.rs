//! Every dialog opens again after it was cancelled, and the run dialog runs twice in a row: the class of bug where a
//! closed dialog's rows kept reading state the dialog had disposed (a panic that left "Run…" dead until restart).
//! The harness fails each test when the page reported a panic or an uncaught error; the last test proves that
//! report path, and the "Something went wrong — Reload" state, with a planted panic.

use porthole_e2e::{docker, page_errors, sleeper, unique, Removed, Window};

/// Opens with `open`, waits for `dialog`, closes with `close` and waits for it to go.
async fn open_and_cancel(window: &Window, open: &str, dialog: &str, close: &str) {
    window.click(open).await;
    window.appears(dialog, 5).await;
    window.click(close).await;
    window.goes(dialog, 5).await;
}

/// The id of the first element matching `selector` inside the run dialog (row ids carry the row's key).
async fn id_of(window: &Window, selector: &str) -> String {
    let id = window
        .eval(&format!(
            "return document.querySelector('#run-dialog {selector}')?.id ?? ''"
        ))
        .await;
    id.as_str().unwrap_or_default().to_owned()
}

/// Fills the open run dialog for a sleeping busybox named `name` with one published port, and runs it.
async fn run_once(window: &Window, name: &str) {
    window
        .type_into("run-image", "porthole-test/busybox:1")
        .await;
    window.type_into("run-name", name).await;
    window.click("#run-add-port").await;
    let port = id_of(window, ".port-container").await;
    assert!(!port.is_empty(), "a port row was added");
    window.type_into(&port, "80").await;
    window
        .eval("document.querySelector('#run-dialog details').open = true; return true")
        .await;
    window.type_into("run-command", "sleep 600").await;
    window
        .wait_for(
            "Run enabled",
            "return !document.getElementById('run-start').disabled",
            5,
        )
        .await;
    window.click("#run-start").await;
    window
        .wait_for(
            "the container's page",
            &format!("return document.getElementById('container-name')?.textContent === '{name}'"),
            30,
        )
        .await;
    assert_eq!(
        docker(&["inspect", "--format", "{{.State.Status}}", name]),
        "running"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn the_run_dialog_opens_again_after_cancel_and_runs_twice() {
    let first = unique("e2e-twice");
    let second = unique("e2e-twice");
    let _cleanup = [Removed(first.clone()), Removed(second.clone())];
    let window = Window::launch().await;
    window.appears("#run-open", 20).await;

    // Rows added, then Cancel: the crash this file exists for.
    window.click("#run-open").await;
    window.appears("#run-dialog", 5).await;
    window.click("#run-add-port").await;
    window.click("#run-add-volume").await;
    window.click("#run-add-tmpfs").await;
    window.click("#run-cancel").await;
    window.goes("#run-dialog", 5).await;

    window.click("#run-open").await;
    window.appears("#run-dialog", 5).await;
    assert_eq!(
        window
            .eval("return document.querySelectorAll('#run-dialog .run-row').length")
            .await,
        0,
        "a new opening starts without the cancelled rows"
    );
    // A row nobody typed in yet does not shout; the disabled Run says what it waits for.
    window.click("#run-add-port").await;
    assert_eq!(
        window
            .eval("return document.querySelectorAll('#run-dialog .row-problem').length")
            .await,
        0
    );
    let waiting = window
        .eval("return document.getElementById('run-waiting')?.textContent ?? ''")
        .await;
    assert!(
        waiting
            .as_str()
            .unwrap_or_default()
            .starts_with("Before Run:"),
        "{waiting}"
    );
    window.click("#run-dialog .remove-row").await;
    run_once(&window, &first).await;
    // It writes nothing: the Logs tab says so instead of showing an empty box.
    window.click("[data-tab=logs]").await;
    window.appears("#log-empty", 10).await;

    // And again, right after a successful run with a port row.
    window.open("containers").await;
    window.click("#run-open").await;
    window.appears("#run-dialog", 5).await;
    run_once(&window, &second).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_image_pages_run_opens_again_after_cancel() {
    let window = Window::launch().await;
    window.open("images").await;
    let row = "#images-table tr[data-repository=\"porthole-test/busybox\"][data-tag=\"1\"]";
    window
        .wait_for(
            "the test image",
            &format!("return !!document.querySelector('{row}')"),
            10,
        )
        .await;
    window.click(row).await;
    window.click("[data-action=image-details]").await;
    window.appears("[data-action=details-run]", 10).await;
    for _ in 0..2 {
        open_and_cancel(
            &window,
            "[data-action=details-run]",
            "#run-dialog",
            "#run-cancel",
        )
        .await;
    }
    window.click("[data-action=details-run]").await;
    window
        .wait_for(
            "the dialog seeded with the image",
            "return document.getElementById('run-image')?.value === 'porthole-test/busybox:1'",
            5,
        )
        .await;
    // The image is here under its own tag: nothing says it will be pulled.
    assert_eq!(
        window
            .eval("return !!document.querySelector('#run-image-pulled-first')")
            .await,
        false
    );
    window.type_into("run-image", "porthole-test/busybox").await;
    window.appears("#run-image-pulled-first", 5).await;
    window.click("#run-cancel").await;
}

#[tokio::test(flavor = "multi_thread")]
async fn every_dialog_opens_again_after_cancel() {
    let (name, _guard) = sleeper("e2e-dialogs");
    let window = Window::launch().await;
    let row = format!("tr[data-name=\"{name}\"]");
    window
        .wait_for(
            "the container's row",
            &format!("return !!document.querySelector('{row}')"),
            10,
        )
        .await;
    for _ in 0..2 {
        window.click(&row).await;
        open_and_cancel(
            &window,
            "[data-action=rename]",
            "#rename-dialog",
            "#rename-cancel",
        )
        .await;
        window.click(&row).await;
        open_and_cancel(
            &window,
            "[data-action=remove]",
            "#confirm-dialog",
            "#confirm-cancel",
        )
        .await;
        open_and_cancel(&window, "#port-map-open", "#port-map", "#port-map-close").await;
        open_and_cancel(&window, "#help-button", "#help-panel", "#help-close").await;
    }
    assert_eq!(
        docker(&["inspect", "--format", "{{.State.Status}}", &name]),
        "running",
        "Cancel did nothing"
    );
    window.open("images").await;
    for _ in 0..2 {
        open_and_cancel(&window, "#build-open", "#build-dialog", "#build-close").await;
        open_and_cancel(&window, "#prune-open", "#prune-dialog", "#prune-close").await;
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_panic_is_logged_and_the_page_offers_reload() {
    let window = Window::launch().await;
    let marker = unique("planted");
    // What the app's panic hook calls; the real hook is proven by the reopen tests above, which failed on it.
    window
        .eval(&format!(
            "window.portholePanic('{marker} panic'); return true"
        ))
        .await;
    window
        .wait_for(
            "the crashed state",
            "return document.getElementById('page-crashed')?.innerText.includes('Something went wrong')",
            5,
        )
        .await;
    window.screenshot("page-crashed").await;
    window.click("#page-reload").await;
    window
        .wait_for(
            "a fresh page, resynced",
            "return !document.getElementById('page-crashed') && !!document.querySelector('#containers-table')",
            20,
        )
        .await;
    window
        .eval(&format!(
            "setTimeout(() => {{ throw new Error('{marker} uncaught'); }}, 0); return true"
        ))
        .await;
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(5);
    let log = loop {
        let log = page_errors(&window.home);
        if log.contains(&format!("{marker} uncaught")) || std::time::Instant::now() > deadline {
            break log;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    };
    assert!(
        log.contains(&format!("page panic: {marker} panic")),
        "{log}"
    );
    assert!(log.contains(&format!("{marker} uncaught")), "{log}");
    // Planted on purpose: cleared so that the harness's own check (which fails on any report) passes.
    std::fs::remove_file(
        window
            .home
            .join("data/dev.porthole.app/logs/page-errors.log"),
    )
    .expect("the log was written");
}

const ESCAPE: &str = "\u{E00C}";
const TAB: &str = "\u{E004}";

#[tokio::test(flavor = "multi_thread")]
async fn dialogs_take_the_focus_keep_it_and_close_with_escape() {
    let (name, _guard) = sleeper("e2e-keys");
    let window = Window::launch().await;
    window.appears("#run-open", 20).await;

    // The run dialog: focus in its first field, typing goes there, Escape closes it.
    window.click("#run-open").await;
    window.appears("#run-dialog", 5).await;
    window
        .wait_for(
            "the image field focused",
            "return document.activeElement?.id === 'run-image'",
            5,
        )
        .await;
    window.press("porthole-test/busybox:1").await;
    assert_eq!(
        window
            .eval("return document.getElementById('run-image').value")
            .await,
        "porthole-test/busybox:1"
    );
    // Tab never leaves the dialog.
    for _ in 0..40 {
        window.press(TAB).await;
        assert_eq!(
            window
                .eval("return !!document.activeElement?.closest('#run-dialog')")
                .await,
            true,
            "focus stayed in the dialog"
        );
    }
    window.press(ESCAPE).await;
    window.goes("#run-dialog", 5).await;

    // A destructive confirmation puts the focus on Cancel, so Enter or Escape keeps the container.
    let row = format!("tr[data-name=\"{name}\"]");
    window.appears(&row, 10).await;
    window.click(&row).await;
    window.click("[data-action=remove]").await;
    window.appears("#confirm-dialog", 5).await;
    window
        .wait_for(
            "Cancel focused",
            "return document.activeElement?.id === 'confirm-cancel'",
            5,
        )
        .await;
    window.press(ESCAPE).await;
    window.goes("#confirm-dialog", 5).await;
    assert_eq!(
        docker(&["inspect", "--format", "{{.State.Status}}", &name]),
        "running"
    );
    assert!(window.focused().await != "confirm-cancel");
}
