//! Removing an image through the window while a container uses it: the engine refuses, the banner names the
//! container and explains the rule, and "remove its containers, then the image" removes both.

use porthole_e2e::{build_own_image, docker, unique, Removed, Window};

#[tokio::test(flavor = "multi_thread")]
async fn an_image_in_use_is_explained_then_removed_with_its_container() {
    let repository = format!("porthole-test/{}", unique("inuse"));
    let tag = format!("{repository}:1");
    build_own_image(&tag);
    let user = unique("user");
    let _cleanup = Removed(user.clone());
    docker(&["run", "-d", "--name", &user, &tag, "sleep", "600"]);

    let window = Window::launch().await;
    window.open("images").await;
    let row = format!("#images-table tr[data-repository=\"{repository}\"]");
    window.remove_image_in_use(&row, &tag, &user).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn pull_from_a_registry_on_a_port_with_the_anatomy_shown() {
    let registry = std::env::var("PORTHOLE_TEST_OPEN_REGISTRY").expect("the rig's open registry");
    let reference = format!("{registry}/porthole/hello:1");
    let _ = std::process::Command::new("docker")
        .args(["rmi", "-f", &reference])
        .env("DOCKER_HOST", porthole_e2e::test_engine())
        .output();

    let window = Window::launch().await;
    window.open("images").await;
    let input = window
        .client
        .find(fantoccini::Locator::Id("pull-reference"))
        .await
        .unwrap();
    input.send_keys("Nginx").await.unwrap();
    window
        .wait_for(
            "the inline error",
            "return !!document.getElementById('pull-invalid')",
            5,
        )
        .await;
    assert_eq!(
        window
            .eval("return document.getElementById('pull-start').disabled")
            .await,
        true
    );
    input.clear().await.unwrap();
    input.send_keys(&reference).await.unwrap();
    window
        .wait_for(
            "the anatomy",
            "return !!document.getElementById('pull-anatomy')",
            5,
        )
        .await;
    let part =
        |name: &str| format!("return document.querySelector('[data-part={name}]').textContent");
    assert_eq!(
        window.eval(&part("registry")).await,
        registry.as_str(),
        "the port belongs to the registry"
    );
    assert_eq!(window.eval(&part("repository")).await, "porthole/hello");
    assert_eq!(window.eval(&part("tag")).await, "1");
    // A platform is checked as typed and joins the command.
    let platform = window
        .client
        .find(fantoccini::Locator::Id("pull-platform"))
        .await
        .unwrap();
    platform.send_keys("Linux").await.unwrap();
    window
        .wait_for(
            "the platform refusal",
            "return !!document.getElementById('platform-invalid') && document.getElementById('pull-start').disabled",
            5,
        )
        .await;
    platform.clear().await.unwrap();
    platform.send_keys("linux/amd64").await.unwrap();
    window
        .wait_for(
            "the platform in the command",
            &format!(
                "return document.getElementById('pull-cli').textContent === 'docker pull --platform linux/amd64 {reference}'"
            ),
            5,
        )
        .await;
    window.screenshot("pull-anatomy").await;

    window.click("#pull-start").await;
    window
        .wait_for(
            "the pull to finish",
            "return !!document.getElementById('pull-done')",
            30,
        )
        .await;
    let row =
        format!("#images-table tr[data-repository=\"{registry}/porthole/hello\"][data-tag=\"1\"]");
    window
        .wait_for(
            "the pulled image in the list",
            &format!("return !!document.querySelector('{row}')"),
            10,
        )
        .await;
    window.screenshot("pull-done").await;
    docker(&["rmi", &reference]);
}
