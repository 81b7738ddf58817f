use super::*;

#[tokio::test]
async fn a_failed_write_leaves_no_copy_with_secrets_behind() {
    let dir = std::env::temp_dir().join(format!("porthole-cred-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    // A folder where config.json should be: the new copy is written, then cannot replace it.
    std::fs::create_dir_all(dir.join("config.json")).unwrap();
    let store = Store::at(&dir);
    let mut config = Map::new();
    config.insert("auths".into(), json!({"example.com": {"auth": "c2VjcmV0"}}));
    assert!(store.write(&config).await.is_err());
    let left: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(left, ["config.json"], "only the folder that was there");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn auth_fields_decode_like_the_cli_writes_them() {
    let credential = decode_auth("cG9ydGhvbGU6czNjcjN0OndpdGgtY29sb24=").unwrap();
    assert_eq!(credential.username, "porthole");
    assert_eq!(credential.secret, "s3cr3t:with-colon");
    assert_eq!(decode_auth("not base64!"), None);
    assert!(!format!("{credential:?}").contains("s3cr3t"));
}

#[test]
fn identity_tokens_are_told_from_passwords() {
    let entry = json!({ "auth": "dXNlcjo=", "identitytoken": "tok-123" });
    let credential = from_entry(&entry).unwrap();
    assert!(credential.is_identity_token());
    assert_eq!(credential.secret, "tok-123");
    let plain = from_entry(&json!({ "auth": "dXNlcjpwdw==" })).unwrap();
    assert!(!plain.is_identity_token());
    assert_eq!(
        (plain.username.as_str(), plain.secret.as_str()),
        ("user", "pw")
    );
}

#[test]
fn helpers_take_precedence_per_registry() {
    let config: Map<String, Value> = serde_json::from_value(json!({
        "credsStore": "desktop",
        "credHelpers": { "gcr.io": "gcloud" }
    }))
    .unwrap();
    assert_eq!(place_in(&config, "gcr.io"), Place::Helper("gcloud".into()));
    assert_eq!(
        place_in(&config, "other:5000"),
        Place::Helper("desktop".into())
    );
    assert_eq!(place_in(&Map::new(), "other:5000"), Place::File);
}
