//! Start-up and its floor: Porthole launched onto an engine of `count` containers, its launch split into steps by
//! the page's own marks (`ui/src/timeline.rs`), beside an empty Tauri 2 window (`e2e/empty-window`) launched the
//! same way — the part of start-up and memory any Tauri app pays on this machine, whatever it shows.

use crate::process::{memory_of, pid_of, process_start_ms, Memory};
use crate::{percentile, settings_with_show_all};
use porthole_e2e::Window;
use std::path::PathBuf;
use std::time::Duration;

const RUNS: usize = 5;

/// One launch of Porthole, in milliseconds from the app process's start.
#[derive(Debug, Clone, Copy)]
pub struct Launch {
    /// The page begins to load (`performance.timeOrigin`): the process, GTK and WebKit's processes are up.
    pub page: f64,
    /// The UI's wasm runs (`porthole:wasm-start`): the page, its styles and scripts read, the module compiled.
    pub wasm: f64,
    /// The app is mounted (`porthole:mounted`): the shell is in the page.
    pub mounted: f64,
    /// The engine stream said `Connected` (`porthole:connected`).
    pub connected: f64,
    /// The first container list was asked for (`porthole:containers-asked`).
    pub asked: f64,
    /// The first container list's reply is in JS, not yet read into Rust (`porthole:containers-answered`).
    pub answered: f64,
    /// The first container list is in the page (`porthole:containers-loaded`).
    pub filled: f64,
}

/// The empty window: when its page began to load and when it had loaded, from its process's start (launched
/// through WebDriver, as Porthole is for row b).
#[derive(Debug, Default)]
pub struct Floor {
    pub page_ms: Vec<f64>,
    pub loaded_ms: Vec<f64>,
}

/// Memory as a user's launch has it (row c): Porthole with the list filled, the empty window as Tauri draws it
/// (composited, WebKitGTK's default) and drawn as Porthole draws it (without compositing).
#[derive(Debug, Default)]
pub struct Footprint {
    pub porthole: Memory,
    pub floor: Memory,
    pub floor_drawn_alike: Memory,
}

/// How long after its start a directly launched program's memory is read: Porthole's list is in after about 1 s.
const SETTLE: Duration = Duration::from_secs(12);

/// Launches Porthole `RUNS` times onto the engine's `count` containers (all shown) and times each launch.
pub async fn porthole(count: usize) -> Vec<Launch> {
    let mut launches = Vec::new();
    for _ in 0..RUNS {
        let window = Window::launch_with(settings_with_show_all).await;
        window.wait_for("a filled list", &filled(count), 60).await;
        let marks = window
            .eval(
                "const at = (name) => performance.timeOrigin + performance.getEntriesByName(name)[0].startTime;
                 return [performance.timeOrigin, at('porthole:wasm-start'), at('porthole:mounted'),
                         at('porthole:connected'), at('porthole:containers-asked'), at('porthole:containers-answered'),
                         at('porthole:containers-loaded')]",
            )
            .await;
        let start = process_start_ms(crate::process::app_pid());
        let at = |i: usize| marks[i].as_f64().expect("the page's marks") - start;
        launches.push(Launch {
            page: at(0),
            wasm: at(1),
            mounted: at(2),
            connected: at(3),
            asked: at(4),
            answered: at(5),
            filled: at(6),
        });
        drop(window);
        tokio::time::sleep(Duration::from_secs(1)).await;
    }
    launches
}

/// Launches the empty window `RUNS` times through WebDriver, as Porthole is launched for row b.
pub async fn floor() -> Floor {
    let program = empty_window();
    let name = program.to_string_lossy().into_owned();
    let mut floor = Floor::default();
    for _ in 0..RUNS {
        let window = Window::launch_other(&program).await;
        let marks = window
            .eval(
                "const n = performance.getEntriesByType('navigation')[0];
                 return [performance.timeOrigin, performance.timeOrigin + n.loadEventEnd]",
            )
            .await;
        let pid = pid_of(&name);
        let start = process_start_ms(pid);
        let at = |i: usize| marks[i].as_f64().expect("the navigation timing") - start;
        floor.page_ms.push(at(0));
        floor.loaded_ms.push(at(1));
        drop(window);
        tokio::time::sleep(Duration::from_secs(1)).await;
    }
    floor
}

/// Porthole and the empty window each launched as a user launches them: not through WebDriver, whose automation
/// session draws the page its own way (without compositing, whatever the app asks for), so only a direct launch
/// shows what the app's own drawing choice costs or saves.
pub async fn footprint() -> Footprint {
    let porthole = PathBuf::from(std::env::var("PORTHOLE_APP").expect("PORTHOLE_APP"));
    Footprint {
        porthole: launched(&porthole, None).await,
        floor: launched(&empty_window(), None).await,
        floor_drawn_alike: launched(&empty_window(), Some("1")).await,
    }
}

/// Launches `program` with a settings home of its own (all containers shown) and the compositing switch as given
/// (`None`: unset, the program decides), reads its memory `SETTLE` later, and stops it.
async fn launched(program: &std::path::Path, no_compositing: Option<&str>) -> Memory {
    let home = std::env::temp_dir().join(format!(
        "porthole-bench-home-{}-{}",
        std::process::id(),
        crate::now_ms() as u64
    ));
    crate::settings_with_show_all(&home);
    let mut command = std::process::Command::new(program);
    command
        .env("HOME", &home)
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_CACHE_HOME", home.join("cache"))
        .env_remove("WEBKIT_DISABLE_COMPOSITING_MODE")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null());
    if let Some(value) = no_compositing {
        command.env("WEBKIT_DISABLE_COMPOSITING_MODE", value);
    }
    let mut child = command.spawn().expect("the program starts");
    tokio::time::sleep(SETTLE).await;
    let memory = memory_of(child.id());
    let _ = child.kill();
    let _ = child.wait();
    // Its WebKit processes end with it.
    tokio::time::sleep(Duration::from_secs(2)).await;
    let _ = std::fs::remove_dir_all(&home);
    memory
}

/// `bench start`: launch, the floor and memory with 1,000 containers, printed and not written — for trying a lever
/// without the whole run.
pub async fn try_out() {
    let count: usize = std::env::args()
        .nth(2)
        .and_then(|n| n.parse().ok())
        .unwrap_or(1000);
    let engine = crate::rig_engine().await;
    crate::remove_bench_containers(&engine).await;
    crate::create(&engine, count, "bench-c", false).await;
    let total = porthole_engine::container::list::list(&engine, true)
        .await
        .map_or(count, |all| all.len());
    let launches = porthole(total).await;
    for launch in &launches {
        eprintln!("launch: {launch:?}");
    }
    eprintln!("launch medians: {:?}", medians(&launches));
    let window = Window::launch_with(settings_with_show_all).await;
    window.wait_for("a filled list", &filled(total), 60).await;
    let page = window
        .eval(
            "return [document.getElementsByTagName('*').length, window.portholeWasmMemory.buffer.byteLength,
                     document.querySelectorAll('#containers-table tr[data-name]').length]",
        )
        .await;
    eprintln!("page: {page} (elements, wasm memory bytes, container rows)");
    let ipc = window
        .eval(
            "const t0 = performance.now();
             return window.__TAURI_INTERNALS__.invoke('list_containers', { args: true })
                 .then((list) => [performance.now() - t0, JSON.stringify(list).length])",
        )
        .await;
    eprintln!("list_containers through IPC, parsed in JS: {ipc} (ms, JSON chars)");
    let activity = window
        .eval(
            "return window.__TAURI_INTERNALS__.invoke('list_activity', { args: null })
                 .then((all) => all.filter((e) => JSON.stringify(e).includes('docker ps -a')).length)",
        )
        .await;
    eprintln!("`docker ps -a` in the activity records: {activity}");
    drop(window);
    let floor = floor().await;
    eprintln!(
        "floor: page {:.0} ms, loaded {:.0} ms",
        percentile(&floor.page_ms, 0.5),
        percentile(&floor.loaded_ms, 0.5)
    );
    let footprint = footprint().await;
    eprintln!(
        "memory: Porthole {} MB PSS ({} processes), the empty window {} MB PSS, drawn alike {} MB PSS",
        footprint.porthole.pss_kib / 1024,
        footprint.porthole.processes,
        footprint.floor.pss_kib / 1024,
        footprint.floor_drawn_alike.pss_kib / 1024
    );
    crate::remove_bench_containers(&engine).await;
}

/// The empty window's binary, built beside Porthole's (`cargo build --release -p porthole-empty-window`).
fn empty_window() -> PathBuf {
    let app = PathBuf::from(std::env::var("PORTHOLE_APP").expect("PORTHOLE_APP"));
    let program = app.with_file_name("porthole-empty-window");
    assert!(
        program.exists(),
        "{} is missing: scripts/bench.sh builds it",
        program.display()
    );
    program
}

pub fn filled(count: usize) -> String {
    format!(
        "return document.querySelectorAll('#containers-table tr[data-name]').length > 0 \
         && document.querySelector('.page-sub')?.textContent.includes('of {count} in total')"
    )
}

/// The median of each step over the launches.
pub fn medians(launches: &[Launch]) -> Launch {
    let of = |f: fn(&Launch) -> f64| percentile(&launches.iter().map(f).collect::<Vec<_>>(), 0.5);
    Launch {
        page: of(|l| l.page),
        wasm: of(|l| l.wasm),
        mounted: of(|l| l.mounted),
        connected: of(|l| l.connected),
        asked: of(|l| l.asked),
        answered: of(|l| l.answered),
        filled: of(|l| l.filled),
    }
}
