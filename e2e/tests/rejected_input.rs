//! R3's last part, in the real window: for every form, an input its parser refuses is shown beside the field, and
//! pressing the form's button then sends nothing — the command that would reach the engine is never called (the
//! page's IPC is recorded and counted). The Swarm forms (service, stack) are checked in swarm.rs, where a swarm
//! exists.

use porthole_e2e::{docker, sleeper, unique, NetworkRemoved, Window};

#[tokio::test(flavor = "multi_thread")]
async fn every_form_refuses_bad_input_inline_and_calls_nothing() {
    let (container, _cleanup) = sleeper("rejects");
    // A network of its own with a subnet: the default bridge takes no fixed addresses.
    let network = unique("rejects-net");
    let _network = NetworkRemoved(network.clone());
    let subnet = format!(
        "10.{}.{}.0/24",
        150 + std::process::id() % 90,
        std::process::id() % 200
    );
    docker(&["network", "create", "--subnet", &subnet, &network]);
    let window = Window::launch().await;
    window.record_ipc().await;

    // Containers: the run dialog (image, port) and rename.
    window.open("containers").await;
    window.click("#run-open").await;
    window.appears("#run-dialog", 5).await;
    window
        .rejects(
            "run-image",
            "Bad Image!",
            "#run-dialog .invalid",
            "#run-start",
            "run_container",
        )
        .await;
    window
        .type_into("run-image", "porthole-test/busybox:1")
        .await;
    window.click("#run-add-port").await;
    window
        .rejects(
            "port-host-0",
            "70000",
            "#run-dialog .invalid",
            "#run-start",
            "run_container",
        )
        .await;
    window.click("#run-cancel").await;
    window
        .click(&format!("tr[data-name=\"{container}\"]"))
        .await;
    window.click("[data-action=rename]").await;
    window
        .rejects(
            "rename-name",
            "no spaces allowed",
            "#rename-dialog .invalid",
            "#rename-ok",
            "container_action",
        )
        .await;
    window.click("#rename-cancel").await;

    // Images: pull (reference, platform), build (folder, name), tag.
    window.open("images").await;
    window
        .rejects(
            "pull-reference",
            "Bad Image!",
            "#pull-invalid",
            "#pull-start",
            "pull_image",
        )
        .await;
    window
        .type_into("pull-reference", "porthole-test/busybox:1")
        .await;
    window
        .rejects(
            "pull-platform",
            "not a platform",
            "#platform-invalid",
            "#pull-start",
            "pull_image",
        )
        .await;
    window.type_into("pull-platform", "").await;
    window.click("#build-open").await;
    window.appears("#build-dialog", 5).await;
    window
        .rejects(
            "build-folder",
            "relative/app",
            "#build-invalid",
            "#build-start",
            "build_image",
        )
        .await;
    window.type_into("build-folder", "/tmp").await;
    window
        .rejects(
            "build-tag",
            "Bad Tag!",
            "#build-invalid",
            "#build-start",
            "build_image",
        )
        .await;
    window.click("#build-close").await;
    window
        .click("#images-table tr[data-repository=\"porthole-test/busybox\"]")
        .await;
    window.click("[data-action=image-details]").await;
    window
        .rejects(
            "tag-target",
            "Bad Tag!",
            "#tag-invalid",
            "#tag-submit",
            "tag_image",
        )
        .await;
    window.click("#details-back").await;

    // Registries: an address that is not one is not added (nor saved).
    window.open("registries").await;
    window
        .rejects(
            "registry-address",
            "bad host!",
            "#registry-invalid",
            "#registry-add",
            "set_settings",
        )
        .await;

    // Volumes.
    window.open("volumes").await;
    window
        .rejects(
            "volume-name",
            "-bad",
            "#volume-invalid",
            "#volume-create",
            "create_volume",
        )
        .await;

    // Networks: create (a subnet with host bits), connect (an address that is none).
    window.open("networks").await;
    window
        .appears("#networks-table tr[data-network=bridge]", 10)
        .await;
    window.click("#network-new").await;
    window.type_into("network-name", "rejects-net").await;
    window
        .rejects(
            "network-subnet",
            "10.77.1.5/24",
            "[data-invalid=subnet]",
            "#network-create-go",
            "create_network",
        )
        .await;
    window
        .click(&format!("#networks-table tr[data-network=\"{network}\"]"))
        .await;
    window.appears("#network-panel", 5).await;
    window
        .eval(&format!(
            "const s = document.getElementById('connect-container'); s.value = '{container}'; \
             s.dispatchEvent(new Event('change')); return true"
        ))
        .await;
    window
        .rejects(
            "connect-ip",
            "300.1.1.1",
            "#connect-invalid[data-invalid=ip]",
            "#connect-go",
            "network_action",
        )
        .await;

    // Engines: a context name the CLI would refuse.
    window.open("engine").await;
    window
        .rejects(
            "engine-name",
            "bad name!",
            "#engine-invalid[data-invalid=name]",
            "#engine-add-go",
            "add_engine",
        )
        .await;

    // Compose: a file named relative to nothing.
    window.open("compose").await;
    window
        .rejects(
            "compose-path",
            "compose.yaml",
            "#compose-path-invalid",
            "#compose-open",
            "open_compose_file",
        )
        .await;
}
