//! A container's files through the engine layer — listing, reading, `docker cp` out and in, `docker diff`, the
//! layers, `docker commit` and `docker export` — checked against what the real docker CLI sees.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a failed assumption is the test failing

mod common;

use porthole_engine::container::{copy, files, layers};
use porthole_model::container::files::{
    ChangeKind, CommitRequest, CopyIn, CopyOut, ExportRequest, FileKind,
};
use porthole_model::ErrorKind;
use std::path::PathBuf;

/// A busybox container with `/data` holding a text file, a symbolic link to it, a 3 MB file, a binary file and a
/// folder with a file inside.
fn with_data(prefix: &str) -> (String, common::Removed) {
    let (name, guard) = common::sleeper(prefix);
    common::docker(&[
        "exec",
        &name,
        "sh",
        "-c",
        "mkdir -p /data/sub && echo hello > /data/note.txt && ln -s note.txt /data/link \
         && ln -s /data/sub /data/sublink && head -c 3145728 /dev/zero > /data/large \
         && printf 'a\\0b' > /data/binary && echo inner > /data/sub/inner.txt",
    ]);
    (name, guard)
}

fn scratch(prefix: &str) -> PathBuf {
    let folder = std::env::temp_dir().join(common::unique(prefix));
    std::fs::create_dir_all(&folder).unwrap();
    folder
}

#[tokio::test]
async fn a_folder_lists_its_files_links_and_folders_with_sizes() {
    let engine = common::engine().await;
    let (name, _guard) = with_data("files-list");
    let listing = files::list(&engine, &name, "/data/").await.unwrap();
    assert_eq!(listing.path, "/data");
    assert_eq!(listing.entry.kind, FileKind::Folder);
    assert!(listing.complete);
    let names: Vec<_> = listing.entries.iter().map(|e| e.name.as_str()).collect();
    assert_eq!(
        names,
        ["sub", "binary", "large", "link", "note.txt", "sublink"]
    );
    let get = |n: &str| listing.entries.iter().find(|e| e.name == n).unwrap();
    assert_eq!(get("large").size, 3_145_728);
    assert_eq!(get("note.txt").size, 6);
    assert_eq!(get("link").kind, FileKind::Link);
    assert_eq!(get("link").target.as_deref(), Some("note.txt"));
    // A folder's size is what is under it.
    assert_eq!(get("sub").size, 6);
    assert_eq!(get("sub").permissions(), "drwxr-xr-x");

    // A link to a folder opens the folder it points to.
    let through = files::list(&engine, &name, "/data/sublink").await.unwrap();
    assert_eq!(through.path, "/data/sub");
    assert_eq!(through.entries[0].name, "inner.txt");

    // The root of a stopped container lists too (no shell needed).
    common::docker(&["stop", "-t", "0", &name]);
    let root = files::list(&engine, &name, "/").await.unwrap();
    assert!(root
        .entries
        .iter()
        .any(|e| e.name == "etc" && e.kind == FileKind::Folder));
    let missing = files::list(&engine, &name, "/no/such").await.unwrap_err();
    assert_eq!(missing.kind, ErrorKind::NotFound, "{missing:?}");
}

#[tokio::test]
async fn text_is_shown_and_binary_is_not() {
    let engine = common::engine().await;
    let (name, _guard) = with_data("files-read");
    let note = files::read(&engine, &name, "/data/link").await.unwrap();
    assert_eq!(note.path, "/data/note.txt");
    assert_eq!(note.text.as_deref(), Some("hello\n"));
    let binary = files::read(&engine, &name, "/data/binary").await.unwrap();
    assert_eq!((binary.text, binary.size), (None, 3));
    let large = files::read(&engine, &name, "/data/large").await.unwrap();
    assert!(large.cut && large.text.is_none(), "zeros are binary");
    let folder = files::read(&engine, &name, "/data/sub").await.unwrap_err();
    assert_eq!(folder.kind, ErrorKind::InvalidInput);
}

#[tokio::test]
async fn copying_out_and_in_round_trips_byte_for_byte() {
    let engine = common::engine().await;
    let (name, _guard) = with_data("files-copy");
    // A read-only folder: its files land and it keeps its mode. Folders are unpacked after what is in them, as
    // `docker cp` does; as root (these tests) the order makes no difference, for any other user it does.
    common::docker(&[
        "exec",
        &name,
        "sh",
        "-c",
        "mkdir /data/ro && echo x > /data/ro/f && chmod 555 /data/ro",
    ]);
    let here = scratch("porthole-copy");
    let out = CopyOut {
        container: name.clone(),
        path: "/data".into(),
        folder: here.display().to_string(),
        estimate: None,
    };
    // Progress as the archive is read: rising, ending past the files' own bytes (the archive adds headers).
    let heard = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let progress = {
        let heard = heard.clone();
        move |bytes| heard.lock().unwrap().push(bytes)
    };
    let copied = copy::copy_out(&engine, &out, progress).await.unwrap();
    let out_heard = std::mem::take(&mut *heard.lock().unwrap());
    assert!(out_heard.windows(2).all(|w| w[0] <= w[1]), "rising");
    assert!(out_heard.len() > 2, "{} progress calls", out_heard.len());
    assert!(
        *out_heard.last().unwrap() > copied.bytes,
        "{out_heard:?} vs {}",
        copied.bytes
    );
    assert_eq!(copied.path, here.join("data").display().to_string());
    assert_eq!(copied.files, 7, "5 files and 2 links");
    let ro = std::fs::metadata(here.join("data/ro")).unwrap();
    assert_eq!(
        std::os::unix::fs::PermissionsExt::mode(&ro.permissions()) & 0o777,
        0o555
    );
    assert_eq!(
        std::fs::read_to_string(here.join("data/ro/f")).unwrap(),
        "x\n"
    );
    assert_eq!(
        std::fs::read(here.join("data/large")).unwrap().len(),
        3_145_728
    );
    assert_eq!(std::fs::read(here.join("data/binary")).unwrap(), b"a\0b");
    assert_eq!(
        std::fs::read_link(here.join("data/link")).unwrap(),
        PathBuf::from("note.txt")
    );
    // The same copy again would overwrite: refused.
    let again = copy::copy_out(&engine, &out, |_| {}).await.unwrap_err();
    assert_eq!(again.kind, ErrorKind::Conflict);

    // Back in under another folder: the container holds the same bytes as the original.
    common::docker(&["exec", &name, "mkdir", "/back"]);
    let into = CopyIn {
        container: name.clone(),
        source: here.join("data").display().to_string(),
        folder: "/back".into(),
    };
    let total = std::sync::Arc::new(std::sync::Mutex::new(0));
    let progress = {
        let (heard, total) = (heard.clone(), total.clone());
        move |bytes, all| {
            heard.lock().unwrap().push(bytes);
            *total.lock().unwrap() = all;
        }
    };
    let copied = copy::copy_in(&engine, &into, progress).await.unwrap();
    assert_eq!((copied.files, copied.path.as_str()), (7, "/back/data"));
    let in_heard = std::mem::take(&mut *heard.lock().unwrap());
    assert!(in_heard.windows(2).all(|w| w[0] < w[1]), "rising");
    assert!(
        *in_heard.last().unwrap() > copied.bytes,
        "{in_heard:?} vs {}",
        copied.bytes
    );
    // The bar's end is the archive's own size, headers and padding counted: it ends exactly full.
    assert_eq!(*in_heard.last().unwrap(), *total.lock().unwrap());
    let sums = |folder: &str| {
        common::docker(&[
            "exec",
            &name,
            "sh",
            "-c",
            &format!("cd {folder} && md5sum large binary note.txt sub/inner.txt"),
        ])
    };
    assert_eq!(sums("/data"), sums("/back/data"));
    assert_eq!(
        common::docker(&["exec", &name, "readlink", "/back/data/link"]),
        "note.txt"
    );

    // A file named like a folder that is there never replaces the folder (as `docker cp`).
    let clash = here.join("clash");
    std::fs::create_dir_all(&clash).unwrap();
    std::fs::write(clash.join("sub"), "a file").unwrap();
    let over = CopyIn {
        container: name.clone(),
        source: clash.join("sub").display().to_string(),
        folder: "/data".into(),
    };
    assert!(copy::copy_in(&engine, &over, |_, _| {}).await.is_err());
    assert_eq!(
        common::docker(&["exec", &name, "cat", "/data/sub/inner.txt"]),
        "inner"
    );

    let nowhere = CopyIn {
        folder: "/no/such".into(),
        ..into
    };
    assert_eq!(
        copy::copy_in(&engine, &nowhere, |_, _| {})
            .await
            .unwrap_err()
            .kind,
        ErrorKind::NotFound
    );
    std::fs::remove_dir_all(&here).unwrap();
}

#[tokio::test]
async fn the_writable_layer_shows_its_changes_and_becomes_an_image() {
    let engine = common::engine().await;
    let (name, _guard) = common::sleeper("files-diff");
    common::docker(&["exec", &name, "sh", "-c", "touch /added && echo x >> /etc/motd && rm /etc/hostname.orig 2>/dev/null; rm -f /bin/vi && head -c 1048576 /dev/zero > /tmp/mb"]);
    let changes = layers::changes(&engine, &name).await.unwrap();
    let has = |path: &str, kind| changes.iter().any(|c| c.path == path && c.kind == kind);
    assert!(has("/added", ChangeKind::Added), "{changes:?}");
    assert!(has("/etc", ChangeKind::Changed), "{changes:?}");
    assert!(has("/bin/vi", ChangeKind::Deleted), "{changes:?}");
    let diff = common::docker(&["diff", &name]);
    assert_eq!(
        diff.lines().count(),
        changes.len(),
        "the same lines as docker diff:\n{diff}"
    );

    let layered = layers::layers(&engine, &name).await.unwrap();
    assert_eq!(layered.image, common::BUSYBOX);
    assert!(layered.writable >= 1_048_576, "{layered:?}");
    let history = common::docker(&["history", "-q", common::BUSYBOX]);
    assert_eq!(layered.layers.len(), history.lines().count());

    let reference = format!("porthole-test/{}:snap", common::unique("commit"));
    let request = CommitRequest {
        container: name.clone(),
        reference: reference.clone(),
        message: "with /added".into(),
    };
    let id = layers::commit(&engine, &request).await.unwrap();
    let committed = common::docker(&["history", "-q", &reference]);
    assert_eq!(committed.lines().count(), history.lines().count() + 1);
    assert_eq!(
        common::docker(&["image", "inspect", "--format", "{{.Id}}", &reference]),
        id
    );
    common::docker(&["run", "--rm", &reference, "test", "-e", "/added"]);
    common::docker(&["rmi", &reference]);
    let bad = CommitRequest {
        reference: "Not A Name".into(),
        ..request
    };
    assert_eq!(
        layers::commit(&engine, &bad).await.unwrap_err().kind,
        ErrorKind::InvalidInput
    );

    let here = scratch("porthole-export");
    let file = here.join("fs.tar").display().to_string();
    let export = ExportRequest {
        container: name.clone(),
        file: file.clone(),
    };
    let written = layers::export(&engine, &export).await.unwrap();
    assert_eq!(written.bytes, std::fs::metadata(&file).unwrap().len());
    let listed = std::process::Command::new("tar")
        .args(["-tf", &file])
        .output()
        .unwrap();
    let listed = String::from_utf8_lossy(&listed.stdout);
    assert!(
        listed.lines().any(|l| l == "added"),
        "the export holds the new file"
    );
    assert_eq!(
        layers::export(&engine, &export).await.unwrap_err().kind,
        ErrorKind::Conflict
    );
    std::fs::remove_dir_all(&here).unwrap();
}
