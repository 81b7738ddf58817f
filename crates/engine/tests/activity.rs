//! The activity console's records against the real engine: each kind of call is recorded with the docker command
//! of its action and a `curl` that works; each docker command, replayed with the real docker CLI on a twin object,
//! has the same effect as what the app did; and no secret is recorded after a login and an authenticated pull.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a failed assumption is the test failing

mod common;

use porthole_engine::registry::credentials::Store;
use porthole_engine::Engine;
use porthole_engine::{container, image, registry, volume};
use porthole_model::container::run::{MountKind, MountSpec, PortSpec, RunRequest};
use porthole_model::volume::VolumeCreate;
use porthole_model::{
    Action, ActivityEntry, BuildRequest, ContainerAction, ImageAction, ImageReference, Login,
};
use std::process::Command;

/// The records of `action`, which must exist.
fn records_of(engine: &Engine, action: &Action) -> Vec<ActivityEntry> {
    let cli = action.recorded_cli();
    let records: Vec<_> = engine
        .activity
        .entries()
        .into_iter()
        .filter(|e| e.cli.as_deref() == Some(cli.as_str()))
        .collect();
    assert!(!records.is_empty(), "no record carries `{cli}`");
    records
}

/// Runs `cli` (the console's text) through a shell against the test engine, with `from` replaced by `to` so it
/// acts on a twin object; `stdin` feeds `--password-stdin`.
fn replay(cli: &str, from: &str, to: &str, stdin: &str) -> String {
    replay_with_env(cli, from, to, stdin, &[])
}

/// `replay` with variables in the shell's environment: a recorded `-e NAME` or `--build-arg NAME` takes its value
/// from there, as it would for a user who exported it.
fn replay_with_env(cli: &str, from: &str, to: &str, stdin: &str, env: &[(&str, &str)]) -> String {
    use std::io::Write;
    let command = cli.replace(from, to);
    let mut child = Command::new("sh")
        .args(["-c", &command])
        .envs(env.iter().copied())
        .env("DOCKER_HOST", common::endpoint().host)
        .env("DOCKER_BUILDKIT", "0")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    let output = child.wait_with_output().unwrap();
    assert!(
        output.status.success(),
        "`{command}` failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).trim().to_owned()
}

fn inspect(format: &str, object: &str) -> String {
    common::docker(&["inspect", "--format", format, object])
}

#[tokio::test]
async fn each_call_is_recorded_with_its_command_and_a_working_curl() {
    let engine = common::engine().await;
    container::list::list(&engine, true).await.unwrap();
    let list = records_of(&engine, &Action::ListContainers { all: true });
    let entry = &list[0];
    assert_eq!((entry.method.as_str(), entry.status), ("GET", Some(200)));
    assert!(
        entry
            .path
            .starts_with(&format!("/v{}/containers/json?", engine.api_version())),
        "{entry:?}"
    );
    assert!(
        entry.curl.starts_with("curl --unix-socket "),
        "{}",
        entry.curl
    );
    // The curl shown answers the same JSON list.
    let answer = replay(&entry.curl, "", "", "");
    assert!(answer.starts_with('['), "{answer}");

    image::list::list(&engine).await.unwrap();
    assert_eq!(records_of(&engine, &Action::ListImages)[0].method, "GET");
    volume::list(&engine).await.unwrap();
    records_of(&engine, &Action::ListVolumes);
    porthole_engine::system::info(&engine).await.unwrap();
    let info = records_of(&engine, &Action::EngineInfo);
    assert!(
        info.iter().any(|e| e.path.ends_with("/info"))
            && info.iter().any(|e| e.path.ends_with("/version"))
    );

    // A failed call is recorded with the engine's status, and the detail holds the engine's answer.
    let missing = common::unique("missing");
    container::details(&engine, &missing).await.unwrap_err();
    let failed = &records_of(
        &engine,
        &Action::InspectContainer {
            container: missing.clone(),
        },
    )[0];
    assert_eq!(failed.status, Some(404));
    assert!(failed.failed());
    let detail = engine.activity.detail(failed.id).unwrap();
    assert!(detail.request.starts_with(&format!(
        "GET /v{}/containers/{missing}/json",
        engine.api_version()
    )));
    assert!(
        detail.response.starts_with("HTTP/1.1 404")
            && detail.response.contains("No such container"),
        "{}",
        detail.response
    );

    // A request body is shown; a request of no action of its own has no command.
    let name = common::unique("act-curl");
    let request = VolumeCreate {
        name: name.clone(),
        ..Default::default()
    };
    volume::create(&engine, &request).await.unwrap();
    let created = &records_of(
        &engine,
        &Action::CreateVolume {
            request: request.clone(),
        },
    )[0];
    let detail = engine.activity.detail(created.id).unwrap();
    assert!(
        detail.request.contains(&format!("\"Name\":\"{name}\"")),
        "{}",
        detail.request
    );
    assert!(
        created.curl.contains(" -X POST ") && created.curl.contains(" -d "),
        "{}",
        created.curl
    );
    volume::remove(&engine, &name).await.unwrap();
    // The curl repeats it (the volume is created again, by curl this time).
    replay(&created.curl, "", "", "");
    assert_eq!(inspect("{{.Name}}", &name), name);
    common::docker(&["volume", "rm", &name]);
}

/// A build arg's value, which must never be recorded.
const BUILD_SECRET: &str = "build-arg-s3cret-4417";

#[tokio::test]
async fn the_commands_shown_do_what_the_app_did() {
    let engine = common::engine().await;
    let store = Store::at(common::docker_config("replay", "{}"));

    // docker run: ports, environment, labels, a named volume, command.
    let app = common::unique("act-run");
    let twin = format!("{app}-cli");
    let _guards = (common::Removed(app.clone()), common::Removed(twin.clone()));
    let mut request = RunRequest {
        image: common::WEB.into(),
        name: app.clone(),
        env: vec![("GREETING".into(), "hello world".into())],
        labels: vec![("porthole.test".into(), "replay".into())],
        ..Default::default()
    };
    request.ports = vec![PortSpec::parse("127.0.0.1::80").unwrap()];
    request.mounts = vec![MountSpec::from_parts(
        MountKind::Volume,
        &format!("{app}-data"),
        "/data",
        false,
        "",
    )
    .unwrap()];
    container::run::run(&engine, &store, &request)
        .await
        .unwrap();
    let records = records_of(
        &engine,
        &Action::Run {
            request: request.clone(),
        },
    );
    // What the console shows: the variable's name without its value.
    let run_cli = records[0].cli.clone().unwrap();
    assert!(
        run_cli.contains("-e GREETING ") && !run_cli.contains("hello world"),
        "{run_cli}"
    );
    assert!(records
        .iter()
        .any(|e| e.method == "POST" && e.path.contains("/containers/create?name=")));
    assert!(records.iter().any(|e| e.path.ends_with("/start")));
    replay_with_env(&run_cli, &app, &twin, "", &[("GREETING", "hello world")]);
    for format in [
        "{{.Config.Image}}",
        "{{json .Config.Env}}",
        "{{json .Config.Labels}}",
        "{{json .Config.Cmd}}",
        "{{range .Mounts}}{{.Type}} {{.Destination}} {{end}}",
        "{{json .HostConfig.PortBindings}}",
        "{{.State.Status}}",
    ] {
        let ours = inspect(format, &app).replace(&app, "NAME");
        let theirs = inspect(format, &twin).replace(&twin, "NAME");
        assert_eq!(ours, theirs, "{format} differs after replaying `{run_cli}`");
    }

    // Lifecycle: stop, start, kill with a signal, rename, remove.
    let steps = [
        ContainerAction::Stop {
            timeout_secs: Some(1),
        },
        ContainerAction::Start,
        ContainerAction::Kill {
            signal: "SIGKILL".into(),
        },
        ContainerAction::Start,
        ContainerAction::Pause,
        ContainerAction::Unpause,
        ContainerAction::Restart,
    ];
    for step in steps {
        container::perform(&engine, &app, &step).await.unwrap();
        let action = Action::Container {
            container: app.clone(),
            action: step.clone(),
        };
        records_of(&engine, &action);
        replay(&action.cli(), &app, &twin, "");
        assert_eq!(
            inspect("{{.State.Status}}", &app),
            inspect("{{.State.Status}}", &twin),
            "after {}",
            action.cli()
        );
    }
    let renamed = format!("{app}-renamed");
    let rename = Action::Container {
        container: app.clone(),
        action: ContainerAction::Rename {
            name: renamed.clone(),
        },
    };
    container::perform(
        &engine,
        &app,
        &ContainerAction::Rename {
            name: renamed.clone(),
        },
    )
    .await
    .unwrap();
    replay(&rename.cli(), &app, &twin, "");
    assert_eq!(inspect("{{.Name}}", &renamed), format!("/{renamed}"));
    assert_eq!(
        inspect("{{.Name}}", &format!("{twin}-renamed")),
        format!("/{twin}-renamed")
    );
    let remove = ContainerAction::Remove {
        force: true,
        volumes: false,
    };
    let remove_cli = Action::Container {
        container: renamed.clone(),
        action: remove.clone(),
    }
    .cli();
    container::perform(&engine, &renamed, &remove)
        .await
        .unwrap();
    replay(&remove_cli, &app, &twin, "");
    let left = common::docker(&["ps", "-aq", "--filter", &format!("name={app}")]);
    assert_eq!(left, "", "both containers are gone");
    common::docker(&[
        "volume",
        "rm",
        &format!("{app}-data"),
        &format!("{twin}-data"),
    ]);

    // docker tag, and removing a tag.
    let target = format!("porthole-replay/{}:app", common::unique("tag"));
    let twin_target = target.replace(":app", ":cli");
    image::tag(&engine, common::BUSYBOX, &target).await.unwrap();
    let tag = Action::Tag {
        image: common::BUSYBOX.into(),
        target: target.clone(),
    };
    records_of(&engine, &tag);
    replay(&tag.cli(), &target, &twin_target, "");
    assert_eq!(
        inspect("{{.Id}}", &target),
        inspect("{{.Id}}", &twin_target)
    );
    let untag = ImageAction::Remove { force: false };
    image::perform(&engine, &target, &untag).await.unwrap();
    let untag_cli = Action::Image {
        image: target.clone(),
        action: untag,
    }
    .cli();
    replay(&untag_cli, &target, &twin_target, "");
    assert_eq!(
        common::docker(&["images", "-q", &target.replace(":app", "")]),
        ""
    );

    // docker volume create with a label and a driver option.
    let volume = common::unique("act-vol");
    let twin_volume = format!("{volume}-cli");
    let create = VolumeCreate {
        name: volume.clone(),
        driver: String::new(),
        options: vec![
            ("type".into(), "tmpfs".into()),
            ("device".into(), "tmpfs".into()),
        ],
        labels: vec![("porthole.test".into(), "replay".into())],
    };
    volume::create(&engine, &create).await.unwrap();
    replay(&create.cli(), &volume, &twin_volume, "");
    for format in ["{{.Driver}}", "{{json .Labels}}", "{{json .Options}}"] {
        assert_eq!(
            inspect(format, &volume),
            inspect(format, &twin_volume),
            "{format}"
        );
    }
    volume::remove(&engine, &volume).await.unwrap();
    replay(
        &Action::RemoveVolume {
            name: volume.clone(),
        }
        .cli(),
        &volume,
        &twin_volume,
        "",
    );
    assert_eq!(
        common::docker(&["volume", "ls", "-q", "--filter", &format!("name={volume}")]),
        ""
    );

    // docker build: the same Dockerfile gives an image with the same configuration.
    let folder = std::env::temp_dir().join(common::unique("act-build"));
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::write(
        folder.join("Dockerfile"),
        porthole_model::learn::dockerfile_example(common::BUSYBOX),
    )
    .unwrap();
    let built = format!("porthole-replay/{}:app", common::unique("build"));
    let twin_built = built.replace(":app", ":cli");
    let build = BuildRequest {
        folder: folder.display().to_string(),
        dockerfile: "Dockerfile".into(),
        tag: built.clone(),
        build_args: vec![("GREETING".into(), BUILD_SECRET.into())],
        no_cache: false,
    };
    image::build::build(&engine, &build, |_| {})
        .await
        .map_err(|(e, _)| e)
        .unwrap();
    records_of(
        &engine,
        &Action::Build {
            request: build.clone(),
        },
    );
    replay_with_env(
        &Action::Build { request: build }.recorded_cli(),
        &built,
        &twin_built,
        "",
        &[("GREETING", BUILD_SECRET)],
    );
    // Neither the run's environment value nor the build arg is anywhere in what the console holds.
    for entry in engine.activity.entries() {
        let detail = engine.activity.detail(entry.id).unwrap();
        let everything = format!("{entry:?} {detail:?}");
        for secret in ["hello world", "hello%20world", BUILD_SECRET] {
            assert!(
                !everything.contains(secret),
                "{secret} recorded in {everything}"
            );
        }
    }
    for format in ["{{json .Config.Env}}", "{{json .Config.Cmd}}"] {
        assert_eq!(
            inspect(format, &built),
            inspect(format, &twin_built),
            "{format}"
        );
    }
    common::docker(&["rmi", &built, &twin_built]);
    let _ = std::fs::remove_dir_all(&folder);

    // docker pull from a registry on host:port.
    let open = std::env::var("PORTHOLE_TEST_OPEN_REGISTRY").unwrap();
    let reference = format!("{open}/porthole/hello:1");
    let _ = common::docker_output(&["rmi", &reference]);
    let parsed = ImageReference::parse(&reference).unwrap();
    image::pull(&engine, &store, &parsed, None, |_| {})
        .await
        .unwrap();
    let pull = Action::Pull {
        reference: parsed.to_string(),
        platform: None,
    };
    records_of(&engine, &pull);
    let id = inspect("{{.Id}}", &reference);
    common::docker(&["rmi", &reference]);
    replay(&pull.cli(), "", "", "");
    assert_eq!(inspect("{{.Id}}", &reference), id);
    common::docker(&["rmi", &reference]);
}

#[tokio::test]
async fn no_secret_is_recorded_after_a_login_and_an_authenticated_pull() {
    let engine = common::engine().await;
    let (registry, user, password) = common::auth_registry();
    let dir = common::docker_config("secret", "{}");
    let store = Store::at(&dir);
    let login = Login {
        registry: registry.clone(),
        username: user.clone(),
        password: password.clone(),
    };
    registry::login(&engine, &store, &login).await.unwrap();
    let action = Action::Login {
        registry: registry.clone(),
        username: user.clone(),
    };
    let recorded = records_of(&engine, &action);
    assert!(recorded
        .iter()
        .any(|e| e.path.ends_with("/auth") && e.status == Some(200)));

    // The login command, replayed with the password on stdin, logs the CLI in the same way.
    let cli_config = common::docker_config("secret-cli", "{}");
    let cli = action.cli().replacen(
        "docker ",
        &format!("docker --config {} ", cli_config.display()),
        1,
    ) + " --password-stdin";
    replay(&cli, "", "", &password);
    let stored = std::fs::read_to_string(cli_config.join("config.json")).unwrap();
    assert!(stored.contains(&registry), "{stored}");

    // An authenticated push and pull send X-Registry-Auth; the record keeps only that one was sent.
    let reference = format!("{registry}/porthole/{}:1", common::unique("secret"));
    image::tag(&engine, common::BUSYBOX, &reference)
        .await
        .unwrap();
    let parsed = ImageReference::parse(&reference).unwrap();
    porthole_engine::image::push::push(&engine, &store, &parsed, |_| {})
        .await
        .unwrap();
    common::docker(&["rmi", &reference]);
    image::pull(&engine, &store, &parsed, None, |_| {})
        .await
        .unwrap();
    common::docker(&["rmi", &reference]);

    // The curl of the authenticated pull names the header, not its value.
    let pulled = records_of(
        &engine,
        &Action::Pull {
            reference: parsed.to_string(),
            platform: None,
        },
    );
    assert!(
        pulled
            .iter()
            .any(|e| e.curl.contains("X-Registry-Auth: BASE64_OF_YOUR_LOGIN")),
        "{pulled:?}"
    );

    let mut everything = String::new();
    for entry in engine.activity.entries() {
        let detail = engine.activity.detail(entry.id).unwrap();
        everything += &serde_json::to_string(&detail).unwrap();
    }
    use base64::Engine as _;
    let basic = base64::engine::general_purpose::STANDARD.encode(format!("{user}:{password}"));
    assert!(
        everything.contains("X-Registry-Auth") || everything.contains("x-registry-auth"),
        "the header is shown as sent"
    );
    assert!(everything.contains("<redacted>"));
    for secret in [password.as_str(), basic.as_str()] {
        assert!(!everything.contains(secret), "a secret was recorded");
    }
    // Nor any base64 form of the credentials JSON (the header's value).
    assert!(
        !everything.contains("eyJ"),
        "an encoded credential was recorded"
    );
    let _ = std::fs::remove_dir_all(&dir);
    let _ = std::fs::remove_dir_all(&cli_config);
}
