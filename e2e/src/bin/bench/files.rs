//! The Files and Disk usage figures: a 100 MB folder downloaded through the window (`docker cp` out) against
//! `docker cp` in a terminal, and the disk page's first figures on an engine with 500 images and 1,000 containers
//! against `docker system df` in a terminal.

use crate::pull::median;
use crate::{docker, verdict, Window};
use std::process::Command;
use std::time::{Duration, Instant};

const IMAGES: usize = 500;
const CONTAINERS: usize = 1000;

#[derive(Debug, Default)]
pub struct FilesFigures {
    pub copy_app_ms: Vec<f64>,
    pub copy_cli_ms: Vec<f64>,
    /// The engine layer's copy alone (what the window's command runs), no window.
    pub copy_engine_ms: Vec<f64>,
    /// The page's own time from the click on Copy to the command's answer (its performance marks): the window's
    /// figure without the WebDriver round trips that click and poll.
    pub copy_page_ms: Vec<f64>,
    pub df_app_ms: Vec<f64>,
    pub df_cli_ms: Vec<f64>,
}

fn timed_cli(args: &[&str]) -> f64 {
    let start = Instant::now();
    let out = Command::new("docker")
        .args(args)
        .env("DOCKER_HOST", porthole_e2e::test_engine())
        .output()
        .expect("docker runs");
    assert!(
        out.status.success(),
        "docker {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    start.elapsed().as_secs_f64() * 1000.0
}

/// Milliseconds until `predicate` holds in the window, polled every 10 ms.
async fn until(window: &Window, predicate: &str, start: Instant) -> f64 {
    window
        .wait_for("the bench's condition", predicate, 120)
        .await;
    start.elapsed().as_secs_f64() * 1000.0
}

/// Copies timed this many times each (after one that is not counted, which warms the engine's and the disk's
/// caches); the CLI's and the window's runs take turns, so both meet the same machine (the window open).
const COPY_RUNS: usize = 5;

async fn copy(figures: &mut FilesFigures) {
    let (name, _removed) = porthole_e2e::sleeper("bench-files");
    docker(&["exec", &name, "sh", "-c", "mkdir /big && for i in 0 1 2 3 4 5 6 7 8 9; do head -c 10000000 /dev/urandom > /big/$i; done"]);
    let scratch = std::env::temp_dir().join(porthole_e2e::unique("bench-copy"));
    let fresh = |what: &str, run: usize| {
        let into = scratch.join(format!("{what}-{run}"));
        std::fs::create_dir_all(&into).expect("scratch folder");
        into
    };
    let engine = porthole_engine::Engine::connect(&crate::rig_endpoint())
        .await
        .expect("the private engine answers");
    for run in 0..=COPY_RUNS {
        let copy = porthole_model::container::files::CopyOut {
            container: name.clone(),
            path: "/big".into(),
            folder: fresh("engine", run).display().to_string(),
            estimate: None,
        };
        let start = Instant::now();
        porthole_engine::container::copy::copy_out(&engine, &copy, |_| {})
            .await
            .expect("copy out");
        if run > 0 {
            figures
                .copy_engine_ms
                .push(start.elapsed().as_secs_f64() * 1000.0);
        }
        let _ = std::fs::remove_dir_all(scratch.join(format!("engine-{run}")));
    }
    let window = Window::launch().await;
    window.open_container(&name).await;
    window.click("button[data-tab=files]").await;
    window
        .appears("#files-table tr[data-name=\"big\"]", 20)
        .await;
    for run in 0..=COPY_RUNS {
        let cli = timed_cli(&[
            "cp",
            &format!("{name}:/big"),
            &fresh("cli", run).display().to_string(),
        ]);
        let into = fresh("app", run);
        window
            .eval("document.getElementById('files-path').value = '/big'; return true")
            .await;
        window.type_into("files-path", "/big").await;
        window.click("#files-go").await;
        window.appears("#files-table tr[data-name=\"9\"]", 20).await;
        window.click("#files-download-folder").await;
        window
            .type_into("copy-local", &into.display().to_string())
            .await;
        let start = Instant::now();
        window.click("#copy-start").await;
        let app = until(
            &window,
            "return !!document.getElementById('copy-done')",
            start,
        )
        .await;
        let in_page = window
            .eval(
                "const at = n => performance.getEntriesByName(n).pop().startTime; \
                 return at('porthole:copy-answered') - at('porthole:copy-start')",
            )
            .await;
        window.click("#copy-close").await;
        if run > 0 {
            figures.copy_cli_ms.push(cli);
            figures.copy_app_ms.push(app);
            figures
                .copy_page_ms
                .push(in_page.as_f64().unwrap_or(f64::NAN));
        }
        for what in ["cli", "app"] {
            let _ = std::fs::remove_dir_all(scratch.join(format!("{what}-{run}")));
        }
    }
    drop(window);
    let _ = std::fs::remove_dir_all(&scratch);
}

async fn disk(figures: &mut FilesFigures) {
    // 500 images, each its own (a commit with its own label), and 1,000 containers.
    let maker = porthole_e2e::unique("bench-df-maker");
    docker(&[
        "create",
        "--name",
        &maker,
        "porthole-test/busybox:1",
        "true",
    ]);
    for i in 0..IMAGES {
        docker(&[
            "commit",
            "--change",
            &format!("LABEL bench.df={i}"),
            &maker,
            &format!("bench-df/image:{i}"),
        ]);
    }
    docker(&["rm", &maker]);
    let engine = porthole_engine::Engine::connect(&crate::rig_endpoint())
        .await
        .expect("the private engine answers");
    crate::create(&engine, CONTAINERS, "bench-df", false).await;
    for _ in 0..5 {
        figures.df_cli_ms.push(timed_cli(&["system", "df"]));
    }
    for _ in 0..3 {
        let window = Window::launch().await;
        let start = Instant::now();
        window.open("disk").await;
        figures.df_app_ms.push(
            until(
                &window,
                "return !!document.querySelector('#disk-summary [data-figure=count]')",
                start,
            )
            .await,
        );
    }
    crate::remove_bench_containers(&engine).await;
    let images: Vec<String> = (0..IMAGES).map(|i| format!("bench-df/image:{i}")).collect();
    for chunk in images.chunks(100) {
        let mut args = vec!["rmi"];
        args.extend(chunk.iter().map(String::as_str));
        docker(&args);
    }
}

pub async fn measure() -> FilesFigures {
    let mut figures = FilesFigures::default();
    copy(&mut figures).await;
    tokio::time::sleep(Duration::from_secs(1)).await;
    disk(&mut figures).await;
    figures
}

fn runs(values: &[f64]) -> String {
    values
        .iter()
        .map(|v| format!("{v:.0}"))
        .collect::<Vec<_>>()
        .join(", ")
}

pub fn render(f: &FilesFigures) -> String {
    let (copy_app, copy_cli) = (median(&f.copy_app_ms), median(&f.copy_cli_ms));
    let copy_page = median(&f.copy_page_ms);
    let (df_app, df_cli) = (median(&f.df_app_ms), median(&f.df_cli_ms));
    let copy_ratio = copy_page / copy_cli;
    let df_ratio = df_app / df_cli;
    format!(
        "## Files and disk usage\n\n\
         Measured by `scripts/bench.sh files` (release build).\n\n\
         | # | What | Figure | Goal | |\n|---|---|---|---|---|\n\
         | f | A 100 MB folder (10 files of random bytes) downloaded through the window — from the click on Download to the copy's answer, by the page's own clock (the report is drawn within the same task) — vs `docker cp CONTAINER:/big DIR` in a terminal (the window open, the two taking turns), medians of 5 after one warm-up each | **{copy_page:.0} ms** ({copy_page_runs}) vs {copy_cli:.0} ms ({copy_cli_runs}) = **{copy_ratio:.2}×** | ≤ 1.1× | {fv} |\n\
         | d | Disk usage page with {IMAGES} images and {CONTAINERS} containers: from clicking Disk usage in a window just launched to the first figures, median of 3 windows, vs `docker system df` in a terminal (median of 5) | **{df_app:.0} ms** ({df_app_runs}) vs {df_cli:.0} ms = {df_ratio:.2}× | reported (the issue sets no ratio); a progress state meanwhile | — |\n\n\
         Notes:\n\
         - (f) The backend reads the engine's archive as it streams and unpacks it on a blocking thread (`tar`), as `docker cp` does; nothing is held whole in memory. The engine layer's copy alone (no window): {copy_engine:.0} ms ({copy_engine_runs}). Until 2026-12-01 this row was timed by the test driver, from sending the click to seeing the report (polled every 25 ms through WebDriver, each round trip tens of milliseconds), which the ≤ 1.1× goal now no longer includes; timed that way this run: {copy_app:.0} ms ({copy_app_runs}).\n\
         - (d) `/system/df` walks every layer and volume; the page asks for it only when opened or refreshed, never on a list's hot path, and shows \"Asking the engine…\" while it waits. The window's share is the IPC of 1,500 objects and drawing the page.\n",
        copy_app_runs = runs(&f.copy_app_ms),
        copy_page_runs = runs(&f.copy_page_ms),
        copy_engine = median(&f.copy_engine_ms),
        copy_engine_runs = runs(&f.copy_engine_ms),
        copy_cli_runs = runs(&f.copy_cli_ms),
        df_app_runs = runs(&f.df_app_ms),
        fv = verdict(copy_ratio <= 1.1),
    )
}
