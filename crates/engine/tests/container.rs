//! Container lifecycle through the engine layer, checked with the real docker CLI.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a failed assumption is the test failing

mod common;

use porthole_engine::container::perform;
use porthole_model::{ContainerAction, ErrorKind};

fn state(name: &str) -> String {
    common::docker(&["inspect", "--format", "{{.State.Status}}", name])
}

#[tokio::test]
async fn start_pause_resume_restart_stop_remove() {
    let engine = common::engine().await;
    let name = common::unique("life");
    let _cleanup = common::Removed(name.clone());
    common::docker(&["create", "--name", &name, common::BUSYBOX, "sleep", "600"]);

    perform(&engine, &name, &ContainerAction::Start)
        .await
        .unwrap();
    assert_eq!(state(&name), "running");
    perform(&engine, &name, &ContainerAction::Pause)
        .await
        .unwrap();
    assert_eq!(state(&name), "paused");
    perform(&engine, &name, &ContainerAction::Unpause)
        .await
        .unwrap();
    assert_eq!(state(&name), "running");
    let started = common::docker(&["inspect", "--format", "{{.State.StartedAt}}", &name]);
    perform(&engine, &name, &ContainerAction::Restart)
        .await
        .unwrap();
    assert_ne!(
        common::docker(&["inspect", "--format", "{{.State.StartedAt}}", &name]),
        started
    );
    perform(
        &engine,
        &name,
        &ContainerAction::Stop {
            timeout_secs: Some(1),
        },
    )
    .await
    .unwrap();
    assert_eq!(state(&name), "exited");
    perform(
        &engine,
        &name,
        &ContainerAction::Remove {
            force: false,
            volumes: true,
        },
    )
    .await
    .unwrap();
    assert!(common::docker(&["ps", "-a", "-q", "--filter", &format!("name=^{name}$")]).is_empty());
}

#[tokio::test]
async fn removing_a_running_container_is_a_conflict_until_forced() {
    let engine = common::engine().await;
    let (name, _cleanup) = common::sleeper("busy");

    let error = perform(
        &engine,
        &name,
        &ContainerAction::Remove {
            force: false,
            volumes: false,
        },
    )
    .await
    .unwrap_err();
    assert_eq!(error.kind, ErrorKind::Conflict);
    assert!(error.message.contains("force"), "{}", error.message);
    assert_eq!(state(&name), "running");
    perform(
        &engine,
        &name,
        &ContainerAction::Remove {
            force: true,
            volumes: false,
        },
    )
    .await
    .unwrap();
}

#[tokio::test]
async fn a_container_that_ignores_sigterm_is_killed_when_stop_times_out() {
    let engine = common::engine().await;
    // PID 1 in a container ignores SIGTERM unless it installs a handler: `sleep` does not, so only SIGKILL stops it.
    let (name, _cleanup) = common::started(
        "stubborn",
        &[common::BUSYBOX, "sh", "-c", "trap '' TERM; sleep 600"],
    );
    let start = std::time::Instant::now();
    perform(
        &engine,
        &name,
        &ContainerAction::Stop {
            timeout_secs: Some(1),
        },
    )
    .await
    .unwrap();
    assert!(
        start.elapsed() >= std::time::Duration::from_millis(900),
        "stop waited for the timeout"
    );
    assert_eq!(state(&name), "exited");
    assert_eq!(
        common::docker(&["inspect", "--format", "{{.State.ExitCode}}", &name]),
        "137",
        "killed by SIGKILL"
    );
}

#[tokio::test]
async fn actions_on_a_missing_container_are_not_found() {
    let engine = common::engine().await;
    let error = perform(&engine, "no-such-container-here", &ContainerAction::Start)
        .await
        .unwrap_err();
    assert_eq!(error.kind, ErrorKind::NotFound);
    let error = perform(
        &engine,
        "no-such-container-here",
        &ContainerAction::Kill {
            signal: "SIGKILL".into(),
        },
    )
    .await
    .unwrap_err();
    assert_eq!(error.kind, ErrorKind::NotFound);
}

#[tokio::test]
async fn kill_sends_the_chosen_signal() {
    let engine = common::engine().await;
    let (name, _cleanup) = common::sleeper("signal");
    perform(
        &engine,
        &name,
        &ContainerAction::Kill {
            signal: "SIGKILL".into(),
        },
    )
    .await
    .unwrap();
    assert_eq!(state(&name), "exited");
    let error = perform(
        &engine,
        &name,
        &ContainerAction::Kill {
            signal: "SIGKILL".into(),
        },
    )
    .await
    .unwrap_err();
    assert_eq!(error.kind, ErrorKind::Conflict, "{error:?}");
}

#[tokio::test]
async fn stop_and_remove_takes_a_running_container_away_cleanly() {
    let engine = common::engine().await;
    // A shell that exits on SIGTERM at once, so the stop is clean and quick.
    let (name, _cleanup) = common::started(
        "stop-then-rm",
        &[
            common::BUSYBOX,
            "sh",
            "-c",
            "trap 'exit 0' TERM; while :; do sleep 1; done",
        ],
    );
    perform(
        &engine,
        &name,
        &ContainerAction::StopAndRemove { volumes: false },
    )
    .await
    .unwrap();
    assert!(common::docker(&["ps", "-a", "-q", "--filter", &format!("name=^{name}$")]).is_empty());
}

/// `docker update`: limits and the restart policy changed in place, as `docker inspect` shows them; a memory limit
/// raised above the swap limit the engine gave at `docker run` moves the swap limit with it.
#[tokio::test]
async fn update_changes_limits_and_restart_policy_in_place() {
    use porthole_model::container::limits::LimitsUpdate;
    use porthole_model::container::run::RestartPolicy;
    let engine = common::engine().await;
    let (name, _cleanup) = common::started(
        "limits",
        &["--memory", "64m", common::BUSYBOX, "sleep", "600"],
    );
    let inspect = |format: &str| common::docker(&["inspect", "--format", format, &name]);
    assert_eq!(inspect("{{.HostConfig.Memory}}"), (64u64 << 20).to_string());

    let update = LimitsUpdate {
        nano_cpus: Some(500_000_000),
        memory: Some(256 << 20),
        restart: Some(RestartPolicy::OnFailure { max_retries: 3 }),
    };
    perform(
        &engine,
        &name,
        &ContainerAction::Update {
            limits: update.clone(),
        },
    )
    .await
    .unwrap();
    assert_eq!(inspect("{{.HostConfig.NanoCpus}}"), "500000000");
    assert_eq!(
        inspect("{{.HostConfig.Memory}}"),
        (256u64 << 20).to_string()
    );
    assert_eq!(
        inspect("{{.HostConfig.MemorySwap}}"),
        (512u64 << 20).to_string()
    );
    assert_eq!(
        inspect(
            "{{.HostConfig.RestartPolicy.Name}}:{{.HostConfig.RestartPolicy.MaximumRetryCount}}"
        ),
        "on-failure:3"
    );
    assert_eq!(state(&name), "running", "updated without a restart");

    // Only what is named changes; `no` turns restarting off again.
    let restart_only = LimitsUpdate {
        restart: Some(RestartPolicy::No),
        ..Default::default()
    };
    perform(
        &engine,
        &name,
        &ContainerAction::Update {
            limits: restart_only,
        },
    )
    .await
    .unwrap();
    assert_eq!(inspect("{{.HostConfig.RestartPolicy.Name}}"), "no");
    assert_eq!(inspect("{{.HostConfig.NanoCpus}}"), "500000000");

    // The details the page shows read the same limits.
    let details = porthole_engine::container::details(&engine, &name)
        .await
        .unwrap();
    assert_eq!(details.limits.nano_cpus, 500_000_000);
    assert_eq!(details.limits.memory, 256 << 20);
}
