//! Building through the window: a Dockerfile whose third step fails shows that step highlighted with the engine's
//! message; fixed, it builds step by step and the new image appears in the list.

use porthole_e2e::{docker, unique, Window};

#[tokio::test(flavor = "multi_thread")]
async fn a_failing_step_is_highlighted_then_the_fixed_build_lands_in_the_list() {
    let folder = std::env::temp_dir().join(unique("build-ui"));
    std::fs::create_dir_all(&folder).unwrap();
    let dockerfile = folder.join("Dockerfile");
    std::fs::write(
        &dockerfile,
        "FROM porthole-test/busybox:1\nENV STAGE=one\nRUN exit 7\nCMD [\"echo\", \"hi\"]\n",
    )
    .unwrap();
    let repository = format!("porthole-test/{}", unique("built"));
    let tag = format!("{repository}:1");

    let window = Window::launch().await;
    window.open("images").await;
    window.click("#build-open").await;
    window
        .wait_for(
            "the build dialog",
            "return !!document.getElementById('build-dialog')",
            5,
        )
        .await;
    window
        .type_into("build-folder", folder.to_str().unwrap())
        .await;
    window.type_into("build-tag", &tag).await;
    let cli = window
        .eval("return document.querySelector('#build-dialog .dialog-cli code').textContent")
        .await;
    assert_eq!(
        cli,
        format!("docker build -t {tag} {}", folder.display()).as_str()
    );
    window.click("#build-start").await;
    window
        .wait_for(
            "the failure",
            "return !!document.getElementById('build-failed')",
            30,
        )
        .await;
    let failed = window
        .eval("const s = document.querySelector('.build-step[data-state=failed]'); return s && s.dataset.step + ' ' + s.innerText")
        .await;
    let failed = failed.as_str().unwrap();
    assert!(
        failed.starts_with("3 ")
            && failed.contains("RUN exit 7")
            && failed.contains("non-zero code: 7"),
        "{failed}"
    );
    window.screenshot("build-failed").await;

    std::fs::write(&dockerfile, "FROM porthole-test/busybox:1\nENV STAGE=one\nRUN echo built > /built\nCMD [\"cat\", \"/built\"]\n").unwrap();
    window.click("#build-start").await;
    window
        .wait_for(
            "the build",
            "return !!document.getElementById('build-done')",
            30,
        )
        .await;
    let steps = window
        .eval("return document.querySelectorAll('.build-step[data-state=done]').length")
        .await;
    assert_eq!(steps, 4);
    window.screenshot("build-done").await;
    window.click("#build-close").await;
    let row = format!("#images-table tr[data-repository=\"{repository}\"]");
    window
        .wait_for(
            "the built image",
            &format!("return !!document.querySelector('{row}')"),
            10,
        )
        .await;
    assert_eq!(docker(&["run", "--rm", &tag]), "built");
    docker(&["rmi", &tag]);
}
