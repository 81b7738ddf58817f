//! The visual `docker run` through the engine layer: each option kind does what the CLI's would, checked with the
//! real docker CLI and a real HTTP request.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a failed assumption is the test failing

mod common;

use porthole_engine::container::run::run;
use porthole_engine::registry::credentials::Store;
use porthole_model::container::run::{MountKind, MountSpec, PortSpec, RestartPolicy, RunRequest};
use porthole_model::ErrorKind;
use std::io::{Read, Write};

fn request(name: &str, image: &str) -> RunRequest {
    RunRequest {
        image: image.into(),
        name: name.into(),
        ..Default::default()
    }
}

fn store() -> Store {
    Store::at(common::docker_config("run", "{}"))
}

fn http_get(port: u16) -> String {
    for _ in 0..50 {
        if let Ok(mut stream) = std::net::TcpStream::connect(("127.0.0.1", port)) {
            stream
                .write_all(b"GET / HTTP/1.0\r\nHost: localhost\r\n\r\n")
                .unwrap();
            let mut body = String::new();
            let _ = stream.read_to_string(&mut body);
            if !body.is_empty() {
                return body;
            }
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    panic!("nothing answered on port {port}");
}

#[tokio::test]
async fn a_published_port_reaches_the_web_server_and_env_labels_workdir_user_apply() {
    let engine = common::engine().await;
    let name = common::unique("run-web");
    let _cleanup = common::Removed(name.clone());
    let mut web = request(&name, common::WEB);
    web.ports = vec![PortSpec::parse("127.0.0.1::80").unwrap()];
    web.env = vec![("GREETING".into(), "hello world".into())];
    web.labels = vec![("com.example.team".into(), "web".into())];
    web.workdir = "/www".into();
    web.user = "root".into();
    web.restart = RestartPolicy::OnFailure { max_retries: 2 };
    let id = run(&engine, &store(), &web).await.unwrap();
    assert!(common::docker(&["inspect", "--format", "{{.Id}}", &name]).starts_with(&id));

    // A random host port was chosen by the engine: read it back as `docker port` shows it.
    let published = common::docker(&["port", &name, "80/tcp"]);
    let port: u16 = published.rsplit(':').next().unwrap().parse().unwrap();
    assert!(published.starts_with("127.0.0.1:"), "{published}");
    assert!(http_get(port).contains("Hello from a Porthole test container"));

    assert_eq!(
        common::docker(&["exec", &name, "sh", "-c", "echo $GREETING; pwd"]),
        "hello world\n/www"
    );
    let format = "{{index .Config.Labels \"com.example.team\"}} {{.HostConfig.RestartPolicy.Name}}:{{.HostConfig.RestartPolicy.MaximumRetryCount}}";
    assert_eq!(
        common::docker(&["inspect", "--format", format, &name]),
        "web on-failure:2"
    );
}

#[tokio::test]
async fn a_named_volume_outlives_the_container_and_a_tmpfs_does_not() {
    let engine = common::engine().await;
    let volume = common::unique("run-data");
    let (first, second) = (common::unique("run-vol"), common::unique("run-vol"));
    let _cleanup = (
        common::Removed(first.clone()),
        common::Removed(second.clone()),
    );
    let mut writer = request(&first, common::BUSYBOX);
    writer.command = vec!["sleep".into(), "600".into()];
    writer.mounts = vec![
        MountSpec::from_parts(MountKind::Volume, &volume, "/data", false, "").unwrap(),
        MountSpec::from_parts(MountKind::Tmpfs, "", "/scratch", false, "8m").unwrap(),
    ];
    run(&engine, &store(), &writer).await.unwrap();
    common::docker(&[
        "exec",
        &first,
        "sh",
        "-c",
        "echo kept > /data/file; echo lost > /scratch/file",
    ]);
    let mounts = common::docker(&["exec", &first, "cat", "/proc/mounts"]);
    let scratch = mounts
        .lines()
        .find(|l| l.contains(" /scratch "))
        .expect("a /scratch mount");
    assert!(
        scratch.starts_with("tmpfs") && scratch.contains("size=8192k"),
        "{scratch}"
    );
    // A stop/start empties the tmpfs; the volume keeps its file.
    common::docker(&["restart", "-t", "0", &first]);
    assert_eq!(
        common::docker(&[
            "exec",
            &first,
            "sh",
            "-c",
            "cat /scratch/file 2>/dev/null || echo gone"
        ]),
        "gone"
    );
    common::docker(&["rm", "-f", &first]);

    let mut reader = request(&second, common::BUSYBOX);
    reader.command = vec!["cat".into(), "/data/file".into()];
    reader.mounts =
        vec![MountSpec::from_parts(MountKind::Volume, &volume, "/data", true, "").unwrap()];
    run(&engine, &store(), &reader).await.unwrap();
    common::docker(&["wait", &second]);
    assert_eq!(common::docker(&["logs", &second]), "kept");
    common::docker(&["rm", "-f", &second]);
    common::docker(&["volume", "rm", &volume]);
}

#[tokio::test]
async fn a_bind_mount_writes_to_the_host_folder_and_read_only_refuses_writes() {
    let engine = common::engine().await;
    let folder = std::env::temp_dir().join(common::unique("porthole-bind"));
    std::fs::create_dir_all(&folder).unwrap();
    let name = common::unique("run-bind");
    let _cleanup = common::Removed(name.clone());
    let mut bind = request(&name, common::BUSYBOX);
    bind.command = vec![
        "sh".into(),
        "-c".into(),
        "echo from-container > /host/out; touch /ro/x || echo refused".into(),
    ];
    bind.mounts = vec![
        MountSpec::from_parts(
            MountKind::Bind,
            folder.to_str().unwrap(),
            "/host",
            false,
            "",
        )
        .unwrap(),
        MountSpec::from_parts(MountKind::Bind, folder.to_str().unwrap(), "/ro", true, "").unwrap(),
    ];
    run(&engine, &store(), &bind).await.unwrap();
    common::docker(&["wait", &name]);
    assert_eq!(common::docker(&["logs", &name]), "refused");
    common::docker(&["rm", &name]);
    assert_eq!(
        std::fs::read_to_string(folder.join("out")).unwrap(),
        "from-container\n",
        "the data stays on the host after rm"
    );
    std::fs::remove_dir_all(&folder).ok();
}

#[tokio::test]
async fn a_container_that_cannot_start_is_removed_and_a_taken_name_is_a_conflict() {
    let engine = common::engine().await;
    let holder = common::unique("run-holder");
    let _holder = common::Removed(holder.clone());
    let mut first = request(&holder, common::WEB);
    first.ports = vec![PortSpec::parse("127.0.0.1::80").unwrap()];
    run(&engine, &store(), &first).await.unwrap();
    let port: u16 = common::docker(&["port", &holder, "80/tcp"])
        .rsplit(':')
        .next()
        .unwrap()
        .parse()
        .unwrap();

    let clash = common::unique("run-clash");
    let _clash = common::Removed(clash.clone());
    let mut second = request(&clash, common::WEB);
    second.ports = vec![PortSpec::parse(&format!("127.0.0.1:{port}:80")).unwrap()];
    let error = run(&engine, &store(), &second).await.unwrap_err();
    assert!(error.message.contains("removed again"), "{error:?}");
    assert!(!error.detail.is_empty());
    assert_eq!(
        common::docker(&["ps", "-aq", "--filter", &format!("name=^{clash}$")]),
        "",
        "nothing left behind"
    );

    let taken = run(&engine, &store(), &request(&holder, common::BUSYBOX))
        .await
        .unwrap_err();
    assert_eq!(taken.kind, ErrorKind::Conflict);
    let missing = run(
        &engine,
        &store(),
        &request("", "127.0.0.1:5000/porthole/no-such-image:1"),
    )
    .await
    .unwrap_err();
    assert_eq!(missing.kind, ErrorKind::NotFound, "{missing:?}");
}

#[tokio::test]
async fn an_image_that_is_not_here_is_pulled_first_and_auto_remove_cleans_up() {
    let engine = common::engine().await;
    let open = std::env::var("PORTHOLE_TEST_OPEN_REGISTRY").unwrap();
    let image = format!("{open}/porthole/hello:1");
    let _ = std::process::Command::new("docker")
        .args(["rmi", "-f", &image])
        .env("DOCKER_HOST", common::endpoint().host)
        .output();
    let name = common::unique("run-pull");
    let _cleanup = common::Removed(name.clone());
    let mut once = request(&name, &image);
    once.command = vec!["sh".into(), "-c".into(), "echo hi".into()];
    once.auto_remove = true;
    run(&engine, &store(), &once).await.unwrap();
    assert!(
        !common::docker(&["image", "ls", "-q", &image]).is_empty(),
        "pulled"
    );
    let _ = std::process::Command::new("docker")
        .args(["wait", &name])
        .env("DOCKER_HOST", common::endpoint().host)
        .output();
    for _ in 0..50 {
        if common::docker(&["ps", "-aq", "--filter", &format!("name=^{name}$")]).is_empty() {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    panic!("--rm did not remove the container");
}
