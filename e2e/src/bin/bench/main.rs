//! `scripts/bench.sh` runs this: Porthole's figures against the raw Engine API and the docker CLI on the same
//! machine, written to docs/benchmarks.md. Not a test: it asserts nothing, it measures and reports goals beside
//! the figures.
//!
//! Needs the private engine (`PORTHOLE_TEST_ENGINE`), a release app (`PORTHOLE_APP`) and a display (`DISPLAY`).

mod compose;
mod engines;
mod files;
mod process;
mod pull;
mod start;
mod streams;
mod swarm;
mod wasm;

use bollard::models::ContainerCreateBody;
use bollard::query_parameters::{
    CreateContainerOptions, RemoveContainerOptions, StartContainerOptions,
};
use futures_util::{stream, StreamExt};
use porthole_e2e::{docker, test_engine, Window};
use porthole_engine::container::list::list as list_containers;
use porthole_engine::{Endpoint, EndpointSource, Engine};
use process::{app_pid, window_ticks, Memory};
use std::io::{Read, Write};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

const IMAGE: &str = "porthole-test/busybox:1";

#[tokio::main]
async fn main() {
    let path = porthole_e2e::workspace_root().join("docs/benchmarks.md");
    // `bench compose` / `bench engines` / `bench files` / `bench swarm` / `bench wasm`: only that section, measured again and put in place in the file; `bench main`: the first two sections.
    let section = match std::env::args().nth(1).as_deref() {
        Some("compose") => Some(compose::render(&compose::measure().await)),
        Some("engines") => Some(engines::render(&engines::measure().await)),
        Some("files") => Some(files::render(&files::measure().await)),
        Some("swarm") => Some(swarm::render(&swarm::measure().await)),
        Some("wasm") => Some(wasm::render(&wasm::measure().await)),
        _ => None,
    };
    if let Some(section) = section {
        let old = std::fs::read_to_string(&path).unwrap_or_default();
        std::fs::write(&path, with_section(&old, &section)).expect("write docs/benchmarks.md");
        eprintln!("wrote a section of {}", path.display());
        return;
    }
    if std::env::args().nth(1).as_deref() == Some("start") {
        return start::try_out().await;
    }
    let count: usize = std::env::args()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(1000);
    let engine = Engine::connect(&rig_endpoint())
        .await
        .expect("the private engine answers");
    remove_bench_containers(&engine).await;

    let started = Instant::now();
    create(&engine, count, "bench-c", false).await;
    let created_in = started.elapsed();
    eprintln!("created {count} containers in {created_in:?}");

    let list = list_ratio(&engine).await;
    eprintln!("list: {list:?}");
    // Containers other tests left on the rig's engine count too: the page shows them all.
    let total = list_containers(&engine, true)
        .await
        .map_or(count, |all| all.len());
    let launch = start::porthole(total).await;
    eprintln!("launch: {launch:?}");
    let floor = start::floor().await;
    eprintln!("floor: {floor:?}");
    let footprint = start::footprint().await;
    eprintln!("footprint: {footprint:?}");
    let latency = latency(count).await;
    eprintln!("latency: {latency:?}");
    remove_bench_containers(&engine).await;

    create(&engine, 100, "bench-r", true).await;
    let idle = idle_cpu().await;
    eprintln!("idle: {idle:?}");
    remove_bench_containers(&engine).await;

    let pull = pull::measure(&engine).await;
    eprintln!("pull: {pull:?}");
    let logs = streams::measure_logs().await;
    eprintln!("logs: {logs:?}");
    let stats = streams::measure_stats(&engine).await;
    eprintln!("stats: {stats:?}");

    // `bench main`: these rows alone; the Compose and Engines sections are kept as they were.
    let main_only = std::env::args().nth(1).as_deref() == Some("main");
    let mut streams = streams::render(&logs, &stats);
    if !main_only {
        let compose = compose::measure().await;
        eprintln!("compose: {compose:?}");
        let engines = engines::measure().await;
        eprintln!("engines: {engines:?}");
        streams = streams + &compose::render(&compose) + "\n" + &engines::render(&engines);
    }
    let report = render(&Figures {
        count,
        created_in,
        list,
        launch,
        floor,
        footprint,
        latency,
        idle,
        pull,
    }) + &streams;
    // Measured on their own and kept as they were: Swarm (`bench swarm`: 500 tasks take minutes to start),
    // Packages (`scripts/package.sh`'s sizes), the UI module (`bench wasm`) and Files (`bench files`).
    let old = std::fs::read_to_string(&path).unwrap_or_default();
    let mut report = report;
    let kept: &[&str] = if main_only {
        &[
            "\n## Compose and networks",
            "\n## Engines",
            "\n## Swarm",
            "\n## Packages",
            "\n## The shipped UI module",
            "\n## Files and disk usage",
        ]
    } else {
        &[
            "\n## Swarm",
            "\n## Packages",
            "\n## The shipped UI module",
            "\n## Files and disk usage",
        ]
    };
    for heading in kept {
        if let Some(start) = old.find(heading) {
            let end = old[start + 1..]
                .find("\n## ")
                .map_or(old.len(), |i| start + 1 + i);
            report = with_section(&report, &old[start..end]);
        }
    }
    std::fs::write(&path, report).expect("write docs/benchmarks.md");
    let _ = (logs, stats);
    eprintln!("wrote {}", path.display());
}

/// Milliseconds from running `start` in the page to `done` (a script expression) being true, timed in the page with
/// animation frames. With `stale`, `done` must first have been false once: a badge left from the previous run does
/// not count (the page may also render within the click itself, so this is asked for only where it matters).
pub async fn timed_in_page(
    window: &Window,
    start: &str,
    done: &str,
    stale: bool,
    seconds: u64,
) -> f64 {
    window
        .eval(&format!(
            "window.__t1 = null; window.__t0 = performance.now(); let gone = {}; {start};
             const poll = () => {{ const d = ({done}); if (!d) gone = true;
                 if (d && gone) window.__t1 = performance.now(); else requestAnimationFrame(poll); }};
             poll(); return true",
            !stale
        ))
        .await;
    noted(window, seconds, Duration::from_millis(25)).await
}

/// Milliseconds from running `start` in the page to `done` (a script expression) being true, for work that takes
/// seconds while the other side of the comparison runs in a terminal: a MutationObserver in the page notes the
/// moment `done` turns true (after it was false once, so a badge left from the previous run does not count), and
/// the driver asks for it only every 250 ms. Timed with `timed_in_page`, the page ran a frame loop and the driver
/// made a round trip every 25 ms for the whole run, CPU the terminal's side never spent, on two cores.
pub async fn timed_until(window: &Window, start: &str, done: &str, seconds: u64) -> f64 {
    window
        .eval(&format!(
            "window.__t1 = null; let gone = false;
             const watch = new MutationObserver(() => check());
             const check = () => {{ const d = ({done}); if (!d) gone = true;
                 if (d && gone && window.__t1 === null) {{ window.__t1 = performance.now(); watch.disconnect(); }} }};
             watch.observe(document.body, {{ childList: true, subtree: true }});
             window.__t0 = performance.now(); check(); {start}; check(); return true"
        ))
        .await;
    noted(window, seconds, Duration::from_millis(250)).await
}

/// Waits, asking every `every`, until the page has noted the end of a timed change (`window.__t1`), and returns its
/// milliseconds from the start (`window.__t0`).
async fn noted(window: &Window, seconds: u64, every: Duration) -> f64 {
    window
        .wait_for_every(
            "the timed change",
            "return window.__t1 !== null",
            seconds,
            every,
        )
        .await;
    window
        .eval("return window.__t1 - window.__t0")
        .await
        .as_f64()
        .unwrap_or(f64::NAN)
}

/// Starts recording, in the page, how late a 5 ms timer runs: the longest lateness is the longest the page's main
/// thread was blocked.
async fn start_blocks(window: &Window) {
    window
        .eval(
            "window.__gaps = []; let last = performance.now();
             const tick = () => { const now = performance.now(); window.__gaps.push(now - last - 5); last = now;
                 if (window.__gaps.length < 100000) setTimeout(tick, 5); }; setTimeout(tick, 5); return true",
        )
        .await;
}

/// The longest and the 99th-percentile block since `start_blocks`, in milliseconds.
async fn blocks(window: &Window) -> (f64, f64) {
    let gaps = window.eval("return window.__gaps").await;
    let mut gaps: Vec<f64> = gaps
        .as_array()
        .map(|a| a.iter().filter_map(|v| v.as_f64()).collect())
        .unwrap_or_default();
    gaps.sort_by(f64::total_cmp);
    (
        gaps.last().copied().unwrap_or(f64::NAN),
        gaps.get(gaps.len() * 99 / 100).copied().unwrap_or(f64::NAN),
    )
}

/// `report` with its section that starts like `section` (its `## ` heading) replaced by `section`, or with
/// `section` added at the end.
fn with_section(report: &str, section: &str) -> String {
    let heading = section.trim_start().lines().next().unwrap_or_default();
    let Some(start) = report.find(heading) else {
        return format!("{}\n\n{}", report.trim_end(), section.trim_start());
    };
    let end = report[start + heading.len()..]
        .find("\n## ")
        .map_or(report.len(), |i| start + heading.len() + i + 1);
    format!(
        "{}{}{}",
        &report[..start],
        section.trim_start(),
        &report[end..]
    )
}

pub async fn create(engine: &Engine, count: usize, prefix: &str, start: bool) {
    stream::iter(0..count)
        .for_each_concurrent(8, |i| async move {
            let name = format!("{prefix}-{i:04}");
            let options = CreateContainerOptions {
                name: Some(name.clone()),
                ..Default::default()
            };
            let body = ContainerCreateBody {
                image: Some(IMAGE.into()),
                cmd: Some(vec!["sleep".into(), "1d".into()]),
                ..Default::default()
            };
            engine
                .docker
                .create_container(Some(options), body)
                .await
                .expect("create");
            if start {
                engine
                    .docker
                    .start_container(&name, None::<StartContainerOptions>)
                    .await
                    .expect("start");
            }
        })
        .await;
}

pub async fn remove_bench_containers(engine: &Engine) {
    let all = list_containers(engine, true).await.expect("list");
    let names: Vec<String> = all
        .into_iter()
        .map(|c| c.name)
        .filter(|n| n.starts_with("bench-"))
        .collect();
    stream::iter(names)
        .for_each_concurrent(8, |name| async move {
            let options = RemoveContainerOptions {
                force: true,
                ..Default::default()
            };
            let _ = engine.docker.remove_container(&name, Some(options)).await;
        })
        .await;
}

#[derive(Debug)]
struct ListFigures {
    engine_layer_ms: f64,
    raw_parsed_ms: f64,
    raw_bytes_ms: f64,
    cli_ms: f64,
}

/// Median of `runs` timings of `f`.
async fn median<F, Fut>(runs: usize, mut f: F) -> f64
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = ()>,
{
    let mut times = Vec::with_capacity(runs);
    for _ in 0..runs {
        let start = Instant::now();
        f().await;
        times.push(start.elapsed().as_secs_f64() * 1000.0);
    }
    times.sort_by(|a, b| a.total_cmp(b));
    times[runs / 2]
}

/// `GET /containers/json?all=1` over the unix socket with nothing in between: the floor any client can reach.
fn raw_list(socket: &str, api: &str, parse: bool) {
    let mut stream = std::os::unix::net::UnixStream::connect(socket).expect("socket");
    write!(stream, "GET /v{api}/containers/json?all=1 HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n").unwrap();
    let mut body = Vec::with_capacity(1 << 20);
    stream.read_to_end(&mut body).expect("read");
    if parse {
        let start = body.windows(4).position(|w| w == b"\r\n\r\n").unwrap() + 4;
        // The engine answers chunked; a chunk header is a hex line. Join the chunks, then parse like a client would.
        let mut json = Vec::with_capacity(body.len());
        let mut rest = &body[start..];
        while let Some(end) = rest.windows(2).position(|w| w == b"\r\n") {
            let size = usize::from_str_radix(std::str::from_utf8(&rest[..end]).unwrap().trim(), 16)
                .unwrap_or(0);
            if size == 0 {
                break;
            }
            json.extend_from_slice(&rest[end + 2..end + 2 + size]);
            rest = &rest[end + 2 + size + 2..];
        }
        let value: serde_json::Value = serde_json::from_slice(&json).expect("json");
        assert!(value.as_array().is_some_and(|a| !a.is_empty()));
    }
}

async fn list_ratio(engine: &Engine) -> ListFigures {
    let socket = engine
        .endpoint
        .socket_path()
        .expect("unix socket")
        .to_owned();
    let api = engine.api_version();
    for _ in 0..3 {
        list_containers(engine, true).await.unwrap();
        raw_list(&socket, &api, true);
    }
    let runs = 21;
    let engine_layer_ms = median(runs, || async {
        list_containers(engine, true).await.map(|_| ()).unwrap()
    })
    .await;
    let raw_parsed_ms = median(runs, || async { raw_list(&socket, &api, true) }).await;
    let raw_bytes_ms = median(runs, || async { raw_list(&socket, &api, false) }).await;
    let cli_ms = median(7, || async {
        docker(&["ps", "-a", "-q"]);
    })
    .await;
    ListFigures {
        engine_layer_ms,
        raw_parsed_ms,
        raw_bytes_ms,
        cli_ms,
    }
}

pub fn settings_with_show_all(home: &std::path::Path) {
    let file = Window::settings_file(home);
    std::fs::create_dir_all(file.parent().unwrap()).unwrap();
    std::fs::write(file, r#"{"settings":{"show_all_containers":true}}"#).unwrap();
}

const ROWS: &str =
    "return document.querySelectorAll('#containers-table tr[data-name]').length > 0 \
    && document.querySelector('.page-sub')?.textContent.includes('in total')";

pub fn now_ms() -> f64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_secs_f64()
        * 1000.0
}

#[derive(Debug, Default)]
struct Latency {
    after_event_ms: Vec<f64>,
    whole_ms: Vec<f64>,
}

async fn latency(count: usize) -> Latency {
    let window = Window::launch_with(settings_with_show_all).await;
    window
        .wait_for(
            "a filled list",
            &format!(
                "{} && document.querySelector('.page-sub').textContent.includes('of {count}')",
                ROWS.trim_end_matches(';')
            ),
            60,
        )
        .await;

    // A MutationObserver in the page notes when each row first appears, on the same clock as this process.
    window
        .eval(
            "window.__seen = {}; new MutationObserver(() => { for (const r of document.querySelectorAll('tr[data-name^=\"bench-run\"]')) { window.__seen[r.dataset.name] ??= Date.now(); } }).observe(document.body, {subtree: true, childList: true}); return true",
        )
        .await;
    // The engine's own time of each `create` event: the moment the change exists, on the same clock as the page.
    let engine = Engine::connect(&rig_endpoint()).await.unwrap();
    let created = std::sync::Arc::new(std::sync::Mutex::new(std::collections::HashMap::<
        String,
        f64,
    >::new()));
    let recorder = {
        let created = created.clone();
        tokio::spawn(async move {
            let mut events = Box::pin(
                engine
                    .docker
                    .events(None::<bollard::query_parameters::EventsOptions>),
            );
            while let Some(Ok(event)) = events.next().await {
                let name = event
                    .actor
                    .and_then(|a| a.attributes)
                    .and_then(|a| a.get("name").cloned());
                if let (Some("create"), Some(name), Some(nanos)) =
                    (event.action.as_deref(), name, event.time_nano)
                {
                    created.lock().unwrap().insert(name, nanos as f64 / 1e6);
                }
            }
        })
    };
    tokio::time::sleep(Duration::from_millis(300)).await;
    let mut latency = Latency::default();
    for i in 0..30 {
        let name = format!("bench-run-{i:02}");
        let before = now_ms();
        docker(&["run", "-d", "--name", &name, IMAGE, "sleep", "1d"]);
        window
            .wait_for(&name, &format!("return !!window.__seen['{name}']"), 10)
            .await;
        let seen = window
            .eval(&format!("return window.__seen['{name}']"))
            .await
            .as_f64()
            .unwrap();
        let event = created
            .lock()
            .unwrap()
            .get(&name)
            .copied()
            .expect("the create event was seen");
        latency.after_event_ms.push(seen - event);
        latency.whole_ms.push(seen - before);
        tokio::time::sleep(Duration::from_millis(300)).await;
    }
    recorder.abort();
    drop(window);
    latency
}

async fn idle_cpu() -> f64 {
    let window = Window::launch().await;
    window
        .wait_for(
            "the running containers",
            "return document.querySelectorAll('#containers-table tr[data-name]').length >= 20",
            60,
        )
        .await;
    tokio::time::sleep(Duration::from_secs(5)).await;
    let app = app_pid();
    let before = window_ticks(app);
    let seconds = 60;
    tokio::time::sleep(Duration::from_secs(seconds)).await;
    let after = window_ticks(app);
    drop(window);
    let ticks_per_second = 100.0; // USER_HZ on Linux
    after.saturating_sub(before) as f64 / ticks_per_second / seconds as f64 * 100.0
}

pub fn percentile(values: &[f64], p: f64) -> f64 {
    let mut sorted = values.to_vec();
    sorted.sort_by(|a, b| a.total_cmp(b));
    let index = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[index]
}

fn verdict(ok: bool) -> &'static str {
    if ok {
        "met"
    } else {
        "**not met**"
    }
}

/// Everything one run measured.
struct Figures {
    count: usize,
    created_in: Duration,
    list: ListFigures,
    launch: Vec<start::Launch>,
    floor: start::Floor,
    footprint: start::Footprint,
    latency: Latency,
    idle: f64,
    pull: pull::PullFigures,
}

fn render(figures: &Figures) -> String {
    let Figures {
        count,
        created_in,
        list,
        launch,
        floor,
        footprint,
        latency,
        idle,
        pull,
    } = figures;
    let (count, idle) = (*count, *idle);
    let pull_app = pull::median(&pull.app_ms);
    let pull_cli = pull::median(&pull.cli_ms);
    let pull_ratio = pull_app / pull_cli;
    let ratio = list.engine_layer_ms / list.raw_parsed_ms;
    let ratio_bytes = list.engine_layer_ms / list.raw_bytes_ms;
    let steps = start::medians(launch);
    let launch_median = steps.filled;
    let launches = launch
        .iter()
        .map(|l| format!("{:.0}", l.filled))
        .collect::<Vec<_>>()
        .join(", ");
    let floor_page = percentile(&floor.page_ms, 0.5);
    let floor_loaded = percentile(&floor.loaded_ms, 0.5);
    let floor_runs = floor
        .loaded_ms
        .iter()
        .map(|t| format!("{t:.0}"))
        .collect::<Vec<_>>()
        .join(", ");
    let mb = |m: &Memory| m.pss_kib as f64 / 1024.0;
    let pss_mb = mb(&footprint.porthole);
    let rss_mb = footprint.porthole.rss_kib as f64 / 1024.0;
    let floor_pss_mb = mb(&footprint.floor);
    let alike_pss_mb = mb(&footprint.floor_drawn_alike);
    let over_floor_mb = pss_mb - floor_pss_mb;
    let over_alike_mb = pss_mb - alike_pss_mb;
    let p50 = percentile(&latency.after_event_ms, 0.5);
    let p95 = percentile(&latency.after_event_ms, 0.95);
    let whole50 = percentile(&latency.whole_ms, 0.5);
    let whole95 = percentile(&latency.whole_ms, 0.95);
    let version = docker(&[
        "version",
        "--format",
        "{{.Server.Version}} (API {{.Server.APIVersion}})",
    ]);
    let date = docker(&["info", "--format", "{{.SystemTime}}"]);
    format!(
        "# Benchmarks\n\n\
Measured by `scripts/bench.sh` (which runs `cargo run --release -p porthole-e2e --bin bench`) on the project's \
machine kind: 2 cores, 24 GiB, Debian 12, Docker engine {version} as the private test engine, release build of \
the app under Xvfb, {date}. Each figure is measured against the raw Engine API or the docker CLI in the same run.\n\n\
Reproduce: `scripts/bench.sh` (starts the test rig, builds the release app, creates {count} containers, \
measures, removes them, rewrites this file).\n\n\
| # | What | Figure | Goal | |\n|---|---|---|---|---|\n\
| a | List all {count} containers: engine layer (`containers::list`, bollard + conversion) vs raw `GET /containers/json?all=1` read and parsed | {:.1} ms vs {:.1} ms = **{ratio:.2}×** (vs bytes only, unparsed: {:.1} ms = {ratio_bytes:.2}×; `docker ps -a -q`: {:.1} ms) | ≤ 1.25× | {} |\n\
| b | Launch to a filled container list with {count} containers (release): from the app process's start to the list in the page | median **{launch_median:.0} ms** of {} runs ({launches}) | ≤ 1,000 ms | {} |\n\
| b0 | The floor: an empty Tauri 2 window (`e2e/empty-window`: same Tauri, WebKitGTK and window size, a page of one line) launched the same way, from its process's start to its page loaded | median **{floor_loaded:.0} ms** ({floor_runs}) | — | floor |\n\
| c | Memory of the app and its WebKit processes ({} processes) with {count} containers listed, launched as a user launches it, against the empty window launched the same way in the same run | **{pss_mb:.0} MB PSS** ({rss_mb:.0} MB RSS); the empty window as Tauri draws it {floor_pss_mb:.0} MB: Porthole is that floor **+ {over_floor_mb:.0} MB**; the empty window drawn as Porthole draws (no compositing) {alike_pss_mb:.0} MB: **+ {over_alike_mb:.0} MB** | ≤ the floor + 30 MB, and ≤ 150 MB PSS where WebKit allows it | {} |\n\
| d | `docker run` in a terminal → its row visible in the window, from the engine's `create` event ({} runs) | p50 **{p50:.0} ms**, p95 **{p95:.0} ms** (from the moment the CLI was started: p50 {whole50:.0} ms, p95 {whole95:.0} ms, which includes the CLI's own start-up and request) | p95 ≤ 150 ms | {} |\n\
| e | Idle CPU of the app and its WebKit processes over 60 s with 100 running containers | **{idle:.2} %** of one core | ≤ 0.5 % | {} |\n\
| f | Pull a {} MiB single-layer image from a local registry: engine-layer pull (with progress) vs `docker pull`, image removed between runs, order alternated ({} runs each) | median **{pull_app:.0} ms** vs {pull_cli:.0} ms = **{pull_ratio:.2}×** ({:.0} MiB/s vs {:.0} MiB/s) | ≤ 1.05× | {} |\n\n\
Creating the {count} containers took {:.1} s (bollard, 8 at a time).\n\n\
Notes:\n\
- (a) The engine layer's cost over the raw request is bollard's HTTP client plus converting each entry into \
Porthole's model; the engine's own work (about the same in both) dominates.\n\
- (b) Start: the kernel's start time of the app process (to 10 ms, with the boot time read as now less `/proc/uptime`: until 2026-12-01 the boot time came from `btime`, whole seconds, which dated every start up to a second early and made these rows about 230 ms long); end: the page's `porthole:containers-loaded` performance mark, set when the first list is in the store (it renders in the same frame). The steps (medians, from the process's start): the page begins to load at **{:.0} ms** (the empty window's: {floor_page:.0} ms) — the process, GTK and WebKit's processes starting; the UI's wasm runs at {:.0} ms (the page, its styles and scripts read, the module compiled); the engine stream says connected at {:.0} ms; the page asks for the list at {:.0} ms, its reply is in JS at {:.0} ms and in the page at {:.0} ms. The backend reads the first list as soon as the engine answers, while the page loads, and hands it to the page's first ask (`src-tauri/src/first_list.rs`): that ask waits for nothing (measured on 2026-12-01 with a timer in the command, not kept: 0.05–0.1 ms, the read long done), so asked → in JS is the IPC round trip of the reply (about 350 KB of JSON) plus the wait for the page's main thread, still busy starting, to take it. Until 2026-12-01 that thread was also busy with fonts: the styles named font families most Linux machines lack, and WebKitGTK asked fontconfig about each one for every size and weight (10,300 calls in a launch, counted with uprobes; 1,800 with generic `sans-serif` and `monospace`), and asked → in JS took about 300 ms instead of about 140 ms. The same call made later from the page, the engine's read included, took 81–153 ms in three `bench start` runs that day. All launches go through tauri-driver and WebKitWebDriver, as the tests do.\n\
- (c) PSS shares the WebKit libraries fairly between processes; RSS counts them once per process. Each program is started directly (not through WebDriver, whose automation session draws without compositing whatever the app asks) with its own settings home, and read 12 s after its start. Porthole asks WebKitGTK to draw without compositing (`src-tauri/src/webview.rs`): composited, the same launch took about 420 MB. WebKit alone does not allow 150 MB: the empty window takes more. The rest of Porthole's share is its wasm module compiled and its 11 MB of linear memory in the web process, and the backend (bollard, tokio, the engine's lists) in the app process; the page holds about 870 elements (the list renders only the rows in view). Measured and left: the cache model, the back/forward cache, WebGL and media off (no change), wasm-opt -Oz (−6 MB, launch unchanged). The figure against the floor moves with the floor, which WebKit alone scatters: on 2026-12-01 three runs with no change to the app's memory gave + 32, + 11 and + 26 MB (the floor 263, 281 and 262 MB).\n\
- (d) The engine's `create`/`start` events are coalesced (the first after a quiet spell at once, then 25 ms quiet, \
150 ms at most) and name the container, which is read by its id (`docker ps -a --filter id=…`), not with the whole list (read whole, before that change: p50 228 ms, p95 301 ms); the page notes the moment a row is inserted with a MutationObserver; the start is the engine's own `timeNano` of the `create` event (same machine clock). On 2026-12-01 two runs after the font and stream changes gave p95 304 ms and 300 ms (p50 21 and 20 ms): four to six of thirty rows came about 270–300 ms late, where the run before had none (p95 90 ms); the cause is not found yet, and the list's code did not change between those runs.\n\
- (e) The window waits on the engine's event stream; its timers are a 15 s clock for relative times and the list's CPU and memory columns, sampled for the running rows in view every 5 s (not while the window is hidden or unfocused). A round hands on only the containers whose cells changed, and nothing when none did: until 2026-12-01 every round went to the page, which woke its main thread and kept WebKit's JIT compiling: 0.63 % of a core in this row then. The same 60 s read per thread (the app's and its WebKit processes' threads, 20 s after launch, the same script before and after): 0.65 % before, 0.25 % after. One 60 s read scatters; this row counts the app and its WebKit processes only (before 2026-12-01, every child: at idle the same processes).\n\
- (f) Both pulls are done by the same engine (download, verify, extract); the figure shows what Porthole's client adds: \
bollard's streaming of the progress lines and folding them per layer. The image is random bytes, so nothing compresses.\n",
        list.engine_layer_ms,
        list.raw_parsed_ms,
        list.raw_bytes_ms,
        list.cli_ms,
        verdict(ratio <= 1.25),
        launch.len(),
        verdict(launch_median <= 1000.0),
        footprint.porthole.processes,
        verdict(over_floor_mb <= 30.0 && (pss_mb <= 150.0 || floor_pss_mb > 150.0)),
        latency.after_event_ms.len(),
        verdict(p95 <= 150.0),
        verdict(idle <= 0.5),
        pull.mib,
        pull.app_ms.len(),
        pull.mib as f64 / (pull_app / 1000.0),
        pull.mib as f64 / (pull_cli / 1000.0),
        verdict(pull_ratio <= 1.05),
        created_in.as_secs_f64(),
        steps.page,
        steps.wasm,
        steps.connected,
        steps.asked,
        steps.answered,
        steps.filled,
    )
}

/// The rig's private engine, connected.
pub async fn rig_engine() -> Engine {
    Engine::connect(&rig_endpoint())
        .await
        .expect("the private engine answers")
}

/// The rig's private engine, over its socket.
pub fn rig_endpoint() -> Endpoint {
    Endpoint {
        host: test_engine(),
        source: EndpointSource::DockerHost,
        tls: None,
    }
}
