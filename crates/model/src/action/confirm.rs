//! What a confirmation says about an action: whether to ask at all, what the user loses, and every object that
//! goes, by name — one place, so the dialog and the tests read the same answer.

use super::{Action, ContainerAction, ImageAction, NetworkAction};

impl Action {
    /// Whether the UI asks before doing it (when the user wants confirmations).
    pub fn is_destructive(&self) -> bool {
        match self {
            Self::Container { action, .. } => action.is_destructive(),
            Self::Network { action, .. } => action.is_destructive(),
            Self::Swarm { action } => action.is_destructive(),
            Self::Stack { command } => matches!(command, crate::swarm::StackCommand::Remove { .. }),
            Self::Image { .. }
            | Self::RemoveNetworks { .. }
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
            Self::Network { action, .. } => action.consequence(),
            Self::Swarm { action } => action.consequence(),
            Self::Stack { .. } => {
                "Every service of the stack is removed with its tasks on every node, and the stack's networks go too. \
                 Its volumes stay."
            }
            Self::RemoveNetworks { .. } => {
                "The networks listed are removed. Containers are not touched; a network a container joined since is \
                 refused by the engine and stays."
            }
            Self::Image { action: ImageAction::RemoveWithContainers { .. }, .. } => {
                "The containers listed are removed first — running ones are killed, and their own files go with them \
                 — then the image."
            }
            Self::RemoveVolumes { .. } => {
                "The volumes listed are deleted with everything stored in them. A volume a container started using \
                 since is refused by the engine and stays."
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

    /// Every object the action deletes, by name, for the confirmation to list (what goes, one by one).
    pub fn removes(&self) -> Vec<String> {
        match self {
            Self::Container {
                container,
                action: ContainerAction::Remove { .. } | ContainerAction::StopAndRemove { .. },
            } => vec![container.clone()],
            Self::Image {
                image,
                action: ImageAction::RemoveWithContainers { containers },
            } => containers.iter().cloned().chain([image.clone()]).collect(),
            Self::Image { image, .. } => vec![image.clone()],
            Self::RemoveVolume { name } => vec![name.clone()],
            Self::Swarm {
                action: crate::swarm::SwarmAction::RemoveService { service },
            } => vec![service.clone()],
            Self::Stack {
                command: crate::swarm::StackCommand::Remove { name },
            } => vec![name.clone()],
            Self::RemoveVolumes { names } | Self::RemoveNetworks { names } => names.clone(),
            Self::Network {
                network,
                action: NetworkAction::Remove,
            } => vec![network.clone()],
            Self::Network {
                network,
                action: NetworkAction::DisconnectAllAndRemove { .. },
            } => vec![network.clone()],
            _ => Vec::new(),
        }
    }
}
