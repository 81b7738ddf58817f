//! A container's files in the window: browse to a folder, read a file, download it (`docker cp` out, into the
//! Downloads folder the dialog starts in), upload a file into the container, see a `docker exec touch` appear under
//! Changes beside the layer picture, and commit the container to an image — each checked with the docker CLI.

use porthole_e2e::{docker, sleeper, unique, Window};

#[tokio::test(flavor = "multi_thread")]
async fn browse_download_upload_see_changes_and_commit() {
    let (name, _cleanup) = sleeper("files");
    docker(&[
        "exec",
        &name,
        "sh",
        "-c",
        "mkdir -p /data/sub && echo 'hello from the container' > /data/note.txt && ln -s note.txt /data/link",
    ]);
    let window = Window::launch_with(|home| {
        let downloads = home.join("Downloads");
        std::fs::create_dir_all(&downloads).unwrap();
        std::fs::create_dir_all(home.join("config")).unwrap();
        let dirs = format!("XDG_DOWNLOAD_DIR=\"{}\"\n", downloads.display());
        std::fs::write(home.join("config/user-dirs.dirs"), dirs).unwrap();
    })
    .await;
    let downloads = window.home.join("Downloads");
    window.open_container(&name).await;
    window.click("button[data-tab=files]").await;
    window
        .appears("#files-table tr[data-name=\"etc\"]", 10)
        .await;

    // A typed path opens the folder; its entries and the command browsing it are shown.
    window.type_into("files-path", "/data").await;
    window.click("#files-go").await;
    window
        .appears("#files-table tr[data-name=\"note.txt\"]", 10)
        .await;
    let link = window
        .eval("return document.querySelector('#files-table tr[data-name=\"link\"]').textContent")
        .await;
    assert!(link.as_str().unwrap().contains("→ note.txt"), "{link}");
    window.click("tr[data-name=\"note.txt\"] .file-name").await;
    window
        .wait_for(
            "the file's text",
            "return document.getElementById('file-text')?.textContent === 'hello from the container\\n'",
            10,
        )
        .await;
    window.screenshot("container-files").await;

    // Download: the dialog starts in the Downloads folder and shows `docker cp` as it will run.
    window.click("#file-download").await;
    window
        .wait_for(
            "the Downloads folder as the destination",
            &format!(
                "return document.getElementById('copy-command')?.textContent === 'docker cp {name}:/data/note.txt {}'",
                downloads.display()
            ),
            10,
        )
        .await;
    window.click("#copy-start").await;
    window.appears("#copy-done", 10).await;
    assert_eq!(
        std::fs::read_to_string(downloads.join("note.txt")).unwrap(),
        "hello from the container\n"
    );
    window.click("#copy-close").await;

    // Upload a file of this computer into the open folder; the listing shows it.
    let upload = window.home.join("from-here.txt");
    std::fs::write(&upload, "typed on the host\n").unwrap();
    window.click("#files-upload").await;
    window
        .type_into("copy-local", &upload.display().to_string())
        .await;
    window.click("#copy-start").await;
    window.appears("#copy-done", 10).await;
    window.click("#copy-close").await;
    window
        .appears("#files-table tr[data-name=\"from-here.txt\"]", 10)
        .await;
    assert_eq!(
        docker(&["exec", &name, "cat", "/data/from-here.txt"]),
        "typed on the host"
    );

    // Changes: the writable layer on top of the image's layers, and a file touched since appears on Refresh.
    window.click("#files-view-changes").await;
    window
        .appears(
            "#changes-table tr[data-path=\"/data/note.txt\"][data-kind=added]",
            10,
        )
        .await;
    window.appears("#layer-writable", 5).await;
    docker(&["exec", &name, "touch", "/etc/touched-by-exec"]);
    window.click("#changes-refresh").await;
    window
        .appears(
            "#changes-table tr[data-path=\"/etc/touched-by-exec\"][data-kind=added]",
            10,
        )
        .await;
    window.screenshot("container-changes").await;

    // Commit: the name is checked as typed, the command shown, the image made.
    let image = format!("porthole-test/{}:snap", unique("commit"));
    window.click("#changes-commit").await;
    window.type_into("commit-reference", "Not An Image").await;
    window.appears("#commit-problem", 5).await;
    window.type_into("commit-reference", &image).await;
    window.goes("#commit-problem", 5).await;
    window.click("#commit-ok").await;
    window.appears("#commit-done", 20).await;
    let touched = docker(&["run", "--rm", &image, "ls", "/etc/touched-by-exec"]);
    assert_eq!(touched, "/etc/touched-by-exec");
    docker(&["rmi", &image]);
}

/// A large download shows how far it got: a bar against the folder's size as its listing read it, moving as the
/// archive arrives (every value it showed recorded by the page, since the copy may be over within a second).
#[tokio::test(flavor = "multi_thread")]
async fn a_large_download_shows_its_progress() {
    let (name, _cleanup) = sleeper("files-big");
    docker(&[
        "exec",
        &name,
        "sh",
        "-c",
        "mkdir /big && head -c 30000000 /dev/urandom > /big/a && head -c 30000000 /dev/urandom > /big/b",
    ]);
    let into = std::env::temp_dir().join(unique("files-big"));
    std::fs::create_dir_all(&into).unwrap();
    let window = Window::launch().await;
    window.open_container(&name).await;
    window.click("button[data-tab=files]").await;
    window.type_into("files-path", "/big").await;
    window.click("#files-go").await;
    window.appears("#files-table tr[data-name=\"b\"]", 10).await;
    window.click("#files-download-folder").await;
    window
        .type_into("copy-local", &into.display().to_string())
        .await;
    window
        .eval(
            "window.copySeen = []; new MutationObserver(() => { \
               const bar = document.querySelector('#copy-running [role=progressbar]'); \
               if (bar) window.copySeen.push(Number(bar.getAttribute('aria-valuenow'))); \
             }).observe(document.body, { subtree: true, childList: true, attributes: true }); return true",
        )
        .await;
    window.click("#copy-start").await;
    window.appears("#copy-done", 30).await;
    let seen = window.eval("return window.copySeen").await;
    let seen: Vec<u64> = seen
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|v| v.as_u64())
        .collect();
    assert!(
        seen.iter().any(|p| *p > 0 && *p < 100),
        "the bar showed a copy under way: {seen:?}"
    );
    assert!(
        seen.windows(2).all(|w| w[0] <= w[1]),
        "never backwards: {seen:?}"
    );
    assert_eq!(
        std::fs::metadata(into.join("big/b")).unwrap().len(),
        30_000_000
    );
    std::fs::remove_dir_all(&into).unwrap();
}
