//! The learner's notes, visually: fill the run dialog (name, port, volume, environment; bad input refused inline),
//! start, open the published port, watch the logs and stats update, type a command in the terminal and read its
//! output, stop and remove — and the named volume's data outlives the container.

use porthole_e2e::{docker, http_get, unique, Removed, Window};

#[tokio::test(flavor = "multi_thread")]
async fn run_watch_exec_stop_remove() {
    let name = unique("e2e-run");
    let volume = unique("e2e-site");
    let _cleanup = Removed(name.clone());
    let window = Window::launch().await;
    window
        .wait_for(
            "the containers page",
            "return !!document.getElementById('run-open')",
            20,
        )
        .await;
    window.click("#run-open").await;
    window
        .wait_for(
            "the run dialog",
            "return !!document.getElementById('run-dialog')",
            5,
        )
        .await;
    window
        .type_into("run-image", "porthole-test/busybox:1")
        .await;
    window.type_into("run-name", &name).await;

    // A bad port is refused inline, and Run stays disabled until it is fixed.
    window.click("#run-add-port").await;
    window.type_into("port-host-0", "70000").await;
    window.type_into("port-container-0", "80").await;
    window
        .wait_for("the port refusal", "return document.querySelector('#run-ports .row-problem')?.textContent.includes('out of range')", 5)
        .await;
    assert_eq!(
        window
            .eval("return document.getElementById('run-start').disabled")
            .await,
        true
    );
    window.type_into("port-host-0", "").await;
    window.type_into("port-host-ip-0", "127.0.0.1").await;

    window.click("#run-add-volume").await;
    window.type_into("mount-source-1", &volume).await;
    window.type_into("mount-target-1", "/data").await;
    window.type_into("run-env", "GREETING=hello").await;
    window
        .eval("document.querySelector('#run-dialog details').open = true; return true")
        .await;
    window
        .type_into(
            "run-command",
            "sh -c \"httpd -p 80 -h /www; echo $GREETING > /data/greeting; i=0; while :; do i=$((i+1)); echo tick $i; sleep 0.3; done\"",
        )
        .await;
    // Limits, as `docker run --cpus --memory` sets them: a memory limit below the engine's minimum is refused.
    window.type_into("run-memory", "1m").await;
    window
        .wait_for(
            "the memory refusal",
            "return document.getElementById('run-start').disabled && document.querySelector('#run-dialog')?.textContent.includes('6m')",
            5,
        )
        .await;
    window.type_into("run-memory", "256m").await;
    window.type_into("run-cpus", "1.5").await;
    window
        .wait_for(
            "Run enabled",
            "return !document.getElementById('run-start').disabled",
            5,
        )
        .await;
    let cli = window
        .eval("return document.getElementById('run-cli').textContent")
        .await;
    let cli = cli.as_str().unwrap_or_default().to_owned();
    assert!(cli.starts_with("docker run -d --name"), "{cli}");
    assert!(
        cli.contains("-p 127.0.0.1::80") && cli.contains("-e GREETING=hello"),
        "{cli}"
    );
    assert!(cli.contains("--cpus 1.5 --memory 256m"), "{cli}");
    assert!(
        cli.contains(&format!("type=volume,source={volume},target=/data")),
        "{cli}"
    );
    window
        .eval("document.getElementById('run-dialog').scrollTop = 0; return true")
        .await;
    window.screenshot("run-dialog").await;

    window.click("#run-start").await;
    window
        .wait_for(
            "the container's page",
            &format!("return document.getElementById('container-name')?.textContent === '{name}'"),
            30,
        )
        .await;
    assert_eq!(
        docker(&["inspect", "--format", "{{.State.Status}}", &name]),
        "running"
    );
    assert_eq!(
        docker(&[
            "inspect",
            "--format",
            "{{.HostConfig.NanoCpus}} {{.HostConfig.Memory}}",
            &name
        ]),
        format!("1500000000 {}", 256u64 << 20)
    );

    // The published port, as a link: what it opens answers like `curl http://localhost:PORT`.
    window
        .wait_for(
            "the port link",
            "return !!document.querySelector('#container-overview .port-link')",
            10,
        )
        .await;
    let url = window
        .eval("return document.querySelector('#container-overview .port-link').dataset.url")
        .await;
    let url = url.as_str().unwrap().to_owned();
    assert!(url.starts_with("http://127.0.0.1:"), "{url}");
    assert!(http_get(&url).contains("Hello from a Porthole test container"));
    window.screenshot("container-overview").await;

    // Logs follow: a tick appears, then a later one.
    window.click("[data-tab=logs]").await;
    window
        .wait_for("the first ticks", "return [...document.querySelectorAll('#log-lines .log-line')].some(l => l.textContent.includes('tick 3'))", 15)
        .await;
    window
        .wait_for("newer ticks", "return [...document.querySelectorAll('#log-lines .log-line')].some(l => l.textContent.includes('tick 9'))", 15)
        .await;
    window.type_into("log-search", "tick 1").await;
    window
        .wait_for(
            "search highlights",
            "return !!document.querySelector('#log-lines mark')",
            5,
        )
        .await;
    window.screenshot("container-logs").await;

    // Stats: samples arrive and the charts draw.
    window.click("[data-tab=stats]").await;
    window
        .wait_for("a few samples", "return (document.querySelector('#stat-cpu .sparkline-line')?.getAttribute('points') || '').split(' ').length >= 6", 30)
        .await;
    let memory = window
        .eval("return document.querySelector('#stat-memory .stat-value').textContent")
        .await;
    assert!(
        memory.as_str().unwrap_or_default().contains("iB /"),
        "{memory}"
    );
    // Each chart says its scale in its unit, from 0, and the time it covers.
    let axes = window
        .eval(
            "return ['cpu', 'memory', 'network', 'pids'].map(k => { const c = document.querySelector('#stat-' + k); \
             return [c.querySelector('.chart-top').textContent, c.querySelector('.chart-zero').textContent, \
                     c.querySelector('.chart-window').textContent].join(' | '); })",
        )
        .await;
    let axes: Vec<String> = axes
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|v| v.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default();
    assert_eq!(axes.len(), 4, "{axes:?}");
    assert!(
        axes[0].contains(" %") && axes[0].contains("| 0 % |"),
        "CPU in percent from 0: {axes:?}"
    );
    assert!(
        axes[1].contains("iB |") && axes[1].contains("0 B"),
        "memory in bytes from 0: {axes:?}"
    );
    assert!(axes[2].contains("/s |"), "network per second: {axes:?}");
    assert!(
        axes.iter().all(|a| a.contains("| last ")),
        "the time window is said: {axes:?}"
    );
    // The value under the pointer.
    window
        .eval(
            "const p = document.querySelector('#stat-memory .chart-plot'); const r = p.getBoundingClientRect(); \
             p.dispatchEvent(new MouseEvent('mousemove', {bubbles: true, clientX: r.right - 2, clientY: r.top + 10})); return true",
        )
        .await;
    window
        .wait_for(
            "the value under the pointer",
            "return /iB · (now|\\d+ s ago)/.test(document.querySelector('#stat-memory .chart-hover')?.textContent || '')",
            5,
        )
        .await;
    window.screenshot("container-stats").await;

    window.click("[data-tab=processes]").await;
    window
        .wait_for("the processes", "return [...document.querySelectorAll('#process-table td')].some(td => td.textContent.includes('httpd'))", 10)
        .await;

    // Terminal: type a command as a user would and read its output in the emulator. The emulator's script is
    // loaded by the tab, not with the page.
    assert_eq!(
        window.eval("return typeof window.Terminal").await,
        "undefined",
        "xterm.js is loaded only when a terminal opens"
    );
    window.click("[data-tab=terminal]").await;
    window
        .wait_for("the shell", "return !!document.querySelector('#terminal .xterm-helper-textarea') && !document.getElementById('terminal-state')", 15)
        .await;
    let keys = window
        .client
        .find(fantoccini::Locator::Css("#terminal .xterm-helper-textarea"))
        .await
        .expect("the terminal's input");
    keys.send_keys("echo \"$GREETING-$((6*7))\"\u{E007}")
        .await
        .expect("typing into the terminal");
    window
        .wait_for("the command's output", "return document.querySelector('#terminal .xterm-rows')?.textContent.includes('hello-42')", 10)
        .await;
    window.screenshot("container-terminal").await;

    // Stop, then remove: the page says so, and the named volume keeps the data written into it.
    window.click("[data-tab=overview]").await;
    window.click("[data-action=stop]").await;
    window
        .wait_for("stopped", "return document.querySelector('.header-state .badge')?.textContent.toLowerCase().includes('exited')", 30)
        .await;
    window.click("[data-action=remove]").await;
    window
        .wait_for(
            "the confirmation",
            "return !!document.getElementById('confirm-dialog')",
            5,
        )
        .await;
    window.click("#confirm-ok").await;
    window
        .wait_for(
            "the removal",
            "return !!document.getElementById('container-gone')",
            15,
        )
        .await;
    assert!(docker(&["ps", "-aq", "--filter", &format!("name=^{name}$")]).is_empty());
    let reader = unique("e2e-reader");
    let _reader = Removed(reader.clone());
    let kept = docker(&[
        "run",
        "--name",
        &reader,
        "-v",
        &format!("{volume}:/data"),
        "porthole-test/busybox:1",
        "cat",
        "/data/greeting",
    ]);
    assert_eq!(kept, "hello");
    docker(&["rm", &reader]);
    docker(&["volume", "rm", &volume]);
    window.close().await;
}
