//! A desktop's notification service of the test's own: a private D-Bus session bus and dunst on it (the display is
//! the tests' Xvfb), with `dbus-monitor` writing down every notification sent to it. The app is pointed at this bus
//! only (`DBUS_SESSION_BUS_ADDRESS` in its environment), so a developer's own desktop never sees the tests'.
//!
//! Invariant: the bus, dunst and the monitor are stopped when the value is dropped, also when a test panics.

use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub struct NotificationService {
    /// The bus's address, for the app's environment.
    pub address: String,
    processes: Vec<Child>,
    monitor_log: PathBuf,
}

impl NotificationService {
    /// Starts the bus, dunst and the monitor; fails the test when dunst is missing (`scripts/setup.sh --test`
    /// installs it).
    pub fn start() -> Self {
        let mut bus = Command::new("dbus-daemon")
            .args(["--session", "--nofork", "--nopidfile", "--print-address=1"])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("dbus-daemon starts (package dbus-daemon)");
        let mut address = String::new();
        BufReader::new(bus.stdout.take().expect("its output"))
            .read_line(&mut address)
            .expect("the bus's address");
        let address = address.trim().to_owned();
        let mut service = Self {
            address: address.clone(),
            processes: vec![bus],
            monitor_log: std::env::temp_dir()
                .join(format!("porthole-e2e-notify-{}.log", std::process::id())),
        };
        let log = std::fs::File::create(&service.monitor_log).expect("the monitor's log");
        service.processes.push(
            Command::new("dbus-monitor")
                .args([
                    "--address",
                    &address,
                    "interface='org.freedesktop.Notifications',member='Notify'",
                ])
                .stdout(log)
                .stderr(Stdio::null())
                .spawn()
                .expect("dbus-monitor starts (package dbus-bin)"),
        );
        service.processes.push(
            Command::new("dunst")
                .env("DBUS_SESSION_BUS_ADDRESS", &address)
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .expect("dunst starts (scripts/setup.sh --test installs it)"),
        );
        let start = Instant::now();
        while service.dunstctl(&["is-paused"]).is_none() {
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "dunst did not answer on the test's bus"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
        service
    }

    /// `dunstctl ARGS` on the test's bus; `None` when it failed.
    fn dunstctl(&self, args: &[&str]) -> Option<String> {
        let output = Command::new("dunstctl")
            .args(args)
            .env("DBUS_SESSION_BUS_ADDRESS", &self.address)
            .output()
            .ok()?;
        output
            .status
            .success()
            .then(|| String::from_utf8_lossy(&output.stdout).trim().to_owned())
    }

    /// Every notification sent so far, as the monitor saw it: the strings of each `Notify` call (app name, icon,
    /// summary, body, actions).
    pub fn sent(&self) -> Vec<Vec<String>> {
        let log = std::fs::read_to_string(&self.monitor_log).unwrap_or_default();
        log.split("member=Notify")
            .skip(1)
            .map(|call| {
                call.lines()
                    .filter_map(|line| line.trim().strip_prefix("string \""))
                    .map(|s| s.trim_end_matches('"').to_owned())
                    .collect()
            })
            .collect()
    }

    /// How many notifications dunst is showing now.
    pub fn displayed(&self) -> usize {
        self.dunstctl(&["count", "displayed"])
            .and_then(|n| n.parse().ok())
            .unwrap_or(0)
    }

    /// Clicks the newest notification shown: dunst invokes its default action, as a click on it would.
    pub fn click_newest(&self) {
        assert!(
            self.dunstctl(&["action", "0"]).is_some(),
            "dunstctl action failed"
        );
    }
}

impl Drop for NotificationService {
    fn drop(&mut self) {
        for process in self.processes.iter_mut().rev() {
            let _ = process.kill();
            let _ = process.wait();
        }
        let _ = std::fs::remove_file(&self.monitor_log);
    }
}
