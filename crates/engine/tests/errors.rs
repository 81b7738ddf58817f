//! The engine errors learners hit most, each provoked for real against the test engine and the rig's registries:
//! every one comes back as a `PortholeError` with its `Diagnosis`, saying what happened and the exact fix.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a failed assumption is the test failing

mod common;

use porthole_engine::container::{self, run};
use porthole_engine::error::from_unreachable;
use porthole_engine::registry::credentials::Store;
use porthole_engine::{image, Endpoint, EndpointSource, Engine};
use porthole_model::diagnosis::Diagnosis;
use porthole_model::{
    ContainerAction, ImageAction, ImageReference, PortSpec, PortholeError, RunRequest,
};
use std::future::Future;
use std::pin::Pin;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

type Provoked = Pin<Box<dyn Future<Output = PortholeError>>>;
/// One row: what is provoked, how, and the diagnosis it must get.
type Row = (&'static str, fn() -> Provoked, Diagnosis);

/// Set for the socket probe when this binary runs itself as an unprivileged user.
const PROBE: &str = "PORTHOLE_ERRORS_SOCKET_PROBE";

#[tokio::test]
async fn every_common_engine_error_is_diagnosed_with_its_fix() {
    let table: Vec<Row> = vec![
        (
            "pull access denied",
            || Box::pin(pull_access_denied()),
            Diagnosis::PullAccessDenied,
        ),
        (
            "no basic auth credentials",
            || Box::pin(no_basic_auth_credentials()),
            Diagnosis::NoBasicAuthCredentials,
        ),
        (
            "HTTP response to HTTPS client",
            || Box::pin(http_response_to_https_client()),
            Diagnosis::HttpResponseToHttpsClient,
        ),
        (
            "port is already allocated",
            || Box::pin(port_already_allocated()),
            Diagnosis::PortAlreadyAllocated,
        ),
        (
            "container name already in use",
            || Box::pin(name_in_use()),
            Diagnosis::NameInUse,
        ),
        (
            "image used by a running container",
            || Box::pin(image_in_use()),
            Diagnosis::ImageInUse,
        ),
        (
            "no such container",
            || Box::pin(no_such_container()),
            Diagnosis::NoSuchContainer,
        ),
        (
            "permission denied on the socket",
            || Box::pin(socket_permission_denied()),
            Diagnosis::SocketPermissionDenied,
        ),
        (
            "no engine socket",
            || Box::pin(missing_socket()),
            Diagnosis::DaemonUnreachable,
        ),
        (
            "engine port refuses",
            || Box::pin(refused_port()),
            Diagnosis::DaemonUnreachable,
        ),
        (
            "manifest unknown",
            || Box::pin(manifest_unknown()),
            Diagnosis::ManifestUnknown,
        ),
    ];
    for diagnosis in Diagnosis::ALL {
        assert!(
            table.iter().any(|(_, _, d)| *d == diagnosis),
            "{diagnosis:?} has no row"
        );
    }
    for (name, provoke, expected) in table {
        let error = provoke().await;
        println!(
            "{name}: {:?}\n  reply: {}\n  message: {}",
            error.kind, error.detail, error.message
        );
        assert_eq!(error.diagnosis, Some(expected), "{name}: {error:?}");
        assert!(!error.message.is_empty(), "{name}");
        assert!(
            error.message.contains(expected.what_happened()),
            "{name}: {}",
            error.message
        );
        // The fix, with the registry's address in place of HOST:PORT where it names one.
        for part in expected.fix().split("HOST:PORT") {
            assert!(
                error.message.contains(part),
                "{name}: the fix in {}",
                error.message
            );
        }
        assert!(
            !error.message.contains("HOST:PORT"),
            "{name}: {}",
            error.message
        );
    }
}

/// A credential store with no logins, in a folder of its own that goes when the guard drops.
fn no_logins() -> (Store, Scratch) {
    let dir = common::docker_config("errors", "{}");
    (Store::at(&dir), Scratch(dir))
}

struct Scratch(std::path::PathBuf);

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

async fn pull_error(reference: &str) -> PortholeError {
    let engine = common::engine().await;
    let reference = ImageReference::parse(reference).unwrap();
    let (store, _scratch) = no_logins();
    let result = image::pull(&engine, &store, &reference, None, |_| {}).await;
    let _ = image::perform(
        &engine,
        &reference.to_string(),
        &ImageAction::Remove { force: true },
    )
    .await;
    result.expect_err("the pull fails")
}

/// What Docker Hub answers for a repository that does not exist or is private (a 401 whose bearer challenge says
/// `insufficient_scope`), served on loopback (which the engine reaches over plain HTTP). The rig's own registries
/// never give it: the htpasswd one answers a wrong login with `unauthorized`, a missing repository with `manifest
/// unknown`.
async fn pull_access_denied() -> PortholeError {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    let registry = tokio::spawn(async move {
        while let Ok((mut stream, _)) = listener.accept().await {
            tokio::spawn(async move {
                let mut request = Vec::new();
                let mut buffer = [0u8; 4096];
                while !request.windows(4).any(|w| w == b"\r\n\r\n") {
                    match stream.read(&mut buffer).await {
                        Ok(0) | Err(_) => return,
                        Ok(n) => request.extend_from_slice(&buffer[..n]),
                    }
                    // The engine tries TLS first: not HTTP, so hang up and let it fall back to plain HTTP.
                    if !request[0].is_ascii_uppercase() {
                        return;
                    }
                }
                let text = String::from_utf8_lossy(&request);
                let head = text.starts_with("HEAD ");
                let path = text.split_whitespace().nth(1).unwrap_or_default();
                let reply = if path == "/v2/" {
                    "HTTP/1.1 200 OK\r\nDocker-Distribution-Api-Version: registry/2.0\r\nContent-Type: application/json\r\n\
                     Content-Length: 2\r\nConnection: close\r\n\r\n{}"
                        .to_owned()
                } else {
                    let body = r#"{"errors":[{"code":"UNAUTHORIZED","message":"authentication required","detail":[{"Type":"repository","Class":"","Name":"porthole/nothing","Action":"pull"}]}]}"#;
                    format!(
                        "HTTP/1.1 401 Unauthorized\r\nDocker-Distribution-Api-Version: registry/2.0\r\n\
                         Www-Authenticate: Bearer realm=\"http://{address}/token\",service=\"registry.docker.io\",\
                         scope=\"repository:porthole/nothing:pull\",error=\"insufficient_scope\"\r\n\
                         Content-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{}",
                        body.len(),
                        if head { "" } else { body }
                    )
                };
                let _ = stream.write_all(reply.as_bytes()).await;
                let _ = stream.shutdown().await;
            });
        }
    });
    let error = pull_error(&format!("{address}/porthole/nothing:1")).await;
    registry.abort();
    error
}

async fn no_basic_auth_credentials() -> PortholeError {
    let (registry, _, _) = common::auth_registry();
    pull_error(&format!("{registry}/porthole/private:1")).await
}

async fn http_response_to_https_client() -> PortholeError {
    let lan = std::env::var("PORTHOLE_TEST_LAN_REGISTRY")
        .expect("the rig's plain-HTTP registry on its bridge");
    pull_error(&format!("{lan}/porthole/hello:1")).await
}

async fn manifest_unknown() -> PortholeError {
    let open = std::env::var("PORTHOLE_TEST_OPEN_REGISTRY").expect("the rig's open registry");
    pull_error(&format!("{open}/porthole/hello:no-such-tag")).await
}

fn request(name: &str) -> RunRequest {
    RunRequest {
        image: common::WEB.into(),
        name: name.into(),
        ..Default::default()
    }
}

async fn port_already_allocated() -> PortholeError {
    let engine = common::engine().await;
    let (holder, _holder) =
        common::started("errors-port-holder", &["-p", "127.0.0.1::80", common::WEB]);
    let port = common::docker(&["port", &holder, "80/tcp"]);
    let port = port
        .lines()
        .next()
        .unwrap()
        .rsplit(':')
        .next()
        .unwrap()
        .to_owned();
    let clash = common::unique("errors-port-clash");
    let _clash = common::Removed(clash.clone());
    let mut second = request(&clash);
    second.ports = vec![PortSpec::parse(&format!("127.0.0.1:{port}:80")).unwrap()];
    let (store, _scratch) = no_logins();
    run::run(&engine, &store, &second)
        .await
        .expect_err("the port is taken")
}

async fn name_in_use() -> PortholeError {
    let engine = common::engine().await;
    let (name, _cleanup) = common::sleeper("errors-name");
    let (store, _scratch) = no_logins();
    run::run(&engine, &store, &request(&name))
        .await
        .expect_err("the name is taken")
}

async fn image_in_use() -> PortholeError {
    let engine = common::engine().await;
    // An image of its own (a unique id), so no other tag or test shares it.
    let tag = format!("porthole-test/{}:1", common::unique("errors-inuse"));
    let context = std::env::temp_dir().join(common::unique("errors-ctx"));
    std::fs::create_dir_all(&context).unwrap();
    std::fs::write(
        context.join("Dockerfile"),
        format!("FROM {}\nENV MARK={tag}\n", common::BUSYBOX),
    )
    .unwrap();
    common::docker(&["build", "-q", "-t", &tag, context.to_str().unwrap()]);
    let _ = std::fs::remove_dir_all(&context);
    let user = common::unique("errors-user");
    let guard = common::Removed(user.clone());
    common::docker(&["run", "-d", "--name", &user, &tag, "sleep", "600"]);
    let id = common::docker(&["image", "inspect", "--format", "{{.Id}}", &tag]);
    let error = image::perform(&engine, &id, &ImageAction::Remove { force: false })
        .await
        .expect_err("a running container uses it");
    assert_eq!(error.related, vec![user.clone()]);
    drop(guard);
    common::docker(&["rmi", &tag]);
    error
}

async fn no_such_container() -> PortholeError {
    let engine = common::engine().await;
    let name = common::unique("errors-never-was");
    container::perform(&engine, &name, &ContainerAction::Start)
        .await
        .expect_err("no such container")
}

fn unix(path: &std::path::Path) -> Endpoint {
    Endpoint {
        host: format!("unix://{}", path.display()),
        source: EndpointSource::DockerHost,
        tls: None,
    }
}

async fn connect_error(endpoint: &Endpoint) -> PortholeError {
    match Engine::connect(endpoint).await {
        Ok(_) => panic!("{} answered", endpoint.host),
        Err(unreachable) => from_unreachable(&unreachable),
    }
}

async fn missing_socket() -> PortholeError {
    let dir = std::env::temp_dir().join(common::unique("errors-nosocket"));
    connect_error(&unix(&dir.join("docker.sock"))).await
}

async fn refused_port() -> PortholeError {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    drop(listener);
    let endpoint = Endpoint {
        host: format!("tcp://127.0.0.1:{port}"),
        source: EndpointSource::DockerHost,
        tls: None,
    };
    connect_error(&endpoint).await
}

/// The tests run as root, which file permissions do not stop; so this binary runs its own probe again as `nobody`
/// (no groups), which may reach the socket (its folder is searchable) but not open it (`srw-rw---- root docker`).
async fn socket_permission_denied() -> PortholeError {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let endpoint = common::endpoint();
    let socket = endpoint
        .socket_path()
        .expect("the test engine listens on a unix socket");
    let metadata = std::fs::metadata(socket).unwrap();
    assert!(
        metadata.mode() & 0o002 == 0 && metadata.uid() != 65534 && metadata.gid() != 65534,
        "the socket must not be open to nobody for this row to mean anything: {:o}",
        metadata.permissions().mode()
    );
    let output = tokio::process::Command::new("setpriv")
        .args(["--reuid=65534", "--regid=65534", "--clear-groups"])
        .arg(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "socket_probe",
            "--ignored",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(PROBE, "1")
        .output()
        .await
        .expect("setpriv runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "the probe as nobody failed: {stdout}{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let line = stdout
        .lines()
        // libtest prints its own "test socket_probe ... " before the probe's line.
        .find_map(|line| line.split_once("PROBE-ERROR ").map(|(_, json)| json))
        .unwrap_or_else(|| panic!("the probe reported no error: {stdout}"));
    serde_json::from_str(line).unwrap()
}

/// Run only by `socket_permission_denied`, as an unprivileged user: connects to the test engine's socket and prints
/// the error.
#[tokio::test]
#[ignore = "run as nobody by every_common_engine_error_is_diagnosed_with_its_fix"]
async fn socket_probe() {
    if std::env::var_os(PROBE).is_none() {
        return;
    }
    assert_ne!(real_uid(), 0, "the probe must run unprivileged");
    // Not `common::endpoint()`: this user cannot ask the engine for its labels; the parent test, as root, checked
    // that this is the rig's engine before it started the probe.
    let endpoint = porthole_engine::Endpoint {
        host: std::env::var("PORTHOLE_TEST_ENGINE").unwrap(),
        source: porthole_engine::EndpointSource::DockerHost,
        tls: None,
    };
    let socket = endpoint.socket_path().unwrap();
    // The socket is visible to this user, so a refusal is the socket's own permissions, not a missing path.
    std::fs::metadata(socket).expect("nobody can reach the socket's folder");
    let error = connect_error(&endpoint).await;
    println!("PROBE-ERROR {}", serde_json::to_string(&error).unwrap());
}

/// The real user id, read from /proc (no libc dependency).
fn real_uid() -> u32 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap();
    status
        .lines()
        .find_map(|line| line.strip_prefix("Uid:"))
        .and_then(|ids| ids.split_whitespace().next())
        .and_then(|uid| uid.parse().ok())
        .unwrap()
}
