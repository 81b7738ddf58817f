//! SSH engines against the rig's SSH endpoint (Debian's sshd in a container of the second engine, its socket
//! mounted; the host's ssh with the rig's config through `scripts/test-bin/ssh`): Porthole lists what the CLI lists
//! through `docker --host ssh://…`, and each failure is told apart — a host key ssh does not know, one other than
//! the known one, a key the machine refuses, no `docker` on the far side, nothing listening.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a failed assumption is the test failing

mod common;

use porthole_engine::{Endpoint, EndpointSource, Engine};
use porthole_model::UnreachableReason;

fn ssh_engine() -> String {
    std::env::var("PORTHOLE_TEST_SSH_ENGINE")
        .expect("PORTHOLE_TEST_SSH_ENGINE is not set: run the tests through scripts/test.sh")
}

fn endpoint(host: String) -> Endpoint {
    Endpoint {
        host,
        source: EndpointSource::DockerHost,
        tls: None,
    }
}

/// The rig's address with another host name (one of the rig's ssh config's aliases for the same endpoint).
fn as_host(alias: &str) -> String {
    let port = ssh_engine().rsplit_once(':').unwrap().1.to_owned();
    format!("ssh://root@{alias}:{port}")
}

#[tokio::test]
async fn the_engine_over_ssh_lists_what_the_cli_lists() {
    common::refuse_unless_rig(&common::endpoint2().host);
    let engine = Engine::connect(&endpoint(ssh_engine()))
        .await
        .expect("connects over ssh");
    let ours: Vec<String> = porthole_engine::container::list::list(&engine, true)
        .await
        .unwrap()
        .into_iter()
        .map(|c| c.name)
        .collect();
    let mut theirs: Vec<String> = common::cli_without_host(&[
        "--host",
        &ssh_engine(),
        "ps",
        "-a",
        "--format",
        "{{.Names}}",
    ])
    .lines()
    .map(str::to_owned)
    .collect();
    let mut ours = ours;
    ours.sort();
    theirs.sort();
    assert_eq!(ours, theirs);
    assert!(
        ours.iter().any(|n| n == "porthole-rig-sshd"),
        "the second engine's own containers"
    );
    // The console's curl is the same request on the far side.
    let curl = engine.activity.entries().last().unwrap().curl.clone();
    assert!(
        curl.starts_with("ssh -l root -p ")
            && curl.contains(" -- 127.0.0.1 'curl --unix-socket /var/run/docker.sock "),
        "{curl}"
    );
}

#[tokio::test]
async fn each_ssh_failure_is_told_apart() {
    let refused = |host: String| async move {
        match Engine::connect(&endpoint(host.clone())).await {
            Ok(_) => panic!("{host} connected"),
            Err(unreachable) => unreachable.reason,
        }
    };
    assert_eq!(
        refused(as_host("unknown-host")).await,
        UnreachableReason::SshUnknownHost
    );
    assert_eq!(
        refused(as_host("changed-key")).await,
        UnreachableReason::SshHostKeyChanged
    );
    assert_eq!(
        refused(as_host("stranger")).await,
        UnreachableReason::SshRefused
    );
    let closed = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    assert_eq!(
        refused(format!("ssh://root@127.0.0.1:{closed}")).await,
        UnreachableReason::ConnectionRefused
    );
}

/// A machine with SSH but no docker command: the rig's `nodocker` login has a shell that finds none.
#[tokio::test]
async fn no_docker_on_the_far_side() {
    let port = ssh_engine().rsplit_once(':').unwrap().1.to_owned();
    match Engine::connect(&endpoint(format!("ssh://nodocker@127.0.0.1:{port}"))).await {
        Ok(_) => panic!("connected without docker on the far side"),
        Err(unreachable) => assert_eq!(unreachable.reason, UnreachableReason::SshNoDocker),
    }
}
