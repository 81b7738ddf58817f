use super::*;
use proptest::prelude::*;

fn parse(input: &str) -> ImageReference {
    ImageReference::parse(input).unwrap_or_else(|e| panic!("{input}: {e}"))
}

#[test]
fn the_notes_examples() {
    let nginx = parse("nginx");
    assert_eq!(
        (nginx.registry.as_str(), nginx.repository.as_str()),
        ("docker.io", "library/nginx")
    );
    assert_eq!(nginx.tag_or_latest(), "latest");
    assert_eq!(nginx.canonical(), "docker.io/library/nginx:latest");
    assert_eq!(nginx.to_string(), "nginx");

    let tagged = parse("nginx:1.12-alpine-perl");
    assert_eq!(tagged.tag.as_deref(), Some("1.12-alpine-perl"));

    let private = parse("docker-local-registry:4000/nginx:1.12-alpine-perl");
    assert_eq!(private.registry, "docker-local-registry:4000");
    assert_eq!(private.repository, "nginx");
    assert_eq!(private.tag.as_deref(), Some("1.12-alpine-perl"));
}

#[test]
fn a_port_is_never_a_tag() {
    let reference = parse("myhost:4000/app");
    assert_eq!(reference.registry, "myhost:4000");
    assert_eq!(reference.tag, None);
    assert_eq!(reference.familiar_name(), "myhost:4000/app");
    assert_eq!(parse("localhost/app").registry, "localhost");
    assert_eq!(parse("user/repo").repository, "user/repo");
    assert_eq!(parse("user/repo").registry, "docker.io");
}

#[test]
fn only_single_name_official_images_drop_library() {
    let nested = parse("docker.io/library/a/b");
    assert_eq!(nested.familiar_name(), "library/a/b");
    assert_eq!(parse(&nested.to_string()), nested);
    assert_eq!(parse("library/nginx").familiar_name(), "nginx");
}

#[test]
fn digests() {
    let digest = format!("sha256:{}", "a".repeat(64));
    let reference = parse(&format!("ghcr.io/org/tool:1.0@{digest}"));
    assert_eq!(reference.digest.as_deref(), Some(digest.as_str()));
    assert_eq!(
        reference.canonical(),
        format!("ghcr.io/org/tool:1.0@{digest}")
    );
    let pinned = parse(&format!("nginx@{digest}"));
    assert_eq!(pinned.tag, None);
    assert_eq!(
        pinned.canonical(),
        format!("docker.io/library/nginx@{digest}")
    );
}

#[test]
fn invalid_references_say_why() {
    assert_eq!(ImageReference::parse(""), Err(ReferenceError::Empty));
    assert_eq!(
        ImageReference::parse("Nginx"),
        Err(ReferenceError::Uppercase)
    );
    assert!(matches!(
        ImageReference::parse("nginx:"),
        Err(ReferenceError::BadTag(_))
    ));
    assert!(matches!(
        ImageReference::parse("nginx:-x"),
        Err(ReferenceError::BadTag(_))
    ));
    assert!(matches!(
        ImageReference::parse("nginx@sha256:xyz"),
        Err(ReferenceError::BadDigest(_))
    ));
    assert!(matches!(
        ImageReference::parse("a//b"),
        Err(ReferenceError::BadComponent(_))
    ));
    assert!(matches!(
        ImageReference::parse("-lead"),
        Err(ReferenceError::BadComponent(_))
    ));
    assert!(matches!(
        ImageReference::parse("a...b"),
        Err(ReferenceError::BadComponent(_))
    ));
    assert!(matches!(
        ImageReference::parse("host:99999999/app"),
        Err(ReferenceError::BadRegistry(_))
    ));
    assert!(ImageReference::parse(&"a".repeat(300)).is_err());
    assert!(!ImageReference::parse("Nginx")
        .unwrap_err()
        .to_string()
        .is_empty());
}

fn component() -> impl Strategy<Value = String> {
    "[a-z0-9]{1,6}(([._]|__|-{1,2})[a-z0-9]{1,6}){0,2}"
}

fn reference() -> impl Strategy<Value = ImageReference> {
    let registry = prop_oneof![
        Just(DOCKER_HUB.to_owned()),
        "[a-z][a-z0-9-]{0,8}[a-z0-9]\\.[a-z]{2,5}",
        "[a-z][a-z0-9]{0,8}:[1-9][0-9]{0,3}",
        Just("localhost".to_owned()),
    ];
    let path = proptest::collection::vec(component(), 1..4).prop_map(|parts| parts.join("/"));
    let tag = proptest::option::of("[A-Za-z0-9_][A-Za-z0-9_.-]{0,20}");
    let digest = proptest::option::of("[0-9a-f]{64}".prop_map(|hex| format!("sha256:{hex}")));
    (registry, path, tag, digest)
        .prop_map(|(registry, path, tag, digest)| {
            let repository = if registry == DOCKER_HUB && !path.contains('/') {
                format!("library/{path}")
            } else {
                path
            };
            ImageReference {
                registry,
                repository,
                tag,
                digest,
            }
        })
        // A Hub name whose first part looks like a host cannot be written in the short form (the CLI has the same rule).
        .prop_filter("host-like first part on Docker Hub", |r| {
            let first = r.repository.split('/').next().unwrap_or_default();
            !(r.registry == DOCKER_HUB && (first.contains('.') || first == "localhost"))
        })
}

#[test]
fn a_repository_path_is_checked_before_it_goes_into_a_url() {
    assert_eq!(parse_repository("team/app").unwrap(), "team/app");
    for bad in [
        "",
        "../v2/_catalog",
        "a?n=1",
        "a/../../b",
        "a#b",
        "A/b",
        "a//b",
        "a b",
    ] {
        assert!(parse_repository(bad).is_err(), "{bad}");
    }
}

#[test]
fn crosses_ipc_as_text_and_is_checked_on_the_way_in() {
    let reference = parse("localhost:5000/team/app:1.0");
    let json = serde_json::to_string(&reference).unwrap();
    assert_eq!(json, r#""localhost:5000/team/app:1.0""#);
    assert_eq!(
        serde_json::from_str::<ImageReference>(&json).unwrap(),
        reference
    );
    let refused = serde_json::from_str::<ImageReference>(r#""Nginx:latest""#);
    assert!(refused.unwrap_err().to_string().contains("lowercase"));
}

proptest! {
    #[test]
    fn the_ipc_form_round_trips(reference in reference()) {
        let json = serde_json::to_string(&reference).unwrap();
        prop_assert_eq!(serde_json::from_str::<ImageReference>(&json).unwrap(), reference);
    }

    #[test]
    fn never_panics(input in "\\PC{0,80}") {
        let _ = ImageReference::parse(&input);
    }

    #[test]
    fn never_panics_on_reference_like_noise(input in "[a-zA-Z0-9:/@._-]{0,60}") {
        if let Ok(reference) = ImageReference::parse(&input) {
            prop_assert!(!reference.repository.is_empty());
        }
    }

    #[test]
    fn formatting_then_parsing_gives_the_reference_back(reference in reference()) {
        prop_assert_eq!(ImageReference::parse(&reference.to_string()), Ok(reference.clone()));
        prop_assert_eq!(ImageReference::parse(&reference.canonical()).map(|r| r.digest), Ok(reference.digest.clone()));
    }
}
