//! Every action Porthole performs, mapped in this one place to the docker CLI command and the Engine API request it
//! amounts to. The engine layer names the action it performs; the UI shows the same mapping to learners, so the two
//! cannot drift apart.

use serde::{Deserialize, Serialize};

mod confirm;
mod container_action;
mod file_action;
mod image_action;
pub mod meta;
mod network_action;
mod offer;
#[cfg(test)]
mod tests;

pub use container_action::ContainerAction;
pub use file_action::FileAction;
pub use image_action::ImageAction;
pub use network_action::NetworkAction;
pub use offer::OfferBasis;

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
    /// `docker ps -a` of the containers an event burst named.
    ListNamedContainers {
        ids: Vec<String>,
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
    /// What the Files tab does to one container's filesystem.
    Files {
        container: String,
        action: FileAction,
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
    /// `docker manifest inspect`: whether the engine can reach an image's registry and find it there — what a
    /// pull would ask first (through the engine's registry mirrors, as a pull does), without pulling.
    ManifestInspect {
        reference: String,
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
    ListNetworks,
    /// `docker network create`.
    CreateNetwork {
        request: crate::network::NetworkCreate,
    },
    /// `docker network inspect`.
    InspectNetwork {
        network: String,
    },
    /// An action on one network, named by its name.
    Network {
        network: String,
        action: NetworkAction,
    },
    /// `docker network rm A B …`: exactly the networks "Remove unused" listed.
    RemoveNetworks {
        names: Vec<String>,
    },
    /// Recreates a container from its image reference with the same settings (see `container::recreate`).
    Recreate {
        plan: crate::container::recreate::RecreatePlan,
    },
    /// `docker save -o FILE IMAGE…`.
    SaveImages {
        request: crate::image::archive::SaveImages,
    },
    /// `docker load -i FILE`.
    LoadImages {
        request: crate::image::archive::LoadImages,
    },
    /// `docker system df -v`: every object's disk use.
    DiskUsage,
    /// Removes exactly what the disk page's preview listed.
    Reclaim {
        reclaim: crate::system::disk::Reclaim,
    },
    /// A Swarm action (`docker swarm|node|service …`).
    Swarm {
        action: crate::swarm::SwarmAction,
    },
    /// `docker stack deploy|rm`, run by the docker CLI.
    Stack {
        command: crate::swarm::StackCommand,
    },
    /// `docker compose -p PROJECT logs -f --tail N`, read from the engine as Compose v2 reads it: every container
    /// of the project (by its label) followed at once.
    ProjectLogs {
        project: String,
        tail: u32,
    },
    /// One run of the Compose tool (`docker compose … up -d`): the tool sends the engine requests itself.
    Compose {
        command: crate::compose::ComposeCommand,
        tool: crate::compose::ComposeTool,
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
            Self::ListNamedContainers { ids } => container_action::ps_named(ids),
            Self::ListImages => "docker image ls".into(),
            Self::Container { container, action } => action.cli(container),
            Self::Files { container, action } => action.cli(container),
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
            Self::ProjectLogs { project, tail } => {
                format!("docker compose -p {project} logs -f --tail {tail}")
            }
            Self::InspectVolume { name } => format!("docker volume inspect {name}"),
            Self::SearchHub { term } => {
                format!(
                    "docker search {}",
                    crate::container::run::join(std::slice::from_ref(term))
                )
            }
            Self::ManifestInspect { reference } => format!("docker manifest inspect {reference}"),
            Self::Exec { container, command } => {
                format!(
                    "docker exec -it {container} {}",
                    crate::container::run::join(command)
                )
            }
            Self::Image { image, action } => action.cli(image),
            Self::Pull {
                reference,
                platform: Some(platform),
            } => format!("docker pull --platform {platform} {reference}"),
            Self::Pull { reference, .. } => format!("docker pull {reference}"),
            Self::Push { reference } => format!("docker push {reference}"),
            Self::Tag { image, target } => format!("docker tag {image} {target}"),
            Self::InspectImage { image } => format!("docker image inspect {image}"),
            Self::ImageHistory { image } => format!("docker history {image}"),
            Self::Build { request } => request.cli(false),
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
                crate::container::run::join(&words)
            }
            Self::Logout { registry } => match crate::registry::address(registry) {
                hub if hub == crate::registry::HUB => "docker logout".into(),
                other => format!("docker logout {other}"),
            },
            Self::ListNetworks => "docker network ls".into(),
            Self::CreateNetwork { request } => request.cli(),
            Self::InspectNetwork { network } => format!("docker network inspect {network}"),
            Self::Network { network, action } => action.cli(network),
            Self::Compose { command, tool } => command.cli(tool),
            Self::Swarm { action } => action.cli(false),
            Self::DiskUsage => "docker system df -v".into(),
            Self::SaveImages { request } => request.cli(),
            Self::Recreate { plan } => plan.cli(),
            Self::LoadImages { request } => request.cli(),
            Self::Reclaim { reclaim } => reclaim.cli(),
            Self::Stack { command } => command.cli(),
            Self::RemoveNetworks { names } => {
                let mut words = vec!["docker".to_owned(), "network".into(), "rm".into()];
                words.extend(names.iter().cloned());
                crate::container::run::join(&words)
            }
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
            Self::Network { network, action } => action
                .follow_up(kind, &error.related)
                .map(|action| Self::Network {
                    network: network.clone(),
                    action,
                })
                .into_iter()
                .collect(),
            _ => Vec::new(),
        }
    }

    /// The object the action is about (a container's or image's name), for busy indicators.
    pub fn target(&self) -> Option<&str> {
        match self {
            Self::Container { container, .. }
            | Self::Files { container, .. }
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
            Self::Pull { reference, .. }
            | Self::Push { reference }
            | Self::ManifestInspect { reference } => Some(reference),
            Self::Login { registry, .. } | Self::Logout { registry } => Some(registry),
            Self::CreateVolume { request } => Some(&request.name),
            Self::RemoveVolume { name } | Self::InspectVolume { name } => Some(name),
            Self::CreateNetwork { request } => Some(&request.name),
            Self::Network { network, .. } | Self::InspectNetwork { network } => Some(network),
            Self::Swarm { action } => action.target(),
            Self::Stack { command } => Some(command.name()),
            Self::ProjectLogs { project, .. } => Some(project),
            _ => None,
        }
    }
}

/// A full 64-hex container id as its 12-character short form (what `docker ps` shows); a name stays as it is.
fn shortened(container: &str) -> &str {
    if container.len() == 64 && container.bytes().all(|b| b.is_ascii_hexdigit()) {
        crate::container::short_id(container)
    } else {
        container
    }
}
