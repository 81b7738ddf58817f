//! The Compose and Networks figures: a 20-service project brought up through the window against the same Compose
//! command in a terminal; the merged logs of 10 services writing about 2,000 lines a second (first screen, and the
//! longest the page's main thread is blocked); and the topology picture of 50 containers on 10 networks.

use crate::pull::median;
use crate::{docker, verdict, Window};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

#[derive(Debug, Default)]
pub struct ComposeFigures {
    pub up_app_ms: Vec<f64>,
    pub up_cli_ms: Vec<f64>,
    /// CPU the window (the app and its WebKit processes, not the tool) used during each Up: its own, and the
    /// terminal's (the window open on the project, following its containers as they change).
    pub up_app_cpu_ms: Vec<f64>,
    pub up_cli_cpu_ms: Vec<f64>,
    pub logs_first_ms: f64,
    /// The same `logs` command in a terminal: from its start to its first line (median of 3).
    pub logs_cli_first_ms: f64,
    pub logs_lines_per_second: f64,
    pub logs_longest_block_ms: f64,
    pub logs_p99_block_ms: f64,
    pub topology_ms: Vec<f64>,
}

fn compose(file: &Path, project: &str, args: &[&str]) -> Duration {
    let start = Instant::now();
    let status = Command::new("docker-compose")
        .arg("-f")
        .arg(file)
        .args(["-p", project])
        .args(args)
        .env("DOCKER_HOST", porthole_e2e::test_engine())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .expect("docker-compose runs");
    assert!(status.success(), "docker-compose {args:?}");
    start.elapsed()
}

/// Takes the project down and removes its folder.
fn forget(file: &Path, project: &str) {
    compose(file, project, &["down"]);
    if let Some(folder) = file.parent() {
        let _ = std::fs::remove_dir_all(folder);
    }
}

/// Milliseconds from starting `docker-compose logs` for the project to its first line of output.
fn first_line_ms(file: &Path, project: &str) -> f64 {
    use std::io::BufRead;
    let start = Instant::now();
    let mut child = Command::new("docker-compose")
        .arg("-f")
        .arg(file)
        .args(["-p", project, "logs", "--no-color", "--tail", "1000"])
        .env("DOCKER_HOST", porthole_e2e::test_engine())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("docker-compose runs");
    let mut first = String::new();
    if let Some(out) = child.stdout.take() {
        let _ = std::io::BufReader::new(out).read_line(&mut first);
    }
    let ms = start.elapsed().as_secs_f64() * 1000.0;
    let _ = child.kill();
    let _ = child.wait();
    ms
}

/// A new folder of its own (never one that was there before) holding a compose file of `services` busybox
/// services, each running `command`; removed by `forget`.
fn project(name: &str, services: usize, command: &str) -> PathBuf {
    let folder = std::env::temp_dir().join(porthole_e2e::unique(name));
    std::fs::create_dir(&folder).expect("a new folder for the project");
    let mut text = String::from("services:\n");
    for i in 0..services {
        text.push_str(&format!(
            "  s{i:02}:\n    image: porthole-test/busybox:1\n    command: sh -c '{command}'\n"
        ));
    }
    let file = folder.join("compose.yaml");
    std::fs::write(&file, text).expect("the compose file");
    file
}

/// Ups timed on each side (keep the row's text in step).
const UP_RUNS: usize = 15;

pub async fn measure() -> ComposeFigures {
    let mut figures = ComposeFigures::default();
    let window = Window::launch().await;

    // k: 20 services up, through the window and in a terminal, alternating; down between runs (not timed).
    let name = "benchup";
    let file = project(name, 20, "sleep 3600");
    compose(&file, name, &["down"]);
    window
        .open_compose_file(&file.to_string_lossy(), name)
        .await;
    // Runs each, the order alternated, so neither side always goes first after a down. Single Ups of the same tool
    // scatter by a second or more on this machine: five each left the median ratio between 0.97 and 1.14.
    let app = crate::process::app_pid();
    let cpu_ms =
        |before: u64| crate::process::window_ticks(app).saturating_sub(before) as f64 * 10.0;
    for run in 0..UP_RUNS {
        let cli = |figures: &mut ComposeFigures| {
            let before = crate::process::window_ticks(app);
            let ms = compose(&file, name, &["up", "-d"]).as_secs_f64() * 1000.0;
            figures.up_cli_cpu_ms.push(cpu_ms(before));
            figures.up_cli_ms.push(ms);
            compose(&file, name, &["down"]);
        };
        if run % 2 == 1 {
            cli(&mut figures);
        }
        let before = crate::process::window_ticks(app);
        let ms = crate::timed_until(
            &window,
            "document.getElementById('compose-up').click()",
            "!!document.getElementById('compose-done')",
            180,
        )
        .await;
        figures.up_app_cpu_ms.push(cpu_ms(before));
        figures.up_app_ms.push(ms);
        // Down again; the opened project stays on the page for the next Up.
        compose(&file, name, &["down"]);
        if run % 2 == 0 {
            cli(&mut figures);
        }
    }

    forget(&file, name);

    // l: 10 services writing 200 lines a second each; the merged logs opened and followed for 10 s.
    let name = "benchlogs";
    let file = project(name, 10, "while :; do seq 1 200; sleep 1; done");
    compose(&file, name, &["up", "-d"]);
    tokio::time::sleep(Duration::from_secs(3)).await;
    window
        .open_compose_file(&file.to_string_lossy(), name)
        .await;
    figures.logs_first_ms = crate::timed_in_page(
        &window,
        "document.getElementById('compose-logs-toggle').click()",
        "!!document.querySelector('#merged-logs .log-line')",
        false,
        30,
    )
    .await;
    let mut cli = Vec::new();
    for _ in 0..3 {
        cli.push(first_line_ms(&file, name));
    }
    figures.logs_cli_first_ms = median(&cli);
    crate::start_blocks(&window).await;
    let count = || {
        let label = format!("label=com.docker.compose.project={name}");
        docker(&["ps", "-q", "--filter", &label])
            .lines()
            .map(|id| docker(&["logs", id]).lines().count())
            .sum::<usize>()
    };
    let before = count();
    let started = Instant::now();
    tokio::time::sleep(Duration::from_secs(10)).await;
    (figures.logs_longest_block_ms, figures.logs_p99_block_ms) = crate::blocks(&window).await;
    let elapsed = started.elapsed().as_secs_f64();
    figures.logs_lines_per_second = (count() - before) as f64 / elapsed;
    forget(&file, name);
    window.close().await;

    figures.topology_ms = topology().await;
    figures
}

/// m: 50 containers on 10 networks (every fifth on two); the topology picture drawn, five times.
async fn topology() -> Vec<f64> {
    let networks: Vec<String> = (0..10).map(|i| format!("bench-net-{i}")).collect();
    for network in &networks {
        docker(&["network", "create", network]);
    }
    let containers: Vec<String> = (0..50).map(|i| format!("bench-topo-{i:02}")).collect();
    for (i, name) in containers.iter().enumerate() {
        docker(&[
            "run",
            "-d",
            "--name",
            name,
            "--network",
            &networks[i % 10],
            "porthole-test/busybox:1",
            "sleep",
            "3600",
        ]);
        if i % 5 == 0 {
            docker(&["network", "connect", &networks[(i + 1) % 10], name]);
        }
    }
    let window = Window::launch().await;
    window.open("networks").await;
    // Timed once the page has every attachment (the list shows the last container on its network).
    window
        .wait_for(
            "every attachment listed",
            "return !!document.getElementById('networks-table')?.innerText.includes('bench-topo-49')",
            30,
        )
        .await;
    let mut times = Vec::new();
    for _ in 0..5 {
        let ms = crate::timed_in_page(
            &window,
            "document.getElementById('view-topology').click()",
            "document.querySelectorAll('#topology .topo-container').length >= 50",
            false,
            30,
        )
        .await;
        times.push(ms);
        window.click("#view-list").await;
        window.goes("#topology", 5).await;
    }
    window.close().await;
    for name in &containers {
        docker(&["rm", "-f", name]);
    }
    for network in &networks {
        docker(&["network", "rm", network]);
    }
    times
}

/// The section of docs/benchmarks.md with rows k–m.
pub fn render(figures: &ComposeFigures) -> String {
    let (app, cli) = (median(&figures.up_app_ms), median(&figures.up_cli_ms));
    let ratio = app / cli;
    let topology = median(&figures.topology_ms);
    let list = |values: &[f64]| {
        values
            .iter()
            .map(|v| format!("{v:.0}"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    format!(
        "\n## Compose and networks\n\n\
| # | What | Figure | Goal | |\n|---|---|---|---|---|\n\
| k | A project of 20 services: Up through the window (click → the tool done) vs the same `docker-compose up -d` in a terminal, down between runs ({UP_RUNS} runs each, which goes first alternated) | median **{app:.0} ms** ({}) vs {cli:.0} ms ({}) = **{ratio:.2}×** | ≤ 1.05× | {} |\n\
| l | Merged logs of 10 services writing {:.0} lines/s together: click → first line painted; then followed for 10 s, the longest the page's main thread was blocked (a 5 ms timer's lateness) | first screen **{:.0} ms** (the same `docker-compose logs` in a terminal prints its first line after {:.0} ms); longest block **{:.0} ms**, p99 {:.0} ms | ≤ 300 ms; ≤ 50 ms | {} |\n\
| m | Topology picture of 50 containers on 10 networks: click → every container drawn (5 runs) | median **{topology:.0} ms** ({}) | ≤ 200 ms | {} |\n\n\
Notes:\n\
- (k) Porthole runs the same Compose tool (Debian's docker-compose 1.29 here) with the same arguments; what it adds \
is streaming the tool's output into the page. The window's own CPU (the app and WebKit, not the tool) during an Up: \
median {:.0} ms when it runs the Up, {:.0} ms while the terminal runs it (the window open on the project either way, \
following its containers). The end is noted in the page by a MutationObserver and read by the driver every 250 ms: \
until 2026-12-01 the page polled every frame and the driver every 25 ms while the window's Up ran (1.14× that way, \
1.08× with this change the same day, 9 runs each). Single Ups of the same tool scatter by more than a second on \
both sides (the terminal's median was 5483 ms and 6203 ms in two runs that day), so one run's ratio moves by about \
0.1 either way; the window's own CPU above is the steadier measure of what it adds.\n\
- (l) The merged logs are read from the engine (every container of the project by its label, as Compose v2 reads \
them), not through the tool, whose start-up alone (Python, v1) takes most of its time to the first line; the lines \
reach the page in batches; the view keeps 5,000 lines and renders only those in view.\n\
- (m) The layout is computed in the page from the containers and networks already in the store.\n",
        list(&figures.up_app_ms),
        list(&figures.up_cli_ms),
        verdict(ratio <= 1.05),
        figures.logs_lines_per_second,
        figures.logs_first_ms,
        figures.logs_cli_first_ms,
        figures.logs_longest_block_ms,
        figures.logs_p99_block_ms,
        verdict(figures.logs_first_ms <= 300.0 && figures.logs_longest_block_ms <= 50.0),
        list(&figures.topology_ms),
        verdict(topology <= 200.0),
        median(&figures.up_app_cpu_ms),
        median(&figures.up_cli_cpu_ms),
    )
}
