//! Volumes against the real engine: create, used by a container (listed as its user), data surviving `docker rm`,
//! removal refused while in use with the container named, removal, and prune removing exactly the unused ones.
//! One test, because prune acts on the whole engine.

mod common;

use porthole_engine::volumes::{create, list, prune, remove};
use porthole_model::volume::prunable;
use porthole_model::ErrorKind;

#[tokio::test]
async fn a_volume_outlives_its_container_and_goes_only_when_unused() {
    let engine = common::engine().await;
    let name = common::unique("data");
    assert_eq!(
        create(&engine, "x").await.unwrap_err().kind,
        ErrorKind::InvalidInput
    );
    create(&engine, &name).await.unwrap();
    let listed = list(&engine).await.unwrap();
    let volume = listed
        .iter()
        .find(|v| v.name == name)
        .expect("the new volume is listed");
    assert!(
        !volume.in_use() && volume.driver == "local" && !volume.mountpoint.is_empty(),
        "{volume:?}"
    );

    let writer = common::unique("writer");
    let guard = common::Removed(writer.clone());
    let mount = format!("{name}:/data");
    common::docker(&[
        "run",
        "--name",
        &writer,
        "-v",
        &mount,
        common::BUSYBOX,
        "sh",
        "-c",
        "echo kept > /data/file",
    ]);
    let volume = list(&engine)
        .await
        .unwrap()
        .into_iter()
        .find(|v| v.name == name)
        .unwrap();
    assert_eq!(volume.users, [writer.as_str()]);

    let refused = remove(&engine, &name).await.unwrap_err();
    assert_eq!(refused.kind, ErrorKind::Conflict, "{refused:?}");
    assert_eq!(refused.related, [writer.as_str()], "{refused:?}");
    drop(guard);
    let read = common::docker(&[
        "run",
        "--rm",
        "-v",
        &mount,
        common::BUSYBOX,
        "cat",
        "/data/file",
    ]);
    assert_eq!(
        read, "kept",
        "the data outlived docker rm of the container that wrote it"
    );

    let unused = common::unique("unused");
    create(&engine, &unused).await.unwrap();
    let kept = common::unique("kept");
    create(&engine, &kept).await.unwrap();
    let keeper = common::unique("keeper");
    let _keeper = common::Removed(keeper.clone());
    common::docker(&[
        "create",
        "--name",
        &keeper,
        "-v",
        &format!("{kept}:/k"),
        common::BUSYBOX,
    ]);
    let before = list(&engine).await.unwrap();
    let mut expected: Vec<String> = prunable(&before)
        .into_iter()
        .map(|v| v.name.clone())
        .collect();
    expected.sort();
    let mut removed = prune(&engine).await.unwrap();
    removed.sort();
    assert_eq!(
        removed, expected,
        "prune removed exactly the unused volumes"
    );
    assert!(removed.contains(&unused) && removed.contains(&name) && !removed.contains(&kept));
    assert_eq!(
        remove(&engine, &unused).await.unwrap_err().kind,
        ErrorKind::NotFound
    );
    common::docker(&["rm", "-f", &keeper]);
    remove(&engine, &kept).await.unwrap();
}
