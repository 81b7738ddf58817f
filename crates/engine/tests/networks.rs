//! Networks against the real engine: create with subnet, gateway and IP range (bad inputs refused before any
//! request), connect with an alias and a fixed address (checked with `docker network inspect`, and the alias
//! resolved by another container through the engine's DNS), removal refused while a container is attached (the
//! refusal names it), disconnect, "disconnect them, then remove", and the unused list removed exactly.
//! One test for what touches every unused network, so nothing else here races it.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a failed assumption is the test failing

mod common;

use porthole_engine::network::{act, create, inspect, list, remove_many};
use porthole_model::network::{prunable, NetworkConnectForm, NetworkCreateForm};
use porthole_model::{ErrorKind, NetworkAction};

/// Removes the named network when dropped (after its containers' guards, which are declared later).
struct NetworkRemoved(String);

impl Drop for NetworkRemoved {
    fn drop(&mut self) {
        let _ = std::process::Command::new("docker")
            .args(["network", "rm", &self.0])
            .env("DOCKER_HOST", common::endpoint().host)
            .output();
    }
}

/// A /24 of its own for this test process, so a leftover of an earlier run cannot overlap.
fn subnet_base() -> String {
    format!(
        "10.{}.{}",
        150 + std::process::id() % 90,
        std::process::id() % 250
    )
}

#[tokio::test]
async fn create_connect_resolve_refuse_disconnect_and_remove() {
    let engine = common::engine().await;
    let name = common::unique("net");
    let _net = NetworkRemoved(name.clone());
    let base = subnet_base();
    let form = |subnet: &str, gateway: &str, range: &str| NetworkCreateForm {
        name: name.clone(),
        subnet: subnet.into(),
        gateway: gateway.into(),
        ip_range: range.into(),
        labels: "team=web".into(),
        ..Default::default()
    };
    // What the form refuses never reaches the engine, and a forged request is refused by the engine layer too.
    assert!(form(&format!("{base}.0/24"), "10.1.1.1", "")
        .request()
        .is_err());
    let mut forged = form(&format!("{base}.0/24"), &format!("{base}.1"), "")
        .request()
        .unwrap();
    forged.gateway = Some("10.1.1.1".into());
    assert_eq!(
        create(&engine, &forged).await.unwrap_err().kind,
        ErrorKind::InvalidInput
    );
    assert!(!common::docker(&["network", "ls", "--format", "{{.Name}}"])
        .lines()
        .any(|l| l == name));

    let request = form(
        &format!("{base}.0/24"),
        &format!("{base}.1"),
        &format!("{base}.128/25"),
    )
    .request()
    .unwrap();
    let id = create(&engine, &request).await.unwrap();
    assert!(!id.is_empty());
    let shown = common::docker(&[
        "network",
        "inspect",
        &name,
        "--format",
        "{{range .IPAM.Config}}{{.Subnet}} {{.Gateway}} {{.IPRange}}{{end}} {{.Labels.team}}",
    ]);
    assert_eq!(shown, format!("{base}.0/24 {base}.1 {base}.128/25 web"));
    assert_eq!(
        create(&engine, &request).await.unwrap_err().kind,
        ErrorKind::Conflict
    );
    assert!(inspect(&engine, &name)
        .await
        .unwrap()
        .contains(&format!("{base}.0/24")));

    // Connect a running container with an alias and a fixed address.
    let (web, _web) = common::started("net-web", &[common::WEB]);
    let connect = NetworkConnectForm {
        network: name.clone(),
        container: web.clone(),
        aliases: "shop-api".into(),
        ip: format!("{base}.200"),
        subnets: vec![format!("{base}.0/24")],
    }
    .request()
    .unwrap();
    act(&engine, &name, &NetworkAction::Connect { request: connect })
        .await
        .unwrap();
    let endpoint = common::docker(&[
        "inspect",
        &web,
        "--format",
        &format!("{{{{with index .NetworkSettings.Networks \"{name}\"}}}}{{{{.IPAddress}}}} {{{{.Aliases}}}}{{{{end}}}}"),
    ]);
    assert!(endpoint.starts_with(&format!("{base}.200 ")), "{endpoint}");
    assert!(endpoint.contains("shop-api"), "{endpoint}");
    let listed = list(&engine).await.unwrap();
    let network = listed.iter().find(|n| n.name == name).unwrap();
    assert_eq!(network.containers.len(), 1);
    assert_eq!(network.containers[0].container, web);
    assert_eq!(network.containers[0].ipv4, format!("{base}.200"));

    // Another container on the network finds it by its alias, through the engine's DNS.
    let page = common::docker(&[
        "run",
        "--rm",
        "--network",
        &name,
        common::BUSYBOX,
        "wget",
        "-qO-",
        "http://shop-api/",
    ]);
    assert!(page.contains("Porthole test web"), "{page}");

    // Removal is refused while it is attached, naming it; the offer disconnects exactly it, then removes.
    let refusal = act(&engine, &name, &NetworkAction::Remove)
        .await
        .unwrap_err();
    assert_eq!(refusal.kind, ErrorKind::Conflict, "{refusal:?}");
    assert_eq!(refusal.related, vec![web.clone()]);
    assert!(refusal.message.contains(&web));
    let offer = NetworkAction::Remove
        .follow_up(refusal.kind, &refusal.related)
        .unwrap();
    act(
        &engine,
        &name,
        &NetworkAction::Disconnect {
            container: web.clone(),
            force: false,
        },
    )
    .await
    .unwrap();
    let again = act(
        &engine,
        &name,
        &NetworkAction::Disconnect {
            container: web.clone(),
            force: false,
        },
    )
    .await
    .unwrap_err();
    assert!(again.message.contains("not attached"), "{again:?}");
    act(
        &engine,
        &name,
        &NetworkAction::Connect {
            request: NetworkConnectForm {
                network: name.clone(),
                container: web.clone(),
                ..Default::default()
            }
            .request()
            .unwrap(),
        },
    )
    .await
    .unwrap();
    act(&engine, &name, &offer).await.unwrap();
    assert!(!common::docker(&["network", "ls", "--format", "{{.Name}}"])
        .lines()
        .any(|l| l == name));
    assert_eq!(
        common::docker(&["inspect", &web, "--format", "{{.State.Running}}"]),
        "true"
    );

    // The built-in networks cannot go, and say so.
    let builtin = act(&engine, "bridge", &NetworkAction::Remove)
        .await
        .unwrap_err();
    assert!(builtin.message.contains("engine's own"), "{builtin:?}");
}

#[tokio::test]
async fn the_unused_list_is_removed_exactly() {
    let engine = common::engine().await;
    let (used, unused) = (common::unique("net-used"), common::unique("net-unused"));
    let _guards = (NetworkRemoved(used.clone()), NetworkRemoved(unused.clone()));
    for name in [&used, &unused] {
        common::docker(&["network", "create", name]);
    }
    let (_user, _user_guard) = common::started(
        "net-user",
        &["--network", &used, common::BUSYBOX, "sleep", "600"],
    );
    let listed = list(&engine).await.unwrap();
    let preview: Vec<String> = prunable(&listed).iter().map(|n| n.name.clone()).collect();
    assert!(
        preview.contains(&unused) && !preview.contains(&used),
        "{preview:?}"
    );
    assert!(!preview
        .iter()
        .any(|n| n == "bridge" || n == "host" || n == "none"));
    // Only this test's own unused network is removed: others' are not this test's to take.
    let removed = remove_many(&engine, std::slice::from_ref(&unused))
        .await
        .unwrap();
    assert_eq!(removed, vec![unused.clone()]);
    let names = common::docker(&["network", "ls", "--format", "{{.Name}}"]);
    assert!(!names.lines().any(|l| l == unused) && names.lines().any(|l| l == used));
}
