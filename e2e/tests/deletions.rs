//! Every deletion asks first and names what goes, and Cancel removes nothing: a container's removal (a running
//! one's with both ways, Stop and remove or Force remove, in the same confirmation), an image's removal and "remove its containers, then the image" (the banner's
//! offer goes through the same confirmation, listing each container and the image), a volume's removal, "Remove
//! unused" volumes (each name listed), the image prune preview, and the bulk removal of checked containers.

use porthole_e2e::{build_own_image, docker, sleeper, unique, Removed, Window};

/// Waits for `dialog`, checks that its text names each of `goes`, cancels with `cancel`, and waits for it to close.
async fn names_then_cancel(window: &Window, dialog: &str, goes: &[&str], cancel: &str) {
    window.appears(dialog, 5).await;
    let text = window
        .eval(&format!(
            "return document.querySelector('{dialog}').innerText"
        ))
        .await;
    let text = text.as_str().unwrap_or_default().to_owned();
    for name in goes {
        assert!(text.contains(name), "{dialog} names {name}: {text}");
    }
    window.click(cancel).await;
    window.goes(dialog, 5).await;
}

fn exists(kind: &str, name: &str) -> bool {
    std::process::Command::new("docker")
        .args([kind, "inspect", name])
        .env("DOCKER_HOST", porthole_e2e::test_engine())
        .output()
        .map(|o| o.status.success())
        .unwrap_or(false)
}

#[tokio::test(flavor = "multi_thread")]
async fn every_deletion_names_what_goes_and_cancel_removes_nothing() {
    let (running, _guard) = sleeper("del-running");
    let (second, _guard2) = sleeper("del-second");
    let image = format!("porthole-del/{}:1", unique("img"));
    build_own_image(&image);
    let user = unique("del-user");
    let _user_guard = Removed(user.clone());
    docker(&["create", "--name", &user, &image]);
    let volume = unique("del-vol");
    let unused = unique("del-unused");
    for name in [&volume, &unused] {
        docker(&["volume", "create", name]);
    }
    let window = Window::launch().await;

    // A container's removal: asked first.
    let row = format!("tr[data-name=\"{running}\"]");
    window
        .wait_for(
            "the running container",
            &format!("return !!document.querySelector('{row}')"),
            10,
        )
        .await;
    window.click(&row).await;
    window.click("[data-action=remove]").await;
    names_then_cancel(&window, "#confirm-dialog", &[&running], "#confirm-cancel").await;
    assert!(exists("container", &running));
    // It is running: the same confirmation offers Stop and remove, and Force remove; Cancel removes nothing.
    window.click(&row).await;
    window.click("[data-action=remove]").await;
    window.appears("#confirm-force", 5).await;
    names_then_cancel(
        &window,
        "#confirm-dialog",
        &[&running, "docker stop", "Force remove"],
        "#confirm-cancel",
    )
    .await;
    assert!(exists("container", &running), "neither way taken");

    // Bulk removal of two checked containers.
    for name in [&running, &second] {
        window
            .eval(&format!(
                "document.querySelector('tr[data-name=\"{name}\"] .row-check').click(); return true"
            ))
            .await;
    }
    window
        .wait_for(
            "two checked",
            "return document.querySelector('#bulk-actions .bulk-count')?.textContent === '2 selected'",
            5,
        )
        .await;
    window.click("[data-bulk=remove]").await;
    names_then_cancel(
        &window,
        "#bulk-remove-dialog",
        &[&running, &second],
        "#bulk-remove-cancel",
    )
    .await;
    assert!(exists("container", &running) && exists("container", &second));

    // An image in use: its removal, then "remove its containers, then the image", listing both.
    window.open("images").await;
    let (repository, tag) = image.rsplit_once(':').unwrap();
    let image_row =
        format!("#images-table tr[data-repository=\"{repository}\"][data-tag=\"{tag}\"]");
    window
        .wait_for(
            "the image's row",
            &format!("return !!document.querySelector('{image_row}')"),
            10,
        )
        .await;
    window.click(&image_row).await;
    window.click("[data-action=remove-image]").await;
    names_then_cancel(&window, "#confirm-dialog", &[&image], "#confirm-cancel").await;
    let refuse = || async {
        window.click("[data-action=remove-image]").await;
        window.appears("#confirm-dialog", 5).await;
        window.click("#confirm-ok").await;
        window.refusal().await;
    };
    refuse().await;
    // A container made from the image after the refusal: the offer no longer matches what is there, so it goes.
    let later = unique("del-later");
    let _later_guard = Removed(later.clone());
    docker(&["create", "--name", &later, &image]);
    window.goes(".banner", 10).await;
    // The in-use counts follow once the burst of changes has settled: wait for them to count `later`, so that the
    // "1 container" below is read after its removal, not before its creation was counted.
    window
        .wait_for(
            "the image used by two containers",
            &format!("return !!document.querySelector('{image_row}')?.innerText.includes('2 containers')"),
            10,
        )
        .await;
    docker(&["rm", &later]);
    // The selection holds on to the image while its container count changes.
    window
        .wait_for(
            "the image still selected",
            &format!("return document.querySelector('{image_row}')?.classList.contains('selected') && document.querySelector('{image_row}').innerText.includes('1 container')"),
            10,
        )
        .await;
    refuse().await;
    window.click("#follow-up-0").await;
    window.appears("#confirm-goes", 5).await;
    window.screenshot("confirm-what-goes").await;
    names_then_cancel(
        &window,
        "#confirm-dialog",
        &[&user, &image],
        "#confirm-cancel",
    )
    .await;
    let goes = window
        .eval(
            "return [...document.querySelectorAll('#confirm-goes li')].map(li => li.dataset.goes)",
        )
        .await;
    assert_eq!(goes, serde_json::json!([]), "the dialog is closed again");
    assert!(
        exists("container", &user) && exists("image", &image),
        "nothing was removed"
    );

    // The prune preview, cancelled.
    let image_ids = || {
        let mut ids: Vec<String> = docker(&["image", "ls", "-q"])
            .lines()
            .map(str::to_owned)
            .collect();
        ids.sort();
        ids
    };
    let images_before = image_ids();
    window.click("#prune-open").await;
    window.appears("#prune-dialog", 5).await;
    window.click("#prune-close").await;
    assert_eq!(image_ids(), images_before);

    // A volume's removal, and "Remove unused" listing every volume it would remove.
    window.open("volumes").await;
    let volume_row = format!("tr[data-volume=\"{volume}\"]");
    window
        .wait_for(
            "the volume's row",
            &format!("return !!document.querySelector('{volume_row}')"),
            10,
        )
        .await;
    window
        .click(&format!("{volume_row} [data-action=remove-volume]"))
        .await;
    names_then_cancel(&window, "#confirm-dialog", &[&volume], "#confirm-cancel").await;
    window.click("#volume-prune").await;
    names_then_cancel(
        &window,
        "#confirm-dialog",
        &[&volume, &unused],
        "#confirm-cancel",
    )
    .await;
    assert!(exists("volume", &volume) && exists("volume", &unused));

    for name in [&volume, &unused] {
        docker(&["volume", "rm", name]);
    }
    docker(&["rm", "-f", &user]);
    docker(&["rmi", &image]);
}
