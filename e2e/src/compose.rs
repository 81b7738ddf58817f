//! A compose project for a test: a folder of its own holding its compose.yaml, a Compose tool run on it (the
//! standalone v1, or the v2 plugin the rig provides), and the project taken down with its volumes and the folder
//! removed when dropped, whatever the test did. `plugin_into` gives a window the v2 plugin.

use crate::unique;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub struct ComposeProject {
    pub folder: PathBuf,
    /// The project's name: unique, made from the prefix it was written with (no `-`, as v1 names it).
    pub name: String,
    /// The tool's words: `docker-compose`, or `docker compose` (the plugin in the rig's client config).
    tool: &'static [&'static str],
}

impl ComposeProject {
    /// A folder of its own (named after the unique project name) holding `text` as its compose.yaml, driven by the
    /// standalone v1 (the tool a window without the plugin finds).
    pub fn written(prefix: &str, text: &str) -> ComposeProject {
        let name = unique(prefix).replace('-', "");
        let folder = std::env::temp_dir().join(&name);
        std::fs::create_dir_all(&folder).expect("the project's folder");
        std::fs::write(folder.join("compose.yaml"), text).expect("the compose file");
        ComposeProject {
            folder,
            name,
            tool: &["docker-compose"],
        }
    }

    /// `written`, driven by the v2 plugin (for a window launched with `plugin_into`).
    pub fn written_for_plugin(prefix: &str, text: &str) -> ComposeProject {
        let mut project = Self::written(prefix, text);
        project.tool = &["docker", "compose"];
        project
    }

    pub fn file(&self) -> String {
        self.folder.join("compose.yaml").display().to_string()
    }

    /// `TOOL -f FILE -p NAME ARGS…` against the test engine.
    pub fn compose(&self, args: &[&str]) -> Output {
        Command::new(self.tool[0])
            .args(&self.tool[1..])
            .args(["-f", &self.file(), "-p", &self.name])
            .args(args)
            .env("DOCKER_HOST", crate::test_engine())
            .output()
            .expect("the Compose tool runs")
    }

    /// `compose`, which must succeed.
    pub fn run(&self, args: &[&str]) {
        let out = self.compose(args);
        assert!(
            out.status.success(),
            "{:?} {args:?}: {}",
            self.tool,
            String::from_utf8_lossy(&out.stderr)
        );
    }

    /// The services of the project's containers in `state` (`running`, `exited`), sorted: one per container.
    pub fn services(&self, state: &str) -> Vec<String> {
        let mut services: Vec<String> = crate::docker(&[
            "ps",
            "-a",
            "--filter",
            &format!("label=com.docker.compose.project={}", self.name),
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
}

impl Drop for ComposeProject {
    fn drop(&mut self) {
        let _ = self.compose(&["down", "-v"]);
        let _ = std::fs::remove_dir_all(&self.folder);
    }
}

/// Links the rig's Compose v2 plugin (`PORTHOLE_TEST_COMPOSE_PLUGIN`) into the docker CLI config of the window whose
/// settings home is `home`: that window finds `docker compose`; a window without it finds only the standalone v1.
pub fn plugin_into(home: &Path) {
    let plugin = std::env::var("PORTHOLE_TEST_COMPOSE_PLUGIN")
        .expect("PORTHOLE_TEST_COMPOSE_PLUGIN: run the tests with the rig (scripts/rig.sh)");
    let plugins = home.join("docker-config").join("cli-plugins");
    std::fs::create_dir_all(&plugins).expect("the window's cli-plugins folder");
    std::os::unix::fs::symlink(plugin, plugins.join("docker-compose")).expect("the plugin linked");
}
