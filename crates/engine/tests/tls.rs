//! TLS engines, against the rig engine's TLS listener (`dockerd --tlsverify` on a loopback port, certificates made
//! by `scripts/rig.sh` with openssl): the good files connect and list what the CLI lists; each failure is told
//! apart by its kind — a CA that did not sign the engine's certificate, an address the certificate is not for, a
//! client certificate the engine refuses (another CA's, an expired one, none), an expired engine certificate
//! (openssl's own TLS server showing one), TLS spoken to a plain-HTTP port, a missing file. A context made by
//! `docker context create` with `ca=,cert=,key=` is read back with its TLS files and works from both sides.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a failed assumption is the test failing

mod common;

use porthole_engine::system::context::{endpoint_of, list};
use porthole_engine::system::tls::TlsFiles;
use porthole_engine::{Endpoint, EndpointSource, Engine};
use porthole_model::UnreachableReason;
use std::path::PathBuf;
use std::process::Command;

fn address() -> String {
    let host = std::env::var("PORTHOLE_TEST_TLS_ENGINE")
        .expect("PORTHOLE_TEST_TLS_ENGINE is not set: run the tests through scripts/test.sh");
    host.trim_start_matches("tcp://").to_owned()
}

fn file(name: &str) -> PathBuf {
    PathBuf::from(std::env::var("PORTHOLE_TEST_TLS").expect("PORTHOLE_TEST_TLS is set")).join(name)
}

fn endpoint(host: String, ca: &str, cert: &str, key: &str) -> Endpoint {
    let some = |name: &str| (!name.is_empty()).then(|| file(name));
    Endpoint {
        host,
        source: EndpointSource::DockerHost,
        tls: Some(TlsFiles {
            ca: some(ca),
            cert: some(cert),
            key: some(key),
            skip_verify: false,
        }),
    }
}

async fn refused(endpoint: Endpoint) -> UnreachableReason {
    match Engine::connect(&endpoint).await {
        Ok(_) => panic!("{} connected with {:?}", endpoint.host, endpoint.tls),
        Err(unreachable) => unreachable.reason,
    }
}

#[tokio::test]
async fn the_right_files_connect_and_list_what_the_cli_lists() {
    common::refuse_unless_rig(&common::endpoint().host);
    let tls = endpoint(
        format!("tcp://{}", address()),
        "ca.pem",
        "cert.pem",
        "key.pem",
    );
    let engine = Engine::connect(&tls).await.expect("the TLS engine answers");
    let listed = porthole_engine::container::list::list(&engine, true)
        .await
        .unwrap();
    assert_eq!(listed.len(), common::docker(&["ps", "-aq"]).lines().count());
    // The console's curl makes the same connection: https, with the same three files.
    let recorded = engine.activity.entries();
    let curl = &recorded.last().expect("requests are recorded").curl;
    assert!(
        curl.starts_with(&format!("curl --cacert {}", file("ca.pem").display()))
            && curl.contains(" --key ")
            && curl.contains(&format!("https://{}/", address())),
        "{curl}"
    );
}

#[tokio::test]
async fn each_failure_is_told_apart() {
    let tcp = format!("tcp://{}", address());
    let port = address().rsplit_once(':').unwrap().1.to_owned();
    assert_eq!(
        refused(endpoint(tcp.clone(), "other-ca.pem", "cert.pem", "key.pem")).await,
        UnreachableReason::TlsUntrusted,
        "a CA that did not sign the engine's certificate"
    );
    assert_eq!(
        refused(endpoint(
            format!("tcp://localhost:{port}"),
            "ca.pem",
            "cert.pem",
            "key.pem"
        ))
        .await,
        UnreachableReason::TlsWrongHost,
        "the certificate is for 127.0.0.1 only"
    );
    for (cert, key) in [("other-client-cert.pem", "other-client-key.pem"), ("", "")] {
        assert_eq!(
            refused(endpoint(tcp.clone(), "ca.pem", cert, key)).await,
            UnreachableReason::TlsClientRefused,
            "the client certificate {cert:?}"
        );
    }
    // An expired client certificate: the engine says "bad certificate" (Go before 1.21) or "certificate expired".
    let expired = refused(endpoint(
        tcp.clone(),
        "ca.pem",
        "expired-client-cert.pem",
        "expired-client-key.pem",
    ))
    .await;
    assert!(
        matches!(
            expired,
            UnreachableReason::TlsClientRefused | UnreachableReason::TlsExpired
        ),
        "{expired:?}"
    );
    assert_eq!(
        refused(endpoint(tcp.clone(), "missing.pem", "cert.pem", "key.pem")).await,
        UnreachableReason::TlsFiles
    );
    assert_eq!(
        refused(endpoint(
            tcp.clone(),
            "ca.pem",
            "cert.pem",
            "other-client-key.pem"
        ))
        .await,
        UnreachableReason::TlsFiles,
        "a key that is not the certificate's"
    );
    let plain = std::env::var("PORTHOLE_TEST_OPEN_REGISTRY").unwrap();
    assert_eq!(
        refused(endpoint(format!("tcp://{plain}"), "ca.pem", "", "")).await,
        UnreachableReason::TlsNotSpoken,
        "the open registry speaks plain HTTP"
    );
}

/// An engine certificate out of its dates, shown by openssl's own TLS server: the failure happens in the handshake,
/// before anything Docker is said.
#[tokio::test]
async fn an_expired_engine_certificate() {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let mut server = Command::new("openssl")
        .args(["s_server", "-quiet", "-accept"])
        .arg(format!("127.0.0.1:{port}"))
        .arg("-cert")
        .arg(file("expired-server-cert.pem"))
        .arg("-key")
        .arg(file("expired-server-key.pem"))
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("openssl runs");
    for _ in 0..50 {
        if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    let reason = refused(endpoint(
        format!("tcp://127.0.0.1:{port}"),
        "ca.pem",
        "",
        "",
    ))
    .await;
    let _ = server.kill();
    let _ = server.wait();
    assert_eq!(reason, UnreachableReason::TlsExpired);
}

/// A context the CLI made with TLS files: Porthole finds the copies the CLI keeps and connects with them, and
/// `docker --context` reaches the same engine.
#[tokio::test]
async fn a_tls_context_works_from_both_sides() {
    common::refuse_unless_rig(&common::endpoint().host);
    let config = std::env::temp_dir().join(common::unique("porthole-tls-context"));
    std::fs::create_dir_all(&config).unwrap();
    let config_text = config.display().to_string();
    let docker = |args: &[&str]| {
        common::cli_without_host(&[&["--config", config_text.as_str()][..], args].concat())
    };
    let value = format!(
        "host=tcp://{},ca={},cert={},key={}",
        address(),
        file("ca.pem").display(),
        file("cert.pem").display(),
        file("key.pem").display()
    );
    docker(&["context", "create", "secure", "--docker", &value]);
    let env = |name: &str| match name {
        "DOCKER_CONFIG" => Some(config.display().to_string()),
        _ => None,
    };
    let entry = list(env, &common::endpoint())
        .into_iter()
        .find(|e| e.name == "secure")
        .expect("the context is listed");
    assert!(entry.tls, "listed as a TLS engine");
    let endpoint = endpoint_of(env, &entry);
    let files = endpoint.tls.clone().expect("the context's TLS files");
    assert!(
        files.ca.is_some() && files.cert.is_some() && files.key.is_some(),
        "{files:?}"
    );
    assert!(
        files
            .ca
            .as_ref()
            .unwrap()
            .starts_with(config.join("contexts/tls")),
        "the CLI's own copy is used: {files:?}"
    );
    let engine = Engine::connect(&endpoint)
        .await
        .expect("connects through the context");
    let ours = porthole_engine::container::list::list(&engine, true)
        .await
        .unwrap()
        .len();
    let theirs = docker(&["--context", "secure", "ps", "-aq"])
        .lines()
        .count();
    assert_eq!(ours, theirs);
    let _ = std::fs::remove_dir_all(&config);
}

/// `DOCKER_HOST=tcp://…` with `DOCKER_TLS_VERIFY` and `DOCKER_CERT_PATH`, as a terminal sets them for the CLI.
#[tokio::test]
async fn docker_tls_verify_and_docker_cert_path() {
    common::refuse_unless_rig(&common::endpoint().host);
    let folder = file("").display().to_string();
    let endpoint = Endpoint::resolve(|name| match name {
        "DOCKER_HOST" => Some(format!("tcp://{}", address())),
        "DOCKER_TLS_VERIFY" => Some("1".into()),
        "DOCKER_CERT_PATH" => Some(folder.clone()),
        _ => None,
    });
    assert!(endpoint.tls.is_some(), "{endpoint:?}");
    Engine::connect(&endpoint)
        .await
        .expect("connects with DOCKER_CERT_PATH's files");
    let plain = Endpoint::resolve(|name| match name {
        "DOCKER_HOST" => Some(format!("tcp://{}", address())),
        _ => None,
    });
    assert!(
        Engine::connect(&plain).await.is_err(),
        "without DOCKER_TLS_VERIFY it is plain HTTP, which the TLS port refuses"
    );
}

/// A context that says `SkipTLSVerify`: the engine's certificate is not checked (here, against a CA that did not
/// sign it), the client certificate is still shown.
#[tokio::test]
async fn skip_tls_verify_is_honoured_only_where_asked() {
    common::refuse_unless_rig(&common::endpoint().host);
    let mut skipping = endpoint(
        format!("tcp://{}", address()),
        "other-ca.pem",
        "cert.pem",
        "key.pem",
    );
    if let Some(files) = skipping.tls.as_mut() {
        files.skip_verify = true;
    }
    Engine::connect(&skipping)
        .await
        .expect("connects without checking the engine's certificate");
}
