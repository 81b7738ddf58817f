//! Compose through the window: open a two-service file (a web server and a busybox client on a user network, with
//! a named volume) by typing its path, Up → both running and listed as a project, the client reaches `web` by name,
//! the merged logs show lines of both services and name their command (and a project known only by its labels has
//! its logs too), environment values never shown, Scale runs two clients, Down asks about the volume (Cancel keeps
//! everything), Down -v removes containers, network and volume.
use porthole_e2e::{docker, unique, Window};

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

/// The project's folder; the project is taken down with its volumes when dropped, whatever the test did.
struct Project {
    folder: std::path::PathBuf,
    name: String,
}

impl Project {
    /// A folder of its own (named after the unique project name) holding `text` as its compose.yaml.
    fn written(prefix: &str, text: &str) -> Project {
        let name = unique(prefix).replace('-', "");
        let folder = std::env::temp_dir().join(&name);
        std::fs::create_dir_all(&folder).unwrap();
        std::fs::write(folder.join("compose.yaml"), text).unwrap();
        Project { folder, name }
    }
}

impl Drop for Project {
    fn drop(&mut self) {
        let file = self.folder.join("compose.yaml");
        let _ = std::process::Command::new("docker-compose")
            .args([
                "-f",
                &file.to_string_lossy(),
                "-p",
                &self.name,
                "down",
                "-v",
            ])
            .env("DOCKER_HOST", porthole_e2e::test_engine())
            .output();
        let _ = std::fs::remove_dir_all(&self.folder);
    }
}

fn project_ps(name: &str, state: &str) -> Vec<String> {
    let mut services: Vec<String> = docker(&[
        "ps",
        "-a",
        "--filter",
        &format!("label=com.docker.compose.project={name}"),
        "--filter",
        &format!("status={state}"),
        "--format",
        "{{.Label \"com.docker.compose.service\"}}",
    ])
    .lines()
    .map(str::to_owned)
    .collect();
    services.sort();
    services
}

#[tokio::test(flavor = "multi_thread")]
async fn open_up_logs_and_down_a_compose_project() {
    let project = Project::written("shop", FILE);
    let name = project.name.clone();
    let file = project
        .folder
        .join("compose.yaml")
        .to_string_lossy()
        .into_owned();

    let window = Window::launch().await;
    window.open("compose").await;
    window
        .wait_for(
            "the Compose tool",
            "return document.getElementById('compose-tool')?.textContent.includes('compose')",
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
            &format!("return document.getElementById('compose-up-cli')?.textContent === 'docker-compose -f {file} -p {name} up -d'"),
            5,
        )
        .await;

    window.click("#compose-up").await;
    window.appears("#compose-done", 90).await;
    assert_eq!(project_ps(&name, "running"), ["client", "web"]);
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
        Some(format!("docker-compose -f {file} -p {name} logs -f --no-color --tail 1000").as_str()),
        "the panel names its command"
    );
    window.click("#compose-logs-toggle").await;
    window.goes("#merged-logs", 5).await;

    // Any project on the engine has its merged logs, also one whose file Porthole does not know (this one only
    // carries the project's labels, as a file opened elsewhere leaves them).
    let elsewhere = unique("elsewhere").replace('-', "");
    let solo = unique("compose-solo");
    let _removed = porthole_e2e::Removed(solo.clone());
    docker(&[
        "run",
        "-d",
        "--name",
        &solo,
        "--label",
        &format!("com.docker.compose.project={elsewhere}"),
        "--label",
        "com.docker.compose.service=solo",
        "porthole-test/busybox:1",
        "sh",
        "-c",
        "echo solo says hi; sleep 60",
    ]);
    let row = format!("#compose-projects tr[data-project={elsewhere}]");
    window.appears(&row, 15).await;
    assert_eq!(
        window
            .eval(&format!(
                "return document.querySelectorAll('{row} [data-action=open-project]').length"
            ))
            .await,
        0,
        "no file to open"
    );
    window
        .click(&format!("{row} [data-action=project-logs]"))
        .await;
    window
        .wait_for(
            "the solo service's line",
            "return [...document.querySelectorAll('#merged-logs .log-line[data-service=solo] .log-text')].some(l => l.textContent === 'solo says hi')",
            20,
        )
        .await;
    assert_eq!(
        window
            .eval("return document.getElementById('merged-logs-cli')?.textContent")
            .await
            .as_str(),
        Some(format!("docker-compose -p {elsewhere} logs -f --tail 1000").as_str())
    );
    window
        .click(&format!("{row} [data-action=project-logs]"))
        .await;
    window.goes("#merged-logs", 5).await;
    drop(_removed);

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
    assert_eq!(project_ps(&name, "running"), ["client", "client", "web"]);

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
            &format!("return document.getElementById('compose-down-cli')?.textContent === 'docker-compose -f {file} -p {name} down -v'"),
            5,
        )
        .await;
    window.screenshot("compose-down").await;
    window.click("#compose-down-cancel").await;
    window.goes("#compose-down-dialog", 5).await;
    assert_eq!(project_ps(&name, "running"), ["client", "client", "web"]);

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
    assert!(project_ps(&name, "exited").is_empty() && project_ps(&name, "running").is_empty());
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

/// A project whose one service writes 3,000 lines at once (the merged logs start with each service's last 1,000).
const CHATTY: &str = r#"services:
  chatty:
    image: porthole-test/busybox:1
    command: sh -c 'seq 1 3000; sleep 600'
"#;

#[tokio::test(flavor = "multi_thread")]
async fn merged_logs_keep_every_line_reachable_with_only_those_in_view_in_the_page() {
    let project = Project::written("chatty", CHATTY);
    let name = project.name.clone();
    let file = project.folder.join("compose.yaml");
    docker_compose(&file, &name, &["up", "-d"]);

    let window = Window::launch().await;
    window
        .open_compose_file(&file.to_string_lossy(), &name)
        .await;
    window.click("#compose-logs-toggle").await;
    window
        .wait_for(
            "the last 1,000 lines (logs --tail 1000)",
            "const m = document.querySelector('#merged-logs .hint')?.textContent.match(/^(\\d+) of (\\d+) lines kept match$/); \
             return !!m && +m[1] >= 1000 && m[1] === m[2]",
            30,
        )
        .await;
    // Following the end: the last line is shown, and only a screenful (with a margin) is in the page.
    window.appears("#merged-logs .log-line .log-text", 5).await;
    let shown = window
        .eval("return [...document.querySelectorAll('#merged-logs .log-line .log-text')].map(l => l.textContent)")
        .await;
    let shown: Vec<String> = serde_json::from_value(shown).unwrap_or_default();
    assert!(shown.len() < 100, "{} lines in the page", shown.len());
    assert!(shown.iter().any(|l| l.trim() == "3000"), "{shown:?}");
    // Scrolled to the top, the first line kept is there.
    window
        .eval("const v = document.querySelector('.compose-log-lines'); v.scrollTop = 0; v.dispatchEvent(new Event('scroll')); return true")
        .await;
    window
        .wait_for(
            "the first line kept",
            "return [...document.querySelectorAll('#merged-logs .log-text')].some(l => l.textContent.trim() === '2001')",
            5,
        )
        .await;
    // A search narrows to the lines that match.
    window.type_into("merged-logs-search", "2999").await;
    window
        .wait_for(
            "the one match",
            "return document.querySelector('#merged-logs .hint')?.textContent.startsWith('1 of ') \
             && document.querySelectorAll('#merged-logs .log-line').length === 1",
            5,
        )
        .await;
}

fn docker_compose(file: &std::path::Path, name: &str, args: &[&str]) {
    let status = std::process::Command::new("docker-compose")
        .arg("-f")
        .arg(file)
        .args(["-p", name])
        .args(args)
        .env("DOCKER_HOST", porthole_e2e::test_engine())
        .status()
        .expect("docker-compose runs");
    assert!(status.success(), "docker-compose {args:?}");
}
