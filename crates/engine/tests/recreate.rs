//! Recreating a container with a newer image through the engine layer: "check" pulls the reference and sees the
//! new digest; the recreate keeps every setting (compared with `docker inspect` of old and new), keeps the anonymous
//! volume's data, and rolls back — the old container back under its name, nothing new left — when the new one
//! cannot start.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a failed assumption is the test failing

mod common;

use porthole_engine::container::recreate;
use porthole_engine::registry::credentials::Store;

fn open_registry() -> String {
    std::env::var("PORTHOLE_TEST_OPEN_REGISTRY").expect("the rig's open registry")
}

/// Pushes an image whose `/version` says `version` to `reference` in the rig's open registry.
fn push_version(reference: &str, version: &str) {
    common::commit_image(
        reference,
        &format!("echo {version} > /version"),
        &["CMD [\"sleep\", \"600\"]", "ENV FROM_IMAGE=1"],
    );
    common::docker(&["push", reference]);
}

fn inspect(name: &str, format: &str) -> String {
    common::docker(&["inspect", "--format", format, name])
}

#[tokio::test]
async fn a_newer_image_is_seen_and_the_container_recreated_with_every_setting() {
    let engine = common::engine().await;
    let store = Store::at(common::docker_config("recreate", "{}"));
    let reference = format!(
        "{}/porthole/{}:latest",
        open_registry(),
        common::unique("recreate")
    );
    push_version(&reference, "1");
    let network = common::unique("recreate-net");
    common::docker(&["network", "create", &network]);
    let other = common::unique("recreate-other");
    // A /24 of its own for this test process (the networks test takes 10.150–239).
    let base = format!(
        "10.{}.{}",
        100 + std::process::id() % 50,
        std::process::id() % 250
    );
    common::docker(&[
        "network",
        "create",
        "--subnet",
        &format!("{base}.0/24"),
        &other,
    ]);
    let name = common::unique("recreate");
    let _removed = common::Removed(name.clone());
    common::docker(&[
        "run",
        "-d",
        "--name",
        &name,
        "-p",
        "127.0.0.1::80",
        "-e",
        "MODE=prod",
        "-v",
        "/anon",
        "--label",
        "team=a",
        "--restart",
        "unless-stopped",
        "--network",
        &network,
        "--network-alias",
        "web",
        "--memory",
        "64m",
        "--mount",
        "type=volume,target=/mounted",
        &reference,
    ]);
    common::docker(&[
        "network",
        "connect",
        "--alias",
        "also",
        "--ip",
        &format!("{base}.7"),
        &other,
        &name,
    ]);
    common::docker(&["exec", &name, "sh", "-c", "echo kept > /anon/data"]);
    let before = |f: &str| inspect(&name, f);
    let settings = [
        "{{json .Config.Env}}",
        "{{json .Config.Labels}}",
        "{{json .HostConfig.PortBindings}}",
        "{{.HostConfig.RestartPolicy.Name}}",
        "{{.HostConfig.Memory}}",
        "{{.HostConfig.NetworkMode}}",
    ];
    let old_settings: Vec<String> = settings.iter().map(|f| before(f)).collect();
    let old_id = before("{{.Id}}");
    let old_image = before("{{.Image}}");

    // Nothing newer yet; then a new image under the same tag.
    let same = recreate::check(&engine, &store, &name).await.unwrap();
    assert!(!same.is_newer(), "{same:?}");
    push_version(&reference, "2");
    common::docker(&["rmi", &reference]);
    let newer = recreate::check(&engine, &store, &name).await.unwrap();
    assert!(newer.is_newer(), "{newer:?}");

    let plan = recreate::plan(&engine, &name).await.unwrap();
    assert!(plan.running && plan.compose.is_none());
    assert!(
        plan.run.contains("-e MODE") && !plan.run.contains("prod"),
        "values are not shown: {}",
        plan.run
    );
    assert!(
        !plan.run.contains("FROM_IMAGE"),
        "the image's own environment is not copied: {}",
        plan.run
    );
    let done = recreate::recreate(&engine, &plan).await.unwrap();
    assert!(done.started);
    assert_ne!(inspect(&name, "{{.Id}}"), old_id);
    assert_eq!(common::docker(&["exec", &name, "cat", "/version"]), "2");
    let new_settings: Vec<String> = settings.iter().map(|f| inspect(&name, f)).collect();
    assert_eq!(new_settings, old_settings, "every setting kept");
    assert_eq!(
        common::docker(&["exec", &name, "cat", "/anon/data"]),
        "kept",
        "the anonymous volume came along"
    );
    let aliases = inspect(
        &name,
        &format!("{{{{json (index .NetworkSettings.Networks \"{other}\").Aliases}}}}"),
    );
    assert!(aliases.contains("also"), "{aliases}");
    assert_eq!(
        inspect(
            &name,
            &format!(
                "{{{{(index .NetworkSettings.Networks \"{other}\").IPAMConfig.IPv4Address}}}}"
            ),
        ),
        format!("{base}.7"),
        "the fixed address on the second network is kept"
    );
    assert!(
        common::docker(&["ps", "-aq", "--filter", &format!("id={old_id}")]).is_empty(),
        "the old one went"
    );

    common::docker(&["rm", "-f", &name]);
    common::docker(&["network", "rm", &network, &other]);
    common::docker(&["rmi", &reference]);
    // The first version, nameless since the second took its tag.
    common::docker(&["rmi", &old_image]);
}

#[tokio::test]
async fn a_new_container_that_cannot_start_leaves_the_old_one_as_it_was() {
    let engine = common::engine().await;
    // One run with --rm would be removed by its own stop: refused before anything is touched.
    let (gone, _gone) = common::started("recreate-rm", &["--rm", common::BUSYBOX, "sleep", "600"]);
    let refused = recreate::plan(&engine, &gone).await.unwrap_err();
    assert_eq!(
        refused.kind,
        porthole_model::ErrorKind::InvalidInput,
        "{refused:?}"
    );

    let name = common::unique("recreate-back");
    let _removed = common::Removed(name.clone());
    // The old one is stopped and publishes a port another container took since: the new one cannot start.
    common::docker(&[
        "create",
        "--name",
        &name,
        "-p",
        "127.0.0.1:18731:80",
        common::BUSYBOX,
        "sleep",
        "600",
    ]);
    let (_taker, _taken) = common::started(
        "recreate-taker",
        &["-p", "127.0.0.1:18731:80", common::BUSYBOX, "sleep", "600"],
    );
    let old_id = inspect(&name, "{{.Id}}");
    let plan = recreate::plan(&engine, &name).await.unwrap();
    let error = recreate::recreate(&engine, &plan).await.unwrap_err();
    assert!(!error.message.is_empty());
    assert_eq!(
        inspect(&name, "{{.Id}}"),
        old_id,
        "the old container has its name back"
    );
    assert_eq!(
        inspect(&name, "{{.State.Status}}"),
        "created",
        "and its state"
    );
    let all = common::docker(&["ps", "-a", "--format", "{{.Names}}"]);
    assert_eq!(
        all.lines().filter(|n| n.starts_with(&name)).count(),
        1,
        "nothing new is left: {all}"
    );
}
