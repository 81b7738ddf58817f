//! The images-and-registries journey through the window: log in to the rig's password-protected registry (a wrong
//! password first), pull an image from it with the pull box, look at its details, tag and push it back, meet the
//! in-use refusal on removal, then remove container and image together.

use porthole_e2e::{build_own_image, docker, unique, Removed, Window};
use std::process::Command;

/// The docker CLI with a config folder of its own.
fn docker_with(config: &std::path::Path, args: &[&str], stdin: &str) -> std::process::Output {
    use std::io::Write;
    let mut child = Command::new("docker")
        .arg("--config")
        .arg(config)
        .args(args)
        .env("DOCKER_HOST", porthole_e2e::test_engine())
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn log_in_pull_inspect_push_and_remove_through_the_window() {
    let (registry, user, password) = porthole_e2e::auth_registry();
    // Seed the private registry from a terminal with its own login.
    let seed_config = std::env::temp_dir().join(unique("seed-config"));
    std::fs::create_dir_all(&seed_config).unwrap();
    let login = docker_with(
        &seed_config,
        &["login", "-u", &user, "--password-stdin", &registry],
        &password,
    );
    assert!(
        login.status.success(),
        "{}",
        String::from_utf8_lossy(&login.stderr)
    );
    let name = unique("private");
    let reference = format!("{registry}/porthole/{name}:1");
    build_own_image(&reference);
    let pushed = docker_with(&seed_config, &["push", &reference], "");
    assert!(
        pushed.status.success(),
        "{}",
        String::from_utf8_lossy(&pushed.stderr)
    );
    docker(&["rmi", &reference]);

    let window = Window::launch().await;
    window.open("registries").await;
    window.type_into("registry-address", "bad host!").await;
    window
        .wait_for(
            "the inline refusal",
            "return !!document.getElementById('registry-invalid')",
            5,
        )
        .await;
    window.type_into("registry-address", &registry).await;
    window.click("#registry-add").await;
    window.log_in(&user, "not-the-password").await;
    window
        .wait_for(
            "the refusal",
            "return !!document.getElementById('login-failed')",
            15,
        )
        .await;
    let refusal = window
        .eval("return document.getElementById('login-failed').innerText")
        .await;
    assert!(
        refusal.as_str().unwrap().contains("did not accept"),
        "{refusal}"
    );
    window.type_into("login-password", &password).await;
    window.click("#login-submit").await;
    let card = format!("[data-registry=\"{registry}\"]");
    window.logged_in(&registry).await;
    let status = window
        .eval(&format!(
            "return document.querySelector('{card} [data-status]').innerText"
        ))
        .await;
    assert!(
        status
            .as_str()
            .unwrap()
            .contains(&format!("Logged in as {user}")),
        "{status}"
    );
    let page = window.eval("return document.body.innerText").await;
    assert!(
        !page.as_str().unwrap().contains(&password),
        "the password is never shown"
    );
    // Browse it: the seeded repository is listed with its tag; the catalog needed the login, so it is private.
    window.click(&format!("{card} [data-action=browse]")).await;
    let repository_item = format!("#registry-browser li[data-repository=\"porthole/{name}\"]");
    window
        .wait_for(
            "the catalog",
            &format!("return !!document.querySelector('{repository_item}')"),
            10,
        )
        .await;
    let summary = window
        .eval("return document.querySelector('#registry-browser .hint').innerText")
        .await;
    assert!(summary.as_str().unwrap().contains("private"), "{summary}");
    window
        .click(&format!("{repository_item} button.link"))
        .await;
    window
        .wait_for(
            "the tags",
            &format!("return !!document.querySelector('{repository_item} [data-tag=\"1\"]')"),
            10,
        )
        .await;
    // Docker Hub search: this machine is offline, and the page says so rather than showing nothing.
    window
        .click("[data-registry=\"docker.io\"] [data-action=browse]")
        .await;
    window.type_into("hub-search", "nginx").await;
    window.click("#hub-search-go").await;
    window
        .wait_for(
            "the search outcome",
            "return !!document.getElementById('hub-offline') || !!document.getElementById('hub-results')",
            30,
        )
        .await;
    window.screenshot("registries").await;
    // Stored where the docker CLI looks: a terminal using the same config pulls with the app's login.
    let app_config = window.home.join("docker-config");
    let stored = std::fs::read_to_string(app_config.join("config.json")).unwrap();
    assert!(
        stored.contains(&registry) && !stored.contains(&password),
        "{stored}"
    );

    window.open("images").await;
    window.type_into("pull-reference", &reference).await;
    // Watch the progress as a user would see it: note every layer row the page shows while the pull runs and
    // when it is done (a local pull of a few MB can finish between two progress updates).
    window
        .eval(
            "window.seenLayers = new Set(); new MutationObserver(() => document.querySelectorAll('#pull-progress \
             [data-layer]').forEach(l => window.seenLayers.add(l.dataset.layer + ' ' + l.dataset.state)))\
             .observe(document.body, {childList: true, subtree: true, attributes: true}); return true",
        )
        .await;
    window.click("#pull-start").await;
    window
        .wait_for(
            "the pull to finish",
            "return !!document.getElementById('pull-done')",
            30,
        )
        .await;
    let seen = window.eval("return [...window.seenLayers]").await;
    assert!(
        seen.as_array().is_some_and(|states| !states.is_empty()),
        "per-layer progress was shown: {seen}"
    );
    let row = format!("#images-table tr[data-repository=\"{registry}/porthole/{name}\"]");
    window
        .wait_for(
            "the pulled image",
            &format!("return !!document.querySelector('{row}')"),
            10,
        )
        .await;

    window.click(&row).await;
    window.click("[data-action=image-details]").await;
    window
        .wait_for(
            "the details",
            "return !!document.querySelector('#image-history tbody tr')",
            10,
        )
        .await;
    window.screenshot("image-details").await;
    let config = window
        .eval("return document.getElementById('image-config').innerText")
        .await;
    assert!(config.as_str().unwrap().contains("/bin/sh"), "{config}");
    let target = format!("{registry}/porthole/{name}-copy:2");
    window.type_into("tag-target", &target).await;
    window.click("#tag-submit").await;
    window
        .wait_for(
            "the tag",
            "return !!document.getElementById('tag-done')",
            10,
        )
        .await;
    window.push(&target).await;
    window.screenshot("image-push").await;
    docker(&["rmi", &target]);
    let pulled_back = docker_with(&app_config, &["pull", &target], "");
    assert!(
        pulled_back.status.success(),
        "the pushed copy is in the registry: {:?}",
        pulled_back
    );
    docker(&["rmi", &target]);

    // In use: refused with the container named, then both removed — from the list again.
    window.click("#details-back").await;
    let container = unique("user");
    let _cleanup = Removed(container.clone());
    docker(&[
        "run", "-d", "--name", &container, &reference, "sleep", "600",
    ]);
    window
        .remove_image_in_use(&row, &reference, &container)
        .await;
}
