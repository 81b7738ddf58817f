//! Images to and from files through the engine layer: `save` writes the same tar as `docker save`, and `load`
//! brings a saved image back under its name; a file that is not an image tar, or one that already exists, is refused.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a failed assumption is the test failing

mod common;

use porthole_engine::image::archive;
use porthole_model::image::archive::{LoadImages, SaveImages};
use porthole_model::ErrorKind;

fn sha(path: &std::path::Path) -> String {
    let out = std::process::Command::new("sha256sum")
        .arg(path)
        .output()
        .unwrap();
    String::from_utf8_lossy(&out.stdout)
        .split(' ')
        .next()
        .unwrap()
        .to_owned()
}

#[tokio::test]
async fn save_writes_what_docker_save_writes_and_load_brings_it_back() {
    let engine = common::engine().await;
    let folder = std::env::temp_dir().join(common::unique("porthole-archive"));
    std::fs::create_dir_all(&folder).unwrap();
    let name = format!("porthole-test/{}:saved", common::unique("archive"));
    common::docker(&["tag", common::BUSYBOX, &name]);

    let ours = folder.join("ours.tar");
    let request = SaveImages {
        images: vec![name.clone()],
        file: ours.display().to_string(),
        estimate: 0,
    };
    let mut seen = Vec::new();
    let written = archive::save(&engine, &request, |bytes| seen.push(bytes))
        .await
        .unwrap();
    assert_eq!(written, std::fs::metadata(&ours).unwrap().len());
    assert_eq!(
        seen.last(),
        Some(&written),
        "progress ends at the whole size"
    );
    let theirs = folder.join("theirs.tar");
    common::docker(&["save", "-o", &theirs.display().to_string(), &name]);
    assert_eq!(
        sha(&ours),
        sha(&theirs),
        "byte for byte what docker save writes"
    );
    let again = archive::save(&engine, &request, |_| {}).await.unwrap_err();
    assert_eq!(again.kind, ErrorKind::Conflict);

    common::docker(&["rmi", &name]);
    let mut last = (0, 0);
    let loaded = archive::load(
        &engine,
        &LoadImages {
            file: request.file.clone(),
        },
        |sent, total| last = (sent, total),
    )
    .await
    .unwrap();
    assert_eq!(loaded, std::slice::from_ref(&name));
    assert_eq!(last, (written, written), "the whole file was sent");
    assert_eq!(
        common::docker(&["image", "inspect", "--format", "{{.Id}}", &name]),
        common::docker(&["image", "inspect", "--format", "{{.Id}}", common::BUSYBOX])
    );
    common::docker(&["rmi", &name]);

    let not_a_tar = folder.join("notes.txt");
    std::fs::write(&not_a_tar, "not an image").unwrap();
    let refused = archive::load(
        &engine,
        &LoadImages {
            file: not_a_tar.display().to_string(),
        },
        |_, _| {},
    )
    .await
    .unwrap_err();
    assert!(!refused.message.is_empty(), "{refused:?}");
    std::fs::remove_dir_all(&folder).unwrap();
}
