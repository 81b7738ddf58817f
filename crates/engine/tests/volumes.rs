//! Volumes against the real engine: create, used by a container (listed as its user), data surviving `docker rm`,
//! removal refused while in use with the container named, removal, and prune removing exactly the unused ones.
//! One test, because prune acts on the whole engine.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a failed assumption is the test failing

mod common;

use porthole_engine::volume::{create, host_mounts, inspect, list, prune, remove};
use porthole_model::container::run::MountKind;
use porthole_model::volume::{prunable, VolumeCreate};
use porthole_model::ErrorKind;

/// Prune acts on every unused volume of the engine: the tests here that rely on unused volumes take turns.
static ONE_AT_A_TIME: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

fn named(name: &str) -> VolumeCreate {
    VolumeCreate {
        name: name.into(),
        ..Default::default()
    }
}

#[tokio::test]
async fn a_volume_outlives_its_container_and_goes_only_when_unused() {
    let _turn = ONE_AT_A_TIME.lock().await;
    let engine = common::engine().await;
    let name = common::unique("data");
    assert_eq!(
        create(&engine, &named("x")).await.unwrap_err().kind,
        ErrorKind::InvalidInput
    );
    create(&engine, &named(&name)).await.unwrap();
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
    create(&engine, &named(&unused)).await.unwrap();
    let kept = common::unique("kept");
    create(&engine, &named(&kept)).await.unwrap();
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

    // A volume with driver options (the local driver's tmpfs) and labels; inspect shows them.
    let options = common::unique("opts");
    let request = VolumeCreate::parse(
        &options,
        "local",
        "type=tmpfs\ndevice=tmpfs\no=size=4m",
        "team=web",
    )
    .unwrap();
    create(&engine, &request).await.unwrap();
    let listed = list(&engine)
        .await
        .unwrap()
        .into_iter()
        .find(|v| v.name == options)
        .unwrap();
    assert_eq!(listed.labels, [("team".to_string(), "web".to_string())]);
    assert!(
        listed
            .options
            .contains(&("type".to_string(), "tmpfs".to_string())),
        "{listed:?}"
    );
    assert!(inspect(&engine, &options)
        .await
        .unwrap()
        .contains("\"o\": \"size=4m\""));
    remove(&engine, &options).await.unwrap();
}

#[tokio::test]
async fn bind_mounts_and_tmpfs_in_use_are_listed_with_their_container() {
    let engine = common::engine().await;
    let name = common::unique("host-mounts");
    let _guard = common::Removed(name.clone());
    let folder = std::env::temp_dir().join(&name);
    std::fs::create_dir_all(&folder).unwrap();
    let bind = format!(
        "type=bind,source={},target=/site,readonly",
        folder.display()
    );
    common::docker(&[
        "create",
        "--name",
        &name,
        "--mount",
        &bind,
        "--mount",
        "type=tmpfs,target=/scratch",
        common::BUSYBOX,
    ]);
    let mine: Vec<_> = host_mounts(&engine)
        .await
        .unwrap()
        .into_iter()
        .filter(|m| m.container == name)
        .collect();
    assert_eq!(mine.len(), 2, "{mine:?}");
    assert_eq!(
        (
            mine[0].kind,
            mine[0].destination.as_str(),
            mine[0].read_only
        ),
        (MountKind::Tmpfs, "/scratch", false)
    );
    assert_eq!(
        (mine[1].kind, mine[1].source.as_str(), mine[1].read_only),
        (MountKind::Bind, folder.to_str().unwrap(), true)
    );
    std::fs::remove_dir_all(&folder).ok();
}

#[tokio::test]
async fn remove_unused_removes_exactly_the_names_listed() {
    let _turn = ONE_AT_A_TIME.lock().await;
    let engine = common::engine().await;
    let listed = common::unique("listed");
    let unlisted = common::unique("unlisted");
    let taken = common::unique("taken");
    for name in [&listed, &unlisted, &taken] {
        create(&engine, &named(name)).await.unwrap();
    }
    // `taken` was unused when the list was shown; a container started using it before the click.
    let user = common::unique("vol-user");
    let _cleanup = common::Removed(user.clone());
    common::docker(&[
        "create",
        "--name",
        &user,
        "-v",
        &format!("{taken}:/data"),
        common::BUSYBOX,
    ]);
    let refused = porthole_engine::volume::remove_many(&engine, &[listed.clone(), taken.clone()])
        .await
        .unwrap_err();
    assert_eq!(refused.kind, ErrorKind::Conflict, "{refused:?}");
    let names: Vec<String> = list(&engine)
        .await
        .unwrap()
        .into_iter()
        .map(|v| v.name)
        .collect();
    assert!(!names.contains(&listed), "the listed unused volume went");
    assert!(names.contains(&taken), "the one in use stayed");
    assert!(
        names.contains(&unlisted),
        "the one not listed stayed, although unused"
    );
    common::docker(&["rm", "-f", &user]);
    remove(&engine, &taken).await.unwrap();
    remove(&engine, &unlisted).await.unwrap();
}
