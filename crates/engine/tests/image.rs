//! Removing images through the engine layer: refused while a container uses it (with the containers named),
//! then removed with its containers; untagging vs deleting.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a failed assumption is the test failing

mod common;

use porthole_engine::image::{perform, users};
use porthole_model::{ErrorKind, ImageAction};

/// A private tag of the test image, so removing it never disturbs other tests.
fn own_tag(name: &str) -> String {
    let tag = format!("porthole-test/{name}:1");
    common::docker(&["tag", common::BUSYBOX, &tag]);
    tag
}

fn image_exists(reference: &str) -> bool {
    std::process::Command::new("docker")
        .args(["image", "inspect", reference])
        .env("DOCKER_HOST", common::endpoint().host)
        .output()
        .unwrap()
        .status
        .success()
}

#[tokio::test]
async fn an_image_in_use_is_refused_with_its_containers_named_then_removed_with_them() {
    let engine = common::engine().await;
    // Its own image id (a one-layer build on top of the test image), so no other test's container uses it.
    let tag = format!("porthole-test/{}:1", common::unique("inuse"));
    let context = std::env::temp_dir().join(common::unique("ctx"));
    std::fs::create_dir_all(&context).unwrap();
    std::fs::write(
        context.join("Dockerfile"),
        format!("FROM {}\nENV MARK={tag}\n", common::BUSYBOX),
    )
    .unwrap();
    common::docker(&["build", "-q", "-t", &tag, context.to_str().unwrap()]);
    let name = common::unique("user");
    let _cleanup = common::Removed(name.clone());
    common::docker(&["run", "-d", "--name", &name, &tag, "sleep", "600"]);

    let id = common::docker(&["image", "inspect", "--format", "{{.Id}}", &tag]);
    let error = perform(&engine, &id, &ImageAction::Remove { force: false })
        .await
        .unwrap_err();
    assert_eq!(error.kind, ErrorKind::Conflict, "{error:?}");
    assert_eq!(error.related, vec![name.clone()]);
    // The sentence says what happened and the fix; the containers are named in `related`, which the banner lists.
    assert_eq!(
        error.diagnosis,
        Some(porthole_model::diagnosis::Diagnosis::ImageInUse),
        "{}",
        error.message
    );
    assert!(image_exists(&tag));
    assert_eq!(users(&engine, &tag).await.unwrap().len(), 1);

    // A container made after the refusal is not in what the user confirmed: it stays, and the image with it.
    let later = common::unique("later");
    let _cleanup_later = common::Removed(later.clone());
    common::docker(&["create", "--name", &later, &tag]);
    let confirmed = ImageAction::RemoveWithContainers {
        containers: error.related.clone(),
    };
    let refused = perform(&engine, &tag, &confirmed).await.unwrap_err();
    assert_eq!(refused.kind, ErrorKind::Conflict, "{refused:?}");
    assert_eq!(refused.related, vec![later.clone()]);
    let exists = |name: &str| {
        !common::docker(&["ps", "-a", "-q", "--filter", &format!("name=^{name}$")]).is_empty()
    };
    assert!(!exists(&name), "the confirmed container went");
    assert!(exists(&later), "the later one was not touched");
    assert!(image_exists(&tag));

    let all = ImageAction::RemoveWithContainers {
        containers: refused.related,
    };
    perform(&engine, &tag, &all).await.unwrap();
    assert!(!image_exists(&id), "the image is gone");
    assert!(!exists(&later), "its container went first");
}

#[tokio::test]
async fn removing_a_tag_only_untags_when_others_remain() {
    let engine = common::engine().await;
    let tag = own_tag(&common::unique("untag"));
    perform(&engine, &tag, &ImageAction::Remove { force: false })
        .await
        .unwrap();
    assert!(!image_exists(&tag), "the tag is gone");
    assert!(
        image_exists(common::BUSYBOX),
        "the image and its other tags stay"
    );
}

#[tokio::test]
async fn removing_by_id_an_image_with_several_tags_needs_force() {
    let engine = common::engine().await;
    let context = std::env::temp_dir().join(common::unique("ctx"));
    std::fs::create_dir_all(&context).unwrap();
    let mark = common::unique("multi");
    std::fs::write(
        context.join("Dockerfile"),
        format!("FROM {}\nENV MARK={mark}\n", common::BUSYBOX),
    )
    .unwrap();
    let first = format!("porthole-test/{mark}:a");
    let second = format!("porthole-test/{mark}:b");
    common::docker(&[
        "build",
        "-q",
        "-t",
        &first,
        "-t",
        &second,
        context.to_str().unwrap(),
    ]);
    let id = common::docker(&["image", "inspect", "--format", "{{.Id}}", &first]);

    let error = perform(&engine, &id, &ImageAction::Remove { force: false })
        .await
        .unwrap_err();
    assert_eq!(error.kind, ErrorKind::Conflict);
    assert!(error.related.is_empty());
    assert!(error.message.contains("several tags"), "{}", error.message);
    perform(&engine, &id, &ImageAction::Remove { force: true })
        .await
        .unwrap();
    assert!(!image_exists(&first) && !image_exists(&second));
}

#[tokio::test]
async fn a_missing_image_is_not_found() {
    let engine = common::engine().await;
    let error = perform(
        &engine,
        "porthole-test/never-was:1",
        &ImageAction::Remove { force: false },
    )
    .await
    .unwrap_err();
    assert_eq!(error.kind, ErrorKind::NotFound);
    assert!(error.message.contains("never-was"));
}

#[tokio::test]
async fn details_show_the_config_and_the_history_like_the_cli() {
    let engine = common::engine().await;
    let details = porthole_engine::image::details(&engine, common::WEB)
        .await
        .unwrap();
    assert_eq!(
        details.id,
        common::docker(&["image", "inspect", "--format", "{{.Id}}", common::WEB])
    );
    assert!(
        details.tags.contains(&common::WEB.to_owned()),
        "{:?}",
        details.tags
    );
    assert_eq!(
        details.config.cmd,
        ["/bin/httpd", "-f", "-p", "80", "-h", "/www"]
    );
    assert_eq!(details.config.exposed_ports, ["80/tcp"]);
    let cli_history = common::docker(&["history", "--format", "{{.ID}}", common::WEB]);
    assert_eq!(
        details.history.len(),
        cli_history.lines().count(),
        "{:?}",
        details.history
    );

    // A second name, then the containers using it are listed.
    let (name, _guard) = common::sleeper("details");
    let busybox = porthole_engine::image::details(&engine, common::BUSYBOX)
        .await
        .unwrap();
    assert!(
        busybox.containers.iter().any(|c| c.name == name),
        "{:?}",
        busybox.containers
    );
}

#[tokio::test]
async fn tag_refuses_an_invalid_name_before_the_engine() {
    let engine = common::engine().await;
    let error = porthole_engine::image::tag(&engine, common::BUSYBOX, "Bad Name!")
        .await
        .unwrap_err();
    assert_eq!(
        error.kind,
        porthole_model::ErrorKind::InvalidInput,
        "{error:?}"
    );
    let error = porthole_engine::image::tag(&engine, "no-such-image:1", "x:1")
        .await
        .unwrap_err();
    assert_eq!(error.kind, porthole_model::ErrorKind::NotFound, "{error:?}");
}
