//! A compose project for a test: a folder of its own holding its compose.yaml, the Compose tool run on it, and the
//! project taken down with its volumes and the folder removed when dropped, whatever the test did.

use crate::unique;
use std::path::PathBuf;
use std::process::{Command, Output};

pub struct ComposeProject {
    pub folder: PathBuf,
    /// The project's name: unique, made from the prefix it was written with (no `-`, as v1 names it).
    pub name: String,
}

impl ComposeProject {
    /// A folder of its own (named after the unique project name) holding `text` as its compose.yaml.
    pub fn written(prefix: &str, text: &str) -> ComposeProject {
        let name = unique(prefix).replace('-', "");
        let folder = std::env::temp_dir().join(&name);
        std::fs::create_dir_all(&folder).expect("the project's folder");
        std::fs::write(folder.join("compose.yaml"), text).expect("the compose file");
        ComposeProject { folder, name }
    }

    pub fn file(&self) -> String {
        self.folder.join("compose.yaml").display().to_string()
    }

    /// `docker-compose -f FILE -p NAME ARGS…` against the test engine.
    pub fn compose(&self, args: &[&str]) -> Output {
        Command::new("docker-compose")
            .args(["-f", &self.file(), "-p", &self.name])
            .args(args)
            .env("DOCKER_HOST", crate::test_engine())
            .output()
            .expect("docker-compose runs")
    }

    /// `compose`, which must succeed.
    pub fn run(&self, args: &[&str]) {
        let out = self.compose(args);
        assert!(
            out.status.success(),
            "docker-compose {args:?}: {}",
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
