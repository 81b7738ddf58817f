//! The .deb as a user gets Porthole: installed with apt, found on the PATH and by the desktop (its entry and icons
//! where the desktop looks), launched from where it was installed against the private engine, then removed with
//! nothing of it left.
//!
//! The package is the one `scripts/package.sh --debug` made from the tests' build (`PORTHOLE_TEST_DEB`, set by
//! `scripts/test.sh`); a Porthole package already installed here is a user's and is never replaced: the test stops.

use porthole_e2e::{docker, Window};
use std::path::Path;
use std::process::Command;

const SIZES: [u32; 8] = [16, 24, 32, 48, 64, 128, 256, 512];

fn installed() -> bool {
    Command::new("dpkg-query")
        .args(["-W", "-f=${Status}", "porthole"])
        .output()
        .is_ok_and(|out| String::from_utf8_lossy(&out.stdout).contains("install ok installed"))
}

/// apt-get as root: directly when the tests run as root (CI), else through sudo, as `scripts/setup.sh` does.
fn apt_get() -> Command {
    let root = Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|out| out.stdout.trim_ascii() == b"0");
    if root {
        Command::new("apt-get")
    } else {
        let mut sudo = Command::new("sudo");
        sudo.arg("apt-get");
        sudo
    }
}

fn apt(args: &[&str]) {
    let out = apt_get()
        .args(args)
        .env("DEBIAN_FRONTEND", "noninteractive")
        .output()
        .expect("apt-get runs");
    assert!(
        out.status.success(),
        "apt-get {args:?}: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Removes the package this test installed, also when the test fails half-way.
struct Installed;

impl Drop for Installed {
    fn drop(&mut self) {
        if installed() {
            let _ = apt_get()
                .args(["purge", "-y", "-q", "porthole"])
                .env("DEBIAN_FRONTEND", "noninteractive")
                .output();
        }
    }
}

/// A PNG's width and height, from its header.
fn png_size(path: &Path) -> (u32, u32) {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    assert_eq!(&bytes[1..4], b"PNG", "{} is a PNG", path.display());
    let word = |at: usize| u32::from_be_bytes(bytes[at..at + 4].try_into().expect("4 bytes"));
    (word(16), word(20))
}

#[tokio::test(flavor = "multi_thread")]
async fn the_deb_installs_launches_from_the_menu_s_command_and_uninstalls_cleanly() {
    let deb = std::env::var("PORTHOLE_TEST_DEB")
        .expect("PORTHOLE_TEST_DEB: the .deb to install (scripts/test.sh makes it with scripts/package.sh --debug)");
    assert!(
        !installed(),
        "a porthole package is already installed on this machine: it is the user's, and this test never replaces it"
    );
    let info = Command::new("dpkg-deb")
        .args(["--field", &deb, "Depends"])
        .output()
        .expect("dpkg-deb runs");
    let depends = String::from_utf8_lossy(&info.stdout).to_string();
    assert!(
        depends.contains("libwebkit2gtk-4.1-0") && depends.contains("libgtk-3-0"),
        "the package declares what the window needs: {depends}"
    );

    let _installed = Installed;
    apt(&["install", "-y", "-q", "--no-install-recommends", &deb]);
    assert!(installed(), "dpkg lists porthole as installed");

    // On the PATH, as the desktop entry's Exec= finds it.
    let which = Command::new("sh")
        .args(["-c", "command -v porthole"])
        .output()
        .expect("sh runs");
    let program = String::from_utf8_lossy(&which.stdout).trim().to_owned();
    assert_eq!(program, "/usr/bin/porthole");
    let entry = std::fs::read_to_string("/usr/share/applications/Porthole.desktop")
        .expect("the desktop entry is where menus look");
    for line in [
        "Name=Porthole",
        "Exec=porthole",
        "Icon=porthole",
        "Type=Application",
        "Terminal=false",
    ] {
        assert!(
            entry.lines().any(|l| l == line),
            "{line} in the entry:\n{entry}"
        );
    }
    for size in SIZES {
        let icon = format!("/usr/share/icons/hicolor/{size}x{size}/apps/porthole.png");
        assert_eq!(png_size(Path::new(&icon)), (size, size), "{icon}");
    }

    // Started from where apt put it, it finds the engine and says which one.
    let version = docker(&["version", "--format", "{{.Server.Version}}"]);
    let version = version.trim();
    let window = Window::launch_program(Path::new(&program)).await;
    window
        .wait_for(
            "the engine's version in the status bar",
            &format!(
                "return document.querySelector('.status-bar')?.innerText.includes('{version}') === true"
            ),
            30,
        )
        .await;
    drop(window);

    apt(&["purge", "-y", "-q", "porthole"]);
    assert!(!installed(), "dpkg no longer lists porthole");
    assert!(!Path::new("/usr/bin/porthole").exists(), "the binary went");
    assert!(
        !Path::new("/usr/share/applications/Porthole.desktop").exists(),
        "the desktop entry went"
    );
    for size in SIZES {
        let icon = format!("/usr/share/icons/hicolor/{size}x{size}/apps/porthole.png");
        assert!(!Path::new(&icon).exists(), "{icon} went");
    }
}
