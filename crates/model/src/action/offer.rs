//! What a failure banner's follow-ups (force remove, remove its containers, disconnect and remove) were offered
//! about, and whether that has since changed. Invariant: an offer is only ever carried out on the objects as the
//! user saw them when it was made; once they differ, the banner goes rather than act on something unseen.

use super::Action;
use crate::container::ContainerSummary;
use crate::image::ImageSummary;
use crate::network::NetworkSummary;
use std::collections::{BTreeMap, BTreeSet};

/// The objects the offers name, as the lists showed them: the containers (by name, or made from a named image),
/// whether each named image is listed, and who is attached to each named network. A container's state is left out:
/// it changes on its own (created → running) and the confirmation that every follow-up asks names what goes anyway.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OfferBasis {
    named: Vec<String>,
    containers: BTreeSet<String>,
    images: Vec<bool>,
    networks: BTreeMap<String, Vec<String>>,
}

impl OfferBasis {
    pub fn new(
        offers: &[Action],
        containers: &[ContainerSummary],
        images: &[ImageSummary],
        networks: &[NetworkSummary],
    ) -> Self {
        let named: Vec<String> = offers.iter().flat_map(Action::removes).collect();
        let containers = containers
            .iter()
            .filter(|c| named.contains(&c.name) || named.contains(&c.image))
            .map(|c| c.name.clone())
            .collect();
        let images = named
            .iter()
            .map(|n| images.iter().any(|i| i.answers_to(n)))
            .collect();
        let networks = networks
            .iter()
            .filter(|n| named.contains(&n.name))
            .map(|n| {
                let attached = n.containers.iter().map(|e| e.container.clone()).collect();
                (n.name.clone(), attached)
            })
            .collect();
        Self {
            named,
            containers,
            images,
            networks,
        }
    }

    /// Whether the offers could now act on something the user did not see: a container went, one made from the
    /// image appeared, an image went or came, a network's attachments changed. A container the offers name turning
    /// up in the list is no change: the engine's refusal names it before its own event arrives.
    pub fn changed_to(&self, now: &OfferBasis) -> bool {
        let container_changed = self
            .containers
            .iter()
            .any(|name| !now.containers.contains(name));
        let container_appeared = now
            .containers
            .iter()
            .any(|name| !self.containers.contains(name) && !self.named.contains(name));
        container_changed
            || container_appeared
            || self.images != now.images
            || self.networks != now.networks
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::container::ContainerState;
    use crate::ImageAction;

    fn offer() -> Vec<Action> {
        vec![Action::Image {
            image: "app:1".into(),
            action: ImageAction::RemoveWithContainers {
                containers: vec!["user".into()],
            },
        }]
    }

    fn container(name: &str, state: ContainerState) -> ContainerSummary {
        ContainerSummary {
            name: name.into(),
            image: "app:1".into(),
            state,
            ..Default::default()
        }
    }

    fn image() -> ImageSummary {
        ImageSummary {
            id: "sha256:0123456789ab".into(),
            tags: vec!["app:1".into()],
            digests: vec![],
            size: 0,
            created: 0,
            containers: 1,
        }
    }

    fn basis(containers: &[ContainerSummary], images: &[ImageSummary]) -> OfferBasis {
        OfferBasis::new(&offer(), containers, images, &[])
    }

    #[test]
    fn the_named_container_arriving_after_the_refusal_is_no_change() {
        let before = basis(&[], &[image()]);
        let after = basis(&[container("user", ContainerState::Running)], &[image()]);
        assert!(!before.changed_to(&after));
    }

    #[test]
    fn another_container_from_the_image_is_a_change() {
        let before = basis(&[container("user", ContainerState::Running)], &[image()]);
        let after = basis(
            &[
                container("user", ContainerState::Running),
                container("other", ContainerState::Created),
            ],
            &[image()],
        );
        assert!(before.changed_to(&after));
    }

    #[test]
    fn a_named_container_going_is_a_change_its_state_changing_is_not() {
        let created = basis(&[container("user", ContainerState::Created)], &[image()]);
        let running = basis(&[container("user", ContainerState::Running)], &[image()]);
        let gone = basis(&[], &[image()]);
        assert!(
            !created.changed_to(&running),
            "docker run: the refusal can come between create and start"
        );
        assert!(running.changed_to(&gone));
    }

    #[test]
    fn the_image_going_is_a_change_and_nothing_new_is_none() {
        let before = basis(&[container("user", ContainerState::Running)], &[image()]);
        let same = basis(&[container("user", ContainerState::Running)], &[image()]);
        let image_gone = basis(&[container("user", ContainerState::Running)], &[]);
        assert!(!before.changed_to(&same));
        assert!(before.changed_to(&image_gone));
    }
}
