//! A two-node swarm through the window, from the rig's two private engines: initialised on the first from its Swarm
//! page, the token revealed there; the window switched to the second engine (a docker context), which joins with
//! that token; back on the manager, both nodes listed, a service created with 3 replicas and scaled to 5 across
//! both, its merged logs holding lines of tasks on each node; the worker drained (asked first) and its tasks seen
//! moving to the manager; the image updated and the roll watched as the engine reports it, to completion.

use porthole_e2e::{create_context, docker_on, rig, second_engine, test_engine, unique, Window};

/// Both engines leave the swarm and their gateway networks go, whatever the test did.
struct Cluster;

impl Drop for Cluster {
    fn drop(&mut self) {
        rig("swarm-down");
    }
}

/// `(node id, slot)` of each running task in the open service's task table.
async fn running_tasks(window: &Window) -> Vec<(String, String)> {
    let found = window
        .eval(
            "return [...document.querySelectorAll('#service-tasks tr[data-task-state=running]')].map(r => [r.dataset.nodeId, r.dataset.slot])",
        )
        .await;
    serde_json::from_value(found).unwrap_or_default()
}

#[tokio::test(flavor = "multi_thread")]
async fn a_two_node_swarm_through_the_window() {
    let manager = test_engine();
    let worker = second_engine();
    let _cluster = Cluster;
    rig("gateway-bridges");
    let address = |name: &str| std::env::var(name).expect("the rig's engine addresses");
    let window = Window::launch_with(|home| {
        create_context(
            &home.join("docker-config"),
            "second",
            &format!("host={worker}"),
        );
    })
    .await;

    // Initialise on the first engine, at its bridge address; reveal the worker token.
    window.open("swarm").await;
    window
        .type_into("swarm-address", &address("PORTHOLE_TEST_ENGINE_ADDRESS"))
        .await;
    window.click("#swarm-init").await;
    window.appears("#swarm-join", 20).await;
    window.click("#swarm-reveal").await;
    let shown = window
        .eval("return document.getElementById('swarm-join').textContent")
        .await;
    let words: Vec<String> = shown
        .as_str()
        .unwrap_or_default()
        .split_whitespace()
        .map(str::to_owned)
        .collect();
    let token = words[words.iter().position(|w| w == "--token").expect("a token") + 1].clone();
    let remote = words.last().expect("the manager's address").clone();

    // The second engine joins, from its own Swarm page.
    window.choose("engine-switcher", "second").await;
    window.open("swarm").await;
    window
        .appears("#swarm-setup[data-state=inactive]", 20)
        .await;
    window.click("#swarm-join-form summary").await;
    window
        .type_into("swarm-address", &address("PORTHOLE_TEST_ENGINE2_ADDRESS"))
        .await;
    window.type_into("swarm-join-remote", &remote).await;
    window.type_into("swarm-join-token", &token).await;
    window
        .wait_for(
            "the join command, its token masked",
            &format!(
                "const t = document.getElementById('swarm-join-cli')?.textContent || ''; \
                 return t.startsWith('docker swarm join --token SWMTKN-') && !t.includes('{token}') && t.endsWith(' {remote}')"
            ),
            5,
        )
        .await;
    window
        .eval("document.getElementById('swarm-join-form').scrollIntoView({block: 'center'}); return true")
        .await;
    window.screenshot("swarm-join").await;
    window.click("#swarm-join-go").await;
    window.appears("#swarm-setup[data-state=active]", 20).await;
    assert_eq!(
        docker_on(&worker, &["info", "--format", "{{.Swarm.LocalNodeState}}"])
            .1
            .trim(),
        "active"
    );

    // Back on the manager: two nodes; a service over both.
    window.choose("engine-switcher", "DOCKER_HOST").await;
    window.open("swarm").await;
    window
        .wait_for(
            "both nodes",
            "return document.querySelectorAll('#swarm-nodes tbody tr').length === 2",
            20,
        )
        .await;
    let worker_id = docker_on(&worker, &["info", "--format", "{{.Swarm.NodeID}}"])
        .1
        .trim()
        .to_owned();
    let name = unique("spread");
    window.click("#service-new").await;
    window.type_into("service-name", &name).await;
    window
        .type_into("service-image", "porthole-test/busybox:1")
        .await;
    window.type_into("service-replicas", "3").await;
    window
        .type_into(
            "service-command",
            "sh -c 'trap \"exit 0\" TERM; while true; do echo tick; sleep 1; done'",
        )
        .await;
    window.click("#service-create-go").await;
    let row = format!("#swarm-services tr[data-service=\"{name}\"]");
    window
        .appears(&format!("{row}[data-replicas=\"3/3\"]"), 60)
        .await;
    window
        .eval(&format!(
            "const i = document.querySelector('{row} .scale-count'); i.value = '5'; i.dispatchEvent(new Event('input')); return true"
        ))
        .await;
    window.click(&format!("{row} [data-action=scale]")).await;
    window
        .appears(&format!("{row}[data-replicas=\"5/5\"]"), 60)
        .await;
    window.click(&format!("{row} td.name")).await;
    window
        .wait_for(
            "five running tasks on two nodes",
            "const rows = [...document.querySelectorAll('#service-tasks tr[data-task-state=running]')]; \
             return rows.length === 5 && new Set(rows.map(r => r.dataset.nodeId)).size === 2",
            30,
        )
        .await;
    let tasks = running_tasks(&window).await;
    let worker_slots: Vec<String> = tasks
        .iter()
        .filter(|(node, _)| *node == worker_id)
        .map(|(_, slot)| format!("{name}.{slot}"))
        .collect();
    assert!(!worker_slots.is_empty(), "{tasks:?}");

    // The merged logs hold lines of tasks on both nodes.
    window.click("#service-logs-toggle").await;
    window
        .wait_for(
            "log lines from a task on each node",
            &format!(
                "const from = new Set([...document.querySelectorAll('#merged-logs .log-line')].map(l => l.dataset.service.split('@')[0])); \
                 const worker = {worker_slots:?}; \
                 return worker.some(s => from.has(s)) && [...from].some(s => s.startsWith('{name}.') && !worker.includes(s))"
            ),
            30,
        )
        .await;
    window.click("#service-logs-toggle").await;

    // Drain the worker (asked first): its tasks move to the manager.
    window
        .click(&format!(
            "#swarm-nodes tr[data-node-id=\"{worker_id}\"] [data-action=node-drain]"
        ))
        .await;
    window.appears("#confirm-dialog", 5).await;
    window.click("#confirm-ok").await;
    window
        .wait_for(
            "every task on the manager",
            &format!(
                "const rows = [...document.querySelectorAll('#service-tasks tr[data-task-state=running]')]; \
                 return rows.length === 5 && rows.every(r => r.dataset.nodeId !== '{worker_id}')"
            ),
            60,
        )
        .await;
    window
        .click(&format!(
            "#swarm-nodes tr[data-node-id=\"{worker_id}\"] [data-action=node-activate]"
        ))
        .await;
    window
        .appears(
            &format!("#swarm-nodes tr[data-node-id=\"{worker_id}\"][data-availability=active]"),
            20,
        )
        .await;

    // Update the image and watch the roll as the engine reports it.
    window
        .eval(&format!(
            "const i = document.querySelector('{row} .service-image'); i.value = 'porthole-test/web:1'; i.dispatchEvent(new Event('input')); return true"
        ))
        .await;
    window
        .click(&format!("{row} [data-action=update-image]"))
        .await;
    window
        .wait_for(
            "the roll under way",
            "const u = document.getElementById('service-update'); \
             return !!u && u.dataset.state === 'updating' && Number(u.dataset.replaced) >= 1 && Number(u.dataset.replaced) < 5",
            60,
        )
        .await;
    window
        .eval("document.getElementById('service-tasks').scrollIntoView({block: 'start'}); return true")
        .await;
    window.screenshot("swarm-rolling-update").await;
    window
        .appears(
            "#service-update[data-state=completed][data-replaced=\"5\"]",
            120,
        )
        .await;
    let (_, images) = docker_on(
        &manager,
        &[
            "service",
            "ps",
            &name,
            "--filter",
            "desired-state=running",
            "--format",
            "{{.Image}}",
        ],
    );
    assert!(
        images.lines().count() == 5 && images.lines().all(|i| i == "porthole-test/web:1"),
        "docker service ps: {images}"
    );
}
