//! The Volumes page through the window: create a volume (a bad name refused inline), see a container's use of it
//! appear live, meet the engine's refusal to remove it while used (the banner names the container), then remove it.

use porthole_e2e::{docker, unique, Removed, Window};

#[tokio::test(flavor = "multi_thread")]
async fn create_use_refuse_and_remove_a_volume() {
    let name = unique("vol");
    let window = Window::launch().await;
    window.open("volumes").await;
    window.type_into("volume-name", "-bad").await;
    window
        .wait_for(
            "the inline refusal",
            "return !!document.getElementById('volume-invalid')",
            5,
        )
        .await;
    window.type_into("volume-name", &name).await;
    window.click("#volume-more").await;
    window.type_into("volume-labels", "team=web").await;
    window
        .wait_for(
            "the command",
            &format!("return document.getElementById('volume-cli')?.textContent === 'docker volume create --label team=web {name}'"),
            5,
        )
        .await;
    window.click("#volume-create").await;
    let row = format!("#volumes-table tr[data-volume=\"{name}\"]");
    window
        .wait_for(
            "the new volume",
            &format!("return document.querySelector('{row}')?.dataset.inUse === 'false'"),
            10,
        )
        .await;

    let user = unique("vol-user");
    let _cleanup = Removed(user.clone());
    docker(&[
        "create",
        "--name",
        &user,
        "-v",
        &format!("{name}:/data"),
        "--mount",
        "type=tmpfs,target=/scratch",
        "porthole-test/busybox:1",
    ]);
    window
        .wait_for(
            "its user",
            &format!("return document.querySelector('{row}')?.dataset.inUse === 'true'"),
            10,
        )
        .await;
    window
        .wait_for(
            "its tmpfs among the mounts in use",
            &format!("return !!document.querySelector('#host-mounts tr[data-kind=tmpfs][data-container=\"{user}\"]')"),
            10,
        )
        .await;
    window
        .click(&format!("{row} [data-action=inspect-volume]"))
        .await;
    window
        .wait_for(
            "the inspect panel with the label",
            "return document.getElementById('volume-inspect')?.textContent.includes('team')",
            10,
        )
        .await;
    window.screenshot("volumes").await;
    window
        .click(&format!("{row} [data-action=remove-volume]"))
        .await;
    window
        .wait_for(
            "the confirmation",
            "return !!document.getElementById('confirm-dialog')",
            5,
        )
        .await;
    window.click("#confirm-ok").await;
    window.refusal().await;
    assert_eq!(
        window
            .eval("return document.getElementById('error-related').textContent")
            .await,
        user.as_str()
    );

    docker(&["rm", &user]);
    window
        .wait_for(
            "unused again",
            &format!("return document.querySelector('{row}')?.dataset.inUse === 'false'"),
            10,
        )
        .await;
    window
        .click(&format!("{row} [data-action=remove-volume]"))
        .await;
    window.click("#confirm-ok").await;
    window
        .wait_for(
            "the row to go",
            &format!("return !document.querySelector('{row}')"),
            10,
        )
        .await;
    assert!(docker(&["volume", "ls", "-q", "--filter", &format!("name=^{name}$")]).is_empty());
}
