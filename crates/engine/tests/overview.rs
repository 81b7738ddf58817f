//! The Engines overview followed live against the rig's second engine: the first look says it answers, a container
//! the CLI starts there moves its figures, stopping the engine turns it unreachable, starting it again brings it
//! back — each seen without asking.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a failed assumption is the test failing

mod common;

use porthole_engine::system::overview::follow;
use porthole_model::system::context::EngineProbe;
use std::process::Command;
use std::time::Duration;
use tokio::sync::mpsc;

fn on_second(args: &[&str]) -> String {
    let output = Command::new("docker")
        .args(args)
        .env("DOCKER_HOST", common::endpoint2().host)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).trim().to_owned()
}

/// Starts the second engine again and removes the container, whatever the test did.
struct Restore(String);

impl Drop for Restore {
    fn drop(&mut self) {
        common::rig(&["start-engine", "2"]);
        let _ = Command::new("docker")
            .args(["rm", "-f", &self.0])
            .env("DOCKER_HOST", common::endpoint2().host)
            .output();
    }
}

async fn next_look(
    looks: &mut mpsc::UnboundedReceiver<EngineProbe>,
    what: &str,
    wanted: impl Fn(&EngineProbe) -> bool,
) -> EngineProbe {
    let deadline = tokio::time::Instant::now() + Duration::from_secs(20);
    loop {
        match tokio::time::timeout_at(deadline, looks.recv()).await {
            Ok(Some(look)) if wanted(&look) => return look,
            Ok(Some(_)) => continue,
            _ => panic!("no look where {what} within 20 s"),
        }
    }
}

#[tokio::test]
async fn an_engine_is_followed_through_a_new_container_a_stop_and_a_start() {
    let endpoint = common::endpoint2();
    let name = common::unique("overview");
    let _restore = Restore(name.clone());
    let (sender, mut looks) = mpsc::unbounded_channel();
    let follower = tokio::spawn(async move {
        follow(&endpoint, |probe| sender.send(probe).is_ok()).await;
    });

    let running = on_second(&["ps", "-q"]).lines().count() as i64;
    let first = next_look(&mut looks, "it answers", |p| p.reachable).await;
    assert_eq!(first.running, running);

    on_second(&[
        "run",
        "-d",
        "--name",
        &name,
        common::BUSYBOX,
        "sleep",
        "600",
    ]);
    next_look(&mut looks, "one more runs", |p| {
        p.reachable && p.running == running + 1
    })
    .await;

    common::rig(&["stop-engine", "2"]);
    let gone = next_look(&mut looks, "it is unreachable", |p| !p.reachable).await;
    assert!(!gone.problem.is_empty(), "{gone:?}");

    common::rig(&["start-engine", "2"]);
    next_look(&mut looks, "it answers again", |p| p.reachable).await;
    follower.abort();
}
