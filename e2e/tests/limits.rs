//! A running container's limits changed in the window (`docker update`): the dialog shows what the container has and
//! uses now, refuses a bad value beside its field with Apply disabled, shows the command as it will run, and the
//! engine's `docker inspect` has the new limits afterwards — with the container still running.

use porthole_e2e::{docker, unique, Removed, Window};

#[tokio::test(flavor = "multi_thread")]
async fn change_a_running_containers_cpu_and_memory_limits() {
    let name = unique("limits");
    let _cleanup = Removed(name.clone());
    docker(&[
        "run",
        "-d",
        "--name",
        &name,
        "--memory",
        "64m",
        "porthole-test/busybox:1",
        "sleep",
        "600",
    ]);

    let window = Window::launch().await;
    window.open("containers").await;
    let row = format!("tr[data-name=\"{name}\"]");
    window
        .wait_for(
            "the container",
            &format!("return !!document.querySelector('{row}')"),
            10,
        )
        .await;
    window.click(&row).await;
    window.click("#container-open").await;
    window
        .wait_for(
            "the limits on the overview",
            "return document.querySelector('#overview-limits')?.textContent.includes('64m')",
            10,
        )
        .await;

    window.click("#change-limits").await;
    window
        .wait_for(
            "the memory in use beside the limit",
            "return /using .*B now/.test(document.getElementById('limits-memory-now')?.textContent || '')",
            10,
        )
        .await;
    assert!(window
        .eval("return document.getElementById('limits-cpus-now').textContent")
        .await
        .as_str()
        .unwrap()
        .starts_with("no limit"));

    // A memory limit below the engine's minimum is refused as typed, before anything is sent.
    window.type_into("limits-memory", "2m").await;
    window
        .wait_for(
            "the refusal beside the field",
            "return document.querySelector('#limits-dialog [data-invalid=memory]')?.textContent.includes('6m')",
            5,
        )
        .await;
    assert_eq!(
        window
            .eval("return document.getElementById('limits-apply').disabled")
            .await,
        true
    );

    window.type_into("limits-memory", "128m").await;
    window.type_into("limits-cpus", "0.5").await;
    window
        .wait_for(
            "the command as it will run",
            &format!(
                "return document.getElementById('limits-cli')?.textContent === 'docker update --cpus 0.5 --memory 128m {name}'"
            ),
            5,
        )
        .await;
    window.screenshot("container-limits").await;
    window.click("#limits-apply").await;

    window
        .wait_for(
            "the new limits on the overview",
            "const t = document.querySelector('#overview-limits')?.textContent || ''; return t.includes('0.5 CPUs') && t.includes('128m')",
            10,
        )
        .await;
    let inspect = |format: &str| docker(&["inspect", "--format", format, &name]);
    assert_eq!(inspect("{{.HostConfig.NanoCpus}}"), "500000000");
    assert_eq!(
        inspect("{{.HostConfig.Memory}}"),
        (128u64 << 20).to_string()
    );
    assert_eq!(inspect("{{.State.Status}}"), "running");
}
