//! Opening and closing the container page's streams 1,000 times leaves nothing behind: no subscription, no task, no
//! terminal input, no file descriptor (socket) — counted, against the private test engine.

use super::*;
use crate::subscriptions::{Subscriptions, Topic};
use crate::test_rig::{docker, test_engine};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;
use tauri::ipc::{Channel, InvokeResponseBody};

fn open_fds() -> usize {
    std::fs::read_dir("/proc/self/fd")
        .map(|dir| dir.count())
        .unwrap_or(0)
}

fn alive_tasks() -> usize {
    tauri::async_runtime::handle()
        .inner()
        .metrics()
        .num_alive_tasks()
}

/// A channel that counts the messages it receives, standing in for the webview's end.
fn counting<T: tauri::ipc::IpcResponse>(seen: &Arc<AtomicUsize>) -> Channel<T> {
    let seen = seen.clone();
    Channel::new(move |_: InvokeResponseBody| {
        seen.fetch_add(1, Ordering::SeqCst);
        Ok(())
    })
}

async fn until(what: &str, mut done: impl FnMut() -> bool) {
    for _ in 0..500 {
        if done() {
            return;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    panic!("{what}");
}

#[test]
fn a_thousand_views_opened_and_closed_leave_nothing_behind() {
    let name = format!("cleanup-{}", std::process::id());
    docker(&[
        "run",
        "-d",
        "--name",
        &name,
        "porthole-test/busybox:1",
        "sh",
        "-c",
        "while :; do echo tick; sleep 0.1; done",
    ]);
    let guard = Remove(name.clone());
    tauri::async_runtime::block_on(async move {
        let engine = crate::test_rig::connected().await;
        let registry = Arc::new(Subscriptions::default());
        let terminals = Arc::new(terminal::Terminals::default());
        // Warm up once per kind so lazily created pools and timers are counted in the baseline.
        let mut baseline = None;
        let rounds: usize = std::env::var("PORTHOLE_CLEANUP_ROUNDS")
            .ok()
            .and_then(|r| r.parse().ok())
            .unwrap_or(1000);
        let mut spent = [Duration::ZERO; 4];
        for round in 0..rounds + 4 {
            let started = std::time::Instant::now();
            let seen = Arc::new(AtomicUsize::new(0));
            let topic = Topic::Container(name.clone());
            let (engine, container) = (engine.clone(), name.clone());
            let id = match round % 4 {
                0 => registry.spawn(topic, logs::follow(engine, container, 10, counting(&seen))),
                1 => registry.spawn(topic, stats::follow(engine, container, counting(&seen))),
                2 => registry.spawn(topic, processes::follow(engine, container, counting(&seen))),
                _ => {
                    let session = terminal::Session {
                        container,
                        command: vec!["sh".into()],
                        cols: 80,
                        rows: 24,
                    };
                    let terminals = terminals.clone();
                    let channel = counting(&seen);
                    registry.spawn_with(topic, move |id| {
                        terminal::run(engine, session, channel, terminals, id)
                    })
                }
            };
            // The view is open once its stream has delivered something; then it closes. The engine's first stats
            // sample takes about a second, so after the warm-up a stats view closes once its request is under way.
            if round % 4 == 1 && round > 3 {
                tokio::time::sleep(Duration::from_millis(20)).await;
            } else {
                until("a stream delivered nothing", || {
                    seen.load(Ordering::SeqCst) > 0
                })
                .await;
            }
            assert!(
                registry.cancel(id),
                "round {round}: the stream ended on its own"
            );
            spent[round % 4] += started.elapsed();
            if round == 3 {
                tokio::time::sleep(Duration::from_millis(200)).await;
                baseline = Some((alive_tasks(), open_fds()));
            }
        }
        eprintln!("time per kind (logs, stats, processes, terminal): {spent:?}");
        let (tasks, fds) = baseline.unwrap();
        assert_eq!(registry.len(), 0);
        assert!(
            !terminals.send(1, terminal::Input::Keys(b"x".to_vec())),
            "no terminal input left"
        );
        // Aborted tasks and their connections are released asynchronously; give them a moment.
        until("tasks were left running", || alive_tasks() <= tasks).await;
        until("file descriptors were left open", || open_fds() <= fds + 4).await;
        // No exec process is left in the container either (each terminal was hung up).
        let mut processes = docker(&["top", &name]);
        for _ in 0..100 {
            if !processes.lines().any(|l| l.ends_with(" sh")) {
                break;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
            processes = docker(&["top", &name]);
        }
        assert_eq!(
            processes.lines().filter(|l| l.ends_with(" sh")).count(),
            0,
            "{processes}"
        );
    });
    drop(guard);
}

struct Remove(String);

impl Drop for Remove {
    fn drop(&mut self) {
        let _ = std::process::Command::new("docker")
            .args(["rm", "-f", &self.0])
            .env("DOCKER_HOST", test_engine())
            .output();
    }
}
