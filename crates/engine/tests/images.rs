//! Image lists through the engine layer: the rig's images, and the in-use count following containers.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a failed assumption is the test failing

mod common;

use porthole_engine::image::list as images;

#[tokio::test]
async fn lists_the_test_images_with_their_tags_and_usage() {
    let engine = common::engine().await;
    let list = images::list(&engine).await.unwrap();
    let busybox = list
        .iter()
        .find(|i| i.tags.iter().any(|t| t == common::BUSYBOX))
        .expect("test image listed");
    let cli_id = common::docker(&["image", "inspect", "--format", "{{.Id}}", common::BUSYBOX]);
    assert_eq!(busybox.id, cli_id);
    let cli_size: i64 =
        common::docker(&["image", "inspect", "--format", "{{.Size}}", common::BUSYBOX])
            .parse()
            .unwrap();
    assert_eq!(busybox.size, cli_size);

    let before = busybox.containers;
    let name = common::unique("uses");
    let _cleanup = common::Removed(name.clone());
    common::docker(&["create", "--name", &name, common::BUSYBOX]);
    let after = images::list(&engine).await.unwrap();
    let busybox = after.iter().find(|i| i.id == cli_id).unwrap();
    assert!(busybox.containers > before || busybox.containers >= 1);
    assert!(busybox.in_use());
}
