//! A compose project's merged logs through the window: 3,000 lines with under 100 in the page, the first kept line
//! reached by scrolling, a search down to one; and the logs of a project known only by its labels (no file), which
//! follow its container through a restart.

use porthole_e2e::compose::ComposeProject;
use porthole_e2e::{docker, unique, Window};

/// A project whose one service writes 3,000 lines at once (the merged logs start with each service's last 1,000).
const CHATTY: &str = r#"services:
  chatty:
    image: porthole-test/busybox:1
    command: sh -c 'seq 1 3000; sleep 600'
"#;

#[tokio::test(flavor = "multi_thread")]
async fn merged_logs_keep_every_line_reachable_with_only_those_in_view_in_the_page() {
    let project = ComposeProject::written("chatty", CHATTY);
    let name = project.name.clone();
    project.run(&["up", "-d"]);

    let window = Window::launch().await;
    window.open_compose_file(&project.file(), &name).await;
    window.click("#compose-logs-toggle").await;
    window
        .wait_for(
            "the last 1,000 lines (logs --tail 1000)",
            "const m = document.querySelector('#merged-logs .hint')?.textContent.match(/^(\\d+) of (\\d+) lines kept match$/); \
             return !!m && +m[1] >= 1000 && m[1] === m[2]",
            30,
        )
        .await;
    // Following the end: the last line is shown, and only a screenful (with a margin) is in the page.
    window.appears("#merged-logs .log-line .log-text", 5).await;
    let shown = window
        .eval("return [...document.querySelectorAll('#merged-logs .log-line .log-text')].map(l => l.textContent)")
        .await;
    let shown: Vec<String> = serde_json::from_value(shown).unwrap_or_default();
    assert!(shown.len() < 100, "{} lines in the page", shown.len());
    assert!(shown.iter().any(|l| l.trim() == "3000"), "{shown:?}");
    // Scrolled to the top, the first line kept is there.
    window
        .eval("const v = document.querySelector('.compose-log-lines'); v.scrollTop = 0; v.dispatchEvent(new Event('scroll')); return true")
        .await;
    window
        .wait_for(
            "the first line kept",
            "return [...document.querySelectorAll('#merged-logs .log-text')].some(l => l.textContent.trim() === '2001')",
            5,
        )
        .await;
    // A search narrows to the lines that match.
    window.type_into("merged-logs-search", "2999").await;
    window
        .wait_for(
            "the one match",
            "return document.querySelector('#merged-logs .hint')?.textContent.startsWith('1 of ') \
             && document.querySelectorAll('#merged-logs .log-line').length === 1",
            5,
        )
        .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_project_known_only_by_its_labels_has_its_logs_through_a_restart() {
    // Labels only, as a file opened elsewhere leaves them: the page knows no file to open.
    let project = unique("elsewhere").replace('-', "");
    let solo = unique("compose-solo");
    let _removed = porthole_e2e::Removed(solo.clone());
    docker(&[
        "run",
        "-d",
        "--name",
        &solo,
        "--label",
        &format!("com.docker.compose.project={project}"),
        "--label",
        "com.docker.compose.service=solo",
        "porthole-test/busybox:1",
        "sh",
        "-c",
        "echo solo says hi; sleep 600",
    ]);
    let window = Window::launch().await;
    window.open("compose").await;
    window
        .wait_for(
            "the tool found",
            "return document.getElementById('compose-tool')?.textContent.includes('docker-compose')",
            20,
        )
        .await;
    let row = format!("#compose-projects tr[data-project={project}]");
    window.appears(&row, 15).await;
    assert_eq!(
        window
            .eval(&format!(
                "return document.querySelectorAll('{row} [data-action=open-project]').length"
            ))
            .await,
        0,
        "no file to open"
    );
    window
        .click(&format!("{row} [data-action=project-logs]"))
        .await;
    let greetings = "return [...document.querySelectorAll('#merged-logs .log-line[data-service=solo] .log-text')]\
                     .filter(l => l.textContent === 'solo says hi').length";
    window
        .wait_for("the solo service's line", &format!("{greetings} === 1"), 20)
        .await;
    assert_eq!(
        window
            .eval("return document.getElementById('merged-logs-cli')?.textContent")
            .await
            .as_str(),
        Some(format!("docker-compose -p {project} logs -f --tail 1000").as_str())
    );
    window.screenshot("compose-logs-by-label").await;
    // Restarted, the container is followed again: its new run's line comes, the first is not repeated.
    docker(&["restart", "-t", "0", &solo]);
    window
        .wait_for("the second run's line", &format!("{greetings} === 2"), 20)
        .await;
    assert_eq!(window.eval(&format!("{greetings} === 2")).await, true);
    window
        .click(&format!("{row} [data-action=project-logs]"))
        .await;
    window.goes("#merged-logs", 5).await;
}
