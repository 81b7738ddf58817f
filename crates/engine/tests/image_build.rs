//! Building from a folder with a Dockerfile, offline, `FROM` the local test image: steps stream as they run, the
//! result is a real image, and a failing step ends the build marked with the engine's message.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a failed assumption is the test failing

mod common;

use porthole_engine::image::build::build;
use porthole_model::image::build::StepState;
use porthole_model::{BuildRequest, ErrorKind};

fn context(dockerfile: &str) -> String {
    let dir = std::env::temp_dir().join(common::unique("build"));
    std::fs::create_dir_all(dir.join("site")).unwrap();
    std::fs::write(dir.join("Dockerfile"), dockerfile).unwrap();
    std::fs::write(dir.join("site/index.html"), "built by a porthole test").unwrap();
    dir.to_string_lossy().into_owned()
}

#[tokio::test]
async fn a_dockerfile_builds_step_by_step_into_a_tagged_image() {
    let engine = common::engine().await;
    let tag = format!("porthole-test/built-{}:1", std::process::id());
    let request = BuildRequest {
        folder: context(
            "FROM porthole-test/busybox:1\nENV GREETING=hello\nARG FLAVOUR\nCOPY site /www\n\
             RUN echo \"$GREETING $FLAVOUR\" > /greeting\nENTRYPOINT [\"/bin/cat\"]\nCMD [\"/greeting\"]\n",
        ),
        dockerfile: "Dockerfile".into(),
        tag: tag.clone(),
        build_args: vec![("FLAVOUR".into(), "mint".into())],
        no_cache: true,
    };
    let mut updates = 0;
    let progress = build(&engine, &request, |_| updates += 1)
        .await
        .map_err(|(e, _)| e)
        .unwrap();
    assert!(
        updates >= 7,
        "output streamed as it came ({updates} updates)"
    );
    assert_eq!(progress.steps.len(), 7, "{progress:?}");
    assert!(progress.steps.iter().all(|s| s.state == StepState::Done));
    assert_eq!(
        progress.steps[4].instruction,
        "RUN echo \"$GREETING $FLAVOUR\" > /greeting"
    );
    let id = common::docker(&["image", "inspect", "--format", "{{.Id}}", &tag]);
    assert!(
        progress
            .image_id
            .as_deref()
            .is_some_and(|built| id.ends_with(built.trim_start_matches("sha256:"))),
        "{progress:?} vs {id}"
    );
    assert_eq!(
        common::docker(&["run", "--rm", &tag]),
        "hello mint",
        "ENV, ARG, RUN, ENTRYPOINT and CMD took effect"
    );
    assert_eq!(
        common::docker(&["run", "--rm", &tag, "/www/index.html"]),
        "built by a porthole test"
    );
    common::docker(&["rmi", &tag]);
}

#[tokio::test]
async fn a_failing_step_is_marked_with_the_engines_message() {
    let engine = common::engine().await;
    let request = BuildRequest {
        folder: context(
            "FROM porthole-test/busybox:1\nRUN echo before\nRUN exit 3\nRUN echo never\n",
        ),
        dockerfile: "Dockerfile".into(),
        ..Default::default()
    };
    let (error, progress) = build(&engine, &request, |_| {}).await.unwrap_err();
    let failed = progress.failed_step().expect("a failed step");
    assert_eq!(
        (failed.number, failed.total, failed.instruction.as_str()),
        (3, 4, "RUN exit 3")
    );
    assert!(
        failed
            .output
            .last()
            .unwrap()
            .contains("returned a non-zero code: 3"),
        "{failed:?}"
    );
    assert!(error.message.contains("Step 3/4 failed"), "{error:?}");
    assert_eq!(progress.steps.len(), 3, "the build stopped there");
}

#[tokio::test]
async fn a_missing_dockerfile_is_refused_before_the_engine() {
    let engine = common::engine().await;
    let request = BuildRequest {
        folder: context("FROM scratch\n"),
        dockerfile: "Other.Dockerfile".into(),
        ..Default::default()
    };
    let (error, _) = build(&engine, &request, |_| {}).await.unwrap_err();
    assert_eq!(error.kind, ErrorKind::InvalidInput);
    assert!(error.message.contains("Other.Dockerfile"), "{error:?}");
}

#[tokio::test]
async fn dockerignore_keeps_secrets_out_of_the_context() {
    let engine = common::engine().await;
    let folder = context("FROM porthole-test/busybox:1\nCOPY . /ctx\nCMD [\"ls\", \"-a\", \"/ctx\", \"/ctx/site\"]\n");
    let dir = std::path::Path::new(&folder);
    std::fs::write(
        dir.join(".dockerignore"),
        "# never send these\n.env\n*.key\n!public.key\nsite/draft*\n",
    )
    .unwrap();
    for file in [".env", "server.key", "public.key", "site/draft.html"] {
        std::fs::write(dir.join(file), "x").unwrap();
    }
    let tag = format!("porthole-test/ignored-{}:1", std::process::id());
    let request = BuildRequest {
        folder: folder.clone(),
        dockerfile: "Dockerfile".into(),
        tag: tag.clone(),
        ..Default::default()
    };
    build(&engine, &request, |_| {})
        .await
        .map_err(|(e, _)| e)
        .unwrap();
    let listed = common::docker(&["run", "--rm", &tag]);
    for sent in ["Dockerfile", ".dockerignore", "public.key", "index.html"] {
        assert!(listed.contains(sent), "{sent} was sent: {listed}");
    }
    for kept_back in [".env", "server.key", "draft.html"] {
        assert!(
            !listed.contains(kept_back),
            "{kept_back} stayed on this machine: {listed}"
        );
    }
    common::docker(&["rmi", &tag]);
}
