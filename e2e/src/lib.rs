//! The end-to-end harness: launches the real Porthole binary through tauri-driver (which drives WebKitWebDriver),
//! reads the window's DOM with one script per question (Leptos re-renders rows, so element handles go stale), and
//! takes screenshots at the X level (WebDriver's screenshot command hangs under Xvfb here).
//!
//! Invariants: every wait has a deadline and fails the test with what it last saw; the driver and the app are
//! killed when the `Window` is dropped, also when a test panics; the app only ever talks to the private test
//! engine (`PORTHOLE_TEST_ENGINE`) and keeps its settings in a temporary folder; a test fails when the page
//! reported a panic or an uncaught error to the app's log, checked as its `Window` closes.

use fantoccini::{Client, ClientBuilder};
use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

mod ipc;
pub mod secrets;

/// One window at a time: tauri-driver serves one session, and the tests share the private engine's state.
static ONE_AT_A_TIME: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("workspace root")
        .to_path_buf()
}

/// The private test engine, after checking once that it is the rig's (`scripts/rig.sh` labels it): tests create,
/// prune and remove freely, so they refuse to run against any other engine, a user's above all.
pub fn test_engine() -> String {
    static CHECKED: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    CHECKED
        .get_or_init(|| {
            let host = std::env::var("PORTHOLE_TEST_ENGINE").expect(
                "PORTHOLE_TEST_ENGINE is not set: run the tests through scripts/test.sh, which starts a private engine",
            );
            refuse_unless_rig(&host);
            host
        })
        .clone()
}

/// Panics unless the engine at `host` carries the rig's label (`dev.porthole.rig`).
pub fn refuse_unless_rig(host: &str) {
    let output = Command::new("docker")
        .args(["info", "--format", "{{json .Labels}}"])
        .env("DOCKER_HOST", host)
        .output()
        .expect("the docker CLI runs");
    let labels = String::from_utf8_lossy(&output.stdout);
    assert!(
        labels.contains("dev.porthole.rig="),
        "{host} is not the test rig's engine (no dev.porthole.rig label): the tests only ever run against the \
         private engine scripts/rig.sh starts, never another one"
    );
}

fn app_binary() -> PathBuf {
    if let Ok(path) = std::env::var("PORTHOLE_APP") {
        return PathBuf::from(path);
    }
    let target = std::env::var("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|_| workspace_root().join("target"));
    target.join("debug").join("porthole")
}

/// Runs the real docker CLI against the private test engine; returns trimmed stdout, panics with stderr on failure.
pub fn docker(args: &[&str]) -> String {
    let output = Command::new("docker")
        .args(args)
        .env("DOCKER_HOST", test_engine())
        .env("DOCKER_BUILDKIT", "0")
        .output()
        .expect("docker CLI");
    assert!(
        output.status.success(),
        "docker {}: {}",
        args.join(" "),
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).trim().to_owned()
}

/// Removes the named container when dropped, also when the test fails.
pub struct Removed(pub String);

impl Drop for Removed {
    fn drop(&mut self) {
        let _ = Command::new("docker")
            .args(["rm", "-f", &self.0])
            .env("DOCKER_HOST", test_engine())
            .output();
    }
}

/// Removes the named network when dropped, also when the test fails. Declared before the containers' guards, it
/// drops after them, once nothing is attached.
pub struct NetworkRemoved(pub String);

impl Drop for NetworkRemoved {
    fn drop(&mut self) {
        let _ = Command::new("docker")
            .args(["network", "rm", &self.0])
            .env("DOCKER_HOST", test_engine())
            .output();
    }
}

/// Builds an image of its own named `reference` with the docker CLI (the busybox test image plus an `ENV` line), so
/// removing it is a real removal rather than untagging the shared test image.
pub fn build_own_image(reference: &str) {
    let context = std::env::temp_dir().join(unique("ctx"));
    std::fs::create_dir_all(&context).expect("a build context");
    std::fs::write(
        context.join("Dockerfile"),
        format!(
            "FROM porthole-test/busybox:1\nENV MARK={}\n",
            unique("mark")
        ),
    )
    .expect("a Dockerfile");
    docker(&[
        "build",
        "-q",
        "-t",
        reference,
        context.to_str().expect("a UTF-8 path"),
    ]);
}

/// Runs a busybox container that sleeps for ten minutes; the guard removes it.
pub fn sleeper(prefix: &str) -> (String, Removed) {
    let name = unique(prefix);
    let guard = Removed(name.clone());
    docker(&[
        "run",
        "-d",
        "--name",
        &name,
        "porthole-test/busybox:1",
        "sleep",
        "600",
    ]);
    (name, guard)
}

/// A container name unique to this run.
pub fn unique(prefix: &str) -> String {
    format!("{prefix}-{}-{}", std::process::id(), next())
}

/// Runs `scripts/rig.sh <verb>` (e.g. `stop-engine`, `start-engine`).
pub fn rig(verb: &str) {
    let status = Command::new("bash")
        .arg(workspace_root().join("scripts/rig.sh"))
        .arg(verb)
        .status()
        .expect("rig script runs");
    assert!(status.success(), "scripts/rig.sh {verb} failed");
}

/// The rig's registry that wants a login: its address, user and password.
pub fn auth_registry() -> (String, String, String) {
    let registry = std::env::var("PORTHOLE_TEST_REGISTRY").expect("the rig's auth registry");
    let user = std::env::var("PORTHOLE_TEST_REGISTRY_USER").expect("the rig's registry user");
    let password = std::fs::read_to_string(
        std::env::var("PORTHOLE_TEST_REGISTRY_PASSWORD_FILE").expect("the rig's password"),
    )
    .expect("the password file");
    (registry, user, password.trim().to_owned())
}

/// `curl http://…` for a published port: the whole HTTP answer as text.
pub fn http_get(url: &str) -> String {
    use std::io::{Read, Write};
    let address = url
        .trim_start_matches("http://")
        .trim_end_matches('/')
        .replace("localhost", "127.0.0.1");
    let mut stream =
        std::net::TcpStream::connect(address.as_str()).expect("the published port answers");
    stream
        .write_all(b"GET / HTTP/1.0\r\nHost: localhost\r\n\r\n")
        .unwrap();
    let mut body = String::new();
    stream.read_to_string(&mut body).unwrap();
    body
}

pub struct Window {
    pub client: Client,
    driver: Child,
    /// The app's XDG home: settings live in `data/dev.porthole.app/settings.json` below it.
    pub home: PathBuf,
    _guard: tokio::sync::MutexGuard<'static, ()>,
}

impl Window {
    /// Launches the app against the test engine, with fresh settings, and waits for the UI to mount.
    pub async fn launch() -> Window {
        Self::launch_with(|_| {}).await
    }

    /// Like `launch`, after `prepare` has set up the (empty) settings home, e.g. to plant a damaged settings file.
    pub async fn launch_with(prepare: impl FnOnce(&Path)) -> Window {
        let home =
            std::env::temp_dir().join(format!("porthole-e2e-{}-{}", std::process::id(), next()));
        let _ = std::fs::remove_dir_all(&home);
        std::fs::create_dir_all(&home).expect("settings home");
        prepare(&home);
        Self::launch_at(home).await
    }

    /// Launches the app with `home` as its settings home, as a second run of the same user would.
    pub async fn launch_at(home: PathBuf) -> Window {
        let guard = ONE_AT_A_TIME.lock().await;
        let port = free_port();
        let mut command = Command::new("tauri-driver");
        command
            .args([
                "--port",
                &port.to_string(),
                "--native-port",
                &free_port().to_string(),
            ])
            .env("DOCKER_HOST", test_engine())
            .env("XDG_DATA_HOME", home.join("data"))
            .env("XDG_CONFIG_HOME", home.join("config"))
            .env("XDG_CACHE_HOME", home.join("cache"))
            // Each window's own docker CLI config: logins made in one test never reach another.
            .env("DOCKER_CONFIG", home.join("docker-config"))
            .env("WEBKIT_DISABLE_COMPOSITING_MODE", "1")
            .env("WEBKIT_DISABLE_DMABUF_RENDERER", "1")
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        std::os::unix::process::CommandExt::process_group(&mut command, 0);
        let driver = command
            .spawn()
            .expect("tauri-driver starts (scripts/setup.sh installs it)");
        let client = connect(port).await;
        let window = Window {
            client,
            driver,
            home,
            _guard: guard,
        };
        window
            .wait_for(
                "the UI mounted",
                "return document.querySelector('.shell') !== null",
                30,
            )
            .await;
        window
    }

    /// Runs a script in the window and returns its value.
    pub async fn eval(&self, script: &str) -> Value {
        self.client
            .execute(script, vec![])
            .await
            .unwrap_or_else(|e| panic!("script failed: {e}\n{script}"))
    }

    /// Polls `predicate` (a script returning a boolean) until it is true, or panics after `seconds`.
    pub async fn wait_for(&self, what: &str, predicate: &str, seconds: u64) -> Duration {
        let start = Instant::now();
        loop {
            if let Ok(Value::Bool(true)) = self.client.execute(predicate, vec![]).await {
                return start.elapsed();
            }
            if start.elapsed() > Duration::from_secs(seconds) {
                let page = self
                    .eval("return document.querySelector('main')?.innerText?.slice(0, 600)")
                    .await;
                let errors = self
                    .eval("return (window.__portholePageErrors || []).join('\\n')")
                    .await;
                panic!("timed out after {seconds} s waiting for {what}; the page said: {page}; its errors: {errors}");
            }
            tokio::time::sleep(Duration::from_millis(25)).await;
        }
    }

    /// Presses `keys` (WebDriver key codes, e.g. `"\u{E00C}"` for Escape) on the focused element, as a user would.
    pub async fn press(&self, keys: &str) {
        let focused = self
            .client
            .active_element()
            .await
            .expect("a focused element");
        focused.send_keys(keys).await.expect("keys sent");
    }

    /// The id of the focused element.
    pub async fn focused(&self) -> String {
        let id = self.eval("return document.activeElement?.id ?? ''").await;
        id.as_str().unwrap_or_default().to_owned()
    }

    /// Waits until an element matches `selector` (a dialog opening, a row arriving).
    pub async fn appears(&self, selector: &str, seconds: u64) {
        let predicate = format!("return !!document.querySelector('{selector}')");
        self.wait_for(&format!("{selector} to appear"), &predicate, seconds)
            .await;
    }

    /// Waits until nothing matches `selector` (a dialog closing, a row leaving).
    pub async fn goes(&self, selector: &str, seconds: u64) {
        let predicate = format!("return !document.querySelector('{selector}')");
        self.wait_for(&format!("{selector} to go"), &predicate, seconds)
            .await;
    }

    /// Clicks the element `selector` as a user would (an SVG shape too), failing the test when it is missing or
    /// disabled.
    pub async fn click(&self, selector: &str) {
        let script = format!(
            "const e = document.querySelector('{selector}'); if (!e || e.disabled) return false; \
             if (typeof e.click === 'function') e.click(); else e.dispatchEvent(new MouseEvent('click', {{bubbles: true}})); return true"
        );
        assert_eq!(
            self.eval(&script).await,
            true,
            "{selector} is there and enabled"
        );
    }

    /// Types into the field `#id` as a user would; retried briefly, since a field that just appeared may not take
    /// keys yet, and scrolled into view first, as a user would scroll to it.
    pub async fn type_into(&self, id: &str, text: &str) {
        let mut last_error = None;
        for _ in 0..20 {
            self.eval(&format!(
                "document.getElementById('{id}')?.scrollIntoView({{block: 'center'}}); return true"
            ))
            .await;
            if let Ok(input) = self.client.find(fantoccini::Locator::Id(id)).await {
                match input.clear().await {
                    Ok(()) => {
                        // Clearing a field fires no input event; a keystroke does (type, then erase it).
                        let text = if text.is_empty() { " \u{E003}" } else { text };
                        input.send_keys(text).await.expect("typing");
                        return;
                    }
                    Err(error) => last_error = Some(error),
                }
            }
            tokio::time::sleep(Duration::from_millis(150)).await;
        }
        panic!("#{id} never took input: {last_error:?}");
    }

    /// Removes the image shown in `row` (named `reference`) while `container` uses it, as a user would: the
    /// confirmation shows `docker rmi`, the engine refuses, the banner names the container and explains the rule,
    /// nothing is removed; then "remove its containers, then the image" removes both.
    pub async fn remove_image_in_use(&self, row: &str, reference: &str, container: &str) {
        self.wait_for(
            "the image's row",
            &format!("return !!document.querySelector('{row}')"),
            10,
        )
        .await;
        self.click(row).await;
        self.click("[data-action=remove-image]").await;
        self.wait_for(
            "the confirmation",
            "return !!document.getElementById('confirm-dialog')",
            5,
        )
        .await;
        let dialog = self
            .eval("return document.getElementById('confirm-dialog').innerText")
            .await;
        assert!(
            dialog
                .as_str()
                .unwrap_or_default()
                .contains(&format!("docker rmi {reference}")),
            "{dialog}"
        );
        self.click("#confirm-ok").await;
        let banner = self.refusal().await;
        let related = self
            .eval("return document.getElementById('error-related').textContent")
            .await;
        assert_eq!(
            related, container,
            "the banner names the container that uses the image"
        );
        assert!(
            banner.contains("Remove the containers made from it first"),
            "{banner}"
        );
        assert!(
            !docker(&["image", "ls", "-q", reference]).is_empty(),
            "nothing was removed"
        );
        self.screenshot("image-in-use").await;
        let offer = self
            .eval("return document.getElementById('follow-up-0').title")
            .await;
        assert_eq!(
            offer.as_str().unwrap_or_default(),
            format!("docker rm -f {container} && docker rmi {reference}"),
            "the offer names exactly the container the refusal named"
        );
        self.confirm_follow_up(0, &[container, reference]).await;
        self.wait_for(
            "the row to go",
            &format!("return !document.querySelector('{row}')"),
            15,
        )
        .await;
        assert!(
            docker(&["image", "ls", "-q", reference]).is_empty(),
            "the image is gone"
        );
        assert!(
            docker(&["ps", "-a", "-q", "--filter", &format!("name=^{container}$")]).is_empty(),
            "its container too"
        );
    }

    /// Clicks the banner's follow-up `index`, which asks first: the confirmation must name each of `goes`, then it
    /// is confirmed.
    pub async fn confirm_follow_up(&self, index: usize, goes: &[&str]) {
        self.click(&format!("#follow-up-{index}")).await;
        self.wait_for(
            "the follow-up's confirmation",
            "return !!document.getElementById('confirm-dialog')",
            5,
        )
        .await;
        let dialog = self
            .eval("return document.getElementById('confirm-dialog').innerText")
            .await;
        let dialog = dialog.as_str().unwrap_or_default();
        for name in goes {
            assert!(
                dialog.contains(name),
                "the confirmation names {name}: {dialog}"
            );
        }
        self.click("#confirm-ok").await;
    }

    /// Waits for the engine's refusal (a Conflict banner) and returns the banner's text.
    pub async fn refusal(&self) -> String {
        self.wait_for(
            "the engine's refusal",
            "return document.querySelector('.banner')?.dataset.kind === 'Conflict'",
            10,
        )
        .await;
        let banner = self
            .eval("return document.querySelector('.banner').innerText")
            .await;
        banner.as_str().unwrap_or_default().to_owned()
    }

    /// Fills the login form that is opening (user and password) and submits it.
    pub async fn log_in(&self, user: &str, password: &str) {
        self.wait_for(
            "the login form",
            "return !!document.getElementById('login-form')",
            5,
        )
        .await;
        self.type_into("login-username", user).await;
        self.type_into("login-password", password).await;
        self.click("#login-submit").await;
    }

    /// Waits until the Registries page's card for `registry` says the login was accepted.
    pub async fn logged_in(&self, registry: &str) {
        self.wait_for(
            &format!("logged in to {registry}"),
            &format!("return document.querySelector('[data-registry=\"{registry}\"]')?.dataset.loggedIn === 'true'"),
            15,
        )
        .await;
    }

    /// Pulls `reference` with the Images page's pull box, as a user would, and waits until it is done.
    pub async fn pull(&self, reference: &str) {
        self.open("images").await;
        self.type_into("pull-reference", reference).await;
        self.click("#pull-start").await;
        self.wait_for(
            &format!("the pull of {reference} to finish"),
            "return !!document.getElementById('pull-done')",
            30,
        )
        .await;
    }

    /// On an image's details page: chooses `reference` among the names it can be pushed as, pushes it and waits
    /// for the push to finish.
    pub async fn push(&self, reference: &str) {
        self.wait_for(
            &format!("{reference} in the push list"),
            &format!("return [...document.querySelectorAll('#push-reference option')].some(o => o.value === '{reference}')"),
            10,
        )
        .await;
        self.eval(&format!(
            "const s = document.getElementById('push-reference'); s.value = '{reference}'; \
             s.dispatchEvent(new Event('change')); return s.value"
        ))
        .await;
        self.click("#push-start").await;
        self.wait_for(
            &format!("the push of {reference} to finish"),
            "return !!document.getElementById('push-done')",
            30,
        )
        .await;
    }

    /// Clicks the sidebar entry for a page (`containers`, `images`, `engine`, `settings`) and waits for it.
    pub async fn open(&self, page: &str) {
        self.eval(&format!(
            "document.querySelector('[data-nav=\"{page}\"]').click(); return true"
        ))
        .await;
        self.wait_for(
            &format!("the {page} page"),
            &format!("return !!document.querySelector('[data-page=\"{page}\"]')"),
            10,
        )
        .await;
    }

    /// The `data-name` of every container row in the table.
    pub async fn container_names(&self) -> Vec<String> {
        let value = self
            .eval("return [...document.querySelectorAll('#containers-table tbody tr[data-name]')].map(r => r.dataset.name)")
            .await;
        serde_json::from_value(value).unwrap_or_default()
    }

    /// Saves a screenshot of the whole X display as `docs/screenshots/<name>.png`.
    pub async fn screenshot(&self, name: &str) {
        // Let the last change paint before the capture.
        tokio::time::sleep(Duration::from_millis(400)).await;
        let folder = workspace_root().join("docs/screenshots");
        std::fs::create_dir_all(&folder).expect("screenshot folder");
        let display = std::env::var("DISPLAY").unwrap_or_else(|_| ":99".into());
        let path = folder.join(format!("{name}.png"));

        let status = Command::new("import")
            .args(["-display", &display, "-window", "root"])
            .arg(&path)
            .status()
            .expect("ImageMagick import runs");
        assert!(status.success(), "screenshot {name} failed");
    }
}

impl Window {
    /// Ends the session and the app, keeping the settings home for a relaunch.
    pub async fn close(self) -> PathBuf {
        let _ = self.client.clone().close().await;
        self.home.clone()
    }

    pub fn settings_file(home: &Path) -> PathBuf {
        home.join("data/dev.porthole.app/settings.json")
    }
}

impl Drop for Window {
    fn drop(&mut self) {
        // Killing the driver's process group ends WebKitWebDriver and the app with it. `--` so that the negative
        // group id is not read as an option.
        let group = format!("-{}", self.driver.id());
        let _ = Command::new("kill")
            .args(["-s", "TERM", "--", &group])
            .status();
        std::thread::sleep(Duration::from_millis(300));
        let _ = Command::new("kill")
            .args(["-s", "KILL", "--", &group])
            .status();
        let _ = self.driver.wait();
        // Every test fails when the page panicked or logged an uncaught error, whatever it asserted itself.
        let errors = page_errors(&self.home);
        if !errors.is_empty() && !std::thread::panicking() {
            panic!("the page reported errors (assets/page-errors.js → the app's log):\n{errors}");
        }
    }
}

/// What the app's log holds of the page's panics and uncaught errors (`report_page_error`).
pub fn page_errors(home: &Path) -> String {
    std::fs::read_to_string(home.join("data/dev.porthole.app/logs/page-errors.log"))
        .unwrap_or_default()
}

async fn connect(port: u16) -> Client {
    let capabilities = json!({
        "browserName": "wry",
        "tauri:options": { "application": app_binary() }
    });
    let capabilities = capabilities.as_object().cloned().expect("object");
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let connector = hyper_util::client::legacy::connect::HttpConnector::new();
        let attempt = ClientBuilder::new(connector)
            .capabilities(capabilities.clone())
            .connect(&format!("http://127.0.0.1:{port}"))
            .await;
        match attempt {
            Ok(client) => return client,
            Err(error) if Instant::now() > deadline => {
                panic!("no WebDriver session with tauri-driver: {error}")
            }
            Err(_) => tokio::time::sleep(Duration::from_millis(200)).await,
        }
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

fn next() -> u64 {
    use std::sync::atomic::{AtomicU64, Ordering};
    static NEXT: AtomicU64 = AtomicU64::new(0);
    NEXT.fetch_add(1, Ordering::Relaxed)
}
