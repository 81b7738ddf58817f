//! A desktop's notification service of the test's own: a private D-Bus session bus (no services to start on it)
//! and dunst on it, drawing on the tests' Xvfb with a configuration of the test's (notifications stay until
//! clicked), with `dbus-monitor` writing down every notification sent to it. The app is pointed at this bus only
//! (`DBUS_SESSION_BUS_ADDRESS` in its environment; every other window gets none), so a developer's own desktop
//! never sees the tests' notifications, nor the tests the developer's dunst settings.
//!
//! Invariant: the bus, dunst and the monitor run in one process group of their own, ended when the value is
//! dropped, also when a test panics; their folder is removed with it.

use std::io::{BufRead, BufReader};
use std::os::unix::process::CommandExt;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const BUS_CONFIG: &str = r#"<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:tmpdir=/tmp</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
"#;

/// Notifications stay until clicked or closed, so a slow test machine cannot miss one.
const DUNSTRC: &str =
    "[urgency_low]\ntimeout = 0\n[urgency_normal]\ntimeout = 0\n[urgency_critical]\ntimeout = 0\n";

pub struct NotificationService {
    /// The bus's address, for the app's environment.
    pub address: String,
    /// The process group's leader (the bus) first, then dunst and the monitor, which joined its group.
    processes: Vec<Child>,
    folder: PathBuf,
}

impl NotificationService {
    /// Starts the bus, dunst and the monitor; fails the test when dunst is missing (`scripts/setup.sh --test`
    /// installs it).
    pub fn start() -> Self {
        let folder =
            std::env::temp_dir().join(format!("porthole-e2e-desktop-{}", std::process::id()));
        std::fs::create_dir_all(&folder).expect("the service's folder");
        std::fs::write(folder.join("bus.conf"), BUS_CONFIG).expect("the bus's configuration");
        std::fs::write(folder.join("dunstrc"), DUNSTRC).expect("dunst's configuration");
        let mut service = Self {
            address: String::new(),
            processes: Vec::new(),
            folder,
        };
        let mut bus = Command::new("dbus-daemon")
            .arg(format!(
                "--config-file={}",
                service.folder.join("bus.conf").display()
            ))
            .args(["--nofork", "--nopidfile", "--print-address=1"])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .process_group(0)
            .spawn()
            .expect("dbus-daemon starts (package dbus-daemon)");
        let output = bus.stdout.take();
        let group = bus.id();
        service.processes.push(bus);
        let mut address = String::new();
        if let Some(output) = output {
            let _ = BufReader::new(output).read_line(&mut address);
        }
        service.address = address.trim().to_owned();
        assert!(
            !service.address.is_empty(),
            "the test's bus gave no address"
        );
        let log =
            std::fs::File::create(service.folder.join("monitor.log")).expect("the monitor's log");
        let monitor = Command::new("dbus-monitor")
            .args([
                "--address",
                &service.address,
                "interface='org.freedesktop.Notifications',member='Notify'",
            ])
            .stdout(log)
            .stderr(Stdio::null())
            .process_group(group as i32)
            .spawn()
            .expect("dbus-monitor starts (package dbus-bin)");
        service.processes.push(monitor);
        let dunst = Command::new("dunst")
            .arg("-config")
            .arg(service.folder.join("dunstrc"))
            .env("DBUS_SESSION_BUS_ADDRESS", &service.address)
            .env_remove("WAYLAND_DISPLAY")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .process_group(group as i32)
            .spawn()
            .expect("dunst starts (scripts/setup.sh --test installs it)");
        service.processes.push(dunst);
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
        let log = std::fs::read_to_string(self.folder.join("monitor.log")).unwrap_or_default();
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
        if let Some(bus) = self.processes.first() {
            let group = format!("-{}", bus.id());
            let _ = Command::new("kill")
                .args(["-s", "TERM", "--", &group])
                .status();
        }
        for process in &mut self.processes {
            let _ = process.wait();
        }
        let _ = std::fs::remove_dir_all(&self.folder);
    }
}
