//! `From` conversions from the engine's wire types (bollard's models) into Porthole's model. Compiled only with the
//! `bollard` feature, which the backend enables, so a renamed engine field is a compile error here.
//!
//! Invariant: nothing is unwrapped. A missing field becomes an empty/zero value; an unknown state becomes `Unknown`.

use crate::container::{ContainerState, ContainerSummary, PortMapping};
use crate::image::ImageSummary;
use bollard::models as engine;

mod container_details;
mod disk;
mod files;
mod network;
mod stats;

impl From<engine::Port> for PortMapping {
    fn from(port: engine::Port) -> Self {
        PortMapping {
            host_ip: port.ip.filter(|ip| !ip.is_empty()),
            host_port: port.public_port,
            container_port: port.private_port,
            protocol: port
                .typ
                .map(|t| t.to_string())
                .filter(|t| !t.is_empty())
                .unwrap_or_else(|| "tcp".into()),
        }
    }
}

impl From<engine::ContainerSummary> for ContainerSummary {
    fn from(container: engine::ContainerSummary) -> Self {
        let mut ports: Vec<PortMapping> = container
            .ports
            .unwrap_or_default()
            .into_iter()
            .map(PortMapping::from)
            .collect();
        PortMapping::dedup_families(&mut ports);
        // The engine lists every name, each with a leading slash; links add `/other/alias` names. The primary name
        // is the one without a further slash.
        let names = container.names.unwrap_or_default();
        let name = names
            .iter()
            .map(|n| n.trim_start_matches('/'))
            .find(|n| !n.contains('/'))
            .or_else(|| names.first().map(|n| n.trim_start_matches('/')))
            .unwrap_or_default()
            .to_owned();
        let labels = container.labels.unwrap_or_default();
        ContainerSummary {
            id: container.id.unwrap_or_default(),
            name,
            image: container.image.unwrap_or_default(),
            image_id: container.image_id.unwrap_or_default(),
            command: container.command.unwrap_or_default(),
            state: container.state.map_or(ContainerState::Unknown, |s| {
                ContainerState::parse(s.as_ref())
            }),
            status: container.status.unwrap_or_default(),
            ports,
            created: container.created.unwrap_or_default(),
            compose_project: labels.get("com.docker.compose.project").cloned(),
            compose_service: labels.get("com.docker.compose.service").cloned(),
        }
    }
}

impl From<engine::ImageSummary> for ImageSummary {
    fn from(image: engine::ImageSummary) -> Self {
        ImageSummary {
            id: image.id,
            tags: image
                .repo_tags
                .into_iter()
                .filter(|t| t != "<none>:<none>")
                .collect(),
            digests: image
                .repo_digests
                .into_iter()
                .filter(|d| d != "<none>@<none>")
                .collect(),
            size: image.size,
            created: image.created,
            // Filled in from the container list by the engine layer; the engine's own field is -1 here.
            containers: 0,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_container_from_the_wire_keeps_its_primary_name_and_one_port_per_binding() {
        let json = r#"{
            "Id": "0123456789abcdef", "Names": ["/web/db", "/web"], "Image": "nginx", "ImageID": "sha256:1",
            "Command": "nginx -g 'daemon off;'", "Created": 1700000000, "State": "running", "Status": "Up 2 minutes",
            "Ports": [{"IP":"0.0.0.0","PrivatePort":80,"PublicPort":8080,"Type":"tcp"},
                      {"IP":"::","PrivatePort":80,"PublicPort":8080,"Type":"tcp"}],
            "Labels": {"com.docker.compose.project": "shop"}
        }"#;
        let wire: engine::ContainerSummary = serde_json::from_str(json).unwrap();
        let container = ContainerSummary::from(wire);
        assert_eq!(container.name, "web");
        assert_eq!(container.state, ContainerState::Running);
        assert_eq!(container.ports_label(), "0.0.0.0:8080->80/tcp");
        assert_eq!(container.compose_project.as_deref(), Some("shop"));
    }

    #[test]
    fn a_sparse_container_does_not_panic() {
        let wire: engine::ContainerSummary = serde_json::from_str("{}").unwrap();
        let container = ContainerSummary::from(wire);
        assert_eq!(container.state, ContainerState::Unknown);
        assert!(container.name.is_empty());
    }

    #[test]
    fn dangling_image_names_are_dropped() {
        let json = r#"{"Id":"sha256:ab","ParentId":"","RepoTags":["<none>:<none>"],"RepoDigests":null,
            "Created":1,"Size":2,"SharedSize":-1,"Labels":null,"Containers":-1}"#;
        let image = ImageSummary::from(serde_json::from_str::<engine::ImageSummary>(json).unwrap());
        assert!(image.tags.is_empty() && image.digests.is_empty());
        assert!(image.is_dangling());
    }
}
