//! Recreate with a newer image, in the window: "Check for a newer image" says the container is up to date, then —
//! after a new image was pushed under the same tag to the rig's registry — that a newer one was pulled; Recreate
//! shows its commands first, makes the new container with the same settings, and the page moves to it.

use porthole_e2e::{docker, unique, Removed, Window};

/// Pushes an image whose `/version` says `version` to `reference`.
fn push_version(reference: &str, version: &str) {
    let maker = unique("recreate-maker");
    docker(&[
        "run",
        "--name",
        &maker,
        "porthole-test/busybox:1",
        "sh",
        "-c",
        &format!("echo {version} > /version"),
    ]);
    docker(&[
        "commit",
        "--change",
        "CMD [\"sleep\", \"600\"]",
        &maker,
        reference,
    ]);
    docker(&["rm", &maker]);
    docker(&["push", reference]);
}

#[tokio::test(flavor = "multi_thread")]
async fn check_for_a_newer_image_and_recreate_with_the_same_settings() {
    let registry = std::env::var("PORTHOLE_TEST_OPEN_REGISTRY").expect("the rig's open registry");
    let reference = format!("{registry}/porthole/{}:latest", unique("recreate"));
    push_version(&reference, "1");
    let name = unique("recreate");
    let _removed = Removed(name.clone());
    docker(&[
        "run",
        "-d",
        "--name",
        &name,
        "-e",
        "MODE=prod",
        "--label",
        "team=a",
        &reference,
    ]);
    let old_id = docker(&["inspect", "--format", "{{.Id}}", &name]);
    let old_image = docker(&["inspect", "--format", "{{.Image}}", &name]);

    let window = Window::launch().await;
    window.open("containers").await;
    let row = format!("tr[data-name=\"{name}\"]");
    window.appears(&row, 10).await;
    window.click(&row).await;
    window.click("#container-open").await;
    window.click("#recreate-open").await;
    window
        .wait_for(
            "the commands the recreate amounts to",
            &format!(
                "const t = document.getElementById('recreate-command')?.textContent || ''; \
                 return t.startsWith('docker stop {name} && docker rename {name} {name}-old && docker run -d --name {name}') \
                 && t.includes('-e MODE') && !t.includes('prod') && t.endsWith('docker rm {name}-old')"
            ),
            10,
        )
        .await;
    window.click("#recreate-check").await;
    window
        .appears("#recreate-check-result[data-newer=false]", 20)
        .await;

    push_version(&reference, "2");
    docker(&["rmi", &reference]);
    window.click("#recreate-check").await;
    window
        .appears("#recreate-check-result[data-newer=true]", 20)
        .await;
    window.screenshot("container-recreate").await;
    window.click("#recreate-ok").await;
    window
        .wait_for(
            "the page of the new container",
            &format!(
                "const page = document.querySelector('[data-page=container]'); \
                 return !!page && page.dataset.id !== '{old_id}' && document.getElementById('container-name')?.textContent === '{name}'"
            ),
            30,
        )
        .await;
    assert_eq!(docker(&["exec", &name, "cat", "/version"]), "2");
    assert!(docker(&["inspect", "--format", "{{json .Config.Env}}", &name]).contains("MODE=prod"));
    assert_eq!(
        docker(&[
            "inspect",
            "--format",
            "{{index .Config.Labels \"team\"}}",
            &name
        ]),
        "a"
    );
    docker(&["rm", "-f", &name]);
    docker(&["rmi", &reference]);
    // The first version, nameless since the second took its tag.
    docker(&["rmi", &old_image]);
}
