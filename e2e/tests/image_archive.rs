//! Images to and from a tar in the window: Save ticks the selected image and writes what `docker save` writes,
//! then, with the image removed by the CLI, Load brings it back under its name and the list shows it again.

use porthole_e2e::{docker, unique, Window};

#[tokio::test(flavor = "multi_thread")]
async fn save_an_image_to_a_tar_and_load_it_back() {
    let repository = format!("porthole-test/{}", unique("archive"));
    let name = format!("{repository}:saved");
    docker(&["tag", "porthole-test/busybox:1", &name]);
    let folder = std::env::temp_dir().join(unique("porthole-archive"));
    std::fs::create_dir_all(&folder).unwrap();
    let tar = folder.join("saved.tar").display().to_string();

    let window = Window::launch().await;
    window.open("images").await;
    let row = format!("#images-table tr[data-repository=\"{repository}\"]");
    window.appears(&row, 10).await;
    window.click(&row).await;
    window.click("#save-images-open").await;
    window
        .wait_for(
            "the selected image ticked",
            &format!("return !!document.querySelector('#archive-images li[data-name=\"{name}\"] input')?.checked"),
            5,
        )
        .await;
    window.type_into("archive-file", &tar).await;
    window
        .wait_for(
            "the command as it will run",
            &format!("return document.getElementById('archive-command').textContent === 'docker save -o {tar} {name}'"),
            5,
        )
        .await;
    window.screenshot("images-save").await;
    window.click("#archive-start").await;
    window.appears("#archive-done", 20).await;
    let listed = std::process::Command::new("tar")
        .args(["-tf", &tar])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&listed.stdout)
        .lines()
        .any(|l| l == "manifest.json"));
    window.click("#archive-close").await;

    docker(&["rmi", &name]);
    window.goes(&row, 10).await;
    window.click("#load-images-open").await;
    window.type_into("archive-file", &tar).await;
    window.click("#archive-start").await;
    window
        .wait_for(
            "the loaded image named",
            &format!("return (document.getElementById('archive-done')?.textContent || '').includes('{name}')"),
            20,
        )
        .await;
    window.click("#archive-close").await;
    window.appears(&row, 10).await;
    docker(&["rmi", &name]);
    std::fs::remove_dir_all(&folder).unwrap();
}
