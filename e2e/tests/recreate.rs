//! Recreate with a newer image, in the window: "Check for a newer image" says the container is up to date, then —
//! after a new image was pushed under the same tag to the rig's registry — that a newer one was pulled; Recreate
//! shows its commands first, makes the new container with the same settings, and the page moves to it. A compose
//! service's container is recreated by the Compose tool instead.

use porthole_e2e::compose::ComposeProject;
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
    window.open_container(&name).await;
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

/// A compose service's container goes through the Compose tool: the dialog says which service of which project it
/// is and shows what the tool this window has runs (v1 here: `pull` then `up`, it has no `up --pull`), the tool
/// pulls the newer image and recreates the service's container, which then runs it.
#[tokio::test(flavor = "multi_thread")]
async fn a_compose_services_container_is_recreated_by_the_compose_tool() {
    let registry = std::env::var("PORTHOLE_TEST_OPEN_REGISTRY").expect("the rig's open registry");
    let reference = format!("{registry}/porthole/{}:latest", unique("recreate-compose"));
    push_version(&reference, "1");
    let project = ComposeProject::written(
        "recreatecompose",
        &format!("version: '3.7'\nservices:\n  web:\n    image: {reference}\n    stop_grace_period: 1s\n"),
    );
    let name = project.name.clone();
    let file = project.file();
    project.run(&["up", "-d"]);
    let container = docker(&[
        "ps",
        "--filter",
        &format!("label=com.docker.compose.project={name}"),
        "--format",
        "{{.Names}}",
    ]);
    assert!(
        !container.is_empty() && !container.contains('\n'),
        "{container:?}"
    );
    let first = docker(&["inspect", "--format", "{{.Image}}", &container]);
    push_version(&reference, "2");
    docker(&["rmi", &reference]);

    let window = Window::launch().await;
    window.open_container(&container).await;
    window.click("#recreate-open").await;
    window
        .wait_for(
            "the service and its project named, and the tool's command",
            &format!(
                "const d = document.getElementById('recreate-dialog')?.textContent || ''; \
                 return d.includes('is the web service of the compose project {name}') && \
                 (document.getElementById('recreate-command')?.textContent || '') === 'docker-compose -f {file} -p {name} pull web && docker-compose -f {file} -p {name} up -d web'"
            ),
            10,
        )
        .await;
    window.click("#recreate-ok").await;
    window.appears("#compose-done", 60).await;
    assert_eq!(docker(&["exec", &container, "cat", "/version"]), "2");
    drop(window);
    drop(project);
    // The second version by its tag, the first nameless since the second took it.
    for image in [reference.as_str(), first.as_str()] {
        let _ = std::process::Command::new("docker")
            .args(["rmi", image])
            .env("DOCKER_HOST", porthole_e2e::test_engine())
            .output();
    }
}
