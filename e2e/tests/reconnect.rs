//! The engine restarted under the open window, several times in a row and without touching "Retry now": each time
//! the loss is shown, and the lists are back and live within seconds of the engine answering again. A local socket
//! is retried every second and the failed-try count starts again once the engine answers, so the second and third
//! restarts recover as fast as the first (before, they waited out a backoff of 8 s and more).

use porthole_e2e::{docker, rig, unique, Removed, Window};
use std::time::Instant;

fn row_present(name: &str) -> String {
    format!("return !!document.querySelector('#containers-table tr[data-name=\"{name}\"]')")
}

#[tokio::test(flavor = "multi_thread")]
async fn every_restart_recovers_within_seconds_of_the_engine_answering() {
    let window = Window::launch().await;
    window.open("containers").await;
    let mut guards = Vec::new();
    let mut recoveries = Vec::new();
    // The reliability suite (scripts/reliability.sh) runs 20 cycles, every tenth a SIGKILL; the regular run three.
    let cycles: usize = std::env::var("PORTHOLE_RESTART_CYCLES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(3);
    for cycle in 0..cycles {
        rig(if cycle % 10 == 9 {
            "kill-engine"
        } else {
            "stop-engine"
        });
        let lost = window
            .wait_for(
                "the loss shown",
                "return document.querySelector('.status-bar')?.dataset.connection === 'unreachable'",
                10,
            )
            .await;
        // A real outage, long enough that a doubling backoff would have grown past a few seconds.
        tokio::time::sleep(std::time::Duration::from_secs(4)).await;
        rig("start-engine");
        let answered = Instant::now();
        let name = unique(&format!("after-restart-{cycle}"));
        guards.push(Removed(name.clone()));
        docker(&["create", "--name", &name, "porthole-test/busybox:1"]);
        let all_on = "document.getElementById('show-all') && (document.getElementById('show-all').checked || document.getElementById('show-all').click()); ";
        window
            .wait_for(
                &format!("restart {cycle}: the container made after it"),
                &format!("{all_on}{}", row_present(&name)),
                // One retry period, the resync and the event stream's delivery, with room for a loaded machine.
                4,
            )
            .await;
        let back = answered.elapsed();
        // And the list is exact: every container the engine has, and no other.
        let mut engine_names: Vec<String> = docker(&["ps", "-a", "--format", "{{.Names}}"])
            .lines()
            .map(str::to_owned)
            .collect();
        engine_names.sort();
        let deadline = Instant::now() + std::time::Duration::from_secs(3);
        loop {
            let mut shown = window.container_names().await;
            shown.sort();
            if shown == engine_names {
                break;
            }
            assert!(
                Instant::now() < deadline,
                "restart {cycle}: the list shows {shown:?}, the engine has {engine_names:?}"
            );
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
        recoveries.push((lost, back));
        eprintln!(
            "RESTART {cycle} {} loss-shown-ms {} back-ms {} exact",
            if cycle % 10 == 9 {
                "SIGKILL"
            } else {
                "SIGTERM"
            },
            lost.as_millis(),
            back.as_millis()
        );
    }
    eprintln!("loss shown / back after the engine answered, per cycle: {recoveries:?}");
}
