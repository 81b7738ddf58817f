//! Learn mode through the real window: the activity console shows the requests of what the user just did, with
//! the docker command and a curl; every concept page lists the user's live objects of its kind and links to where
//! they are managed; a page's help button explains it and leads to its concept.

use porthole_e2e::{docker, sleeper, unique, Removed, VolumeRemoved, Window};

#[tokio::test(flavor = "multi_thread")]
async fn the_console_shows_each_request_with_its_command_and_curl() {
    let volume = unique("console-vol");
    let _volume = VolumeRemoved(volume.clone());
    let window = Window::launch().await;
    window.open("volumes").await;
    window.click("#toggle-activity").await;
    // What the app did before the console opened is there too.
    window
        .wait_for(
            "the list's request",
            "return [...document.querySelectorAll('.activity-row[data-id]')].some(r => r.innerText.includes('docker volume ls'))",
            10,
        )
        .await;

    window.type_into("volume-name", &volume).await;
    window.click("#volume-create").await;
    let row = format!(
        "[...document.querySelectorAll('.activity-row[data-id]')].find(r => r.querySelector('.activity-cli').textContent === 'docker volume create {volume}')"
    );
    window
        .wait_for("the create request, live", &format!("return !!{row}"), 10)
        .await;
    let text = window.eval(&format!("return {row}.innerText")).await;
    let text = text.as_str().unwrap();
    assert!(
        text.contains("POST") && text.contains("/volumes/create") && text.contains("201"),
        "{text}"
    );

    // Filtered down to it, opened: the curl repeats it over the engine's socket.
    window.type_into("activity-filter", "volume create").await;
    window
        .wait_for(
            "only matching rows",
            "const rows = [...document.querySelectorAll('.activity-row[data-id]')]; \
             return rows.length > 0 && rows.every(r => r.innerText.includes('volume create'))",
            5,
        )
        .await;
    window.eval(&format!("{row}.click(); return true")).await;
    window
        .wait_for(
            "the request's detail",
            "return !!document.getElementById('activity-response')?.textContent.startsWith('HTTP/1.1 201')",
            5,
        )
        .await;
    let curl = window
        .eval("return document.querySelector('.activity-curl-hint .cli-command').textContent")
        .await;
    let socket = porthole_e2e::test_engine()
        .trim_start_matches("unix://")
        .to_owned();
    assert!(
        curl.as_str()
            .unwrap()
            .starts_with(&format!("curl --unix-socket {socket} -X POST")),
        "{curl}"
    );
    let request = window
        .eval("return document.getElementById('activity-request').textContent")
        .await;
    assert!(
        request
            .as_str()
            .unwrap()
            .contains(&format!("\"Name\":\"{volume}\"")),
        "{request}"
    );
    window.click("#activity-dock").await;
    window
        .wait_for(
            "docked on the right",
            "return document.querySelector('.shell').dataset.console === 'right'",
            5,
        )
        .await;
    // With the console beside it the page is narrow: the table's columns keep a readable width (the table scrolls
    // sideways below its minimum, and Labels folds away first) instead of shrinking to a few pixels.
    let narrowest = window
        .eval(
            "return Math.min(...[...document.querySelectorAll('#volumes-table thead th')]\
             .filter(th => getComputedStyle(th).visibility !== 'hidden').map(th => th.getBoundingClientRect().width))",
        )
        .await;
    let columns = window
        .eval(
            "return [...document.querySelectorAll('#volumes-table thead th')]\
             .map(th => `${th.textContent}:${Math.round(th.getBoundingClientRect().width)}:${getComputedStyle(th).visibility}`).join(' ')",
        )
        .await;
    assert!(
        narrowest.as_f64().unwrap_or_default() >= 48.0,
        "narrowest column {narrowest}: {columns}"
    );
    window.screenshot("activity-console-right").await;
    assert_eq!(
        window
            .eval("return document.getElementById('activity-filter').value")
            .await,
        "volume create",
        "docking keeps the filter"
    );
    window.click("#activity-dock").await;
    window
        .wait_for(
            "docked below again, the request still open",
            "return document.querySelector('.shell').dataset.console === 'bottom' && !!document.getElementById('activity-detail')",
            5,
        )
        .await;
    window.screenshot("activity-console").await;

    window.click("#activity-clear").await;
    window
        .wait_for("the cleared console", &format!("return !{row}"), 5)
        .await;
    // The list's periodic CPU and memory samples are background polling: hidden unless asked for.
    let (_running, _guard) = sleeper("console-bg");
    window.type_into("activity-filter", "").await;
    window.open("containers").await;
    let sampled = "[...document.querySelectorAll('.activity-row[data-id] .activity-cli')].some(c => c.textContent.startsWith('docker stats --no-stream'))";
    window
        .eval("document.getElementById('activity-background').click(); return true")
        .await;
    window
        .wait_for(
            "the list's samples, shown",
            &format!("return {sampled}"),
            15,
        )
        .await;
    window
        .eval("document.getElementById('activity-background').click(); return true")
        .await;
    window
        .wait_for("the samples hidden again", &format!("return !{sampled}"), 5)
        .await;
    window.click("#activity-close").await;
    window.goes("#activity-console", 5).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn every_concept_page_lists_the_live_objects_of_its_kind() {
    let (sleeper, _guard) = sleeper("learn");
    let project = unique("learn-project");
    let member = unique("learn-member");
    let _member_guard = Removed(member.clone());
    docker(&[
        "run",
        "-d",
        "--name",
        &member,
        "--label",
        &format!("com.docker.compose.project={project}"),
        "porthole-test/busybox:1",
        "sleep",
        "600",
    ]);
    let volume = unique("learn-vol");
    let _volume = VolumeRemoved(volume.clone());
    docker(&["volume", "create", &volume]);

    let window = Window::launch().await;
    window.open("learn").await;
    let socket = porthole_e2e::test_engine()
        .trim_start_matches("unix://")
        .to_owned();
    let expectations = [
        ("engine", socket.as_str()),
        ("images", "porthole-test/busybox:1"),
        ("containers", sleeper.as_str()),
        ("dockerfile", "porthole-test/"),
        ("storage", volume.as_str()),
        ("registries", "You have 0 registry logins."),
        ("compose", project.as_str()),
    ];
    for (concept, live) in expectations {
        window
            .click(&format!(".concept-tab[data-concept={concept}]"))
            .await;
        window
            .wait_for(
                &format!("the {concept} page with {live}"),
                &format!(
                    "return !!document.getElementById('concept-{concept}') && \
                     document.querySelector('.live-objects[data-concept={concept}]')?.innerText.includes('{live}')"
                ),
                10,
            )
            .await;
        if concept == "images" {
            window.screenshot("learn-images").await;
        }
    }
    let example = window
        .eval("return document.getElementById('dockerfile-example')?.textContent ?? ''")
        .await;
    assert!(
        example.as_str().unwrap_or_default().is_empty(),
        "the example shows on the Dockerfile page only"
    );
    window.click(".concept-tab[data-concept=dockerfile]").await;
    window
        .wait_for(
            "the example on an image this engine has",
            "return document.getElementById('dockerfile-example')?.textContent.startsWith('FROM porthole-test/')",
            5,
        )
        .await;
    window.click(".concept-tab[data-concept=help]").await;
    window
        .wait_for(
            "the help page",
            "return document.getElementById('concept-help')?.innerText.includes('docker help pull')",
            5,
        )
        .await;

    // A live object leads to where it is managed.
    window.click(".concept-tab[data-concept=storage]").await;
    window
        .wait_for(
            "the storage page",
            "return !!document.querySelector('.live-object')",
            5,
        )
        .await;
    window
        .eval(&format!(
            "[...document.querySelectorAll('.live-object')].find(b => b.textContent === '{volume}').click(); return true"
        ))
        .await;
    window
        .wait_for(
            "the volumes page",
            "return !!document.querySelector('[data-page=volumes]')",
            5,
        )
        .await;

    // Each page's help button: the concept and its commands, then the Learn page on it.
    window.open("images").await;
    window.click("#help-button").await;
    window
        .wait_for(
            "the help panel",
            "return document.getElementById('help-panel')?.innerText.includes('docker pull')",
            5,
        )
        .await;
    window.screenshot("help-panel").await;
    window.click("#help-learn-more").await;
    window
        .wait_for(
            "the images concept",
            "return !!document.getElementById('concept-images')",
            5,
        )
        .await;
}
