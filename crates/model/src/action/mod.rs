//! Every action Porthole performs, mapped in this one place to the docker CLI command and the Engine API request it
//! amounts to. The engine layer names the action it performs; the UI shows the same mapping to learners, so the two
//! cannot drift apart.

use serde::{Deserialize, Serialize};

mod container_action;
mod image_action;
#[cfg(test)]
mod tests;

pub use container_action::ContainerAction;
pub use image_action::ImageAction;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "args", rename_all = "snake_case")]
pub enum Action {
    Ping,
    EngineVersion,
    EngineInfo,
    Events,
    ListContainers {
        all: bool,
    },
    ListImages,
    /// `docker run -d`: create the container from the request, then start it.
    Run {
        request: crate::RunRequest,
    },
    InspectContainer {
        container: String,
    },
    /// `docker logs -f --tail N`: the last `tail` lines, then every new one.
    Logs {
        container: String,
        tail: u32,
    },
    /// `docker stats`: one sample a second while the view is open.
    Stats {
        container: String,
    },
    /// `docker top`.
    Top {
        container: String,
    },
    /// `docker stats --no-stream`: one sample (the list's CPU and memory columns).
    StatsOnce {
        container: String,
    },
    /// `docker logs --until TIME --tail N`: older lines, fetched when the log view scrolls back.
    LogsBefore {
        container: String,
        until: String,
        count: u32,
    },
    /// `docker logs --timestamps`: the whole log at once (Download).
    LogsAll {
        container: String,
    },
    /// `docker exec -it CONTAINER COMMAND`: a process with a terminal inside a running container.
    Exec {
        container: String,
        command: Vec<String>,
    },
    /// A lifecycle action on one container, named as the user knows it (name, or id when it has none).
    Container {
        container: String,
        action: ContainerAction,
    },
    /// An action on one image, named by reference (`nginx:latest`) or id.
    Image {
        image: String,
        action: ImageAction,
    },
    /// `docker pull`, with the stored login for the reference's registry when there is one.
    Pull {
        reference: String,
        /// `os/arch[/variant]`, when not the engine's own.
        #[serde(default)]
        platform: Option<String>,
    },
    /// `docker push`: the image must already carry a name in the target registry (see `Tag`).
    Push {
        reference: String,
    },
    /// `docker tag`: gives `image` another name, e.g. one in another registry.
    Tag {
        image: String,
        target: String,
    },
    InspectImage {
        image: String,
    },
    ImageHistory {
        image: String,
    },
    /// `docker build`: an image from a folder with a Dockerfile.
    Build {
        request: crate::BuildRequest,
    },
    /// `docker image prune`: dangling images only, or with `all` every image no container uses.
    PruneImages {
        all: bool,
    },
    /// `docker login`: the engine checks the credentials with the registry, then they are stored where the docker
    /// CLI keeps them. The password is not part of the action, so it never reaches a record of it.
    Login {
        registry: String,
        username: String,
    },
    ListVolumes,
    /// `docker volume create`.
    CreateVolume {
        request: crate::volume::VolumeCreate,
    },
    /// `docker volume inspect`.
    InspectVolume {
        name: String,
    },
    /// `docker search`: Docker Hub's repositories, searched by the engine.
    SearchHub {
        term: String,
    },
    /// `docker volume rm`: refused while a container uses it.
    RemoveVolume {
        name: String,
    },
    /// `docker volume prune`: every volume no container uses (API 1.41).
    PruneVolumes,
    /// `docker volume rm A B …`: exactly the volumes the user saw listed ("Remove unused"), not whatever is unused
    /// by the time the request arrives.
    RemoveVolumes {
        names: Vec<String>,
    },
    /// `docker logout`: erases the stored login; no engine request.
    Logout {
        registry: String,
    },
}

impl Action {
    /// The docker CLI command a user would type for the same effect.
    pub fn cli(&self) -> String {
        match self {
            Self::Ping => "docker version".into(),
            Self::EngineVersion => "docker version".into(),
            Self::EngineInfo => "docker info".into(),
            Self::Events => "docker events".into(),
            Self::ListContainers { all: false } => "docker ps".into(),
            Self::ListContainers { all: true } => "docker ps -a".into(),
            Self::ListImages => "docker image ls".into(),
            Self::Container { container, action } => match action {
                ContainerAction::Start => format!("docker start {container}"),
                ContainerAction::Stop { timeout_secs: None } => format!("docker stop {container}"),
                ContainerAction::Stop {
                    timeout_secs: Some(t),
                } => format!("docker stop -t {t} {container}"),
                ContainerAction::Kill { signal } if signal == "SIGKILL" || signal == "KILL" => {
                    format!("docker kill {container}")
                }
                ContainerAction::Kill { signal } => format!("docker kill -s {signal} {container}"),
                ContainerAction::Restart => format!("docker restart {container}"),
                ContainerAction::Pause => format!("docker pause {container}"),
                ContainerAction::Unpause => format!("docker unpause {container}"),
                ContainerAction::Rename { name } => format!("docker rename {container} {name}"),
                ContainerAction::Remove { force, volumes } => {
                    let flags = match (force, volumes) {
                        (true, true) => " -f -v",
                        (true, false) => " -f",
                        (false, true) => " -v",
                        (false, false) => "",
                    };
                    format!("docker rm{flags} {container}")
                }
            },
            Self::Run { request } => request.cli(),
            Self::InspectContainer { container } => format!("docker inspect {container}"),
            Self::Logs { container, tail } => format!("docker logs -f --tail {tail} {container}"),
            Self::Stats { container } => format!("docker stats {container}"),
            Self::Top { container } => format!("docker top {container}"),
            // The list samples by id: the short form reads better and the CLI takes it as well.
            Self::StatsOnce { container } => {
                format!("docker stats --no-stream {}", shortened(container))
            }
            Self::LogsBefore {
                container,
                until,
                count,
            } => format!("docker logs --timestamps --until {until} --tail {count} {container}"),
            Self::LogsAll { container } => format!("docker logs --timestamps {container}"),
            Self::InspectVolume { name } => format!("docker volume inspect {name}"),
            Self::SearchHub { term } => {
                format!(
                    "docker search {}",
                    crate::run::join(std::slice::from_ref(term))
                )
            }
            Self::Exec { container, command } => {
                format!("docker exec -it {container} {}", crate::run::join(command))
            }
            Self::Image { image, action } => match action {
                ImageAction::Remove { force: false } => format!("docker rmi {image}"),
                ImageAction::Remove { force: true } => format!("docker rmi -f {image}"),
                ImageAction::RemoveWithContainers { containers } => {
                    format!(
                        "docker rm -f {} && docker rmi {image}",
                        crate::run::join(containers)
                    )
                }
            },
            Self::Pull {
                reference,
                platform: Some(platform),
            } => format!("docker pull --platform {platform} {reference}"),
            Self::Pull { reference, .. } => format!("docker pull {reference}"),
            Self::Push { reference } => format!("docker push {reference}"),
            Self::Tag { image, target } => format!("docker tag {image} {target}"),
            Self::InspectImage { image } => format!("docker image inspect {image}"),
            Self::ImageHistory { image } => format!("docker history {image}"),
            Self::Build { request } => build_cli(request, false),
            Self::PruneImages { all: false } => "docker image prune -f".into(),
            Self::PruneImages { all: true } => "docker image prune -a -f".into(),
            Self::Login { registry, username } => {
                let user = if username.is_empty() {
                    String::new()
                } else {
                    format!(" -u {username}")
                };
                match crate::registry::address(registry) {
                    hub if hub == crate::registry::HUB => format!("docker login{user}"),
                    other => format!("docker login{user} {other}"),
                }
            }
            Self::ListVolumes => "docker volume ls".into(),
            Self::CreateVolume { request } => request.cli(),
            Self::RemoveVolume { name } => format!("docker volume rm {name}"),
            Self::PruneVolumes => "docker volume prune -f".into(),
            Self::RemoveVolumes { names } => {
                let mut words = vec!["docker".to_owned(), "volume".into(), "rm".into()];
                words.extend(names.iter().cloned());
                crate::run::join(&words)
            }
            Self::Logout { registry } => match crate::registry::address(registry) {
                hub if hub == crate::registry::HUB => "docker logout".into(),
                other => format!("docker logout {other}"),
            },
        }
    }

    /// The follow-up actions to offer after this one failed with `kind` (force after a refused remove, kill after
    /// a stop that timed out, …): the one place recoveries are decided.
    pub fn follow_ups(&self, error: &crate::PortholeError) -> Vec<Action> {
        let kind = error.kind;
        match self {
            Self::Container { container, action } => action
                .follow_up(kind)
                .map(|action| Self::Container {
                    container: container.clone(),
                    action,
                })
                .into_iter()
                .collect(),
            Self::Image { image, action } => action
                .follow_ups(kind, &error.related)
                .into_iter()
                .map(|action| Self::Image {
                    image: image.clone(),
                    action,
                })
                .collect(),
            _ => Vec::new(),
        }
    }

    /// The object the action is about (a container's or image's name), for busy indicators.
    pub fn target(&self) -> Option<&str> {
        match self {
            Self::Container { container, .. }
            | Self::InspectContainer { container }
            | Self::Logs { container, .. }
            | Self::Stats { container }
            | Self::Top { container }
            | Self::StatsOnce { container }
            | Self::LogsBefore { container, .. }
            | Self::LogsAll { container }
            | Self::Exec { container, .. } => Some(container),
            Self::Image { image, .. }
            | Self::Tag { image, .. }
            | Self::InspectImage { image }
            | Self::ImageHistory { image } => Some(image),
            Self::Pull { reference, .. } | Self::Push { reference } => Some(reference),
            Self::Login { registry, .. } | Self::Logout { registry } => Some(registry),
            Self::CreateVolume { request } => Some(&request.name),
            Self::RemoveVolume { name } | Self::InspectVolume { name } => Some(name),
            _ => None,
        }
    }

    /// Whether the UI asks before doing it (when the user wants confirmations).
    pub fn is_destructive(&self) -> bool {
        match self {
            Self::Container { action, .. } => action.is_destructive(),
            Self::Image { .. }
            | Self::PruneImages { .. }
            | Self::RemoveVolume { .. }
            | Self::RemoveVolumes { .. }
            | Self::PruneVolumes => true,
            _ => false,
        }
    }

    /// What the user loses or changes, for the confirmation dialog.
    pub fn consequence(&self) -> &'static str {
        match self {
            Self::Container { action, .. } => action.consequence(),
            Self::Image { action: ImageAction::RemoveWithContainers { .. }, .. } => {
                "The containers listed are removed first — running ones are killed, and their own files go with them                  — then the image."
            }
            Self::RemoveVolumes { .. } => {
                "The volumes listed are deleted with everything stored in them. A volume a container started using                  since is refused by the engine and stays."
            }
            Self::RemoveVolume { .. } => {
                "The volume and everything stored in it are deleted for good. The engine refuses while a container \
                 uses it."
            }
            Self::PruneVolumes => {
                "Every volume no container uses is deleted with its data — named ones too on this engine."
            }
            Self::PruneImages { all: false } => {
                "The dangling images listed (no name, no container) are deleted. They cannot be pulled back by name."
            }
            Self::PruneImages { all: true } => {
                "Every image listed is deleted — tagged ones too — because no container uses it. Images from a \
                 registry can be pulled again; images you built or imported here are gone."
            }
            Self::Image { .. } => {
                "Removing by name only takes that tag away while the image has other tags; removing its last tag (or \
                 its id) deletes the image. Layers shared with other images stay. Containers must not use it."
            }
            _ => "",
        }
    }

    /// The command as the activity console records it: like `cli()`, but environment values and build-arg values
    /// are left out (`-e GREETING`, `--build-arg TOKEN`: the CLI takes them from the shell's environment), since
    /// they often hold tokens. Names stay, so the command still says what was done.
    pub fn recorded_cli(&self) -> String {
        match self {
            Self::Run { request } => request.cli_masked(),
            Self::Build { request } => build_cli(request, true),
            other => other.cli(),
        }
    }

    /// Every object the action deletes, by name, for the confirmation to list (what goes, one by one).
    pub fn removes(&self) -> Vec<String> {
        match self {
            Self::Container {
                container,
                action: ContainerAction::Remove { .. },
            } => vec![container.clone()],
            Self::Image {
                image,
                action: ImageAction::RemoveWithContainers { containers },
            } => containers.iter().cloned().chain([image.clone()]).collect(),
            Self::Image { image, .. } => vec![image.clone()],
            Self::RemoveVolume { name } => vec![name.clone()],
            Self::RemoveVolumes { names } => names.clone(),
            _ => Vec::new(),
        }
    }

    /// Whether Porthole sends this on its own schedule rather than for something the user did: the containers
    /// list's periodic samples and the liveness ping. The activity console hides these unless asked.
    pub fn is_background(&self) -> bool {
        matches!(self, Self::StatsOnce { .. } | Self::Ping)
    }

    /// The button label for an action the UI offers.
    pub fn label(&self) -> String {
        match self {
            Self::Container { action, .. } => action.label().to_owned(),
            Self::Image { action, .. } => action.label().to_owned(),
            Self::RemoveVolume { .. } => "Remove".to_owned(),
            Self::PruneVolumes | Self::RemoveVolumes { .. } => "Remove unused volumes".to_owned(),
            other => other.cli(),
        }
    }
}

/// `docker build`, every word shell-quoted (a folder with a space stays one word); `mask` leaves build-arg values out.
fn build_cli(request: &crate::BuildRequest, mask: bool) -> String {
    let mut words: Vec<String> = vec!["docker".into(), "build".into()];
    if !request.tag.trim().is_empty() {
        words.extend(["-t".into(), request.tag.trim().to_owned()]);
    }
    if request.dockerfile.trim() != "Dockerfile" {
        words.extend(["-f".into(), request.dockerfile.trim().to_owned()]);
    }
    for (key, value) in &request.build_args {
        let arg = if mask {
            key.clone()
        } else {
            format!("{key}={value}")
        };
        words.extend(["--build-arg".into(), arg]);
    }
    if request.no_cache {
        words.push("--no-cache".into());
    }
    let folder = request.folder.trim();
    words.push(if folder.is_empty() {
        "FOLDER".into()
    } else {
        folder.to_owned()
    });
    crate::run::join(&words)
}

/// A full 64-hex container id as its 12-character short form (what `docker ps` shows); a name stays as it is.
fn shortened(container: &str) -> &str {
    if container.len() == 64 && container.bytes().all(|b| b.is_ascii_hexdigit()) {
        crate::container::short_id(container)
    } else {
        container
    }
}
