//! Connecting: the real engine negotiates down to its API version; each kind of failure is told apart.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a failed assumption is the test failing

mod common;

use porthole_engine::{Endpoint, EndpointSource, Engine};
use porthole_model::UnreachableReason;
use std::io::{Read, Write};

fn unix(path: &std::path::Path) -> Endpoint {
    Endpoint {
        host: format!("unix://{}", path.display()),
        source: EndpointSource::DockerHost,
        tls: None,
    }
}

fn scratch(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("ph-conn-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[tokio::test]
async fn connects_and_negotiates_the_engines_api_version() {
    let engine = common::engine().await;
    let server_api = common::docker(&["version", "--format", "{{.Server.APIVersion}}"]);
    // bollard's default is newer than Debian's engine; negotiation must land exactly on what the engine speaks.
    assert_eq!(engine.api_version(), server_api);
    assert!(engine.is_alive().await);
}

#[tokio::test]
async fn a_missing_socket_is_no_socket() {
    let error = Engine::connect(&unix(&scratch("missing").join("docker.sock")))
        .await
        .unwrap_err();
    assert_eq!(error.reason, UnreachableReason::NoSocket);
}

#[tokio::test]
async fn a_socket_nobody_listens_on_refuses() {
    let path = scratch("refused").join("docker.sock");
    drop(std::os::unix::net::UnixListener::bind(&path).unwrap());
    let error = Engine::connect(&unix(&path)).await.unwrap_err();
    assert_eq!(
        error.reason,
        UnreachableReason::ConnectionRefused,
        "{error:?}"
    );
}

#[tokio::test]
async fn something_that_is_not_docker_is_told_apart() {
    let path = scratch("notdocker").join("docker.sock");
    let listener = std::os::unix::net::UnixListener::bind(&path).unwrap();
    std::thread::spawn(move || {
        for mut stream in listener.incoming().flatten().take(4) {
            let mut buffer = [0u8; 1024];
            let _ = stream.read(&mut buffer);
            let _ = stream.write_all(b"HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello");
        }
    });
    let error = Engine::connect(&unix(&path)).await.unwrap_err();
    assert_eq!(error.reason, UnreachableReason::NotDocker, "{error:?}");
}

#[tokio::test]
async fn an_unusable_endpoint_is_bad_endpoint() {
    let endpoint = Endpoint {
        host: "npipe:////./pipe/docker_engine".into(),
        source: EndpointSource::DockerHost,
        tls: None,
    };
    assert_eq!(
        Engine::connect(&endpoint).await.unwrap_err().reason,
        UnreachableReason::BadEndpoint
    );
}
