//! The window as a user meets it at the default size (1240×780) and at the minimum (880×560), in the light and the
//! dark theme, with realistic names: the tables keep their identifying columns readable and give every cut value
//! its full text on hover (the engines table's headers too), the toolbars fit inside the window, and the volumes
//! list is not pushed off screen. Each size and theme leaves screenshots (`layout-<page>-<width>-<theme>.png`) to be
//! looked at.

use porthole_e2e::{docker, sleeper, unique, Removed, VolumeRemoved, Window};

/// The narrowest a data cell may be: about six characters, enough to tell values apart with the hover text.
const MIN_CELL: f64 = 48.0;

/// Every visible cell of `table` narrower than `MIN_CELL` (the checkbox column excepted), as "column: width".
const NARROW_CELLS: &str = "
    const [table, min] = arguments;
    const narrow = [];
    for (const cell of document.querySelectorAll(`${table} th, ${table} tbody tr:not(.spacer) td`)) {
        if (cell.classList.contains('check-cell') || cell.offsetParent === null) continue;
        if (getComputedStyle(cell).visibility === 'hidden') continue;
        const width = cell.getBoundingClientRect().width;
        if (width < min) narrow.push(`${cell.cellIndex}: ${Math.round(width)}`);
    }
    return narrow.join(', ');";

/// Every value in `root` that is cut (wider than its box) and carries no full text on hover.
const CUT_WITHOUT_TITLE: &str = "
    const root = arguments[0];
    const cut = [];
    for (const el of document.querySelectorAll(`${root} td, ${root} td *`)) {
        if (el.offsetParent === null || getComputedStyle(el).visibility === 'hidden') continue;
        if (el.scrollWidth <= el.clientWidth + 1) continue;
        // The hover text may sit on the cell, around it, or on the element that holds the text (a <time>).
        if (el.closest('[title]')?.title || el.querySelector('[title]')?.title) continue;
        cut.push(`${el.tagName.toLowerCase()}.${el.className}: ${el.textContent.trim().slice(0, 40)}`);
    }
    return cut.join(' | ');";

/// Every button or select of the elements matching `selector` that ends outside the window.
const OUTSIDE: &str = "
    const width = document.documentElement.clientWidth;
    const out = [];
    for (const el of document.querySelectorAll(`${arguments[0]} button, ${arguments[0]} select`)) {
        if (el.offsetParent === null) continue;
        const r = el.getBoundingClientRect();
        if (r.right > width + 0.5 || r.left < 0) out.push(el.textContent.trim() || el.id);
    }
    return out.join(', ');";

async fn script(window: &Window, script: &str, args: &[serde_json::Value]) -> String {
    let value = window
        .client
        .execute(script, args.to_vec())
        .await
        .unwrap_or_else(|e| panic!("script failed: {e}"));
    value.as_str().unwrap_or_default().to_owned()
}

async fn set_theme(window: &Window, theme: &str) {
    window.open("settings").await;
    window
        .eval(&format!(
            "document.querySelector('input[name=theme][value={theme}]').click(); return true"
        ))
        .await;
    let dark = theme == "Dark";
    window
        .wait_for(
            &format!("the {theme} theme"),
            &format!("return (document.documentElement.dataset.theme === 'dark') === {dark}"),
            5,
        )
        .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn tables_and_toolbars_fit_at_the_default_and_the_minimum_size_in_both_themes() {
    let frontend = unique("customer-portal-frontend-staging");
    let worker = unique("customer-portal-billing-worker");
    let loose = unique("scratchpad");
    let volume = unique("customer-portal-postgres-data");
    let _volume = VolumeRemoved(volume.clone());
    let _cleanup = [&frontend, &worker, &loose].map(|n| Removed(n.to_string()));
    let project = "customer-portal";
    docker(&[
        "run",
        "-d",
        "--name",
        &frontend,
        "--label",
        &format!("com.docker.compose.project={project}"),
        "--label",
        "com.docker.compose.service=frontend",
        "-p",
        "127.0.0.1::80",
        "porthole-test/web:1",
    ]);
    // Killed by SIGKILL: the status a user must be able to read is "Exited (137)".
    docker(&[
        "create",
        "--name",
        &worker,
        "--label",
        &format!("com.docker.compose.project={project}"),
        "porthole-test/busybox:1",
        "sh",
        "-c",
        "exit 137",
    ]);
    docker(&["start", &worker]);
    docker(&[
        "run",
        "-d",
        "--name",
        &loose,
        "porthole-test/busybox:1",
        "sleep",
        "600",
    ]);
    docker(&["volume", "create", &volume]);

    let window = Window::launch().await;
    window.open("containers").await;
    window.click("#show-all").await;
    window
        .appears(&format!("tr[data-name=\"{worker}\"]"), 10)
        .await;

    let mut problems = Vec::new();
    for (width, height) in [(1240, 780), (880, 560)] {
        window.resize(width, height).await;
        for theme in ["Light", "Dark"] {
            set_theme(&window, theme).await;
            let shot = |page: &str| format!("layout-{page}-{width}-{}", theme.to_lowercase());

            window.open("containers").await;
            window
                .eval(&format!(
                    "document.querySelector('tr[data-name=\"{frontend}\"]').click(); return true"
                ))
                .await;
            window.screenshot(&shot("containers")).await;
            for (what, table) in [("containers", "#containers-table")] {
                let narrow = script(&window, NARROW_CELLS, &[table.into(), MIN_CELL.into()]).await;
                if !narrow.is_empty() {
                    problems.push(format!("{width} {theme} {what}: narrow cells {narrow}"));
                }
                let cut = script(&window, CUT_WITHOUT_TITLE, &[table.into()]).await;
                if !cut.is_empty() {
                    problems.push(format!(
                        "{width} {theme} {what}: cut without hover text: {cut}"
                    ));
                }
            }
            // The whole table fits: no sideways scrolling at either size, and the status bar inside the window.
            let fits = window
                .eval(
                    "const s = document.querySelector('[data-page=containers] .table-scroll'); \
                     const bar = document.querySelector('.status-bar').getBoundingClientRect(); \
                     return [s.scrollWidth - s.clientWidth, Math.round(bar.bottom - window.innerHeight)]",
                )
                .await;
            if fits != serde_json::json!([0, 0]) {
                problems.push(format!(
                    "{width} {theme} containers: overflow sideways, status bar below: {fits}"
                ));
            }
            let out = script(
                &window,
                OUTSIDE,
                &["[data-page=containers] .toolbar".into()],
            )
            .await;
            if !out.is_empty() {
                problems.push(format!(
                    "{width} {theme} containers toolbar: outside the window: {out}"
                ));
            }

            window.open("images").await;
            window.screenshot(&shot("images")).await;
            let narrow = script(
                &window,
                NARROW_CELLS,
                &["#images-table".into(), MIN_CELL.into()],
            )
            .await;
            if !narrow.is_empty() {
                problems.push(format!("{width} {theme} images: narrow cells {narrow}"));
            }
            let cut = script(&window, CUT_WITHOUT_TITLE, &["#images-table".into()]).await;
            if !cut.is_empty() {
                problems.push(format!(
                    "{width} {theme} images: cut without hover text: {cut}"
                ));
            }

            window.open("volumes").await;
            window
                .appears(&format!("[data-volume=\"{volume}\"]"), 10)
                .await;
            window.screenshot(&shot("volumes")).await;
            let cut = script(&window, CUT_WITHOUT_TITLE, &["#volumes-table".into()]).await;
            if !cut.is_empty() {
                problems.push(format!(
                    "{width} {theme} volumes: cut without hover text: {cut}"
                ));
            }
            let table_top = window
                .eval("return document.querySelector('#volumes-table').getBoundingClientRect().top / window.innerHeight")
                .await;
            if table_top.as_f64().unwrap_or(1.0) > 0.6 {
                problems.push(format!(
                    "{width} {theme} volumes: the list starts at {table_top} of the window height"
                ));
            }

            window.open("engine").await;
            window.appears("#engines-table tbody tr", 10).await;
            window.screenshot(&shot("engine")).await;
            let cut = script(&window, CUT_WITHOUT_TITLE, &["#engines-table".into()]).await;
            let header_cut = window
                .eval("return [...document.querySelectorAll('#engines-table th')].filter(th => th.scrollWidth > th.clientWidth + 1).map(th => th.textContent).join(', ')")
                .await;
            if !cut.is_empty() || header_cut != "" {
                problems.push(format!("{width} {theme} engine: cut: {cut} {header_cut}"));
            }

            window.open("containers").await;
            window
                .eval(&format!(
                    "document.querySelector('tr[data-name=\"{frontend}\"]').click(); return true"
                ))
                .await;
            window.click("#container-open").await;
            window.appears(".container-page", 10).await;
            window.screenshot(&shot("container")).await;
            let out = script(&window, OUTSIDE, &[".container-page".into()]).await;
            if !out.is_empty() {
                problems.push(format!(
                    "{width} {theme} container page: outside the window: {out}"
                ));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The width of the Name column's header.
async fn width(window: &Window) -> f64 {
    let script = "return document.querySelector('#containers-table th:nth-child(2)').offsetWidth";
    window.eval(script).await.as_f64().unwrap_or_default()
}

/// The selected container's title of `[data-action=action]`: its command as it will run.
async fn command_of(window: &Window, action: &str) -> String {
    let value = window
        .eval(&format!(
            "return document.querySelector('[data-action={action}]').title + ' | ' + \
             document.querySelector('[data-action={action}]').textContent"
        ))
        .await;
    value.as_str().unwrap_or_default().to_owned()
}

#[tokio::test(flavor = "multi_thread")]
async fn split_buttons_the_more_menu_and_a_dragged_column_width_that_is_remembered() {
    use fantoccini::actions::{InputSource, MouseActions, PointerAction, MOUSE_BUTTON_LEFT};
    use fantoccini::Locator;
    use std::time::Duration;
    let (name, _cleanup) = sleeper("customer-portal-api");

    let window = Window::launch().await;
    window.open("containers").await;
    let row = format!("tr[data-name=\"{name}\"]");
    window.appears(&row, 10).await;
    window.click(&row).await;

    // Stop's wait and Kill's signal are chosen in their split buttons; the face and the command follow.
    assert_eq!(
        command_of(&window, "stop").await,
        format!("docker stop {name} | Stop")
    );
    window.click("#stop-options").await;
    window.appears("[role=menu] [data-wait=\"30\"]", 5).await;
    window.click("[role=menu] [data-wait=\"30\"]").await;
    window.goes("[role=menu]", 5).await;
    assert_eq!(
        command_of(&window, "stop").await,
        format!("docker stop -t 30 {name} | Stop · 30 s")
    );
    window.click("#kill-options").await;
    window.appears("[role=menu] [data-signal=SIGHUP]", 5).await;
    let focused = window
        .eval("return document.activeElement.dataset.signal ?? document.activeElement.id")
        .await;
    assert_eq!(focused, "SIGKILL", "the first item has the focus");
    window.screenshot("kill-signals").await;
    window.click("[role=menu] [data-signal=SIGHUP]").await;
    let kill = command_of(&window, "kill").await;
    assert!(
        kill.contains("-s SIGHUP") && kill.ends_with("Kill · SIGHUP"),
        "{kill}"
    );

    // At the minimum size Pause, Resume and Rename move into "More"; Escape closes it and gives the focus back.
    window.resize(880, 560).await;
    let placed = window
        .eval(
            "return [document.querySelector('[data-action=pause]').offsetParent === null, \
                     document.querySelector('#container-more').offsetParent !== null]",
        )
        .await;
    assert_eq!(
        placed,
        serde_json::json!([true, true]),
        "pause hidden, More shown"
    );
    window.click("#container-more").await;
    window
        .appears("[role=menu] [data-menu-action=rename]", 5)
        .await;
    window.press("\u{E00C}").await;
    window.goes("[role=menu]", 5).await;
    assert_eq!(window.focused().await, "container-more");
    window.click("#container-more").await;
    window.click("[role=menu] [data-menu-action=rename]").await;
    window.appears("#rename-dialog", 5).await;
    window.click("#rename-cancel").await;
    window.goes("#rename-dialog", 5).await;
    window.screenshot("container-actions-880").await;

    // A column dragged wider keeps its width, also after the app starts again.
    window.resize(1240, 780).await;
    let before = width(&window).await;
    let grip = window
        .client
        .find(Locator::Css("[data-column=\"containers.name\"]"))
        .await
        .expect("the name column's grip");
    let drag = MouseActions::new("mouse".into())
        .then(PointerAction::MoveToElement {
            element: grip,
            duration: None,
            x: 0.0,
            y: 0.0,
        })
        .then(PointerAction::Down {
            button: MOUSE_BUTTON_LEFT,
        })
        .then(PointerAction::MoveBy {
            duration: Some(Duration::from_millis(250)),
            x: 90.0,
            y: 0.0,
        })
        .then(PointerAction::Up {
            button: MOUSE_BUTTON_LEFT,
        });
    window.client.perform_actions(drag).await.expect("the drag");
    let after = width(&window).await;
    assert!(
        (after - before - 90.0).abs() <= 3.0,
        "dragged from {before} to {after}"
    );
    let sort = window
        .eval("return document.querySelector('#containers-table th:nth-child(2)').getAttribute('aria-sort')")
        .await;
    assert_eq!(sort, "none", "the drag did not sort by name");
    let home = window.close().await;

    let again = Window::launch_at(home).await;
    again.open("containers").await;
    let remembered = width(&again).await;
    assert!(
        (remembered - after).abs() <= 3.0,
        "remembered {remembered}, dragged to {after}"
    );
    // A double click gives the column its usual width back.
    again
        .eval("document.querySelector('[data-column=\"containers.name\"]').dispatchEvent(new MouseEvent('dblclick', {bubbles: true})); return true")
        .await;
    again
        .wait_for(
            "the usual width",
            &format!("return Math.abs(document.querySelector('#containers-table th:nth-child(2)').offsetWidth - {before}) <= 3"),
            5,
        )
        .await;
}
