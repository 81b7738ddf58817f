//! Logins against the rig's htpasswd registry, stored where the docker CLI stores them, used by pull and push, and
//! seen by the real `docker` CLI in both directions — in config.json and through a credential helper.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a failed assumption is the test failing

mod common;

use porthole_engine::image;
use porthole_engine::image::push::push;
use porthole_engine::image::{details, perform, pull, tag};
use porthole_engine::registry;
use porthole_engine::registry::credentials::Store;
use porthole_model::{ErrorKind, ImageAction, ImageReference, Login};

fn login(registry: &str, user: &str, password: &str) -> Login {
    Login {
        registry: registry.into(),
        username: user.into(),
        password: password.into(),
    }
}

/// Builds an image of its own (so its digests are this test's alone, whatever other tests push at the same time),
/// names it `{registry}/porthole/{unique}:1` with `tag`, and pushes it with `store`'s login.
async fn push_fresh(store: &Store, registry: &str, prefix: &str) -> String {
    let engine = common::engine().await;
    let target = format!("{registry}/porthole/{}:1", common::unique(prefix));
    let own = format!("porthole-test/{}:1", common::unique("own"));
    let context = std::env::temp_dir().join(common::unique("push-ctx"));
    std::fs::create_dir_all(&context).unwrap();
    std::fs::write(
        context.join("Dockerfile"),
        format!("FROM {}\nENV MARK={own}\n", common::BUSYBOX),
    )
    .unwrap();
    common::docker(&["build", "-q", "-t", &own, context.to_str().unwrap()]);
    tag(&engine, &own, &target).await.unwrap();
    common::docker(&["rmi", &own]);
    let mut updates = Vec::new();
    let reference = ImageReference::parse(&target).unwrap();
    let progress = push(&engine, store, &reference, |p| updates.push(p.clone()))
        .await
        .unwrap();
    assert!(!progress.layers.is_empty(), "{progress:?}");
    assert!(
        progress.layers.iter().all(|l| l.state.is_finished()),
        "{progress:?}"
    );
    assert!(
        updates.len() >= 2,
        "progress arrived as the push went: {updates:?}"
    );
    target
}

#[tokio::test]
async fn a_wrong_password_is_refused_and_nothing_is_saved() {
    let engine = common::engine().await;
    let (registry, user, _) = common::auth_registry();
    let dir = common::docker_config("wrong", "{\"currentContext\":\"default\"}");
    let store = Store::at(&dir);
    let error = registry::login(
        &engine,
        &store,
        &login(&registry, &user, "not-the-password"),
    )
    .await
    .unwrap_err();
    assert_eq!(error.kind, ErrorKind::Unauthorized, "{error:?}");
    assert!(
        error.message.contains("nothing was saved"),
        "{}",
        error.message
    );
    assert!(!format!("{error:?}").contains("not-the-password"));
    assert!(store.list().await.unwrap().is_empty());
    let text = std::fs::read_to_string(dir.join("config.json")).unwrap();
    assert!(
        text.contains("currentContext"),
        "other settings stay: {text}"
    );
}

#[tokio::test]
async fn logins_in_config_json_are_shared_with_the_docker_cli() {
    let engine = common::engine().await;
    let (registry, user, password) = common::auth_registry();
    let dir = common::docker_config("file", "{}");
    let store = Store::at(&dir);

    // Without a login, the registry refuses the push, and the sentence says to log in.
    let refused = format!("{registry}/porthole/{}:1", common::unique("refused"));
    tag(&engine, common::BUSYBOX, &refused).await.unwrap();
    let reference = ImageReference::parse(&refused).unwrap();
    let error = push(&engine, &store, &reference, |_| {}).await.unwrap_err();
    assert_eq!(error.kind, ErrorKind::Unauthorized, "{error:?}");
    assert!(error.message.contains("docker login"), "{error:?}");
    common::docker(&["rmi", &refused]);

    let logged_in = registry::login(&engine, &store, &login(&registry, &user, &password))
        .await
        .unwrap();
    assert_eq!(logged_in.username.as_deref(), Some(user.as_str()));
    assert_eq!(logged_in.stored_in.as_deref(), Some("config.json"));
    let listed = registry::list(&store).await.unwrap();
    assert_eq!(listed, vec![logged_in.clone()]);
    let text = std::fs::read_to_string(dir.join("config.json")).unwrap();
    assert!(
        text.contains(&registry) && !text.contains(&password),
        "stored as the CLI does (base64): {text}"
    );
    let mode = std::os::unix::fs::PermissionsExt::mode(
        &std::fs::metadata(dir.join("config.json"))
            .unwrap()
            .permissions(),
    );
    assert_eq!(mode & 0o777, 0o600, "only its owner can read the logins");

    // The app's login serves the CLI: it pulls what the app pushed.
    let pushed = push_fresh(&store, &registry, "shared").await;
    common::docker(&["rmi", &pushed]);
    let (ok, output) = common::docker_in(&dir, &["pull", &pushed], "");
    assert!(ok, "docker pull with the app's login: {output}");

    // Logged out, the app's pull is refused; the CLI's login then serves the app.
    registry::logout(&store, &registry).await.unwrap();
    assert!(registry::list(&store).await.unwrap().is_empty());
    common::docker(&["rmi", &pushed]);
    let reference = ImageReference::parse(&pushed).unwrap();
    let refused = pull(&engine, &store, &reference, None, |_| {})
        .await
        .unwrap_err();
    assert_eq!(refused.kind, ErrorKind::Unauthorized, "{refused:?}");
    let (ok, output) = common::docker_in(
        &dir,
        &["login", "-u", &user, "--password-stdin", &registry],
        &password,
    );
    assert!(ok, "docker login: {output}");
    assert_eq!(
        registry::list(&store).await.unwrap()[0].username.as_deref(),
        Some(user.as_str())
    );
    pull(&engine, &store, &reference, None, |_| {})
        .await
        .unwrap();
    perform(&engine, &pushed, &ImageAction::Remove { force: true })
        .await
        .unwrap();
}

#[tokio::test]
async fn a_credential_helper_keeps_the_password_out_of_config_json() {
    let engine = common::engine().await;
    let (registry, user, password) = common::auth_registry();
    let dir = common::docker_config("helper", r#"{"credsStore":"porthole-test"}"#);
    let store = Store::at(&dir);

    let logged_in = registry::login(&engine, &store, &login(&registry, &user, &password))
        .await
        .unwrap();
    assert_eq!(
        logged_in.stored_in.as_deref(),
        Some("docker-credential-porthole-test")
    );
    let text = std::fs::read_to_string(dir.join("config.json")).unwrap();
    assert!(
        !text.contains("\"auth\""),
        "the helper holds the secret, config.json only the entry: {text}"
    );
    assert!(text.contains(&registry), "{text}");

    // Listing logins names the user through the helper's `list`, and never asks it for a secret (`get`).
    let calls = format!("{}.calls", std::env::var("PORTHOLE_HELPER_STORE").unwrap());
    std::fs::write(&calls, "").unwrap();
    let listed = registry::list(&store).await.unwrap();
    let entry = listed
        .iter()
        .find(|r| r.address == registry)
        .expect("the helper's login is listed");
    assert_eq!(entry.username.as_deref(), Some(user.as_str()));
    let verbs = std::fs::read_to_string(&calls).unwrap();
    assert_eq!(verbs.lines().collect::<Vec<_>>(), ["list"], "{verbs}");

    let pushed = push_fresh(&store, &registry, "helper").await;
    common::docker(&["rmi", &pushed]);
    let (ok, output) = common::docker_in(&dir, &["pull", &pushed], "");
    assert!(ok, "docker pull through the same helper: {output}");

    registry::logout(&store, &registry).await.unwrap();
    assert!(
        store.get(&registry).await.unwrap().is_none(),
        "the helper forgot it"
    );
    registry::logout(&store, &registry)
        .await
        .expect("logging out twice is not an error, as with the CLI");
    common::docker(&["rmi", &pushed]);
    let (ok, output) = common::docker_in(&dir, &["pull", &pushed], "");
    assert!(!ok, "after logout the CLI has no login either: {output}");
}

#[tokio::test]
async fn a_registry_known_only_by_a_hosts_entry_works_like_the_notes_one() {
    let engine = common::engine().await;
    let (_, user, password) = common::auth_registry();
    let by_name =
        std::env::var("PORTHOLE_TEST_REGISTRY_BY_NAME").expect("rig maps docker-local-registry");
    let store = Store::at(common::docker_config("by-name", "{}"));
    let reference = ImageReference::parse(&format!("{by_name}/porthole/app:1")).unwrap();
    assert_eq!(
        reference.registry, by_name,
        "host:port is the registry, never a tag"
    );
    registry::login(&engine, &store, &login(&by_name, &user, &password))
        .await
        .unwrap();
    let pushed = push_fresh(&store, &by_name, "named").await;
    perform(&engine, &pushed, &ImageAction::Remove { force: true })
        .await
        .unwrap();
    let progress = pull(
        &engine,
        &store,
        &ImageReference::parse(&pushed).unwrap(),
        None,
        |_| {},
    )
    .await
    .unwrap();
    assert!(
        progress.status.contains("Downloaded newer image"),
        "{}",
        progress.status
    );

    // Pull back by digest too.
    let digest = details(&engine, &pushed).await.unwrap().digests;
    assert_eq!(digest.len(), 1, "{digest:?}");
    perform(&engine, &pushed, &ImageAction::Remove { force: true })
        .await
        .unwrap();
    let by_digest = ImageReference::parse(&digest[0]).unwrap();
    assert!(by_digest.digest.is_some());
    pull(&engine, &store, &by_digest, None, |_| {})
        .await
        .unwrap();
    // By digest reference, not id: the pushed image is the busybox test image itself, which must stay.
    common::docker(&["rmi", &digest[0]]);
}

#[tokio::test]
async fn catalogs_and_tags_are_listed_public_or_with_the_login() {
    let engine = common::engine().await;
    let open = std::env::var("PORTHOLE_TEST_OPEN_REGISTRY").unwrap();
    let anonymous = Store::at(common::docker_config("browse-open", "{}"));
    let catalog = registry::browse::catalog(&engine, &anonymous, &open)
        .await
        .unwrap();
    assert!(!catalog.private, "the open registry lists without a login");
    assert!(
        catalog.repositories.contains(&"porthole/hello".to_owned()),
        "{catalog:?}"
    );
    let tags = registry::browse::tags(&engine, &anonymous, &open, "porthole/hello")
        .await
        .unwrap();
    assert_eq!(tags.tags, ["1"]);

    let (private_registry, user, password) = common::auth_registry();
    let refused = registry::browse::catalog(&engine, &anonymous, &private_registry)
        .await
        .unwrap_err();
    assert_eq!(refused.kind, ErrorKind::Unauthorized, "{refused:?}");
    assert!(refused.message.contains("log in"), "{refused:?}");
    let store = Store::at(common::docker_config("browse-private", "{}"));
    registry::login(&engine, &store, &login(&private_registry, &user, &password))
        .await
        .unwrap();
    let pushed = push_fresh(&store, &private_registry, "browse").await;
    let reference = ImageReference::parse(&pushed).unwrap();
    let catalog = registry::browse::catalog(&engine, &store, &private_registry)
        .await
        .unwrap();
    assert!(catalog.private);
    assert!(
        catalog.repositories.contains(&reference.repository),
        "{catalog:?}"
    );
    let tags = registry::browse::tags(&engine, &store, &private_registry, &reference.repository)
        .await
        .unwrap();
    assert_eq!((tags.tags, tags.private), (vec!["1".to_owned()], true));
    common::docker(&["rmi", &pushed]);
}

#[tokio::test]
async fn docker_hub_search_says_offline_when_the_engine_cannot_reach_it() {
    let engine = common::engine().await;
    match registry::browse::search(&engine, "nginx").await {
        // A machine with internet: the official image is found.
        Ok(results) => assert!(
            results.iter().any(|r| r.name == "nginx" && r.official),
            "{results:?}"
        ),
        Err(error) => {
            assert_eq!(
                error.kind,
                ErrorKind::Internal,
                "the engine answered that it cannot reach Hub: {error:?}"
            );
            assert!(
                error.detail.contains("index.docker.io")
                    || error.detail.contains("registry-1.docker.io"),
                "{error:?}"
            );
            assert!(error.message.contains("offline"), "{error:?}");
        }
    }
}

#[tokio::test]
async fn an_image_is_pullable_when_its_registry_has_it_and_the_login_allows() {
    let engine = common::engine().await;
    let open = std::env::var("PORTHOLE_TEST_OPEN_REGISTRY").unwrap();
    let anonymous = Store::at(common::docker_config("pullable-open", "{}"));
    let there = ImageReference::parse(&format!("{open}/porthole/hello:1")).unwrap();
    let here_before = image::details(&engine, &there.to_string()).await.is_ok();
    image::pullable(&engine, &anonymous, &there).await.unwrap();
    assert_eq!(
        image::details(&engine, &there.to_string()).await.is_ok(),
        here_before,
        "asking pulled nothing"
    );
    let missing = ImageReference::parse(&format!("{open}/porthole/hello:no-such-tag")).unwrap();
    let error = image::pullable(&engine, &anonymous, &missing)
        .await
        .unwrap_err();
    assert!(
        matches!(error.kind, ErrorKind::NotFound | ErrorKind::Internal),
        "{error:?}"
    );

    // A private image: refused without the login, found with it.
    let (private_registry, user, password) = common::auth_registry();
    let store = Store::at(common::docker_config("pullable-private", "{}"));
    registry::login(&engine, &store, &login(&private_registry, &user, &password))
        .await
        .unwrap();
    let pushed = push_fresh(&store, &private_registry, "pullable").await;
    let reference = ImageReference::parse(&pushed).unwrap();
    common::docker(&["rmi", &pushed]);
    image::pullable(&engine, &store, &reference).await.unwrap();
    let refused = image::pullable(&engine, &anonymous, &reference)
        .await
        .unwrap_err();
    assert!(
        matches!(
            refused.kind,
            ErrorKind::Unauthorized
                | ErrorKind::Forbidden
                | ErrorKind::NotFound
                | ErrorKind::Internal
        ),
        "{refused:?}"
    );
}
