//! What can be done to one image, and which follow-ups a refusal offers.

use serde::{Deserialize, Serialize};

/// What can be done to one image.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ImageAction {
    /// `docker rmi`: by tag, untags (and deletes the image when it was the last tag); by id, deletes. `force`
    /// also untags an image with several tags and deletes one that stopped containers still use.
    Remove { force: bool },
    /// Removes exactly these containers (running ones too) — the ones the refusal named — then the image: the notes'
    /// rule that all containers using an image must go first. A container made since is not in the list, so it
    /// stays, and the image's removal is refused again rather than taking it along.
    RemoveWithContainers { containers: Vec<String> },
}

impl ImageAction {
    /// The docker command doing this to `image`.
    pub fn cli(&self, image: &str) -> String {
        match self {
            Self::Remove { force: false } => format!("docker rmi {image}"),
            Self::Remove { force: true } => format!("docker rmi -f {image}"),
            Self::RemoveWithContainers { containers } => {
                format!(
                    "docker rm -f {} && docker rmi {image}",
                    crate::container::run::join(containers)
                )
            }
        }
    }

    pub fn label(&self) -> &'static str {
        match self {
            Self::Remove { force: false } => "Remove",
            Self::Remove { force: true } => "Force remove",
            Self::RemoveWithContainers { .. } => "Remove its containers, then the image",
        }
    }

    /// The actions to offer when this one failed with `kind`; `related` names the containers the refusal was
    /// about (the engine's users of the image), which the first offer removes — those and no others.
    pub fn follow_ups(&self, kind: crate::ErrorKind, related: &[String]) -> Vec<ImageAction> {
        match (self, kind.recovery()) {
            (Self::Remove { force: false }, crate::error::Recovery::OfferForce)
                if related.is_empty() =>
            {
                vec![Self::Remove { force: true }]
            }
            (Self::Remove { force: false }, crate::error::Recovery::OfferForce) => vec![
                Self::RemoveWithContainers {
                    containers: related.to_vec(),
                },
                Self::Remove { force: true },
            ],
            _ => Vec::new(),
        }
    }
}
