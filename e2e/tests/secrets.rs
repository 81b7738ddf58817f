//! R5 of the reliability suite, in the real window: a login, a push with that login, a build with a secret build
//! argument and a run with a secret environment value — then the secrets are looked for in every IPC reply and
//! channel message the page received, in the activity console's details, and in every file the app wrote (settings
//! store, logs). None may hold them.
//!
//! What the page itself sends (`call` records: the password typed into the login form) is the user's input, not a
//! leak. One reply is exempt, on purpose: the container's own details (`container_details`), which carry its environment
//! for the Overview (values masked until asked) as `docker inspect` does; the user opened that container.

use porthole_e2e::secrets::files_holding;
use porthole_e2e::{auth_registry, build_own_image, unique, Removed, Window};

#[tokio::test(flavor = "multi_thread")]
async fn no_secret_reaches_replies_records_settings_or_logs() {
    let (registry, user, password) = auth_registry();
    let build_secret = format!("build-secret-{}", unique("v"));
    let env_secret = format!("env-secret-{}", unique("v"));
    let reference = format!("{registry}/porthole/{}:1", unique("secret"));
    build_own_image(&reference);
    let built = format!("porthole-test/{}:1", unique("secret-built"));
    let container = unique("secret-run");
    let _cleanup = Removed(container.clone());
    let folder = std::env::temp_dir().join(unique("secret-ctx"));
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::write(
        folder.join("Dockerfile"),
        "FROM porthole-test/busybox:1\nARG TOKEN\nRUN true\n",
    )
    .unwrap();

    let window = Window::launch().await;
    window.record_ipc().await;

    // A login, then a push that uses it.
    window.open("registries").await;
    window.type_into("registry-address", &registry).await;
    window.click("#registry-add").await;
    window.log_in(&user, &password).await;
    window.logged_in(&registry).await;
    window.open("images").await;
    window
        .click(&format!(
            "#images-table tr[data-repository=\"{}\"]",
            reference.trim_end_matches(":1")
        ))
        .await;
    window.click("[data-action=image-details]").await;
    window.push(&reference).await;

    // A build with a secret build argument.
    window.click("#details-back").await;
    window.click("#build-open").await;
    window.appears("#build-dialog", 5).await;
    window
        .type_into("build-folder", folder.to_str().unwrap())
        .await;
    window.type_into("build-tag", &built).await;
    window
        .type_into("build-args", &format!("TOKEN={build_secret}"))
        .await;
    window.click("#build-start").await;
    window
        .wait_for(
            "the build",
            "return !!document.getElementById('build-done')",
            30,
        )
        .await;
    window.click("#build-close").await;

    // A run with a secret environment value.
    window.open("containers").await;
    window.click("#run-open").await;
    window.appears("#run-dialog", 5).await;
    window
        .type_into("run-image", "porthole-test/busybox:1")
        .await;
    window.type_into("run-name", &container).await;
    window
        .type_into("run-env", &format!("API_KEY={env_secret}"))
        .await;
    window.click("#run-start").await;
    window
        .wait_for(
            "the container's page",
            &format!(
                "return document.getElementById('container-name')?.textContent === '{container}'"
            ),
            30,
        )
        .await;

    // Every request's detail in the activity console opened, so its replies are among those recorded.
    window.click("#toggle-activity").await;
    window
        .wait_for(
            "the activity rows",
            "return document.querySelectorAll('.activity-row[data-id]').length > 5",
            10,
        )
        .await;
    let rows = window
        .eval("return document.querySelectorAll('.activity-row[data-id]').length")
        .await
        .as_u64()
        .unwrap_or(0);
    for index in 0..rows {
        window
            .eval(&format!(
                "const r = document.querySelectorAll('.activity-row[data-id]')[{index}]; if (r) r.click(); return true"
            ))
            .await;
    }
    window
        .wait_for(
            "a request's detail",
            "return !!document.getElementById('activity-request')",
            5,
        )
        .await;

    let records = window.ipc_records().await;
    assert!(
        records
            .iter()
            .any(|r| r.starts_with("reply activity_detail")),
        "the activity details were read: {} records",
        records.len()
    );
    let page = window
        .eval("return document.body.innerText")
        .await
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let home = window.close().await;
    for secret in [&password, &build_secret, &env_secret] {
        let leaks: Vec<&String> = records
            .iter()
            .filter(|r| {
                r.contains(secret.as_str())
                    && !r.starts_with("call ")
                    && !r.starts_with("reply container_details")
            })
            .collect();
        assert!(leaks.is_empty(), "{secret} crossed IPC in: {leaks:#?}");
        let files = files_holding(&home, secret);
        assert!(files.is_empty(), "{secret} was written to {files:?}");
    }
    assert!(
        !page.contains(&password),
        "the password is never shown in the page"
    );
    let _ = std::fs::remove_dir_all(&folder);
    porthole_e2e::docker(&["rmi", &built, &reference]);
}
