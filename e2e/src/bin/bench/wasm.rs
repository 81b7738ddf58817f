//! The shipped UI module (`ui/dist`, as `trunk build --release` leaves it, stripped): its size raw and packed with
//! gzip -9, and the time the app's own WebKit takes to compile it (`WebAssembly.compile` on the module's bytes, in a
//! launched window, 5 times). `bench wasm` measures this section alone.

use porthole_e2e::{workspace_root, Window};

#[derive(Debug)]
pub struct WasmFigures {
    pub raw: u64,
    pub gzip: u64,
    pub compile_ms: Vec<f64>,
}

pub async fn measure() -> WasmFigures {
    let dist = workspace_root().join("ui/dist");
    let module = std::fs::read_dir(&dist)
        .expect("ui/dist: scripts/bench.sh builds it")
        .flatten()
        .map(|e| e.path())
        .find(|p| p.to_string_lossy().ends_with("_bg.wasm"))
        .expect("the wasm module in ui/dist");
    let raw = std::fs::metadata(&module).expect("the module").len();
    let packed = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!("gzip -9 -c '{}' | wc -c", module.display()))
        .output()
        .expect("gzip");
    let gzip = String::from_utf8_lossy(&packed.stdout)
        .trim()
        .parse()
        .unwrap_or(0);
    let window = Window::launch().await;
    let times = window
        .eval(
            "const href = document.querySelector('link[href$=\"_bg.wasm\"]')?.href
                 ?? performance.getEntriesByType('resource').find((e) => e.name.endsWith('.wasm'))?.name;
             return fetch(href).then((r) => r.arrayBuffer()).then(async (bytes) => {
                 const times = [];
                 for (let i = 0; i < 5; i++) {
                     const t0 = performance.now();
                     await WebAssembly.compile(bytes);
                     times.push(performance.now() - t0);
                 }
                 return times;
             })",
        )
        .await;
    let compile_ms = times
        .as_array()
        .map(|a| a.iter().filter_map(|v| v.as_f64()).collect())
        .unwrap_or_default();
    WasmFigures {
        raw,
        gzip,
        compile_ms,
    }
}

pub fn render(figures: &WasmFigures) -> String {
    let median = crate::percentile(&figures.compile_ms, 0.5);
    let runs = figures
        .compile_ms
        .iter()
        .map(|t| format!("{t:.0}"))
        .collect::<Vec<_>>()
        .join(", ");
    format!(
        "## The shipped UI module\n\n\
Measured by `scripts/bench.sh wasm` (the release module as `trunk build --release` leaves it in `ui/dist`, stripped \
of its custom sections by `scripts/strip-wasm.sh`). `scripts/wasm-budget.sh` fails the test command past 4.8 MB raw \
or 1.33 MB gzip.\n\n\
| # | What | Figure |\n|---|---|---|\n\
| s | The module, raw / gzip -9 | **{:.2} MB** / {:.2} MB |\n\
| t | `WebAssembly.compile` of the module in the app's own WebKit, 5 times in a launched window | median **{median:.0} ms** ({runs}) |\n\n\
Notes:\n\
- (s) wasm-opt from npm's binaryen 132 was measured on this module: `-Oz` made it 2 % to 14 % smaller but larger \
packed, launch (b) unchanged and 6 MB less memory (c), for 85 s more per release build; `-O2` made it larger. It \
is not used.\n\
- (s) The UI crate builds with `opt-level = \"z\"` and one codegen unit (Cargo.toml). With the Files, Disk usage, \
Recreate and Save/Load screens added, `\"s\"` with 16 units made 5.07 MB / 1.41 MB (over the budget), `\"s\"` with \
one unit 4.40 MB / 1.47 MB, `\"z\"` with one unit 3.82 MB / 1.33 MB; compile (t) went from 86 ms to 64 ms and launch \
(`bench start`) stayed at 1.0 s.\n\
- (s) Since then linked whole (`lto = \"fat\"` in the `wasm-release` profile that `trunk build --release` uses, \
Cargo.toml): with the notification settings added, 3.85 MB / 1.34 MB (over the gzip budget) became 3.34 MB / 1.17 MB, \
and compile (t) 64 ms became 56 ms; a release UI build from scratch takes about 2 minutes longer (4 min 45 s).\n",
        figures.raw as f64 / 1e6,
        figures.gzip as f64 / 1e6,
    )
}
