//! Swarm against the real engine, as a one-node swarm made for the test and left afterwards: init, the join
//! tokens, the node (drained and activated), a service created with 2 replicas, scaled to 3, its image updated in
//! a rolling update that completes, rolled back, and removed; a service whose image does not exist shows its tasks'
//! error; a stack deployed and removed through the docker CLI; leaving ends it.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a failed assumption is the test failing

mod common;

use porthole_engine::swarm::{act, info, node, service};
use porthole_model::swarm::{ServiceForm, StackCommand, SwarmAction};

/// Waits up to `seconds` for the service `name` to be listed as `check` wants it.
async fn service_until(
    engine: &porthole_engine::Engine,
    name: &str,
    what: &str,
    seconds: u64,
    check: impl Fn(&porthole_model::swarm::ServiceSummary) -> bool,
) {
    common::eventually(what, seconds, || async {
        service::list(engine)
            .await
            .unwrap()
            .iter()
            .any(|s| s.name == name && check(s))
    })
    .await;
}

#[tokio::test]
async fn a_one_node_swarm_from_init_to_leave() {
    let engine = common::engine().await;
    let _left = common::swarm_rig();
    let before = info(&engine).await.unwrap();
    assert!(
        !before.is_active(),
        "the rig's engine starts outside any swarm"
    );
    assert!(before.addresses.contains(&"127.0.0.1".to_owned()));
    act(
        &engine,
        &SwarmAction::Init {
            advertise: "127.0.0.1".into(),
            listen: "127.0.0.1:2377".into(),
        },
    )
    .await
    .unwrap();
    let active = info(&engine).await.unwrap();
    assert!(
        active.is_active() && active.manager && active.nodes == 1,
        "{active:?}"
    );
    let join = active.join.clone().unwrap();
    assert!(
        join.worker.starts_with("SWMTKN-") && join.address.ends_with(":2377"),
        "{join:?}"
    );
    assert!(!join.command(false, false).contains(&join.worker));

    let nodes = node::list(&engine).await.unwrap();
    assert_eq!(nodes.len(), 1);
    let this = &nodes[0];
    assert!(
        this.this_node && this.leader && this.role == "manager" && this.availability == "active",
        "{this:?}"
    );

    let name = common::unique("svc");
    let volume = common::unique("svcdata");
    let form = ServiceForm {
        name: name.clone(),
        image: common::BUSYBOX.into(),
        replicas: "2".into(),
        env: "TOKEN=never-recorded".into(),
        // Ends at once on SIGTERM (a bare `sleep` as PID 1 would wait out the 10 s grace at every replacement).
        command: "sh -c 'trap \"exit 0\" TERM; while true; do sleep 1; done'".into(),
        // Mounts, restart and update policies, resources: each lands in the spec as the CLI's flag would put it.
        mounts: format!("{volume}:/data\n/tmp:/host-tmp:ro"),
        restart_condition: "on-failure".into(),
        restart_attempts: "3".into(),
        update_parallelism: "2".into(),
        update_order: "start-first".into(),
        limit_cpus: "0.5".into(),
        limit_memory: "64m".into(),
        reserve_memory: "16m".into(),
        ..Default::default()
    };
    act(
        &engine,
        &SwarmAction::CreateService {
            request: form.request().unwrap(),
        },
    )
    .await
    .unwrap();
    let running =
        |n: u64| move |s: &porthole_model::swarm::ServiceSummary| s.running == n && s.desired == n;
    service_until(&engine, &name, "2 running replicas", 30, running(2)).await;
    let spec = |format: &str| common::docker(&["service", "inspect", &name, "--format", format]);
    assert_eq!(
        spec("{{range .Spec.TaskTemplate.ContainerSpec.Mounts}}{{.Type}} {{.Source}} {{.Target}} {{.ReadOnly}};{{end}}"),
        format!("volume {volume} /data false;bind /tmp /host-tmp true;")
    );
    assert_eq!(
        spec("{{.Spec.TaskTemplate.RestartPolicy.Condition}} {{.Spec.TaskTemplate.RestartPolicy.MaxAttempts}}"),
        "on-failure 3"
    );
    assert_eq!(
        spec("{{.Spec.UpdateConfig.Parallelism}} {{.Spec.UpdateConfig.Order}} {{.Spec.UpdateConfig.FailureAction}}"),
        "2 start-first pause"
    );
    assert_eq!(
        spec("{{with .Spec.TaskTemplate.Resources}}{{.Limits.NanoCPUs}} {{.Limits.MemoryBytes}} {{.Reservations.MemoryBytes}}{{end}}"),
        "500000000 67108864 16777216"
    );
    // A task's container has the volume and the read-only host folder mounted.
    let task_container = common::docker(&[
        "ps",
        "-q",
        "--filter",
        &format!("label=com.docker.swarm.service.name={name}"),
    ]);
    let one = task_container.lines().next().expect("a task's container");
    // The engine lists a container's mounts in no fixed order.
    let mut mounts: Vec<String> = common::docker(&[
        "inspect",
        one,
        "--format",
        "{{range .Mounts}}{{.Destination}}={{.RW}} {{end}}",
    ])
    .split_whitespace()
    .map(str::to_owned)
    .collect();
    mounts.sort();
    assert_eq!(mounts.join(" "), "/data=true /host-tmp=false");
    act(
        &engine,
        &SwarmAction::Scale {
            service: name.clone(),
            replicas: 3,
        },
    )
    .await
    .unwrap();
    service_until(&engine, &name, "3 running replicas", 30, running(3)).await;
    assert_eq!(
        common::docker(&[
            "service",
            "ls",
            "--filter",
            &format!("name={name}"),
            "--format",
            "{{.Replicas}}"
        ]),
        "3/3"
    );

    // A rolling update to another tag of the image completes, task by task; rollback returns to the first.
    common::docker(&["tag", common::BUSYBOX, "porthole-test/busybox:swarm2"]);
    act(
        &engine,
        &SwarmAction::UpdateImage {
            service: name.clone(),
            image: "porthole-test/busybox:swarm2".into(),
        },
    )
    .await
    .unwrap();
    service_until(&engine, &name, "the update to complete", 60, |s| {
        s.update_state == "completed" && s.image == "porthole-test/busybox:swarm2" && s.running == 3
    })
    .await;
    let tasks = service::tasks(&engine, &name).await.unwrap();
    assert!(tasks
        .iter()
        .filter(|t| t.state == "running")
        .all(|t| t.image == "porthole-test/busybox:swarm2"));
    assert!(
        tasks.iter().any(|t| t.state == "shutdown"),
        "the old tasks were replaced: {tasks:?}"
    );
    act(
        &engine,
        &SwarmAction::Rollback {
            service: name.clone(),
        },
    )
    .await
    .unwrap();
    let spec = service::inspect(&engine, &name).await.unwrap();
    assert!(
        spec.contains(&format!("\"Name\": \"{name}\"")) && spec.contains("\"Replicas\""),
        "{spec}"
    );
    assert_eq!(
        service::inspect(&engine, "no-such-service")
            .await
            .unwrap_err()
            .kind,
        porthole_model::ErrorKind::NotFound
    );
    service_until(&engine, &name, "the rollback", 60, |s| {
        s.image == common::BUSYBOX && s.running == 3
    })
    .await;

    // Drain: the only node takes no tasks, so they wait; activate brings them back.
    let version = node::list(&engine).await.unwrap()[0].version;
    let drain = SwarmAction::NodeAvailability {
        node: this.id.clone(),
        hostname: this.hostname.clone(),
        availability: "drain".into(),
        version,
    };
    act(&engine, &drain).await.unwrap();
    assert_eq!(node::list(&engine).await.unwrap()[0].availability, "drain");
    service_until(&engine, &name, "tasks leaving the drained node", 30, |s| {
        s.running == 0
    })
    .await;
    let version = node::list(&engine).await.unwrap()[0].version;
    act(
        &engine,
        &SwarmAction::NodeAvailability {
            node: this.id.clone(),
            hostname: this.hostname.clone(),
            availability: "active".into(),
            version,
        },
    )
    .await
    .unwrap();
    service_until(&engine, &name, "tasks back", 30, running(3)).await;

    // Labels, as typed: one added, then changed and another added, then one removed — the rest of the spec kept.
    let labelled = |text: &'static str| {
        let engine = engine.clone();
        async move {
            let node = node::list(&engine).await.unwrap().remove(0);
            let change = porthole_model::swarm::action::node_labels(&node, text).unwrap();
            act(&engine, &change).await.unwrap();
            node::list(&engine).await.unwrap().remove(0)
        }
    };
    let node_now = labelled("zone=attic").await;
    assert_eq!(node_now.labels, [("zone".to_owned(), "attic".to_owned())]);
    let node_now = labelled("zone=garage\ndisk=ssd").await;
    assert_eq!(
        node_now.labels,
        [
            ("disk".to_owned(), "ssd".to_owned()),
            ("zone".to_owned(), "garage".to_owned())
        ]
    );
    let node_now = labelled("disk=ssd").await;
    assert_eq!(node_now.labels, [("disk".to_owned(), "ssd".to_owned())]);
    assert_eq!(
        node_now.availability, "active",
        "the rest of the spec is kept"
    );

    // An image that does not exist: its tasks say why.
    let broken = common::unique("broken");
    let request = ServiceForm {
        name: broken.clone(),
        image: "porthole-test/missing:1".into(),
        ..Default::default()
    }
    .request()
    .unwrap();
    act(&engine, &SwarmAction::CreateService { request })
        .await
        .unwrap();
    common::eventually("the task's error", 30, || {
        let engine = engine.clone();
        let broken = broken.clone();
        async move {
            service::tasks(&engine, &broken)
                .await
                .unwrap()
                .iter()
                .any(|t| t.reason().is_some() && !t.error.is_empty())
        }
    })
    .await;

    // A stack, deployed and removed by the docker CLI itself.
    let stack = common::unique("stk").replace('-', "");
    let folder = std::env::temp_dir().join(&stack);
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::write(
        folder.join("compose.yaml"),
        "services:\n  app:\n    image: porthole-test/busybox:1\n    command: [\"sh\", \"-c\", \"trap 'exit 0' TERM; while true; do sleep 1; done\"]\n",
    )
    .unwrap();
    let file = folder.join("compose.yaml").display().to_string();
    let mut output = Vec::new();
    porthole_engine::swarm::stack::run(
        &engine,
        &StackCommand::Deploy {
            file,
            name: stack.clone(),
        },
        |line| {
            output.push(line);
            true
        },
    )
    .await
    .unwrap();
    assert!(
        output.iter().any(|l| l.contains(&format!("{stack}_app"))),
        "the CLI's own output: {output:?}"
    );
    let listed = service::list(&engine).await.unwrap();
    let app = listed
        .iter()
        .find(|s| s.name == format!("{stack}_app"))
        .unwrap();
    assert_eq!(app.stack.as_deref(), Some(stack.as_str()));
    porthole_engine::swarm::stack::run(
        &engine,
        &StackCommand::Remove {
            name: stack.clone(),
        },
        |_| true,
    )
    .await
    .unwrap();
    assert!(!service::list(&engine)
        .await
        .unwrap()
        .iter()
        .any(|s| s.stack.as_deref() == Some(stack.as_str())));
    let _ = std::fs::remove_dir_all(&folder);

    for service in [&name, &broken] {
        act(
            &engine,
            &SwarmAction::RemoveService {
                service: service.clone(),
            },
        )
        .await
        .unwrap();
    }
    assert!(service::list(&engine).await.unwrap().is_empty());
    // The tasks' volume stays after the service, as with `docker service rm`; removed once its containers are gone.
    common::eventually("the service's volume free to remove", 30, || {
        let volume = volume.clone();
        async move {
            std::process::Command::new("docker")
                .args(["volume", "rm", &volume])
                .env("DOCKER_HOST", common::endpoint().host)
                .output()
                .is_ok_and(|o| o.status.success())
        }
    })
    .await;
    act(&engine, &SwarmAction::Leave { force: true })
        .await
        .unwrap();
    assert!(!info(&engine).await.unwrap().is_active());
    common::docker(&["rmi", "porthole-test/busybox:swarm2"]);
}
