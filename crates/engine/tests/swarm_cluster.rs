//! A two-node swarm from the rig's two private engines (each on its own bridge; the swarm listens on those
//! addresses only): the second joins with the worker token through Porthole, a service's replicas spread over both
//! nodes, draining the worker moves its tasks to the manager (as `docker node ps` shows), the image update rolls
//! across both nodes to completion and rolls back, and leaving ends it. Both engines leave and their gateway
//! networks go, whatever happened.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a failed assumption is the test failing

mod common;

use porthole_engine::swarm::{act, info, node, service};
use porthole_engine::Engine;
use porthole_model::swarm::join::listen_address;
use porthole_model::swarm::{parse_join, ServiceForm, ServiceSummary, SwarmAction, TaskSummary};

async fn summary(engine: &Engine, name: &str) -> ServiceSummary {
    service::list(engine)
        .await
        .unwrap()
        .into_iter()
        .find(|s| s.name == name)
        .expect("the service is listed")
}

async fn running_tasks(engine: &Engine, name: &str) -> Vec<TaskSummary> {
    service::tasks(engine, name)
        .await
        .unwrap()
        .into_iter()
        .filter(|t| t.state == "running" && t.desired_state == "running")
        .collect()
}

#[tokio::test]
async fn two_nodes_join_spread_drain_and_roll() {
    let manager = Engine::connect(&common::endpoint()).await.unwrap();
    let worker = Engine::connect(&common::endpoint2()).await.unwrap();
    let _cluster = common::swarm_rig();
    let address = |name: &str| std::env::var(name).expect("the rig's engine addresses");
    // Each engine listens on its own bridge address: the engines say they have it.
    let here = address("PORTHOLE_TEST_ENGINE_ADDRESS");
    let local = info(&manager).await.unwrap().addresses;
    assert!(local.contains(&here), "{local:?}");
    act(
        &manager,
        &SwarmAction::Init {
            listen: listen_address(&here, &local),
            advertise: here,
        },
    )
    .await
    .unwrap();
    let tokens = info(&manager)
        .await
        .unwrap()
        .join
        .expect("a manager's join tokens");
    let far = address("PORTHOLE_TEST_ENGINE2_ADDRESS");
    let far_local = info(&worker).await.unwrap().addresses;
    let join = parse_join(&tokens.address, &tokens.worker, &far, &far_local).unwrap();
    assert!(
        join.cli(true)
            .contains(&format!("--listen-addr {far}:2377")),
        "{}",
        join.cli(true)
    );
    act(&worker, &join).await.unwrap();
    let joined = info(&worker).await.unwrap();
    assert!(joined.is_active() && !joined.manager, "{joined:?}");
    let nodes = node::list(&manager).await.unwrap();
    assert_eq!(nodes.len(), 2, "{nodes:?}");
    let far = nodes.iter().find(|n| !n.this_node).expect("the worker");
    assert_eq!(far.role, "worker");

    let name = common::unique("spread");
    let form = ServiceForm {
        name: name.clone(),
        image: common::BUSYBOX.into(),
        replicas: "3".into(),
        command: "sh -c 'trap \"exit 0\" TERM; while true; do sleep 1; done'".into(),
        ..Default::default()
    };
    act(
        &manager,
        &SwarmAction::CreateService {
            request: form.request().unwrap(),
        },
    )
    .await
    .unwrap();
    common::eventually("3 tasks over both nodes", 60, || async {
        let tasks = running_tasks(&manager, &name).await;
        let mut on: Vec<String> = tasks.iter().map(|t| t.node_id.clone()).collect();
        on.sort();
        on.dedup();
        tasks.len() == 3 && on.len() == 2
    })
    .await;
    act(
        &manager,
        &SwarmAction::Scale {
            service: name.clone(),
            replicas: 5,
        },
    )
    .await
    .unwrap();
    common::eventually("5 running", 60, || async {
        running_tasks(&manager, &name).await.len() == 5
    })
    .await;

    // Drain the worker: its tasks stop there and start on the manager.
    let drain = SwarmAction::NodeAvailability {
        node: far.id.clone(),
        hostname: far.hostname.clone(),
        availability: "drain".into(),
        version: far.version,
    };
    act(&manager, &drain).await.unwrap();
    common::eventually("every task on the manager", 60, || async {
        let tasks = running_tasks(&manager, &name).await;
        tasks.len() == 5 && tasks.iter().all(|t| t.node_id != far.id)
    })
    .await;
    // The CLI against the manager (the rig's first engine).
    let on_worker = common::docker(&[
        "node",
        "ps",
        &far.id,
        "--filter",
        "desired-state=running",
        "--format",
        "{{.Name}}",
    ]);
    assert!(
        on_worker.is_empty(),
        "docker node ps shows nothing left on the worker: {on_worker}"
    );
    let version = node::list(&manager)
        .await
        .unwrap()
        .into_iter()
        .find(|n| n.id == far.id)
        .unwrap()
        .version;
    act(
        &manager,
        &SwarmAction::NodeAvailability {
            node: far.id.clone(),
            hostname: far.hostname.clone(),
            availability: "active".into(),
            version,
        },
    )
    .await
    .unwrap();

    // The image update replaces the tasks one by one, wherever they run, and completes; rollback brings it back.
    act(
        &manager,
        &SwarmAction::UpdateImage {
            service: name.clone(),
            image: "porthole-test/web:1".into(),
        },
    )
    .await
    .unwrap();
    common::eventually("the update completed", 120, || async {
        let s = summary(&manager, &name).await;
        s.update_state == "completed" && s.running == 5
    })
    .await;
    let tasks = running_tasks(&manager, &name).await;
    assert!(
        tasks.iter().all(|t| t.image == "porthole-test/web:1"),
        "{tasks:?}"
    );
    act(
        &manager,
        &SwarmAction::Rollback {
            service: name.clone(),
        },
    )
    .await
    .unwrap();
    common::eventually("the rollback completed", 120, || async {
        let s = summary(&manager, &name).await;
        s.update_state == "rollback_completed" && s.running == 5
    })
    .await;
    act(
        &manager,
        &SwarmAction::RemoveService {
            service: name.clone(),
        },
    )
    .await
    .unwrap();

    // The worker leaves: the manager sees it down.
    act(&worker, &SwarmAction::Leave { force: false })
        .await
        .unwrap();
    common::eventually("the worker down", 30, || async {
        node::list(&manager)
            .await
            .unwrap()
            .iter()
            .any(|n| n.id == far.id && n.status == "down")
    })
    .await;
}
