//! Compose projects as Porthole shows them: the file as the Compose tool normalises it (`config`), the projects
//! found on the engine by their labels, the commands Porthole runs through the tool, and the tool's output stream.
//!
//! Owns: `ComposeFile` and its services (environment values never cross: names only), `ComposeProject` (from the
//! labels the tool puts on containers), `ComposeTool`, `ComposeCommand` with its verbs and exact command line
//! (`command`), the project-name rule, and the merged-log line split (`logs`).
//! Invariant: Porthole never interprets a compose file itself — everything here comes from the tool's answer or
//! the engine's labels, and every action is one run of the tool.

use crate::input::{Input, InputError};

use serde::{Deserialize, Serialize};

pub mod command;
pub mod logs;

pub use command::{ComposeCommand, ComposeVerb, RemoveImages};

/// The labels the Compose tool (v1 and v2) puts on every container it makes.
pub const PROJECT_LABEL: &str = "com.docker.compose.project";
pub const SERVICE_LABEL: &str = "com.docker.compose.service";
/// "True" on a container `compose run` made (a one-off, not one of the service's own).
pub const ONEOFF_LABEL: &str = "com.docker.compose.oneoff";
pub const WORKING_DIR_LABEL: &str = "com.docker.compose.project.working_dir";
pub const CONFIG_FILES_LABEL: &str = "com.docker.compose.project.config_files";

/// The Compose tool found on this machine: the `docker compose` plugin (v2) or the standalone `docker-compose`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ComposeTool {
    /// The words that start the tool: `["docker", "compose"]` or `["docker-compose"]`.
    pub program: Vec<String>,
    /// As the tool reports it (`2.29.1`, `1.29.2`).
    pub version: String,
}

impl ComposeTool {
    pub fn is_plugin(&self) -> bool {
        self.program.len() == 2
    }

    /// The tool's invocation as a user types it.
    pub fn invocation(&self) -> String {
        self.program.join(" ")
    }
}

/// What the Compose page says when no tool is installed, and how to get one.
pub const TOOL_MISSING: &str = "Neither the docker compose plugin nor docker-compose is installed, so Porthole \
    cannot open compose files or bring projects up. Install one: Docker's docker-compose-plugin package (docker \
    compose v2), or on Debian and Ubuntu `sudo apt install docker-compose` (the standalone v1). Projects already on \
    the engine are still listed.";

/// A compose file as the tool normalised it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ComposeFile {
    /// The absolute path that was opened.
    pub path: String,
    /// The project name used with `-p` (the folder's name made valid, unless the user chose one).
    pub project: String,
    pub services: Vec<ComposeService>,
    /// The networks the file declares (the tool adds `default` when a service names none).
    pub networks: Vec<String>,
    /// The named volumes the file declares: what `down -v` deletes.
    pub volumes: Vec<String>,
}

impl ComposeFile {
    /// Every profile some service belongs to, sorted.
    pub fn profiles(&self) -> Vec<String> {
        let mut all: Vec<String> = self
            .services
            .iter()
            .flat_map(|s| s.profiles.clone())
            .collect();
        all.sort();
        all.dedup();
        all
    }

    /// Whether any service is built rather than pulled.
    pub fn builds(&self) -> bool {
        self.services.iter().any(|s| s.build.is_some())
    }

    /// The volumes `down -v` deletes, as the engine names them (`project_volume`), for the confirmation.
    pub fn engine_volume_names(&self) -> Vec<String> {
        self.volumes
            .iter()
            .map(|v| format!("{}_{v}", self.project))
            .collect()
    }
}

/// One service of the file.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ComposeService {
    pub name: String,
    pub image: Option<String>,
    /// The build context, when the service is built from a folder.
    pub build: Option<String>,
    /// As the tool writes them: `127.0.0.1:8080:80/tcp`.
    pub ports: Vec<String>,
    /// `source:target[:mode]`.
    pub volumes: Vec<String>,
    pub networks: Vec<String>,
    /// Names only: values often hold secrets, and never leave the backend.
    pub environment: Vec<String>,
    pub depends_on: Vec<String>,
    /// Empty: always part of the project; else only when one of these profiles is chosen.
    pub profiles: Vec<String>,
}

/// A project the engine has containers of, from their labels (found even when Porthole never opened its file).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ComposeProject {
    pub name: String,
    /// The folder the tool ran in, and the files it read (from the labels).
    pub working_dir: String,
    pub config_files: Vec<String>,
    /// Each service with its containers' names and states.
    pub services: Vec<ProjectService>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProjectService {
    pub name: String,
    pub containers: Vec<ProjectContainer>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProjectContainer {
    pub id: String,
    pub name: String,
    pub state: crate::ContainerState,
    pub status: String,
}

impl ComposeProject {
    pub fn running(&self) -> usize {
        self.containers().filter(|c| c.state.is_running()).count()
    }

    pub fn containers(&self) -> impl Iterator<Item = &ProjectContainer> {
        self.services.iter().flat_map(|s| s.containers.iter())
    }

    /// The first config file, when the labels name one: the file to open for this project.
    pub fn file(&self) -> Option<&str> {
        self.config_files.first().map(String::as_str)
    }
}

/// The project name the tool would choose for a file in `folder`: the folder's name, lowercased, keeping only
/// letters, digits, `-` and `_` (both versions agree on this for ordinary names). Porthole passes it with `-p`, so the
/// name shown is the name used.
pub fn default_project_name(folder: &str) -> String {
    let base = folder
        .trim_end_matches('/')
        .rsplit('/')
        .next()
        .unwrap_or_default();
    let name: String = base
        .to_lowercase()
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_'))
        .collect();
    let name = name.trim_start_matches(['-', '_']).to_owned();
    if name.is_empty() {
        "project".into()
    } else {
        name
    }
}

/// The folder a compose file is in: where the tool runs (relative paths and `.env` are read from there).
pub fn folder_of(path: &str) -> String {
    path.rsplit_once('/')
        .map(|(folder, _)| folder)
        .filter(|folder| !folder.is_empty())
        .unwrap_or("/")
        .to_owned()
}

/// A project name as `-p` takes it: lowercase letters, digits, `-` and `_`, starting with a letter or digit.
pub fn parse_project_name(text: &str) -> Result<String, InputError> {
    let name = text.trim();
    let mut chars = name.chars();
    let ok = chars
        .next()
        .is_some_and(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '-' | '_'));
    if ok {
        Ok(name.to_owned())
    } else {
        Err(Input::ProjectName.refuse(format!(
            "{name:?} is not a project name: lowercase letters, digits, - and _, starting with a letter or digit."
        )))
    }
}

/// A compose file's path as Porthole runs it: absolute, and a YAML file.
pub fn parse_file_path(text: &str) -> Result<String, InputError> {
    let path = text.trim();
    if !path.starts_with('/') {
        return Err(Input::ComposeFile
            .refuse("Give the compose file's full path, like /home/me/shop/compose.yaml.".into()));
    }
    if !(path.ends_with(".yaml") || path.ends_with(".yml")) {
        return Err(Input::ComposeFile.refuse("A compose file ends in .yaml or .yml.".into()));
    }
    if path.split('/').any(|part| part == "..") {
        return Err(Input::ComposeFile.refuse("Give the path without .. in it.".into()));
    }
    Ok(path.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn project_names_as_the_tool_makes_them() {
        assert_eq!(default_project_name("/home/me/My Shop.v2/"), "myshopv2");
        assert_eq!(default_project_name("/tmp/shop-app"), "shop-app");
        assert_eq!(default_project_name("/"), "project");
        assert_eq!(default_project_name("/x/__a"), "a");
        assert!(parse_project_name("shop_1").is_ok());
        assert!(parse_project_name("Shop").is_err());
        assert!(parse_project_name("-x").is_err());
        assert!(parse_project_name("").is_err());
    }

    #[test]
    fn file_paths() {
        assert!(parse_file_path("/a/compose.yaml").is_ok());
        assert!(parse_file_path("compose.yaml").is_err());
        assert!(parse_file_path("/a/compose.json").is_err());
        assert!(parse_file_path("/a/../etc/x.yml").is_err());
    }

    #[test]
    fn what_down_v_deletes_is_named_as_the_engine_names_it() {
        let file = ComposeFile {
            project: "shop".into(),
            volumes: vec!["data".into()],
            services: vec![
                ComposeService {
                    name: "web".into(),
                    profiles: vec!["debug".into()],
                    ..Default::default()
                },
                ComposeService {
                    name: "b".into(),
                    build: Some("/x".into()),
                    profiles: vec!["debug".into(), "a".into()],
                    ..Default::default()
                },
            ],
            ..Default::default()
        };
        assert_eq!(file.engine_volume_names(), ["shop_data"]);
        assert_eq!(file.profiles(), ["a", "debug"]);
        assert!(file.builds());
    }
}
