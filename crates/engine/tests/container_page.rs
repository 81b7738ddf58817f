//! What the container page reads from the engine: details, logs (tail, follow, scroll-back, a high-volume writer),
//! stats, processes, a terminal, and rename — all against the private test engine.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a failed assumption is the test failing

mod common;

use porthole_engine::container::{self, exec, logs, processes, stats};
use porthole_model::{ContainerAction, ContainerState, ErrorKind, LogStream};
use std::time::Duration;

#[tokio::test]
async fn details_show_what_docker_inspect_shows() {
    let engine = common::engine().await;
    let (name, _cleanup) = common::started(
        "page-details",
        &[
            "-e",
            "A=1",
            "-p",
            "127.0.0.1::80",
            "-v",
            "/cache",
            common::WEB,
        ],
    );
    let details = container::details(&engine, &name).await.unwrap();
    assert_eq!(details.name, name);
    assert_eq!(details.state, ContainerState::Running);
    assert!(details.env.contains(&("A".into(), "1".into())));
    assert_eq!(
        details.command,
        ["/bin/httpd", "-f", "-p", "80", "-h", "/www"]
    );
    let port = common::docker(&["port", &name, "80/tcp"]);
    assert_eq!(details.links(), [format!("http://{port}")]);
    assert_eq!(details.mounts.len(), 1);
    assert_eq!(details.mounts[0].destination, "/cache");
    assert_eq!(details.networks[0].network, "bridge");
    assert!(!details.networks[0].ip.is_empty());
    assert!(details.started().is_some());
    assert!(details.inspect_json.contains(&details.id));
    let missing = container::details(&engine, "porthole-no-such-container")
        .await
        .unwrap_err();
    assert_eq!(missing.kind, ErrorKind::NotFound);
}

#[tokio::test]
async fn rename_and_a_taken_name() {
    let engine = common::engine().await;
    let (a, _a) = common::sleeper("page-rename");
    let (b, _b) = common::sleeper("page-rename");
    let renamed = common::unique("page-renamed");
    let _renamed = common::Removed(renamed.clone());
    container::perform(
        &engine,
        &a,
        &ContainerAction::Rename {
            name: renamed.clone(),
        },
    )
    .await
    .unwrap();
    assert_eq!(
        common::docker(&["inspect", "--format", "{{.Name}}", &renamed]),
        format!("/{renamed}")
    );
    let taken = container::perform(
        &engine,
        &b,
        &ContainerAction::Rename {
            name: renamed.clone(),
        },
    )
    .await
    .unwrap_err();
    assert_eq!(taken.kind, ErrorKind::Conflict);
    assert!(taken.message.contains("already has that name"));
}

#[tokio::test]
async fn logs_tail_then_follow_then_scroll_back_with_a_high_volume_writer() {
    let engine = common::engine().await;
    let name = common::unique("page-logs");
    let _cleanup = common::Removed(name.clone());
    // One line on stderr, 50,000 lines at once on stdout, then one line a moment later while followed. (The engine
    // copies stdout and stderr separately, so lines of the two streams written together may swap places.)
    let script = "echo oops >&2; sleep 1; seq 1 50000; sleep 4; echo later; sleep 600";
    common::docker(&[
        "run",
        "-d",
        "--name",
        &name,
        common::BUSYBOX,
        "sh",
        "-c",
        script,
    ]);
    let mut waited = 0;
    while !common::docker_output(&["logs", "--tail", "1", &name]).ends_with("50000\n") {
        waited += 1;
        assert!(waited < 100, "the writer never finished");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let mut batches = Vec::new();
    logs::follow(&engine, &name, 1000, Duration::from_millis(50), |lines| {
        let got_later = lines.iter().any(|l| l.text == "later");
        batches.push(lines);
        !got_later
    })
    .await
    .unwrap();
    let tail = &batches[0];
    assert_eq!(tail.len(), 1000, "the first batch is exactly the tail");
    assert_eq!(tail[0].text, "49001");
    assert_eq!(tail.last().unwrap().text, "50000");
    assert_eq!(tail[998].stream, LogStream::Stdout);
    assert!(batches.iter().flatten().any(|l| l.text == "later"));

    let older = logs::before(&engine, &name, &tail[0].timestamp, 500)
        .await
        .unwrap();
    assert_eq!(older.len(), 500);
    assert_eq!(older[0].text, "48501");
    assert_eq!(
        older.last().unwrap().text,
        "49000",
        "scroll-back continues exactly where the tail began"
    );
    let everything = logs::before(&engine, &name, &tail[0].timestamp, 100_000)
        .await
        .unwrap();
    assert_eq!(everything.len(), 49001);
    assert_eq!(
        (everything[0].stream, everything[0].text.as_str()),
        (LogStream::Stderr, "oops")
    );

    let all = logs::all(&engine, &name).await.unwrap();
    assert_eq!(all.lines().count(), 50002);
}

#[tokio::test]
async fn following_a_stopped_container_ends() {
    let engine = common::engine().await;
    let name = common::unique("page-logs-end");
    let _cleanup = common::Removed(name.clone());
    common::docker(&["run", "--name", &name, common::BUSYBOX, "echo", "done"]);
    let mut seen = Vec::new();
    tokio::time::timeout(
        Duration::from_secs(10),
        logs::follow(&engine, &name, 10, Duration::from_millis(50), |lines| {
            seen.extend(lines);
            true
        }),
    )
    .await
    .expect("a stopped container's log ends instead of hanging")
    .unwrap();
    assert_eq!(
        seen.iter().map(|l| l.text.as_str()).collect::<Vec<_>>(),
        ["done"]
    );
}

/// The list's sampling hands on a container again only when its cells would read differently: a sleeping
/// container, whose CPU stays at 0.0 % and memory where it was, is in the first round and then seldom or never.
#[tokio::test]
async fn list_rounds_hand_on_only_changed_cells() {
    let engine = common::engine().await;
    let (idle, _idle) = common::sleeper("rounds-idle");
    let (busy, _busy) = common::started(
        "rounds-busy",
        &[common::BUSYBOX, "sh", "-c", "while :; do :; done"],
    );
    let ids = [idle.clone(), busy.clone()];
    let mut rounds: Vec<Vec<(String, porthole_model::StatsSample)>> = Vec::new();
    // A round where no cell changed is not handed on: the busy container's CPU keeps them coming, within a bound.
    let sampling = stats::rounds(&engine, &ids, Duration::from_millis(100), |round| {
        rounds.push(round);
        rounds.len() < 6
    });
    tokio::time::timeout(Duration::from_secs(60), sampling)
        .await
        .expect("six rounds with a change within a minute");
    let named = |round: &Vec<(String, porthole_model::StatsSample)>, name: &str| {
        round
            .iter()
            .find(|(id, _)| id == name)
            .map(|(_, s)| s.list_cells())
    };
    assert!(named(&rounds[0], &idle).is_some() && named(&rounds[0], &busy).is_some());
    // No round repeats the cells a container had when it was last handed on.
    for name in [&idle, &busy] {
        let mut last = None;
        for round in &rounds {
            if let Some(cells) = named(round, name) {
                assert_ne!(last.as_ref(), Some(&cells), "{name} sent again unchanged");
                last = Some(cells);
            }
        }
    }
    // The sleeper is left out of most rounds after the first (sent every round before).
    let idle_again = rounds[1..]
        .iter()
        .filter(|r| named(r, &idle).is_some())
        .count();
    assert!(
        idle_again <= 2,
        "{idle_again} of 5 later rounds carried the idle container"
    );
}

#[tokio::test]
async fn stats_are_sane_against_the_cgroup() {
    let engine = common::engine().await;
    // A busy loop in the shell (a full core) and a sleeper: 2 processes.
    let (name, _cleanup) = common::started(
        "page-stats",
        &[
            "-m",
            "64m",
            common::BUSYBOX,
            "sh",
            "-c",
            "sleep 600 & while :; do :; done",
        ],
    );
    let mut samples = Vec::new();
    stats::follow(&engine, &name, |sample| {
        samples.push(sample);
        samples.len() < 3
    })
    .await
    .unwrap();
    let last = samples.last().unwrap();
    assert!(
        last.cpu_percent > 50.0 && last.cpu_percent < 100.0 * f64::from(last.cpus) + 1.0,
        "{last:?}"
    );
    assert_eq!(last.memory_limit, 64 << 20);
    assert!(last.memory_used > 0 && last.memory_used < 64 << 20);
    assert_eq!(last.pids, 2);
    // The engine reads the same cgroup the container sees; used memory never exceeds its own usage figure.
    let cgroup = common::docker(&["exec", &name, "sh", "-c", "cat /sys/fs/cgroup/memory.current 2>/dev/null || cat /sys/fs/cgroup/memory/memory.usage_in_bytes"]);
    let usage: u64 = cgroup.trim().parse().unwrap();
    assert!(
        last.memory_used <= usage + (8 << 20),
        "used {} vs cgroup {usage}",
        last.memory_used
    );
    let once = stats::once(&engine, &name).await.unwrap();
    tokio::time::sleep(Duration::from_millis(500)).await;
    let again = stats::once(&engine, &name).await.unwrap().cpu_since(&once);
    assert!(
        again.cpu_percent > 50.0,
        "two one-shot samples give the busy loop's CPU: {again:?}"
    );
    assert_eq!(once.memory_limit, 64 << 20);
}

#[tokio::test]
async fn top_lists_the_processes() {
    let engine = common::engine().await;
    let (name, _cleanup) = common::sleeper("page-top");
    let table = processes::top(&engine, &name).await.unwrap();
    let cmd = table
        .titles
        .iter()
        .position(|t| t == "CMD")
        .expect("a CMD column");
    assert!(
        table.rows.iter().any(|row| row[cmd].contains("sleep 600")),
        "{table:?}"
    );
    common::docker(&["stop", "-t", "0", &name]);
    let stopped = processes::top(&engine, &name).await.unwrap_err();
    assert_eq!(stopped.kind, ErrorKind::Conflict);
}

#[tokio::test]
async fn a_terminal_runs_a_command_and_reads_its_output() {
    use futures_util::StreamExt;
    let engine = common::engine().await;
    let (name, _cleanup) = common::sleeper("page-exec");
    let mut session = exec::start(&engine, &name, &["sh".into()], 100, 30)
        .await
        .unwrap();
    exec::write(&mut session.input, b"echo hi-$((40+2)); stty size\n")
        .await
        .unwrap();
    let mut output = Vec::new();
    let read = tokio::time::timeout(Duration::from_secs(10), async {
        while let Some(chunk) = session.output.next().await {
            output.extend(chunk.unwrap());
            let text = String::from_utf8_lossy(&output);
            if text.contains("hi-42") && text.contains("30 100") {
                break;
            }
        }
    })
    .await;
    assert!(
        read.is_ok(),
        "output so far: {}",
        String::from_utf8_lossy(&output)
    );
    exec::resize(&engine, &session.id, 120, 40).await.unwrap();
    exec::write(&mut session.input, b"exit\n").await.unwrap();
    tokio::time::timeout(Duration::from_secs(10), async {
        while session.output.next().await.is_some() {}
    })
    .await
    .expect("the output ends when the shell exits");
    assert!(!exec::running(&engine, &session.id).await);
    // A terminal whose foreground program ignores Ctrl-C and Ctrl-D: closing it still leaves nothing running.
    let mut stuck = exec::start(&engine, &name, &["sh".into()], 80, 24)
        .await
        .unwrap();
    assert!(stuck.pid.is_some(), "the shell reports its pid");
    exec::write(&mut stuck.input, b"sh -c 'trap \"\" INT; exec sleep 777'\n")
        .await
        .unwrap();
    for _ in 0..50 {
        if common::docker(&["top", &name]).contains("sleep 777") {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    exec::close(&engine, &name, &stuck.id, "sh", stuck.pid, stuck.input).await;
    let mut left = String::new();
    for _ in 0..50 {
        left = common::docker(&["top", &name]);
        if !left.contains("sleep 777") {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(!left.contains("sleep 777"), "{left}");
    assert!(!exec::running(&engine, &stuck.id).await);

    common::docker(&["stop", "-t", "0", &name]);
    let stopped = exec::start(&engine, &name, &["sh".into()], 80, 24)
        .await
        .err()
        .unwrap();
    assert_eq!(stopped.kind, ErrorKind::Conflict);
}
