//! The Engines figures: switching the window to another engine with 1,000 containers until its list is shown, and
//! listing those containers over SSH — Porthole's engine layer (one shared ssh connection) against `docker --host
//! ssh://…  ps -a` in a terminal, on the same engine through the same sshd.

use crate::{median, timed_in_page, verdict, Window};
use porthole_e2e::{create_context, second_engine};
use porthole_engine::container::list::list as list_containers;
use porthole_engine::{Endpoint, EndpointSource, Engine};
use std::process::{Command, Stdio};

const CONTAINERS: usize = 1000;

#[derive(Debug, Default)]
pub struct EngineFigures {
    pub switch_ms: Vec<f64>,
    pub listed: usize,
    pub ssh_app_ms: f64,
    pub ssh_cli_ms: f64,
}

pub async fn measure() -> EngineFigures {
    let second = Engine::connect(&Endpoint {
        host: second_engine(),
        source: EndpointSource::DockerHost,
        tls: None,
    })
    .await
    .expect("the rig's second engine answers");
    crate::remove_bench_containers(&second).await;
    crate::create(&second, CONTAINERS, "bench-far", false).await;
    let listed = list_containers(&second, true).await.expect("list").len();
    let mut figures = EngineFigures {
        listed,
        ..Default::default()
    };

    let window = Window::launch_with(|home| {
        crate::settings_with_show_all(home);
        create_context(
            &home.join("docker-config"),
            "second",
            &format!("host={}", second_engine()),
        );
    })
    .await;
    let here = list_containers(&crate::rig_engine().await, true)
        .await
        .expect("list")
        .len();
    let choose = |name: &str| {
        format!("const s = document.getElementById('engine-switcher'); s.value = '{name}'; s.dispatchEvent(new Event('change'))")
    };
    // The list shows the engine's count, and rows when it has any.
    let shown = |count: usize| {
        format!(
            "(document.querySelectorAll('#containers-table tr[data-name]').length > 0) === ({count} > 0) && \
             !!document.querySelector('.page-sub')?.textContent.includes('of {count} in total')"
        )
    };
    window
        .wait_for(
            "the first engine's list",
            &format!("return {}", shown(here)),
            60,
        )
        .await;
    for _ in 0..5 {
        figures
            .switch_ms
            .push(timed_in_page(&window, &choose("second"), &shown(listed), true, 60).await);
        timed_in_page(&window, &choose("DOCKER_HOST"), &shown(here), true, 60).await;
    }
    drop(window);

    // Over SSH: the same 1,000 containers, warm on both sides (one run each first).
    let address = std::env::var("PORTHOLE_TEST_SSH_ENGINE").expect("the rig's SSH engine");
    let far = Engine::connect(&Endpoint {
        host: address.clone(),
        source: EndpointSource::DockerHost,
        tls: None,
    })
    .await
    .expect("the SSH engine answers");
    let cli = || {
        let status = Command::new("docker")
            .args(["--host", &address, "ps", "-a", "--format", "{{.ID}}"])
            .env_remove("DOCKER_HOST")
            .stdout(Stdio::null())
            .status()
            .expect("docker runs");
        assert!(status.success());
    };
    cli();
    list_containers(&far, true).await.expect("list over ssh");
    figures.ssh_app_ms = median(10, || async {
        list_containers(&far, true).await.expect("list over ssh");
    })
    .await;
    figures.ssh_cli_ms = median(10, || async { cli() }).await;
    crate::remove_bench_containers(&second).await;
    figures
}

pub fn render(f: &EngineFigures) -> String {
    let mut switch = f.switch_ms.clone();
    switch.sort_by(f64::total_cmp);
    let switch_median = switch.get(switch.len() / 2).copied().unwrap_or(f64::NAN);
    let runs: Vec<String> = f.switch_ms.iter().map(|t| format!("{t:.0}")).collect();
    let ratio = f.ssh_app_ms / f.ssh_cli_ms;
    format!(
        "## Engines\n\n\
         Measured by `scripts/bench.sh engines` (release build), the rig's second engine holding {listed} containers.\n\n\
         | # | What | Figure | Goal | |\n|---|---|---|---|---|\n\
         | n | Switch the window from the first engine to the second (from the switcher's change to the second engine's {listed} containers counted in the list, 5 runs, switching back between them) | median **{switch_median:.0} ms** ({runs}) | ≤ 300 ms | {n} |\n\
         | o | List {listed} containers over SSH: Porthole's engine layer (every request's ssh sharing one connection) vs `docker --host ssh://… ps -a` in a terminal, same engine and sshd, warm, median of 10 | {app:.0} ms vs {cli:.0} ms = **{ratio:.2}×** | ≤ 1.0× | {o} |\n\n\
         Notes:\n\
         - (n) Switching cancels the first engine's streams, connects to the second (version negotiated), reads its list and starts its event stream; the other lists (images, volumes, networks: each counts containers on the engine) are read once the container list is in, not beside it (beside it: median 307 ms); the end is the page's own count of the list.\n\
         - (o) Each `docker` run in a terminal starts ssh anew (its own handshake); Porthole's requests reuse the connection ssh's ControlMaster keeps for 60 s.\n",
        listed = f.listed,
        runs = runs.join(", "),
        n = verdict(switch_median <= 300.0),
        app = f.ssh_app_ms,
        cli = f.ssh_cli_ms,
        o = verdict(ratio <= 1.0),
    )
}
