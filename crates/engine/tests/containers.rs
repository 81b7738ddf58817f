//! Container lists through the engine layer against containers made with the real docker CLI.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a failed assumption is the test failing

mod common;

use porthole_engine::container::list as containers;
use porthole_model::ContainerState;

#[tokio::test]
async fn ps_shows_running_and_ps_a_shows_stopped_too() {
    let engine = common::engine().await;
    let name = common::unique("ps");
    let _cleanup = common::Removed(name.clone());
    let id = common::docker(&["create", "--name", &name, common::BUSYBOX, "sleep", "300"]);

    let all = containers::list(&engine, true).await.unwrap();
    let created = all
        .iter()
        .find(|c| c.id == id)
        .expect("created container listed with all");
    assert_eq!(created.name, name);
    assert_eq!(created.state, ContainerState::Created);
    assert_eq!(created.image, common::BUSYBOX);
    assert!(!containers::list(&engine, false)
        .await
        .unwrap()
        .iter()
        .any(|c| c.id == id));

    common::docker(&["start", &name]);
    let running = containers::list(&engine, false).await.unwrap();
    let started = running
        .iter()
        .find(|c| c.id == id)
        .expect("running container listed without all");
    assert_eq!(started.state, ContainerState::Running);
    assert!(started.status.starts_with("Up"), "{}", started.status);

    common::docker(&["rm", "-f", &name]);
    assert!(!containers::list(&engine, true)
        .await
        .unwrap()
        .iter()
        .any(|c| c.id == id));
}

#[tokio::test]
async fn published_ports_are_listed_once_per_binding() {
    let engine = common::engine().await;
    let (name, _cleanup) = common::started("ports", &["-p", "127.0.0.1::80", common::WEB]);
    let host_port = common::docker(&["port", &name, "80/tcp"]);
    let list = containers::list(&engine, false).await.unwrap();
    let web = list.iter().find(|c| c.name == name).unwrap();
    assert_eq!(web.ports.len(), 1, "{:?}", web.ports);
    assert_eq!(
        format!(
            "{}:{}",
            web.ports[0].host_ip.as_deref().unwrap(),
            web.ports[0].host_port.unwrap()
        ),
        host_port
    );
    assert_eq!(web.ports[0].container_port, 80);
}
