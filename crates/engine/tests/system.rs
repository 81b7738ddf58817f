//! `docker info` / `docker version` through the engine layer agree with the real CLI.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a failed assumption is the test failing

mod common;

#[tokio::test]
async fn info_matches_the_docker_cli() {
    let engine = common::engine().await;
    let info = porthole_engine::system::info(&engine).await.unwrap();
    assert_eq!(
        info.version,
        common::docker(&["version", "--format", "{{.Server.Version}}"])
    );
    assert_eq!(
        info.storage_driver,
        common::docker(&["info", "--format", "{{.Driver}}"])
    );
    assert_eq!(
        info.cpus.to_string(),
        common::docker(&["info", "--format", "{{.NCPU}}"])
    );
    assert_eq!(
        info.kernel,
        common::docker(&["info", "--format", "{{.KernelVersion}}"])
    );
    assert!(info.memory_bytes > 0);
    assert!(info.images >= 2, "the rig's two test images are counted");
    let volumes = common::docker(&["volume", "ls", "-q"]).lines().count() as i64;
    // Other tests may create volumes concurrently; the count is at least what existed before the call.
    assert!(info.volumes >= 0 && (info.volumes - volumes).abs() <= 5);
    assert_eq!(info.endpoint, common::endpoint().host);
}

#[tokio::test]
async fn running_count_follows_a_started_container() {
    let engine = common::engine().await;
    let (_name, _cleanup) = common::started("count", &[common::BUSYBOX, "sleep", "300"]);
    let info = porthole_engine::system::info(&engine).await.unwrap();
    let running: i64 = common::docker(&["info", "--format", "{{.ContainersRunning}}"])
        .parse()
        .unwrap();
    assert!(info.containers_running >= 1);
    assert!(
        (info.containers_running - running).abs() <= 3,
        "{} vs {running}",
        info.containers_running
    );
}
