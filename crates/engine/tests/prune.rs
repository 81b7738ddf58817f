//! Pruning images: the preview lists exactly what the prune then removes. Alone in its own test binary, because a
//! prune acts on the whole engine and would race with other tests' images.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a failed assumption is the test failing

mod common;

use porthole_engine::image::list::{list, prune, prune_preview};

#[tokio::test]
async fn the_preview_is_what_prune_removes() {
    let engine = common::engine().await;
    // Importing twice under one name leaves the first image dangling (no name, no container).
    let name = format!("porthole-test/prune-{}:1", std::process::id());
    let rootfs = std::env::temp_dir().join(common::unique("prune-rootfs"));
    std::fs::create_dir_all(&rootfs).unwrap();
    let import = |content: &str| {
        std::fs::write(rootfs.join("file"), content).unwrap();
        let tar = std::process::Command::new("tar")
            .arg("-C")
            .arg(&rootfs)
            .args(["-cf", "-", "."])
            .output()
            .unwrap();
        assert!(tar.status.success());
        let path = rootfs.with_extension("tar");
        std::fs::write(&path, tar.stdout).unwrap();
        common::docker(&["import", path.to_str().unwrap(), &name])
    };
    let first = import("one");
    let second = import("two");
    assert_ne!(first, second);

    let preview = prune_preview(&engine, false).await.unwrap();
    let previewed: Vec<&str> = preview.images.iter().map(|i| i.id.as_str()).collect();
    assert!(
        previewed.contains(&first.as_str()),
        "the dangling one is listed: {previewed:?}"
    );
    assert!(
        !previewed.contains(&second.as_str()),
        "the named one is not"
    );
    assert!(preview.reclaimable > 0);

    let before: Vec<String> = list(&engine)
        .await
        .unwrap()
        .into_iter()
        .map(|i| i.id)
        .collect();
    let report = prune(&engine, false).await.unwrap();
    let after: Vec<String> = list(&engine)
        .await
        .unwrap()
        .into_iter()
        .map(|i| i.id)
        .collect();
    let mut removed: Vec<&str> = before
        .iter()
        .filter(|id| !after.contains(id))
        .map(String::as_str)
        .collect();
    removed.sort();
    let mut expected = previewed.clone();
    expected.sort();
    assert_eq!(removed, expected, "exactly the previewed images went");
    assert!(report.deleted.iter().any(|id| id == &first), "{report:?}");
    common::docker(&["rmi", &name]);
}
