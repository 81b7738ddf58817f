//! Compose through the real tools against the real engine: both tools found, the plugin first (and the state when
//! none is), a file with two services, a user network, a named volume, a build context and a profile read as each
//! tool normalises it, a broken file refused with the tool's words and line, and up / stop / start / down / down -v
//! each checked with the docker CLI, once per tool; the project listed from its labels with its file; its merged
//! logs read from the engine.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a failed assumption is the test failing

mod common;

use porthole_engine::compose::{list, logs, open, open_with, run, tool};
use porthole_model::compose::logs::split_tagged;
use porthole_model::compose::{ComposeCommand, ComposeTool, ComposeVerb};
use porthole_model::ErrorKind;

const FILE: &str = "services:
  web:
    image: porthole-test/web:1
    stop_grace_period: 1s
    ports: [\"127.0.0.1::80\"]
    networks: [shop]
    volumes: [\"data:/data\"]
    environment:
      TOKEN: never-shown
  client:
    image: porthole-test/busybox:1
    stop_grace_period: 1s
    command: sh -c 'while true; do wget -qO- http://web/ | head -c 40; echo; sleep 1; done'
    networks: [shop]
    depends_on: [web]
  debug:
    image: porthole-test/busybox:1
    profiles: [debug]
  built:
    build: ./app
    profiles: [build]
networks:
  shop: {}
volumes:
  data: {}
";

/// The Compose tools the rig provides, the plugin first: v2 in the rig's own client config (scripts/compose-plugin.sh)
/// and Debian's standalone v1. Each code path the app has is run with each.
async fn tools() -> Vec<ComposeTool> {
    let tools = tool::find_all(None).await;
    let plugins: Vec<bool> = tools.iter().map(ComposeTool::is_plugin).collect();
    assert_eq!(
        plugins,
        [true, false],
        "the rig provides the v2 plugin and the standalone v1: {tools:?}"
    );
    tools
}

/// A folder of its own with the compose file; the project is taken down (with its volumes) by `tool` when dropped.
struct Project {
    folder: std::path::PathBuf,
    name: String,
    tool: ComposeTool,
}

impl Project {
    /// A project driven by the tool the app would use.
    async fn new(contents: &str) -> Self {
        Self::with(contents, tool::find().await.unwrap())
    }

    fn with(contents: &str, tool: ComposeTool) -> Self {
        let name = common::unique("phc").replace('-', "");
        let folder = std::env::temp_dir().join(&name);
        std::fs::create_dir_all(folder.join("app")).unwrap();
        std::fs::write(
            folder.join("app/Dockerfile"),
            "FROM porthole-test/busybox:1\n",
        )
        .unwrap();
        std::fs::write(folder.join("compose.yaml"), contents).unwrap();
        Project { folder, name, tool }
    }

    fn file(&self) -> String {
        self.folder
            .join("compose.yaml")
            .to_string_lossy()
            .into_owned()
    }

    fn command(&self, verb: ComposeVerb) -> ComposeCommand {
        ComposeCommand {
            file: self.file(),
            project: self.name.clone(),
            verb,
        }
    }

    fn up_command(&self) -> ComposeCommand {
        self.command(ComposeVerb::Up {
            build: false,
            pull: false,
            profiles: vec![],
            services: vec![],
        })
    }

    /// `up -d` of every service through the tool.
    async fn up(&self, engine: &porthole_engine::Engine) {
        run(engine, &self.tool, &self.up_command(), |_| true)
            .await
            .unwrap();
    }

    /// The project's merged logs from the engine, followed to their end: each line as `SERVICE | TEXT`.
    async fn followed_logs(&self, engine: &porthole_engine::Engine) -> Vec<String> {
        let mut lines = Vec::new();
        logs::follow(engine, &self.name, 100, |line| {
            lines.push(line);
            true
        })
        .await
        .unwrap();
        lines
    }

    /// `followed_logs` without the service tags: each line's text.
    async fn followed_texts(&self, engine: &porthole_engine::Engine) -> Vec<String> {
        self.followed_logs(engine)
            .await
            .iter()
            .map(|line| split_tagged(line, "").text)
            .collect()
    }
}

impl Drop for Project {
    fn drop(&mut self) {
        let _ = std::process::Command::new(&self.tool.program[0])
            .args(&self.tool.program[1..])
            .args(["-f", &self.file(), "-p", &self.name, "down", "-v"])
            .env("DOCKER_HOST", common::endpoint().host)
            .output();
        let _ = std::fs::remove_dir_all(&self.folder);
    }
}

fn names(args: &[&str]) -> String {
    common::docker(args)
}

#[tokio::test]
async fn the_tool_is_found_and_its_absence_is_a_state() {
    let tools = tools().await;
    assert!(tools[0].version.starts_with("2."), "{tools:?}");
    assert!(tools[1].version.starts_with("1."), "{tools:?}");
    assert_eq!(
        tool::find().await.as_ref(),
        Some(&tools[0]),
        "the plugin first"
    );
    assert_eq!(tool::find_on(Some("/nonexistent")).await, None);
    assert!(tool::find_all(Some("/nonexistent")).await.is_empty());
}

#[tokio::test]
async fn a_file_read_as_each_tool_normalises_it_and_a_broken_one_refused_with_its_line() {
    let engine = common::engine().await;
    for tool in tools().await {
        read_and_refused(&engine, tool).await;
    }
    let missing = open(&engine, "/nonexistent/compose.yaml", "")
        .await
        .unwrap_err();
    assert_eq!(missing.kind, ErrorKind::NotFound);
}

async fn read_and_refused(engine: &porthole_engine::Engine, tool: ComposeTool) {
    let project = Project::with(FILE, tool.clone());
    let file = open_with(engine, &tool, &project.file(), &project.name)
        .await
        .unwrap();
    let service = |name: &str| file.services.iter().find(|s| s.name == name).unwrap();
    assert_eq!(file.services.len(), 4);
    assert_eq!(service("web").image.as_deref(), Some("porthole-test/web:1"));
    assert_eq!(service("web").networks, ["shop"]);
    assert_eq!(service("web").environment, ["TOKEN"], "names only");
    assert_eq!(service("web").ports, ["127.0.0.1::80/tcp"], "{tool:?}");
    assert_eq!(service("client").depends_on, ["web"]);
    assert!(service("built").build.as_deref().unwrap().ends_with("/app"));
    assert_eq!(file.profiles(), ["build", "debug"]);
    assert_eq!(file.volumes, ["data"]);
    assert!(file.networks.contains(&"shop".to_owned()));
    assert!(!serde_json::to_string(&file)
        .unwrap()
        .contains("never-shown"));

    let broken = Project::with("services:\n  web:\n    image: [unclosed\n", tool.clone());
    let error = open_with(engine, &tool, &broken.file(), "")
        .await
        .unwrap_err();
    assert_eq!(error.kind, ErrorKind::InvalidInput);
    assert!(
        error.message.contains("line"),
        "{tool:?}'s words with the line: {}",
        error.message
    );
}

#[tokio::test]
async fn up_stop_start_down_and_down_with_volumes_with_each_tool() {
    let engine = common::engine().await;
    for tool in tools().await {
        up_stop_start_down(&engine, tool).await;
    }
}

async fn up_stop_start_down(engine: &porthole_engine::Engine, tool: ComposeTool) {
    let project = Project::with(FILE, tool.clone());
    let ps = |state: &str| {
        names(&[
            "ps",
            "-a",
            "--filter",
            &format!("label=com.docker.compose.project={}", project.name),
            "--filter",
            &format!("status={state}"),
            "--format",
            "{{.Label \"com.docker.compose.service\"}}",
        ])
    };
    let mut output = Vec::new();
    let up = project.up_command();
    run(engine, &tool, &up, |line| {
        output.push(line);
        true
    })
    .await
    .unwrap();
    assert!(!output.is_empty(), "the tool's output is streamed");
    let mut running: Vec<String> = ps("running").lines().map(str::to_owned).collect();
    running.sort();
    assert_eq!(running, ["client", "web"], "profiled services stay down");
    let volume = format!("{}_data", project.name);
    assert!(names(&["volume", "ls", "--format", "{{.Name}}"])
        .lines()
        .any(|l| l == volume));
    assert!(names(&["network", "ls", "--format", "{{.Name}}"])
        .lines()
        .any(|l| l == format!("{}_shop", project.name)));

    let listed = list(engine).await.unwrap();
    let found = listed.iter().find(|p| p.name == project.name).unwrap();
    assert_eq!(found.running(), 2);
    assert_eq!(found.file(), Some(project.file().as_str()));

    run(engine, &tool, &project.command(ComposeVerb::Stop), |_| true)
        .await
        .unwrap();
    assert_eq!(ps("running"), "");
    run(engine, &tool, &project.command(ComposeVerb::Start), |_| {
        true
    })
    .await
    .unwrap();
    assert_eq!(ps("running").lines().count(), 2);

    run(
        engine,
        &tool,
        &project.command(ComposeVerb::Down {
            volumes: false,
            images: None,
        }),
        |_| true,
    )
    .await
    .unwrap();
    assert_eq!(ps("exited") + &ps("running"), "");
    assert!(
        names(&["volume", "ls", "--format", "{{.Name}}"])
            .lines()
            .any(|l| l == volume),
        "down keeps volumes"
    );
    assert!(!names(&["network", "ls", "--format", "{{.Name}}"])
        .lines()
        .any(|l| l == format!("{}_shop", project.name)));

    run(engine, &tool, &up, |_| true).await.unwrap();
    run(
        engine,
        &tool,
        &project.command(ComposeVerb::Down {
            volumes: true,
            images: None,
        }),
        |_| true,
    )
    .await
    .unwrap();
    assert!(
        !names(&["volume", "ls", "--format", "{{.Name}}"])
            .lines()
            .any(|l| l == volume),
        "down -v removes them"
    );

    // A bad request never reaches the tool.
    let mut sneaky = project.command(ComposeVerb::Stop);
    sneaky.project = "--help".into();
    assert_eq!(
        run(engine, &tool, &sneaky, |_| true)
            .await
            .unwrap_err()
            .kind,
        ErrorKind::InvalidInput
    );
}

#[tokio::test]
async fn merged_logs_read_from_the_engine_tag_each_line_with_its_service() {
    let engine = common::engine().await;
    let project = Project::new(
        "services:
  first:
    image: porthole-test/busybox:1
    command: sh -c 'echo one; echo two'
  second-2:
    image: porthole-test/busybox:1
    command: sh -c 'echo three | tr -d \"\\n\"'
  ticker:
    image: porthole-test/busybox:1
    command: sh -c 'for i in 1 2 3 4 5 6; do echo tick $$i; sleep 0.5; done'
",
    )
    .await;
    project.up(&engine).await;

    // Followed while the ticker still writes: it returns once every container has stopped, with each line once,
    // tagged with its service (a last line without a newline too), one container's lines in their order.
    let lines = project.followed_logs(&engine).await;
    let of = |service: &str| -> Vec<String> {
        lines
            .iter()
            .map(|l| split_tagged(l, ""))
            .filter(|l| l.service == service)
            .map(|l| l.text)
            .collect()
    };
    assert_eq!(of("first"), ["one", "two"], "{lines:?}");
    assert_eq!(of("second-2"), ["three"], "{lines:?}");
    let ticks: Vec<String> = (1..=6).map(|i| format!("tick {i}")).collect();
    assert_eq!(of("ticker"), ticks, "{lines:?}");
    assert_eq!(lines.len(), 9);

    // Read again once all have stopped, every line comes from the tails: in the order written, whichever container
    // wrote it (each line's time as `docker logs -t` gives it).
    let again = project.followed_texts(&engine).await;
    let mut written = std::collections::HashMap::new();
    for id in names(&[
        "ps",
        "-aq",
        "--filter",
        &format!("label=com.docker.compose.project={}", project.name),
    ])
    .lines()
    {
        for line in common::docker(&["logs", "-t", id]).lines() {
            let (time, text) = line.split_once(' ').unwrap();
            written.insert(
                text.to_owned(),
                chrono::DateTime::parse_from_rfc3339(time).unwrap(),
            );
        }
    }
    let times: Vec<_> = again.iter().map(|text| written[text]).collect();
    assert_eq!(again.len(), 9, "{again:?}");
    assert!(
        times.windows(2).all(|w| w[0] <= w[1]),
        "{again:?} written at {times:?}"
    );

    // The receiver may stop it early.
    let mut taken = 0;
    logs::follow(&engine, &project.name, 100, |_| {
        taken += 1;
        false
    })
    .await
    .unwrap();
    assert_eq!(taken, 1);

    // A project with no containers has nothing to follow; a name that is not a project's never reaches the engine.
    let mut none = 0;
    logs::follow(&engine, "phc-nothing-here", 100, |_| {
        none += 1;
        true
    })
    .await
    .unwrap();
    assert_eq!(none, 0);
    assert_eq!(
        logs::follow(&engine, "--help", 100, |_| true)
            .await
            .unwrap_err()
            .kind,
        ErrorKind::InvalidInput
    );
}

#[tokio::test]
async fn merged_logs_follow_a_container_that_starts_again() {
    let engine = common::engine().await;
    // Each run writes one line and fails; the engine starts it again twice (100 ms, then 200 ms later).
    let project = Project::new(
        "services:
  again:
    image: porthole-test/busybox:1
    command: sh -c 'echo run $$(cat /proc/sys/kernel/random/uuid); sleep 1; exit 1'
    restart: on-failure:2
",
    )
    .await;
    project.up(&engine).await;
    let lines = project.followed_texts(&engine).await;
    // Every run's line once (each names its run), in order; the logs ended after the last run stopped for good.
    let written: Vec<String> = names(&[
        "ps",
        "-aq",
        "--filter",
        &format!("label=com.docker.compose.project={}", project.name),
    ])
    .lines()
    .flat_map(|id| {
        common::docker(&["logs", id])
            .lines()
            .map(str::to_owned)
            .collect::<Vec<_>>()
    })
    .collect();
    assert_eq!(written.len(), 3, "three runs: {written:?}");
    assert_eq!(lines, written);
}
