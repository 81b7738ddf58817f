//! The end-to-end harness: launches the real Porthole binary through tauri-driver (which drives WebKitWebDriver),
//! reads the window's DOM with one script per question (Leptos re-renders rows, so element handles go stale), and
//! takes screenshots at the X level (WebDriver's screenshot command hangs under Xvfb here).
//!
//! Invariants: every wait has a deadline and fails the test with what it last saw; the driver and the app are
//! killed when the `Window` is dropped, also when a test panics; the app only ever talks to the private test
//! engine (`PORTHOLE_TEST_ENGINE`) and keeps its settings in a temporary folder; a test fails when the page
//! reported a panic or an uncaught error to the app's log, checked as its `Window` closes.

use driver::{app_binary, connect, spawn_driver, stop_group};
use fantoccini::Client;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Child, Command};
use std::time::{Duration, Instant};

pub mod compose;
pub mod desktop;
mod driver;
mod flows;
mod ipc;
mod rig;
pub mod secrets;

pub use rig::*;

/// One window at a time: tauri-driver serves one session, and the tests share the private engine's state.
static ONE_AT_A_TIME: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

/// An empty settings home of its own for one window.
fn fresh_home() -> PathBuf {
    let home = std::env::temp_dir().join(format!("porthole-e2e-{}-{}", std::process::id(), next()));
    let _ = std::fs::remove_dir_all(&home);
    std::fs::create_dir_all(&home).expect("settings home");
    home
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
        Self::launch_with_env(&[], prepare).await
    }

    /// Launches the app with `home` as its settings home, as a second run of the same user would.
    pub async fn launch_at(home: PathBuf) -> Window {
        Self::launch_at_with_env(home, &[]).await
    }

    /// Like `launch_with`, the app also given the environment variables `env` (e.g. an `XDG_RUNTIME_DIR` where
    /// Podman's socket is).
    pub async fn launch_with_env(env: &[(&str, &str)], prepare: impl FnOnce(&Path)) -> Window {
        let home = fresh_home();
        prepare(&home);
        Self::launch_at_with_env(home, env).await
    }

    /// Launches the program at `app` (an installed Porthole) instead of the one the tests built.
    pub async fn launch_program(app: &Path) -> Window {
        Self::launch_program_at(app, fresh_home(), &[]).await
    }

    /// Launches a Tauri program that is not Porthole (the benchmark's empty window): ready once its page has loaded.
    pub async fn launch_other(app: &Path) -> Window {
        Self::launch_until(app, fresh_home(), &[], OTHER_LOADED).await
    }

    async fn launch_at_with_env(home: PathBuf, env: &[(&str, &str)]) -> Window {
        Self::launch_program_at(&app_binary(), home, env).await
    }

    async fn launch_program_at(app: &Path, home: PathBuf, env: &[(&str, &str)]) -> Window {
        Self::launch_until(app, home, env, PORTHOLE_MOUNTED).await
    }

    /// Launches `app` and waits for `ready`. A window whose page is not ready within 30 s is described on stderr
    /// (what the page has loaded) and launched once more; a second such window fails the test.
    async fn launch_until(
        app: &Path,
        home: PathBuf,
        env: &[(&str, &str)],
        (what, ready): (&str, &str),
    ) -> Window {
        let mut attempts = 0;
        loop {
            attempts += 1;
            let window = Self::launch_once(app, home.clone(), env).await;
            if window.becomes_true(ready, 30).await {
                return window;
            }
            // A page that no longer answers at all (its web process gone) is described too, not a panic here: the
            // launch is tried again.
            let page = match window.client.execute(PAGE_STATE, vec![]).await {
                Ok(state) => state.to_string(),
                Err(error) => format!("(no answer from the page: {error})"),
            };
            if attempts == 2 {
                panic!(
                    "timed out after 30 s waiting for {what}, in two launches; the page: {page}"
                );
            }
            eprintln!("{what}: not within 30 s; launching again. The page: {page}");
            drop(window);
        }
    }

    async fn launch_once(app: &Path, home: PathBuf, env: &[(&str, &str)]) -> Window {
        let guard = ONE_AT_A_TIME.lock().await;
        // A driver that never answers (its port taken between choosing and binding it) is stopped with everything
        // it started, so nothing of it outlives the attempt, and the window is launched again on other ports.
        let mut attempts = 0;
        let (client, driver) = loop {
            attempts += 1;
            let mut driver = spawn_driver(&home, env);
            match connect(driver.1, app).await {
                Ok(client) => break (client, driver.0),
                Err(error) if attempts < 3 => {
                    eprintln!("tauri-driver did not answer ({error}); launching again");
                    stop_group(&mut driver.0);
                }
                Err(error) => {
                    stop_group(&mut driver.0);
                    panic!(
                        "no WebDriver session with tauri-driver after {attempts} launches: {error}"
                    );
                }
            }
        };
        Window {
            client,
            driver,
            home,
            _guard: guard,
        }
    }

    /// Whether `predicate` becomes true within `seconds`.
    async fn becomes_true(&self, predicate: &str, seconds: u64) -> bool {
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(seconds) {
            if let Ok(Value::Bool(true)) = self.client.execute(predicate, vec![]).await {
                return true;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        false
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
        self.wait_for_every(what, predicate, seconds, Duration::from_millis(25))
            .await
    }

    /// `wait_for`, asking every `every`: for long waits whose moment the page notes itself, where the driver's round
    /// trips (three processes each) would take CPU from the work being timed.
    pub async fn wait_for_every(
        &self,
        what: &str,
        predicate: &str,
        seconds: u64,
        every: Duration,
    ) -> Duration {
        let start = Instant::now();
        loop {
            if let Ok(Value::Bool(true)) = self.client.execute(predicate, vec![]).await {
                return start.elapsed();
            }
            if start.elapsed() > Duration::from_secs(seconds) {
                let page = self
                    .eval(
                        "return (document.querySelector('[role=dialog]')?.id ?? 'no dialog') + ' over: ' + \
                         document.querySelector('main')?.innerText?.slice(0, 600)",
                    )
                    .await;
                let errors = self
                    .eval("return (window.__portholePageErrors || []).join('\\n')")
                    .await;
                panic!("timed out after {seconds} s waiting for {what}; the page said: {page}; its errors: {errors}");
            }
            tokio::time::sleep(every).await;
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
        // A button that is about to be enabled (its form just parsed the last key) gets a moment, as a user's
        // hand would; one that stays disabled fails the test.
        let mut clicked = false;
        for _ in 0..40 {
            if self.eval(&script).await == Value::Bool(true) {
                clicked = true;
                break;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        if !clicked {
            // What the user would have seen instead, so a failure says why (a dialog gone, another page shown).
            let seen = self
                .eval(
                    "return (document.querySelector('[role=dialog]')?.id ?? 'no dialog') + ' over: ' + \
                     (document.querySelector('main')?.innerText?.slice(0, 400) ?? '') + ' | status: ' + \
                     (document.querySelector('.status-bar')?.innerText ?? '')",
                )
                .await;
            panic!("{selector} is not there or not enabled; the window showed {seen}");
        }
    }

    /// Types into the field `#id` as a user would; retried briefly, since a field that just appeared may not take
    /// keys yet, and scrolled into view first, as a user would scroll to it.
    pub async fn type_into(&self, id: &str, text: &str) {
        let mut last_error = None;
        let mut retyped = false;
        for _ in 0..20 {
            self.eval(&format!(
                "document.getElementById('{id}')?.scrollIntoView({{block: 'center'}}); return true"
            ))
            .await;
            if let Ok(input) = self.client.find(fantoccini::Locator::Id(id)).await {
                match input.clear().await {
                    Ok(()) => {
                        // Clearing a field fires no input event; a keystroke does (type, then erase it).
                        let keys = if text.is_empty() { " \u{E003}" } else { text };
                        input.send_keys(keys).await.expect("typing");
                        // A key can be lost while the page re-renders the field; a user would see it and type
                        // again. A field that reformats what it is given is left as it is after one retry.
                        if self.holds(id, text).await || retyped {
                            return;
                        }
                        retyped = true;
                        continue;
                    }
                    Err(error) => last_error = Some(error),
                }
            }
            tokio::time::sleep(Duration::from_millis(150)).await;
        }
        panic!("#{id} never took input: {last_error:?}");
    }

    /// Whether the field `#id` holds `text` within a second.
    async fn holds(&self, id: &str, text: &str) -> bool {
        let expected = serde_json::to_string(text).expect("a string");
        let predicate = format!("return document.getElementById('{id}')?.value === {expected}");
        for _ in 0..40 {
            if self.client.execute(&predicate, vec![]).await.ok() == Some(Value::Bool(true)) {
                return true;
            }
            tokio::time::sleep(Duration::from_millis(25)).await;
        }
        false
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

    /// Resizes the window to `width`×`height` (the default 1240×780, the minimum 880×560) and waits until the page
    /// has taken the new width.
    pub async fn resize(&self, width: u32, height: u32) {
        self.client
            .set_window_size(width, height)
            .await
            .expect("the window resized");
        self.wait_for(
            &format!("the page at {width}×{height}"),
            &format!("return Math.abs(window.innerWidth - {width}) <= 2"),
            5,
        )
        .await;
    }

    /// Saves a screenshot of the whole X display as `docs/screenshots/<name>.png`.
    pub async fn screenshot(&self, name: &str) {
        // Let the last change paint before the capture.
        tokio::time::sleep(Duration::from_millis(400)).await;
        let folder = workspace_root().join("docs/screenshots");
        std::fs::create_dir_all(&folder).expect("screenshot folder");
        let display = std::env::var("DISPLAY").unwrap_or_else(|_| ":99".into());
        let path = folder.join(format!("{name}.png"));
        // Only the window, when it is smaller than the display (the 880×560 set).
        let crop = match self.client.get_window_rect().await {
            Ok((x, y, width, height)) => format!("{width}x{height}+{x}+{y}"),
            Err(_) => "100%".into(),
        };

        let status = Command::new("import")
            .args(["-display", &display, "-window", "root", "-crop", &crop])
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

/// What a page that never became ready had: its state, the start of its body, each resource with when it ended
/// (0: never), and the errors it reported.
const PAGE_STATE: &str = "return JSON.stringify({ state: document.readyState, body: (document.body?.innerHTML ?? '').slice(0, 160), \
     resources: performance.getEntriesByType('resource').map((e) => e.name.split('/').pop() + ' ' + Math.round(e.responseEnd)), \
     errors: window.__portholePageErrors || [] })";

const PORTHOLE_MOUNTED: (&str, &str) = (
    "the UI mounted",
    "return document.querySelector('.shell') !== null",
);
const OTHER_LOADED: (&str, &str) = (
    "the page loaded",
    "return document.readyState === 'complete'",
);

impl Drop for Window {
    fn drop(&mut self) {
        stop_group(&mut self.driver);
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

pub(crate) fn next() -> u64 {
    use std::sync::atomic::{AtomicU64, Ordering};
    static NEXT: AtomicU64 = AtomicU64::new(0);
    NEXT.fetch_add(1, Ordering::Relaxed)
}
