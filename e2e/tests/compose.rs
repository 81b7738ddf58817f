//! Compose through the window: open a two-service file (a web server and a busybox client on a user network, with
//! a named volume) by typing its path, Up → both running and listed as a project, the client reaches `web` by name,
//! the merged logs show lines of both services and name their command, environment values never shown, Scale runs
//! two clients, Down asks about the volume (Cancel keeps everything), Down -v removes containers, network and volume.
//! The window finds the v2 plugin here; `compose_logs.rs` (the merged logs on their own) and `tour_compose.rs` drive
//! the standalone v1.

use porthole_e2e::compose::{plugin_into, ComposeProject};
use porthole_e2e::{docker, Window};

const FILE: &str = "services:
  web:
    image: porthole-test/web:1
    stop_grace_period: 1s
    command: sh -c 'echo web is serving; exec httpd -f -v -p 80 -h /www'
    ports: [\"127.0.0.1::80\"]
    networks: [shop]
    volumes: [\"data:/data\"]
    environment:
      TOKEN: e2e-secret-never-shown
  client:
    image: porthole-test/busybox:1
    stop_grace_period: 1s
    command: sh -c 'while true; do wget -qO- http://web/ | head -c 40; echo; sleep 1; done'
    networks: [shop]
    depends_on: [web]
networks:
  shop: {}
volumes:
  data: {}
";

#[tokio::test(flavor = "multi_thread")]
async fn open_up_logs_and_down_a_compose_project() {
    let project = ComposeProject::written_for_plugin("shop", FILE);
    let name = project.name.clone();
    let file = project
        .folder
        .join("compose.yaml")
        .to_string_lossy()
        .into_owned();

    // This window finds the v2 plugin (as Docker Desktop's users have it); compose_logs.rs and tour_compose.rs drive
    // the standalone v1.
    let window = Window::launch_with(plugin_into).await;
    window.open("compose").await;
    window
        .wait_for(
            "the Compose tool",
            "return document.getElementById('compose-tool')?.textContent.includes('docker compose')",
            15,
        )
        .await;
    window.type_into("compose-path", "compose.yaml").await;
    window.appears("#compose-path-invalid", 5).await;
    window.type_into("compose-path", &file).await;
    window.type_into("compose-project-name", &name).await;
    window.click("#compose-open").await;
    window
        .appears("#compose-services tr[data-service=web]", 15)
        .await;
    window
        .appears("#compose-services tr[data-service=client]", 5)
        .await;
    let text = window
        .eval("return document.querySelector('main').innerText")
        .await;
    let text = text.as_str().unwrap_or_default();
    assert!(
        text.contains("TOKEN=••••"),
        "the variable's name is shown: {text}"
    );
    assert!(!text.contains("e2e-secret-never-shown"), "its value is not");
    window
        .wait_for(
            "the up command",
            &format!("return document.getElementById('compose-up-cli')?.textContent === 'docker compose -f {file} -p {name} up -d'"),
            5,
        )
        .await;

    window.click("#compose-up").await;
    window.appears("#compose-done", 90).await;
    assert_eq!(project.services("running"), ["client", "web"]);
    window
        .wait_for(
            "the project among those on the engine",
            &format!("return document.querySelector('#compose-projects tr[data-project=\"{name}\"]')?.innerText.includes('2 of 2')"),
            15,
        )
        .await;
    window
        .wait_for(
            "both services' state",
            "return [...document.querySelectorAll('#compose-services td[data-state]')].every(td => td.dataset.state.includes('running'))",
            15,
        )
        .await;

    // The web service's published port is a link, and what it opens answers like `curl` would.
    window
        .appears("#compose-services tr[data-service=web] .port-link", 15)
        .await;
    let url = window
        .eval("return document.querySelector('#compose-services tr[data-service=web] .port-link').dataset.url")
        .await;
    let url = url.as_str().unwrap_or_default().to_owned();
    assert!(url.starts_with("http://127.0.0.1:"), "{url}");
    assert!(
        porthole_e2e::http_get(&url).contains("Porthole test web"),
        "{url}"
    );
    let client_links = window
        .eval("return document.querySelectorAll('#compose-services tr[data-service=client] .port-link').length")
        .await;
    assert_eq!(client_links, 0, "the client publishes nothing");

    // The client reaches the web service by its name on the project's network.
    let client = docker(&[
        "ps",
        "-q",
        "--filter",
        &format!("label=com.docker.compose.project={name}"),
        "--filter",
        "label=com.docker.compose.service=client",
    ]);
    let mut reached = String::new();
    for _ in 0..40 {
        reached = docker(&["logs", &client]);
        if reached.contains("Porthole test web") {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(250)).await;
    }
    assert!(
        reached.contains("Porthole test web"),
        "the client's log shows the page: {reached}"
    );

    window.click("#compose-logs-toggle").await;
    window
        .appears("#merged-logs .log-line[data-service=web]", 20)
        .await;
    window
        .appears("#merged-logs .log-line[data-service=client]", 20)
        .await;
    window
        .eval("document.getElementById('merged-logs').scrollIntoView({block: 'end'}); return true")
        .await;
    window.screenshot("compose-project").await;
    let cli = window
        .eval("return document.getElementById('merged-logs-cli')?.textContent")
        .await;
    assert_eq!(
        cli.as_str(),
        Some(format!("docker compose -f {file} -p {name} logs -f --no-color --tail 1000").as_str()),
        "the panel names its command"
    );
    window.click("#compose-logs-toggle").await;
    window.goes("#merged-logs", 5).await;

    // Scale the client to two containers.
    window
        .eval(
            "const i = document.querySelector('#compose-services tr[data-service=client] .scale-count'); \
             i.value = '2'; i.dispatchEvent(new Event('input')); return true",
        )
        .await;
    window
        .click("#compose-services tr[data-service=client] [data-action=scale]")
        .await;
    window
        .wait_for(
            "the scale to finish",
            "return document.getElementById('compose-command')?.textContent.endsWith('--scale client=2 client') && !!document.getElementById('compose-done')",
            60,
        )
        .await;
    assert_eq!(project.services("running"), ["client", "client", "web"]);

    // Down asks, naming the volume -v would delete; Cancel keeps everything.
    let volume = format!("{name}_data");
    window.click("#compose-down").await;
    window
        .appears(
            &format!("#compose-down-dialog li[data-goes=\"{volume}\"]"),
            5,
        )
        .await;
    window.click("#compose-down-volumes").await;
    window
        .wait_for(
            "the down command with -v",
            &format!("return document.getElementById('compose-down-cli')?.textContent === 'docker compose -f {file} -p {name} down -v'"),
            5,
        )
        .await;
    window.screenshot("compose-down").await;
    window.click("#compose-down-cancel").await;
    window.goes("#compose-down-dialog", 5).await;
    assert_eq!(project.services("running"), ["client", "client", "web"]);

    window.click("#compose-down").await;
    window.appears("#compose-down-dialog", 5).await;
    window.click("#compose-down-volumes").await;
    window.click("#compose-down-ok").await;
    window
        .wait_for(
            "down -v to finish",
            "return document.getElementById('compose-command')?.textContent.endsWith('down -v') && !!document.getElementById('compose-done')",
            60,
        )
        .await;
    assert!(project.services("exited").is_empty() && project.services("running").is_empty());
    assert!(
        !docker(&["volume", "ls", "--format", "{{.Name}}"])
            .lines()
            .any(|l| l == volume),
        "down -v removed {volume}"
    );
    assert!(!docker(&["network", "ls", "--format", "{{.Name}}"])
        .lines()
        .any(|l| l == format!("{name}_shop")));
    window
        .goes(
            &format!("#compose-projects tr[data-project=\"{name}\"]"),
            15,
        )
        .await;
}
