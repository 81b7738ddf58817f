//! (f) Pull throughput from a local registry: Porthole's engine-layer pull (with its per-layer progress fold) vs
//! `docker pull` of the same 64 MiB single-layer image, alternating which goes first, image removed between runs.

use porthole_e2e::docker;
use porthole_engine::registry::credentials::Store;
use porthole_engine::Engine;
use porthole_model::ImageReference;
use std::time::Instant;

const SIZE_MIB: usize = 64;

#[derive(Debug)]
pub struct PullFigures {
    pub mib: usize,
    pub app_ms: Vec<f64>,
    pub cli_ms: Vec<f64>,
}

pub async fn measure(engine: &Engine) -> PullFigures {
    let registry = std::env::var("PORTHOLE_TEST_OPEN_REGISTRY").expect("the rig's open registry");
    let reference = format!("{registry}/porthole/bench-big:1");
    seed(&reference);
    let parsed = ImageReference::parse(&reference).unwrap();
    let no_logins = Store::at(std::env::temp_dir().join("porthole-bench-config"));
    let mut figures = PullFigures {
        mib: SIZE_MIB,
        app_ms: Vec::new(),
        cli_ms: Vec::new(),
    };
    for run in 0..6 {
        for app_first in [run % 2 == 0, run % 2 != 0] {
            let _ = std::process::Command::new("docker")
                .args(["rmi", "-f", &reference])
                .env("DOCKER_HOST", porthole_e2e::test_engine())
                .output();
            let started = Instant::now();
            if app_first {
                porthole_engine::image::pull(engine, &no_logins, &parsed, None, |_| {})
                    .await
                    .expect("app pull");
                figures
                    .app_ms
                    .push(started.elapsed().as_secs_f64() * 1000.0);
            } else {
                docker(&["pull", "-q", &reference]);
                figures
                    .cli_ms
                    .push(started.elapsed().as_secs_f64() * 1000.0);
            }
        }
    }
    docker(&["rmi", &reference]);
    figures
}

/// Puts a 64 MiB image of random bytes (incompressible, so the transfer is real) into the open registry once.
fn seed(reference: &str) {
    let root = std::env::temp_dir().join("porthole-bench-big");
    std::fs::create_dir_all(&root).unwrap();
    let mut data = vec![0u8; SIZE_MIB * 1024 * 1024];
    let mut state = 0x9e3779b97f4a7c15u64;
    for chunk in data.chunks_mut(8) {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        chunk.copy_from_slice(&state.to_le_bytes()[..chunk.len()]);
    }
    std::fs::write(root.join("data"), data).unwrap();
    let tar = root.with_extension("tar");
    let status = std::process::Command::new("tar")
        .arg("-C")
        .arg(&root)
        .args(["-cf"])
        .arg(&tar)
        .arg(".")
        .status()
        .unwrap();
    assert!(status.success());
    docker(&["import", tar.to_str().unwrap(), reference]);
    docker(&["push", "-q", reference]);
    docker(&["rmi", reference]);
}

pub fn median(values: &[f64]) -> f64 {
    let mut sorted = values.to_vec();
    sorted.sort_by(|a, b| a.total_cmp(b));
    sorted[sorted.len() / 2]
}
