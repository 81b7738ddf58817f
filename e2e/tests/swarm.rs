//! Swarm through the window, on a one-node swarm the test starts and leaves: initialise from the Swarm page, the
//! join command with its token masked until asked, the node listed and labelled, a bad service name and a bad stack name refused
//! beside their fields with nothing sent, a service created with the form (2 replicas),
//! scaled to 3 from its row, its tasks listed, removed (asked first), a stack deployed with `docker stack deploy` and
//! removed (asked first), and the swarm left (asked first).

use porthole_e2e::{docker, rig, unique, Window};

/// Leaves the swarm and removes the gateway network made for it, whatever the test did.
struct Left;

impl Drop for Left {
    fn drop(&mut self) {
        rig("swarm-down");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn initialise_create_scale_remove_and_leave() {
    let _left = Left;
    rig("gateway-bridges");
    let name = unique("svc");
    let window = Window::launch().await;
    window.record_ipc().await;
    window.open("swarm").await;
    window
        .appears("#swarm-setup[data-state=inactive]", 10)
        .await;
    window.type_into("swarm-address", "127.0.0.1").await;
    window
        .wait_for(
            "the init command",
            "return document.getElementById('swarm-init-cli')?.textContent === 'docker swarm init --advertise-addr 127.0.0.1 --listen-addr 127.0.0.1:2377'",
            5,
        )
        .await;
    window.click("#swarm-init").await;
    window.appears("#swarm-setup[data-state=active]", 20).await;
    let token = docker(&["swarm", "join-token", "-q", "worker"]);
    let shown = window
        .eval("return document.getElementById('swarm-join').textContent")
        .await;
    let shown = shown.as_str().unwrap_or_default().to_owned();
    assert!(
        shown.starts_with("docker swarm join --token SWMTKN") && !shown.contains(&token),
        "masked: {shown}"
    );
    window.click("#swarm-reveal").await;
    window
        .wait_for(
            "the whole token",
            &format!(
                "return document.getElementById('swarm-join').textContent.includes('{token}')"
            ),
            5,
        )
        .await;
    window
        .appears("#swarm-nodes tr[data-availability=active]", 10)
        .await;

    // The node's labels edited in place, with the exact command; what the engine stores is what was typed.
    let hostname = docker(&[
        "node",
        "inspect",
        "self",
        "--format",
        "{{.Description.Hostname}}",
    ]);
    window.click("#swarm-nodes [data-action=node-labels]").await;
    window.appears("#node-labels-waiting", 5).await;
    window.type_into("node-labels-input", "zone=attic").await;
    window
        .wait_for(
            "the label command",
            &format!("return document.getElementById('node-labels-cli')?.textContent === 'docker node update --label-add zone=attic {hostname}'"),
            5,
        )
        .await;
    window.click("#node-labels-save").await;
    window
        .appears("#swarm-nodes .chip[data-label=zone]", 10)
        .await;
    assert_eq!(
        docker(&[
            "node",
            "inspect",
            "self",
            "--format",
            "{{index .Spec.Labels \"zone\"}}"
        ]),
        "attic"
    );

    window.click("#service-new").await;
    // A name the engine would refuse is refused beside its field, and nothing is sent.
    window
        .rejects(
            "service-name",
            "bad name!",
            "#service-invalid[data-invalid=name]",
            "#service-create-go",
            "swarm_action",
        )
        .await;
    window.type_into("service-name", &name).await;
    window
        .type_into("service-image", "porthole-test/busybox:1")
        .await;
    window.type_into("service-replicas", "2").await;
    window
        .type_into(
            "service-command",
            "sh -c 'trap \"exit 0\" TERM; while true; do echo tick from $(hostname); sleep 1; done'",
        )
        .await;
    // The folded settings: a mount that is not SOURCE:TARGET is refused by name; a read-only host folder, restart
    // on failure and a memory limit join the command.
    window.click("#service-more").await;
    window
        .rejects(
            "service-mounts",
            "data",
            "#service-invalid[data-invalid=mounts]",
            "#service-create-go",
            "swarm_action",
        )
        .await;
    window
        .type_into("service-mounts", "/tmp:/host-tmp:ro")
        .await;
    window.choose("service-restart", "on-failure").await;
    window.type_into("service-limit-memory", "64m").await;
    window
        .wait_for(
            "the service command",
            &format!(
                "return document.getElementById('service-cli')?.textContent.startsWith('docker service create --name {name} \
                 --replicas 2 --mount type=bind,source=/tmp,target=/host-tmp,readonly --restart-condition on-failure \
                 --limit-memory 64m porthole-test/busybox:1')"
            ),
            5,
        )
        .await;
    window.screenshot("swarm-service-create").await;
    window.click("#service-create-go").await;
    let row = format!("#swarm-services tr[data-service=\"{name}\"]");
    window
        .appears(&format!("{row}[data-replicas=\"2/2\"]"), 40)
        .await;
    window
        .eval(&format!(
            "const i = document.querySelector('{row} .scale-count'); i.value = '3'; i.dispatchEvent(new Event('input')); return true"
        ))
        .await;
    window.click(&format!("{row} [data-action=scale]")).await;
    window
        .appears(&format!("{row}[data-replicas=\"3/3\"]"), 40)
        .await;
    assert_eq!(
        docker(&[
            "service",
            "ls",
            "--filter",
            &format!("name={name}"),
            "--format",
            "{{.Replicas}}"
        ]),
        "3/3"
    );
    assert_eq!(
        docker(&[
            "service",
            "inspect",
            &name,
            "--format",
            "{{range .Spec.TaskTemplate.ContainerSpec.Mounts}}{{.Source}}:{{.Target}}:{{.ReadOnly}}{{end}} \
             {{.Spec.TaskTemplate.RestartPolicy.Condition}} {{.Spec.TaskTemplate.Resources.Limits.MemoryBytes}}"
        ]),
        "/tmp:/host-tmp:true on-failure 67108864"
    );
    window.click(&format!("{row} td.name")).await;
    window
        .wait_for(
            "three running tasks",
            "return document.querySelectorAll('#service-tasks tr[data-task-state=running]').length === 3",
            20,
        )
        .await;
    // Its spec as a tree, as `docker service inspect` has it: 3 replicas of the busybox image.
    window.click("#service-spec-toggle").await;
    window
        .wait_for(
            "the service's spec",
            "const t = document.querySelector('#service-spec .json-tree')?.textContent || ''; \
             return t.includes('Replicas') && t.includes('porthole-test/busybox:1')",
            10,
        )
        .await;
    window.click("#service-spec-toggle").await;
    window.goes("#service-spec", 5).await;
    // The service's merged logs: lines of several tasks, each tagged with its task and node.
    window.click("#service-logs-toggle").await;
    window
        .wait_for(
            "lines from two tasks",
            &format!("return new Set([...document.querySelectorAll('#merged-logs .log-line')].map(l => l.dataset.service).filter(s => s.startsWith('{name}.'))).size >= 2"),
            30,
        )
        .await;
    window.click("#swarm-reveal").await;
    window
        .eval(
            "document.getElementById('service-tasks').scrollIntoView({block: 'end'}); return true",
        )
        .await;
    window.screenshot("swarm").await;

    // The Swarm concept page (its screenshot for the README).
    window.open("learn").await;
    window.click(".concept-tab[data-concept=swarm]").await;
    window.appears("#concept-swarm", 10).await;
    // "Yours right now" names the service; its link opens it on the Swarm page, its tasks shown.
    let live = ".live-objects[data-concept=swarm] .live-object";
    let link =
        format!("[...document.querySelectorAll('{live}')].find(b => b.textContent === '{name}')");
    window
        .wait_for("the service among yours", &format!("return !!{link}"), 10)
        .await;
    window.screenshot("learn-swarm").await;
    window.eval(&format!("{link}.click(); return true")).await;
    window
        .appears(&format!("#service-tasks[data-service=\"{name}\"]"), 10)
        .await;
    window.appears(&row, 10).await;

    window
        .click(&format!("{row} [data-action=remove-service]"))
        .await;
    window.appears("#confirm-dialog", 5).await;
    window.click("#confirm-ok").await;
    window.goes(&row, 20).await;
    assert_eq!(docker(&["service", "ls", "-q"]), "");

    // A stack through the docker CLI's own `docker stack deploy`, then removed (asked first).
    let stack = unique("stk").replace('-', "");
    let folder = std::env::temp_dir().join(&stack);
    std::fs::create_dir_all(&folder).expect("stack folder");
    std::fs::write(
        folder.join("compose.yaml"),
        "services:\n  app:\n    image: porthole-test/busybox:1\n    command: [\"sh\", \"-c\", \"trap 'exit 0' TERM; while true; do sleep 1; done\"]\n",
    )
    .expect("compose file");
    let file = folder.join("compose.yaml").display().to_string();
    window.type_into("stack-file", &file).await;
    window
        .rejects(
            "stack-name",
            "Bad Name!",
            "#stack-invalid",
            "#stack-deploy",
            "stack_run",
        )
        .await;
    window.type_into("stack-name", &stack).await;
    window
        .wait_for(
            "the deploy command",
            &format!("return document.getElementById('stack-cli')?.textContent === 'docker stack deploy -c {file} {stack}'"),
            5,
        )
        .await;
    window.click("#stack-deploy").await;
    window
        .appears(&format!("#stacks-table tr[data-stack=\"{stack}\"]"), 30)
        .await;
    window
        .click(&format!(
            "#stacks-table tr[data-stack=\"{stack}\"] [data-action=remove-stack]"
        ))
        .await;
    window.appears("#confirm-dialog", 5).await;
    window.click("#confirm-ok").await;
    window
        .goes(&format!("#stacks-table tr[data-stack=\"{stack}\"]"), 30)
        .await;
    let _ = std::fs::remove_dir_all(&folder);

    window.click("#swarm-leave").await;
    window.appears("#confirm-dialog", 5).await;
    window.click("#confirm-ok").await;
    window
        .appears("#swarm-setup[data-state=inactive]", 20)
        .await;
}
