//! Where the disk went, in the window: the disk page's figures equal `docker system df`'s, a reclaim previews every
//! volume that would go with its size, Cancel removes nothing, and removing exactly the one kept ticked frees its
//! bytes — checked with the docker CLI.

use porthole_e2e::{docker, unique, Removed, Window};

/// Removes the volume when the test ends, also when it fails before the reclaim did.
struct VolumeGone(String);

impl Drop for VolumeGone {
    fn drop(&mut self) {
        let _ = std::process::Command::new("docker")
            .args(["volume", "rm", "-f", &self.0])
            .env("DOCKER_HOST", porthole_e2e::test_engine())
            .output();
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn the_disk_page_adds_up_and_reclaims_exactly_the_preview() {
    let stopped = unique("disk-stopped");
    let _stopped = Removed(stopped.clone());
    docker(&[
        "run",
        "--name",
        &stopped,
        "porthole-test/busybox:1",
        "sh",
        "-c",
        "head -c 1000000 /dev/zero > /big",
    ]);
    let volume = unique("disk-volume");
    docker(&["volume", "create", &volume]);
    let _volume = VolumeGone(volume.clone());
    let mount = format!("{volume}:/d");
    docker(&[
        "run",
        "--rm",
        "-v",
        &mount,
        "porthole-test/busybox:1",
        "sh",
        "-c",
        "head -c 200000 /dev/zero > /d/f",
    ]);
    let exists = || {
        !docker(&[
            "volume",
            "ls",
            "-q",
            "--filter",
            &format!("name=^{volume}$"),
        ])
        .is_empty()
    };

    let window = Window::launch().await;
    window.open("disk").await;
    window
        .appears("#disk-summary tr[data-kind=volumes]", 20)
        .await;
    let figure = |kind: &str, figure: &str| {
        format!("return document.querySelector('#disk-summary tr[data-kind={kind}] [data-figure={figure}]').textContent")
    };
    let cli = docker(&[
        "system",
        "df",
        "--format",
        "{{.Type}}\t{{.TotalCount}}\t{{.Active}}",
    ]);
    for (kind, title) in [
        ("images", "Images"),
        ("containers", "Containers"),
        ("volumes", "Local Volumes"),
    ] {
        let line = cli
            .lines()
            .find(|l| l.starts_with(&format!("{title}\t")))
            .unwrap();
        let columns: Vec<&str> = line.split('\t').collect();
        assert_eq!(
            window.eval(&figure(kind, "count")).await,
            columns[1],
            "{line}"
        );
        assert_eq!(
            window.eval(&figure(kind, "active")).await,
            columns[2],
            "{line}"
        );
    }
    window
        .appears(
            &format!(".disk-kind[data-kind=containers] tr[data-name=\"{stopped}\"]"),
            5,
        )
        .await;

    // The preview names the volume with its size; keep only it ticked.
    let keep_only = format!(
        "document.querySelectorAll('#reclaim-list li').forEach(li => {{ const box = li.querySelector('input'); \
         if ((li.dataset.name === '{volume}') !== box.checked) box.click(); }}); return true"
    );
    window.click("button[data-reclaim=volumes]").await;
    window
        .appears(&format!("#reclaim-list li[data-name=\"{volume}\"]"), 5)
        .await;
    let listed = window
        .eval(&format!(
            "return document.querySelector('#reclaim-list li[data-name=\"{volume}\"]').textContent"
        ))
        .await;
    assert!(listed.as_str().unwrap().contains("200kB"), "{listed}");
    window.eval(&keep_only).await;
    window
        .wait_for(
            "the command naming only this volume",
            &format!("return document.getElementById('reclaim-command').textContent === 'docker volume rm {volume}'"),
            5,
        )
        .await;
    window.screenshot("disk-usage").await;

    // Cancel removes nothing.
    window.click("#reclaim-cancel").await;
    window.goes("#reclaim-dialog", 5).await;
    assert!(exists(), "Cancel kept the volume");

    window.click("button[data-reclaim=volumes]").await;
    window
        .appears(&format!("#reclaim-list li[data-name=\"{volume}\"]"), 5)
        .await;
    window.eval(&keep_only).await;
    window.click("#reclaim-ok").await;
    window
        .wait_for(
            "the report of what was freed",
            &format!("const t = document.getElementById('reclaim-done')?.textContent || ''; return t.includes('Freed 200kB') && t.includes('{volume}')"),
            20,
        )
        .await;
    assert!(!exists(), "the volume went");
    window.click("#reclaim-cancel").await;
    window
        .wait_for(
            "the page read again without the volume",
            &format!("return !document.querySelector('.disk-kind[data-kind=volumes] tr[data-name=\"{volume}\"]')"),
            20,
        )
        .await;
}
