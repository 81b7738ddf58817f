//! An empty Tauri 2 window: the same shell, WebKitGTK and window size as Porthole, a page of one line and no
//! commands. `scripts/bench.sh` launches it beside Porthole to measure the floor of start-up and memory that any
//! Tauri app on this machine pays (docs/benchmarks.md, rows b and c).

fn main() {
    if let Err(error) = tauri::Builder::default().run(tauri::generate_context!()) {
        eprintln!("the empty window failed to start: {error}");
        std::process::exit(1);
    }
}
