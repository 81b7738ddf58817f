//! Pulling through the engine layer from the rig's registries, with progress folded per layer.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a failed assumption is the test failing

mod common;

use porthole_engine::image::{perform, pull};
use porthole_engine::registry::credentials::Store;
use porthole_model::{ErrorKind, ImageAction, ImageReference};

fn open_registry() -> String {
    std::env::var("PORTHOLE_TEST_OPEN_REGISTRY")
        .expect("the rig's open registry (scripts/rig.sh start)")
}

/// A credential store with no logins, so these pulls are anonymous whatever the rig's shared config holds.
fn no_logins() -> Store {
    Store::at(common::docker_config("pull", "{}"))
}

#[tokio::test]
async fn pulls_with_progress_from_a_registry_on_a_port() {
    let engine = common::engine().await;
    let reference =
        ImageReference::parse(&format!("{}/porthole/hello:1", open_registry())).unwrap();
    assert_eq!(
        reference.registry,
        open_registry(),
        "host:port is the registry, not a tag"
    );
    let local = reference.to_string();
    let _ = perform(&engine, &local, &ImageAction::Remove { force: true }).await;

    let mut updates = 0;
    let progress = pull(&engine, &no_logins(), &reference, None, |_| updates += 1)
        .await
        .unwrap();
    assert!(
        updates >= 3,
        "progress arrived as the pull went ({updates} updates)"
    );
    assert!(!progress.layers.is_empty(), "{progress:?}");
    assert!(
        progress.layers.iter().all(|l| l.state.is_finished()),
        "{progress:?}"
    );
    assert_eq!(progress.fraction(), 1.0);
    assert!(
        progress.status.contains("Downloaded newer image"),
        "{}",
        progress.status
    );
    let id = common::docker(&["image", "inspect", "--format", "{{.Id}}", &local]);
    assert!(id.starts_with("sha256:"));

    // Pulling again finds it up to date, without downloading.
    let again = pull(&engine, &no_logins(), &reference, None, |_| {})
        .await
        .unwrap();
    assert!(again.status.contains("up to date"), "{}", again.status);
    perform(&engine, &local, &ImageAction::Remove { force: true })
        .await
        .unwrap();
}

#[tokio::test]
async fn a_missing_tag_is_not_found_and_says_so() {
    let engine = common::engine().await;
    let reference =
        ImageReference::parse(&format!("{}/porthole/hello:no-such-tag", open_registry())).unwrap();
    let error = pull(&engine, &no_logins(), &reference, None, |_| {})
        .await
        .unwrap_err();
    assert_eq!(error.kind, ErrorKind::NotFound, "{error:?}");
    assert!(error.message.contains("no-such-tag"), "{}", error.message);
}

#[tokio::test]
async fn a_registry_that_wants_a_login_is_reported() {
    let engine = common::engine().await;
    let registry = std::env::var("PORTHOLE_TEST_REGISTRY").unwrap();
    let reference = ImageReference::parse(&format!("{registry}/porthole/private:1")).unwrap();
    let error = pull(&engine, &no_logins(), &reference, None, |_| {})
        .await
        .unwrap_err();
    // The engine reports the registry's 401 as a server error; the registry's own answer makes it Unauthorized.
    assert_eq!(error.kind, ErrorKind::Unauthorized, "{error:?}");
    assert!(
        error.message.contains(&format!("docker login {registry}")),
        "{error:?}"
    );
    assert!(
        error.detail.contains("basic auth") || error.detail.contains("unauthorized"),
        "{error:?}"
    );
}

#[tokio::test]
async fn a_plain_http_registry_elsewhere_is_explained_with_the_daemon_setting() {
    let engine = common::engine().await;
    let lan = std::env::var("PORTHOLE_TEST_LAN_REGISTRY")
        .expect("the rig's plain-HTTP registry on its bridge");
    let reference = ImageReference::parse(&format!("{lan}/porthole/hello:1")).unwrap();
    let error = pull(&engine, &no_logins(), &reference, None, |_| {})
        .await
        .unwrap_err();
    assert!(
        error.detail.contains("HTTP response to HTTPS client"),
        "{error:?}"
    );
    assert!(
        error
            .message
            .contains(&format!("{{\"insecure-registries\": [\"{lan}\"]}}")),
        "the exact daemon.json setting: {}",
        error.message
    );
}
