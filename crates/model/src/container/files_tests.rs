use super::*;
use proptest::prelude::*;

fn entry(name: &str, kind: FileKind, mode: u32) -> FileEntry {
    FileEntry {
        name: name.into(),
        kind,
        size: 0,
        mode,
        modified: 0,
        target: None,
    }
}

#[test]
fn paths_are_absolute_and_never_climb_above_the_root() {
    assert_eq!(normalise(""), "/");
    assert_eq!(normalise("etc/"), "/etc");
    assert_eq!(normalise("/usr/./lib//x/../"), "/usr/lib");
    assert_eq!(normalise("/../../etc"), "/etc");
    assert_eq!(parent("/"), "/");
    assert_eq!(parent("/etc/ssl"), "/etc");
    assert_eq!(child("/", "bin"), "/bin");
    assert_eq!(base_name("/etc/hosts"), "hosts");
    assert_eq!(base_name("/"), "/");
}

#[test]
fn a_link_points_from_its_own_folder_or_from_the_root() {
    assert_eq!(link_target("/bin", "busybox"), "/bin/busybox");
    assert_eq!(link_target("/lib", "../usr/lib"), "/usr/lib");
    assert_eq!(link_target("/data", "/etc/hosts"), "/etc/hosts");
}

#[test]
fn breadcrumbs_open_each_folder_on_the_way() {
    assert_eq!(
        breadcrumbs("/usr/lib"),
        vec![
            ("/".to_owned(), "/".to_owned()),
            ("usr".to_owned(), "/usr".to_owned()),
            ("lib".to_owned(), "/usr/lib".to_owned()),
        ]
    );
    assert_eq!(breadcrumbs("/").len(), 1);
}

#[test]
fn folders_come_first_then_names() {
    let mut entries = vec![
        entry("b.txt", FileKind::File, 0o644),
        entry("z", FileKind::Folder, 0o755),
        entry("a", FileKind::Link, 0o777),
        entry("c", FileKind::Folder, 0o755),
    ];
    sort_entries(&mut entries);
    let names: Vec<_> = entries.iter().map(|e| e.name.as_str()).collect();
    assert_eq!(names, ["c", "z", "a", "b.txt"]);
}

#[test]
fn permissions_read_like_ls() {
    assert_eq!(
        entry("d", FileKind::Folder, 0o755).permissions(),
        "drwxr-xr-x"
    );
    assert_eq!(
        entry("f", FileKind::File, 0o640).permissions(),
        "-rw-r-----"
    );
    assert_eq!(
        entry("l", FileKind::Link, 0o777).permissions(),
        "lrwxrwxrwx"
    );
}

#[test]
fn binary_files_are_not_shown_as_text() {
    assert_eq!(text_of(b"hello\n", false).as_deref(), Some("hello\n"));
    assert_eq!(text_of(b"a\0b", false), None);
    assert_eq!(text_of(&[0xff, 0xfe, b'a'], false), None);
    // "é" is two bytes; a cut between them keeps the text before it.
    assert_eq!(text_of(&[b'a', 0xc3], true).as_deref(), Some("a"));
    assert_eq!(text_of(&[b'a', 0xc3], false), None);
}

#[test]
fn a_commit_needs_a_name_not_a_digest() {
    let commit = |reference: &str| CommitRequest {
        container: "web".into(),
        reference: reference.into(),
        message: String::new(),
    };
    assert!(commit("web-snapshot:1").validate().is_ok());
    assert!(commit("").validate().is_err());
    assert!(commit("Web Snapshot").validate().is_err());
    assert!(commit(&format!("web@sha256:{}", "a".repeat(64)))
        .validate()
        .is_err());
}

proptest! {
    #[test]
    fn normalised_paths_are_stable_and_clean(path in "[a-z./]{0,40}") {
        let once = normalise(&path);
        prop_assert!(once.starts_with('/'));
        prop_assert!(!once.contains("//") && !once.split('/').any(|p| p == ".." || p == "."));
        prop_assert!(once == "/" || !once.ends_with('/'));
        prop_assert_eq!(normalise(&once), once.clone());
        prop_assert_eq!(child(&parent(&once), &base_name(&once)), if once == "/" { "/".to_owned() } else { once.clone() });
    }

    #[test]
    fn text_of_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..64), cut in any::<bool>()) {
        let _ = text_of(&bytes, cut);
    }
}

#[test]
fn a_copys_percent_is_capped_and_needs_a_size() {
    assert_eq!(CopyMessage::percent(50, Some(200)), Some(25));
    // An archive is a little larger than its files: never past the end.
    assert_eq!(CopyMessage::percent(210, Some(200)), Some(100));
    assert_eq!(CopyMessage::percent(10, None), None);
    assert_eq!(CopyMessage::percent(10, Some(0)), None);
}
