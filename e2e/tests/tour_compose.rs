//! The guided tour's second chapter, taken through the real window with the real Compose tool: the file the tour
//! writes is opened on the Compose page, brought up, the client reaches the web service by name (its health check),
//! and the project is taken down keeping its volume, then with it — each step ticking itself off from the engine.

use porthole_e2e::{docker, Window};

const PROJECT: &str = "porthole-tour";
const VOLUME: &str = "porthole-tour_data";

/// Removes whatever the chapter left on the engine, also when the test fails half-way.
struct Leftovers;

impl Drop for Leftovers {
    fn drop(&mut self) {
        let engine = porthole_e2e::test_engine();
        let run = |args: &[&str]| {
            std::process::Command::new("docker")
                .args(args)
                .env("DOCKER_HOST", &engine)
                .output()
                .map(|o| String::from_utf8_lossy(&o.stdout).into_owned())
                .unwrap_or_default()
        };
        let label = format!("label=com.docker.compose.project={PROJECT}");
        for id in run(&["ps", "-aq", "--filter", &label]).lines() {
            run(&["rm", "-f", id]);
        }
        run(&["volume", "rm", VOLUME]);
        run(&["network", "rm", &format!("{PROJECT}_default")]);
    }
}

/// Opens the tour's file again on the Compose page (from its recent files) and runs `action` on it.
async fn on_project(window: &Window, file: &str, action: &str) {
    window.open("compose").await;
    window.click(&format!("[data-recent=\"{file}\"]")).await;
    window
        .appears("#compose-services tr[data-service=client]", 15)
        .await;
    window.click(&format!("#compose-{action}")).await;
}

async fn finished(window: &Window, action: &str) {
    window
        .wait_for(
            &format!("compose {action} to finish"),
            &format!("return document.getElementById('compose-command')?.textContent.includes(' {action}') && !!document.getElementById('compose-done')"),
            90,
        )
        .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_compose_chapter_ticks_itself_off_from_the_engine() {
    // Whatever an earlier, failed run left goes first; the guard clears up after this one.
    drop(Leftovers);
    let _leftovers = Leftovers;
    let open = std::env::var("PORTHOLE_TEST_OPEN_REGISTRY").expect("the rig's open registry");
    let (registry, _, _) = porthole_e2e::auth_registry();
    // The tour's source was chosen earlier (the first chapter's first step); the second chapter may come any time.
    let window = Window::launch_with(|home| {
        let file = Window::settings_file(home);
        std::fs::create_dir_all(file.parent().unwrap()).unwrap();
        let settings = serde_json::json!({"settings": {"tour": {"source": {
            "image": format!("{open}/porthole/web"), "tag": "1.0",
            "registry": registry, "repository": "porthole/web"}}}});
        std::fs::write(&file, settings.to_string()).unwrap();
    })
    .await;
    window.open("tour").await;
    window
        .wait_for(
            "the chapter's first step",
            "return document.querySelector('[data-step=compose-up]')?.dataset.state === 'current' \
             && document.getElementById('tour-compose-file')?.textContent.includes('http://web/')",
            10,
        )
        .await;
    let cli = window
        .eval("return document.querySelector('[data-step=compose-up] .tour-cli').textContent")
        .await;
    assert!(cli.as_str().unwrap_or_default().contains("up -d"), "{cli}");
    window
        .eval("document.getElementById('tour-compose').scrollIntoView(); return true")
        .await;
    window.screenshot("tour-compose").await;

    // Written for the learner and opened on the Compose page, as the tool reads it.
    window.click("#tour-write-compose").await;
    window
        .appears("#compose-services tr[data-service=client]", 20)
        .await;
    let file = window
        .eval("return document.getElementById('compose-path').value")
        .await;
    let file = file.as_str().unwrap_or_default().to_owned();
    assert!(
        file.ends_with(&format!("/{PROJECT}/compose.yaml")),
        "{file}"
    );
    window.click("#compose-up").await;
    finished(&window, "up").await;
    window.tour_step_done("compose-up", 20).await;
    // The client's health check fetches http://web/ — the service's name, answered by the project's network.
    window.tour_step_done("compose-by-name", 45).await;
    let health = docker(&[
        "inspect",
        "--format",
        "{{.State.Health.Status}}",
        &format!("{PROJECT}_client_1"),
    ]);
    assert_eq!(health.trim(), "healthy");

    // Down keeps the volume; down -v removes it.
    on_project(&window, &file, "down").await;
    window.appears("#compose-down-dialog", 5).await;
    window.click("#compose-down-ok").await;
    finished(&window, "down").await;
    window.tour_step_done("compose-down", 20).await;
    assert!(docker(&["volume", "ls", "--format", "{{.Name}}"])
        .lines()
        .any(|v| v == VOLUME));
    on_project(&window, &file, "up").await;
    finished(&window, "up").await;
    window.click("#compose-down").await;
    window.appears("#compose-down-dialog", 5).await;
    window.click("#compose-down-volumes").await;
    window.click("#compose-down-ok").await;
    finished(&window, "down -v").await;
    window.tour_step_done("compose-down-volumes", 20).await;
    assert!(!docker(&["volume", "ls", "--format", "{{.Name}}"])
        .lines()
        .any(|v| v == VOLUME));
    window
        .wait_for(
            "the chapter done",
            "return document.getElementById('tour-compose')?.innerText.includes('4 of 4 done')",
            5,
        )
        .await;
}
