//! The guided walk-through, completed through the real window against the test engine and the rig's registries,
//! as a user would: every step is done with Porthole's own pages, and each ticks itself off from the engine's state.

use porthole_e2e::{docker, Window};

const STUBBORN: &str = "porthole-tour-stubborn";

fn forget(references: &[&str]) {
    for reference in references {
        let _ = std::process::Command::new("docker")
            .args(["rmi", "-f", reference])
            .env("DOCKER_HOST", porthole_e2e::test_engine())
            .output();
    }
}

/// Selects the container row `name` and presses the toolbar's `action`.
async fn on_row(window: &Window, name: &str, action: &str) {
    let row = format!("tr[data-name=\"{name}\"]");
    window
        .wait_for(
            &format!("the row {name}"),
            &format!("return !!document.querySelector('{row}')"),
            10,
        )
        .await;
    window.click(&row).await;
    window.click(&format!("[data-action={action}]")).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_whole_walk_through_ticks_itself_off_from_the_engine() {
    let open = std::env::var("PORTHOLE_TEST_OPEN_REGISTRY").expect("the rig's open registry");
    let (registry, user, password) = porthole_e2e::auth_registry();
    let image = format!("{open}/porthole/web");
    let latest = format!("{image}:latest");
    let tagged = format!("{image}:1.0");
    let private = format!("{registry}/porthole/web:latest");
    let web = porthole_e2e::unique("tour-web");
    let _guards = (
        porthole_e2e::Removed(web.clone()),
        porthole_e2e::Removed(STUBBORN.into()),
    );
    let _ = std::process::Command::new("docker")
        .args(["rm", "-f", STUBBORN])
        .env("DOCKER_HOST", porthole_e2e::test_engine())
        .output();
    forget(&[&latest, &tagged, &private]);

    let window = Window::launch().await;
    window.record_ipc().await;
    window.open("tour").await;
    // Docker Hub is out of reach here: asked the way a pull asks, the tour warns and offers a registry of one's own,
    // but leaves Docker Hub choosable (the learner may know it answers), and speaks of no test setup.
    window
        .wait_for(
            "the Docker Hub check",
            "return document.getElementById('tour-source')?.innerText.includes('could not find nginx on Docker Hub') \
             && document.getElementById('tour-source-local').checked \
             && !document.getElementById('tour-source-hub').disabled",
            20,
        )
        .await;
    let said = window
        .eval("return document.getElementById('tour-source').innerText")
        .await;
    let said = said.as_str().unwrap_or_default();
    assert!(
        !said.contains("test rig") && !said.contains("as in the notes"),
        "no wording about the project's own setup: {said}"
    );
    let asked = window.calls_of("image_pullable").await;
    assert!(asked > 0, "reachability asked as a pull would");
    window.type_into("tour-pull-registry", &open).await;
    window.type_into("tour-repository", "porthole/web").await;
    window.type_into("tour-tag", "1.0").await;
    window.type_into("tour-login-registry", &registry).await;
    window.screenshot("tour-source").await;
    window.click("#tour-start").await;
    window
        .wait_for(
            "the first step",
            "return document.querySelector('[data-step=pull]')?.dataset.state === 'current'",
            5,
        )
        .await;
    let cli = window
        .eval("return document.querySelector('[data-step=pull] .tour-cli').textContent")
        .await;
    assert_eq!(cli.as_str().unwrap(), format!("$ docker pull {image}"));

    // 1, 2: pull, then pull a specific tag.
    window.pull(&image).await;
    window.tour_step_done("pull", 10).await;
    window.pull(&tagged).await;
    window.tour_step_done("pull-tag", 10).await;

    // 3: the login the step offers, then a pull from that registry.
    window.click("#tour-login").await;
    window.log_in(&user, &password).await;
    window.logged_in(&registry).await;
    window.pull(&format!("{registry}/porthole/web")).await;
    window.tour_step_done("pull-from-registry", 10).await;
    window.screenshot("tour").await;

    // 4: run it with a published port.
    window.open("containers").await;
    window.click("#run-open").await;
    window.type_into("run-image", &image).await;
    window.type_into("run-name", &web).await;
    window.click("#run-add-port").await;
    window.type_into("port-host-ip-0", "127.0.0.1").await;
    window.type_into("port-container-0", "80").await;
    window.click("#run-start").await;
    window
        .wait_for(
            "the container's page",
            &format!("return document.getElementById('container-name')?.textContent === '{web}'"),
            30,
        )
        .await;
    window.tour_step_done("run", 10).await;

    // 5: the step lists the published port; opening it is what a user does.
    window
        .wait_for(
            "the port in the step",
            "return !!document.querySelector('.tour-port')",
            10,
        )
        .await;
    let url = window
        .eval("return document.querySelector('.tour-port').dataset.url")
        .await;
    let url = url.as_str().unwrap().to_owned();
    assert!(
        porthole_e2e::http_get(&url).contains("Hello from a Porthole test container"),
        "{url}"
    );
    window.click(".tour-port").await;
    window.tour_step_done("open-in-browser", 5).await;

    // 6: stop it.
    window.open("containers").await;
    on_row(&window, &web, "stop").await;
    window.tour_step_done("stop", 20).await;

    // 7: the container that ignores SIGTERM: Stop, then the Kill now Porthole offers.
    window.click("#tour-start-stubborn").await;
    window.open("containers").await;
    on_row(&window, STUBBORN, "stop").await;
    window
        .wait_for(
            "the kill advice",
            "return !!document.getElementById('slow-stop')",
            8,
        )
        .await;
    window.click("#kill-now").await;
    window.tour_step_done("kill", 10).await;
    assert!(docker(&["inspect", "--format", "{{.State.ExitCode}}", STUBBORN]) == "137");

    // 8: running containers only, then all of them.
    window.open("containers").await;
    window.click("#show-all").await;
    window.tour_step_done("list-all", 5).await;

    // 9: remove the stopped web container.
    window.open("containers").await;
    on_row(&window, &web, "remove").await;
    window.click("#confirm-ok").await;
    window.tour_step_done("remove-container", 10).await;

    // 10: removing the image while the stubborn container still uses it is refused, with the reason.
    window.open("images").await;
    // The stubborn container runs the specific tag, an image of its own: removing it is refused.
    let row = format!("#images-table tr[data-repository=\"{image}\"][data-tag=\"1.0\"]");
    window.click(&row).await;
    window.click("[data-action=remove-image]").await;
    window.click("#confirm-ok").await;
    let banner = window.refusal().await;
    assert!(banner.contains("docker rm"), "the fix is named: {banner}");
    window.tour_step_done("meet-in-use", 5).await;
    window
        .wait_for(
            "the explanation in the tour",
            "return !!document.querySelector('[data-step=meet-in-use] .tour-explain')",
            5,
        )
        .await;

    // 11: remove the container that used it, then the image.
    window.open("containers").await;
    on_row(&window, STUBBORN, "remove").await;
    window.click("#confirm-ok").await;
    window
        .wait_for(
            "the stubborn container to go",
            &format!("return !document.querySelector('tr[data-name=\"{STUBBORN}\"]')"),
            10,
        )
        .await;
    window.open("images").await;
    window.click(&row).await;
    window.click("[data-action=remove-image]").await;
    window.click("#confirm-ok").await;
    window.tour_step_done("remove-image", 15).await;
    window
        .wait_for(
            "the tour complete",
            "return document.getElementById('tour-progress').textContent.startsWith('11 of 11')",
            5,
        )
        .await;
    window.screenshot("tour-complete").await;

    // The progress is kept in the settings store.
    let home = window.close().await;
    let settings = std::fs::read_to_string(Window::settings_file(&home)).unwrap();
    assert!(
        settings.contains("\"remove_image\"") && settings.contains("porthole/web"),
        "{settings}"
    );
    assert!(
        docker(&["image", "ls", "-q", &tagged]).is_empty(),
        "the tagged image is gone"
    );
    forget(&[&latest, &private]);
}
