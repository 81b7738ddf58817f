//! The Learn section's Dockerfile example really builds, offline, on the local busybox test image, and its
//! instructions do what the Dockerfile page says: ENV is used by RUN at build time and still set in the container,
//! RUN's file is in the image, CMD runs at start and is replaced by `docker run`'s arguments.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a failed assumption is the test failing

mod common;

use porthole_engine::image::build::build;
use porthole_model::image::build::StepState;
use porthole_model::learn::{dockerfile_example, DOCKERFILE_EXAMPLE_OUTPUT};
use porthole_model::BuildRequest;

/// Removes the built image when dropped, also when the test fails.
struct RemovedImage(String);

impl Drop for RemovedImage {
    fn drop(&mut self) {
        let _ = std::process::Command::new("docker")
            .args(["rmi", "-f", &self.0])
            .env("DOCKER_HOST", common::endpoint().host)
            .output();
    }
}

#[tokio::test]
async fn the_dockerfile_example_builds_on_busybox_and_does_what_the_page_says() {
    let engine = common::engine().await;
    let dir = std::env::temp_dir().join(common::unique("learn"));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("Dockerfile"), dockerfile_example(common::BUSYBOX)).unwrap();
    let tag = format!("porthole-test/learn-{}:1", std::process::id());
    let _image = RemovedImage(tag.clone());
    let request = BuildRequest {
        folder: dir.to_string_lossy().into_owned(),
        dockerfile: "Dockerfile".into(),
        tag: tag.clone(),
        no_cache: true,
        ..Default::default()
    };

    let progress = build(&engine, &request, |_| {})
        .await
        .map_err(|(e, _)| e)
        .unwrap();
    let instructions: Vec<&str> = progress
        .steps
        .iter()
        .map(|s| s.instruction.split(' ').next().unwrap())
        .collect();
    assert_eq!(instructions, ["FROM", "ENV", "RUN", "CMD"], "{progress:?}");
    assert!(progress.steps.iter().all(|s| s.state == StepState::Done));

    let details = porthole_engine::image::details(&engine, &tag)
        .await
        .unwrap();
    assert!(
        details.config.env.iter().any(|e| e == "GREETING=hello"),
        "{:?}",
        details.config.env
    );
    assert_eq!(details.config.cmd, ["cat", "/greeting"]);
    assert!(details.config.entrypoint.is_empty());

    let run = |args: &[&str]| {
        let name = common::unique("learn-run");
        let _container = common::Removed(name.clone());
        let mut all = vec!["run", "--rm", "--name", &name, &tag];
        all.extend_from_slice(args);
        common::docker(&all)
    };
    assert_eq!(
        run(&[]),
        DOCKERFILE_EXAMPLE_OUTPUT,
        "CMD printed the file RUN wrote with ENV's value"
    );
    let env = run(&["env"]);
    assert!(
        env.lines().any(|l| l == "GREETING=hello"),
        "arguments replace CMD; ENV is still set: {env}"
    );
    assert_eq!(
        run(&["cat", "/greeting"]),
        DOCKERFILE_EXAMPLE_OUTPUT,
        "RUN's file is part of the image"
    );
    let _ = std::fs::remove_dir_all(&dir);
}
