//! The Networks page through the window: create a network (a gateway outside the subnet refused inline, nothing
//! sent), connect a running container with an alias, another container resolves the alias, see both in the
//! topology picture with the published port, disconnect (confirmed), the engine's refusal to remove a network in use
//! and its offer (disconnect them, then remove, confirmed), and the container's side on its Overview.

use porthole_e2e::{docker, unique, NetworkRemoved, Removed, Window};

/// "Remove unused" acts on every unused network: the tests here take turns, so one's fresh network is never
/// another's unused one.
static ONE_AT_A_TIME: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

fn networks() -> Vec<String> {
    docker(&["network", "ls", "--format", "{{.Name}}"])
        .lines()
        .map(str::to_owned)
        .collect()
}

/// Chooses `value` in the select `#id` as a user would (the change event the page listens to).
async fn choose(window: &Window, id: &str, value: &str) {
    let chosen = window
        .eval(&format!(
            "const s = document.getElementById('{id}'); if (![...s.options].some(o => o.value === '{value}')) return false; \
             s.value = '{value}'; s.dispatchEvent(new Event('change')); return true"
        ))
        .await;
    assert_eq!(chosen, true, "{value} is offered in #{id}");
}

#[tokio::test(flavor = "multi_thread")]
async fn create_connect_resolve_see_and_remove_a_network() {
    let _turn = ONE_AT_A_TIME.lock().await;
    let name = unique("shop-net");
    let _net = NetworkRemoved(name.clone());
    let web = unique("net-web");
    let _web = Removed(web.clone());
    docker(&[
        "run",
        "-d",
        "--name",
        &web,
        "-p",
        "127.0.0.1::80",
        "porthole-test/web:1",
    ]);
    let base = format!(
        "10.{}.{}",
        150 + std::process::id() % 90,
        100 + std::process::id() % 150
    );
    let window = Window::launch().await;
    window.open("networks").await;
    window
        .appears("#networks-table tr[data-network=bridge]", 10)
        .await;

    // A gateway outside the subnet is refused beside its field, and nothing can be sent.
    window.click("#network-new").await;
    window.type_into("network-name", &name).await;
    window
        .type_into("network-subnet", &format!("{base}.0/24"))
        .await;
    window.type_into("network-gateway", "10.1.1.1").await;
    window.appears("[data-invalid=gateway]", 5).await;
    let disabled = window
        .eval("return document.getElementById('network-create-go').disabled")
        .await;
    assert_eq!(disabled, true);
    assert!(!networks().contains(&name));
    window
        .type_into("network-gateway", &format!("{base}.1"))
        .await;
    window
        .wait_for(
            "the command",
            &format!(
                "return document.getElementById('network-cli')?.textContent === \
                 'docker network create --subnet {base}.0/24 --gateway {base}.1 {name}'"
            ),
            5,
        )
        .await;
    window.click("#network-create-go").await;
    let row = format!("#networks-table tr[data-network=\"{name}\"]");
    window.appears(&row, 10).await;

    // Connect the web container with an alias from the network's panel.
    window.click(&row).await;
    window.appears("#network-panel", 5).await;
    window
        .wait_for(
            "the web container among the choices",
            &format!("return [...document.getElementById('connect-container').options].some(o => o.value === '{web}')"),
            10,
        )
        .await;
    choose(&window, "connect-container", &web).await;
    window.type_into("connect-aliases", "shop-api").await;
    window.type_into("connect-ip", "10.1.1.9").await;
    window.appears("#connect-invalid[data-invalid=ip]", 5).await;
    window.type_into("connect-ip", "").await;
    window
        .wait_for(
            "the connect command",
            &format!("return document.getElementById('connect-cli')?.textContent === 'docker network connect --alias shop-api {name} {web}'"),
            5,
        )
        .await;
    window.click("#connect-go").await;
    window
        .wait_for(
            "the container on the network",
            &format!("return document.querySelector('{row}')?.dataset.containers === '1'"),
            10,
        )
        .await;
    window
        .appears(
            &format!("#network-containers tr[data-endpoint=\"{web}\"]"),
            10,
        )
        .await;
    let page = docker(&[
        "run",
        "--rm",
        "--network",
        &name,
        "porthole-test/busybox:1",
        "wget",
        "-qO-",
        "http://shop-api/",
    ]);
    assert!(
        page.contains("Porthole test web"),
        "the alias resolves: {page}"
    );
    window.screenshot("networks").await;

    // The topology picture: the container on the network, with its published port.
    window.click("#view-topology").await;
    window
        .appears(
            &format!("#topology .topo-link[data-of=\"{name}\"][data-container=\"{web}\"]"),
            10,
        )
        .await;
    window
        .appears(&format!("#topology .topo-link[data-container=\"{web}\"][data-of]:not([data-of=\"{name}\"]):not([data-of=bridge])"), 5)
        .await;
    window.screenshot("networks-topology").await;
    window
        .click(&format!("#topology .topo-network[data-name=\"{name}\"]"))
        .await;
    window
        .appears(&format!("#network-panel[data-network=\"{name}\"]"), 5)
        .await;

    // Disconnect asks first, and Cancel keeps it attached.
    window
        .click(&format!(
            "#network-containers tr[data-endpoint=\"{web}\"] [data-action=disconnect]"
        ))
        .await;
    window.appears("#confirm-dialog", 5).await;
    window.click("#confirm-cancel").await;
    window.goes("#confirm-dialog", 5).await;
    assert!(docker(&[
        "inspect",
        &web,
        "--format",
        "{{json .NetworkSettings.Networks}}"
    ])
    .contains(&name));

    // Remove while attached: the engine refuses, the banner names the container and offers to disconnect it first.
    window.click("#view-list").await;
    window
        .click(&format!("{row} [data-action=remove-network]"))
        .await;
    window.appears("#confirm-dialog", 5).await;
    window.click("#confirm-ok").await;
    let refusal = window.refusal().await;
    assert!(
        refusal.contains(&web),
        "the refusal names the container: {refusal}"
    );
    assert!(networks().contains(&name));
    window.confirm_follow_up(0, &[&name, &web]).await;
    window.goes(&row, 10).await;
    assert!(!networks().contains(&name));
    assert_eq!(
        docker(&["inspect", &web, "--format", "{{.State.Running}}"]),
        "true"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_containers_overview_connects_and_disconnects_it() {
    let _turn = ONE_AT_A_TIME.lock().await;
    let name = unique("side-net");
    let _net = NetworkRemoved(name.clone());
    docker(&["network", "create", &name]);
    let box_name = unique("net-box");
    let _box = Removed(box_name.clone());
    let id = docker(&[
        "run",
        "-d",
        "--name",
        &box_name,
        "porthole-test/busybox:1",
        "sleep",
        "600",
    ]);
    let window = Window::launch().await;
    window
        .appears(&format!("tr[data-name=\"{box_name}\"]"), 10)
        .await;
    window
        .eval(&format!("document.querySelector('tr[data-name=\"{box_name}\"]').dispatchEvent(new MouseEvent('dblclick', {{bubbles: true}})); return true"))
        .await;
    window
        .appears("#overview-networks tr[data-network=bridge]", 10)
        .await;
    window
        .wait_for(
            "the new network among the choices",
            &format!("return [...document.getElementById('connect-network').options].some(o => o.value === '{name}')"),
            10,
        )
        .await;
    choose(&window, "connect-network", &name).await;
    window.type_into("connect-aliases", "sidecar").await;
    window.click("#connect-go").await;
    window
        .appears(
            &format!("#overview-networks tr[data-network=\"{name}\"]"),
            10,
        )
        .await;
    let aliases = docker(&[
        "inspect",
        &id,
        "--format",
        &format!("{{{{json (index .NetworkSettings.Networks \"{name}\").Aliases}}}}"),
    ]);
    assert!(aliases.contains("sidecar"), "{aliases}");
    window
        .click(&format!(
            "#overview-networks tr[data-network=\"{name}\"] [data-action=disconnect]"
        ))
        .await;
    window.appears("#confirm-dialog", 5).await;
    window.click("#confirm-ok").await;
    window
        .goes(
            &format!("#overview-networks tr[data-network=\"{name}\"]"),
            10,
        )
        .await;
    assert!(!docker(&[
        "inspect",
        &id,
        "--format",
        "{{json .NetworkSettings.Networks}}"
    ])
    .contains(&name));
}

#[tokio::test(flavor = "multi_thread")]
async fn remove_unused_names_each_network_and_removes_exactly_those() {
    let _turn = ONE_AT_A_TIME.lock().await;
    let (unused, used) = (unique("idle-net"), unique("busy-net"));
    let _guards = (NetworkRemoved(unused.clone()), NetworkRemoved(used.clone()));
    docker(&["network", "create", &unused]);
    docker(&["network", "create", &used]);
    let user = unique("net-user");
    let _user = Removed(user.clone());
    docker(&[
        "run",
        "-d",
        "--name",
        &user,
        "--network",
        &used,
        "porthole-test/busybox:1",
        "sleep",
        "600",
    ]);
    let window = Window::launch().await;
    window.open("networks").await;
    window
        .appears(
            &format!("#networks-table tr[data-network=\"{unused}\"]"),
            10,
        )
        .await;
    window.click("#network-prune").await;
    window
        .appears(&format!("#confirm-dialog [data-goes=\"{unused}\"]"), 5)
        .await;
    let text = window
        .eval("return document.getElementById('confirm-dialog').innerText")
        .await;
    let text = text.as_str().unwrap_or_default().to_owned();
    assert!(
        text.contains(&unused) && !text.contains(&used),
        "the confirmation names the unused network only: {text}"
    );
    window.click("#confirm-cancel").await;
    window.goes("#confirm-dialog", 5).await;
    assert!(networks().contains(&unused), "Cancel removes nothing");
    window.click("#network-prune").await;
    window.appears("#confirm-dialog", 5).await;
    window.click("#confirm-ok").await;
    window
        .goes(
            &format!("#networks-table tr[data-network=\"{unused}\"]"),
            10,
        )
        .await;
    assert!(!networks().contains(&unused) && networks().contains(&used));
}
