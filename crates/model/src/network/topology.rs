//! The topology picture's layout: networks on the left, containers in the middle, the host ports they publish on
//! the right, and a line for each attachment (with the container's address) and each published port — so a learner
//! sees why `web` reaches `db` by name (same user-defined network) and what `-p 8080:80` opens.
//!
//! Invariants: the layout is a pure function of the lists (same input, same picture); no two boxes of a column
//! overlap; every endpoint of every network and every published port has exactly one line.

use super::NetworkSummary;
use crate::ContainerSummary;
use serde::{Deserialize, Serialize};

pub const NETWORK_X: u32 = 16;
pub const NETWORK_WIDTH: u32 = 190;
pub const CONTAINER_X: u32 = 330;
pub const CONTAINER_WIDTH: u32 = 230;
pub const PORT_X: u32 = 650;
pub const PORT_WIDTH: u32 = 210;
pub const BOX_HEIGHT: u32 = 40;
/// Port boxes are slimmer, so a container's several ports stack beside it.
pub const PORT_HEIGHT: u32 = 26;
const ROW: u32 = 52;
const PORT_ROW: u32 = 30;
const TOP: u32 = 16;

/// A box: its top-left corner, what it says, and what clicking it opens (a network's or container's name).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Node {
    pub name: String,
    pub detail: String,
    pub x: u32,
    pub y: u32,
    /// Containers: running; networks: user-defined (names resolve); ports: always true.
    pub active: bool,
}

/// A line between two boxes' edges, with a label at its middle.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Link {
    pub from: (u32, u32),
    pub to: (u32, u32),
    pub label: String,
    /// The network or port it belongs to, for the tests and for highlighting.
    pub of: String,
    pub container: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Topology {
    pub width: u32,
    pub height: u32,
    pub networks: Vec<Node>,
    pub containers: Vec<Node>,
    pub ports: Vec<Node>,
    pub links: Vec<Link>,
}

fn middle(y: u32) -> u32 {
    y + BOX_HEIGHT / 2
}

/// Lays out `networks` and the containers attached to them or publishing ports.
pub fn layout(networks: &[NetworkSummary], containers: &[ContainerSummary]) -> Topology {
    let mut networks: Vec<&NetworkSummary> = networks.iter().collect();
    networks.sort_by(|a, b| (!a.in_use(), &a.name).cmp(&(!b.in_use(), &b.name)));
    // Each container sits by the first network it is on (in the networks' order), so lines mostly run straight.
    let first_network = |container: &ContainerSummary| {
        networks
            .iter()
            .position(|n| n.attached(&container.name) || n.attached(&container.id))
    };
    let mut shown: Vec<(&ContainerSummary, usize)> = containers
        .iter()
        .filter_map(|c| {
            let published = c.ports.iter().any(|p| p.host_port.is_some());
            match first_network(c) {
                Some(index) => Some((c, index)),
                None if published => Some((c, usize::MAX)),
                None => None,
            }
        })
        .collect();
    shown.sort_by(|a, b| (a.1, &a.0.name).cmp(&(b.1, &b.0.name)));

    let mut topology = Topology::default();
    let mut y = TOP;
    for (container, _) in &shown {
        let published: Vec<_> = container
            .ports
            .iter()
            .filter(|p| p.host_port.is_some())
            .collect();
        let node_y = y;
        topology.containers.push(Node {
            name: container.name.clone(),
            detail: container.image.clone(),
            x: CONTAINER_X,
            y: node_y,
            active: container.state.is_running(),
        });
        for (index, port) in published.iter().enumerate() {
            let port_y = node_y + index as u32 * PORT_ROW;
            let host = port.host_port.unwrap_or_default();
            topology.ports.push(Node {
                name: format!("{}:{host}", port.host_ip.as_deref().unwrap_or("0.0.0.0")),
                detail: format!("→ {}/{}", port.container_port, port.protocol),
                x: PORT_X,
                y: port_y,
                active: true,
            });
            topology.links.push(Link {
                from: (CONTAINER_X + CONTAINER_WIDTH, middle(node_y)),
                to: (PORT_X, port_y + PORT_HEIGHT / 2),
                label: format!("-p {host}:{}", port.container_port),
                of: host.to_string(),
                container: container.name.clone(),
            });
        }
        y += ROW.max(published.len() as u32 * PORT_ROW + (ROW - PORT_ROW));
    }

    // A network sits level with the middle of its containers, pushed down when the one above is in the way.
    let mut next_free = TOP;
    for network in &networks {
        let rows: Vec<u32> = topology
            .containers
            .iter()
            .filter(|node| network.attached(&node.name))
            .map(|node| node.y)
            .collect();
        let wanted = if rows.is_empty() {
            next_free
        } else {
            (rows.iter().sum::<u32>()) / rows.len() as u32
        };
        let node_y = wanted.max(next_free);
        next_free = node_y + ROW;
        let detail = match (network.driver.as_str(), network.subnet()) {
            (driver, "") => driver.to_owned(),
            (driver, subnet) => format!("{driver} · {subnet}"),
        };
        topology.networks.push(Node {
            name: network.name.clone(),
            detail,
            x: NETWORK_X,
            y: node_y,
            active: network.resolves_names(),
        });
        for endpoint in &network.containers {
            let Some(container) = topology
                .containers
                .iter()
                .find(|c| c.name == endpoint.container)
            else {
                continue;
            };
            topology.links.push(Link {
                from: (NETWORK_X + NETWORK_WIDTH, middle(node_y)),
                to: (CONTAINER_X, middle(container.y)),
                label: if endpoint.ipv4.is_empty() {
                    "(stopped: no address)".into()
                } else {
                    endpoint.ipv4.clone()
                },
                of: network.name.clone(),
                container: container.name.clone(),
            });
        }
    }
    topology.width = PORT_X + PORT_WIDTH + NETWORK_X;
    topology.height = y.max(next_free) + TOP;
    topology
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::network::Endpoint;
    use crate::{ContainerState, PortMapping};

    fn container(name: &str, ports: &[(u16, u16)]) -> ContainerSummary {
        ContainerSummary {
            id: format!("{name}-id"),
            name: name.into(),
            image: "porthole-test/web:1".into(),
            state: ContainerState::Running,
            ports: ports
                .iter()
                .map(|(host, inner)| PortMapping {
                    host_ip: None,
                    host_port: Some(*host),
                    container_port: *inner,
                    protocol: "tcp".into(),
                })
                .collect(),
            ..Default::default()
        }
    }

    fn network(name: &str, members: &[(&str, &str)]) -> NetworkSummary {
        NetworkSummary {
            name: name.into(),
            driver: "bridge".into(),
            containers: members
                .iter()
                .map(|(c, ip)| Endpoint {
                    container: (*c).into(),
                    ipv4: (*ip).into(),
                    ..Default::default()
                })
                .collect(),
            ..Default::default()
        }
    }

    #[test]
    fn every_attachment_and_port_has_one_line() {
        let networks = [
            network("shop", &[("web", "172.28.0.2"), ("db", "172.28.0.3")]),
            network("bridge", &[("web", "172.17.0.2")]),
            network("empty", &[]),
        ];
        let containers = [
            container("web", &[(8080, 80), (8443, 443)]),
            container("db", &[]),
            container("alone", &[]),
        ];
        let topology = layout(&networks, &containers);
        assert_eq!(topology.networks.len(), 3);
        let names: Vec<&str> = topology
            .containers
            .iter()
            .map(|c| c.name.as_str())
            .collect();
        assert_eq!(
            names,
            ["web", "db"],
            "a container on no network and publishing nothing is left out"
        );
        assert_eq!(topology.ports.len(), 2);
        assert_eq!(topology.links.iter().filter(|l| l.of == "shop").count(), 2);
        assert_eq!(
            topology.links.iter().filter(|l| l.of == "bridge").count(),
            1
        );
        assert_eq!(
            topology
                .links
                .iter()
                .filter(|l| l.label.starts_with("-p "))
                .count(),
            2
        );
        assert!(topology
            .links
            .iter()
            .any(|l| l.label == "172.28.0.3" && l.container == "db"));
        assert_eq!(
            layout(&networks, &containers),
            topology,
            "the same lists give the same picture"
        );
    }

    #[test]
    fn boxes_of_a_column_never_overlap_even_at_fifty_containers() {
        let containers: Vec<ContainerSummary> = (0..50)
            .map(|i| {
                container(
                    &format!("c{i:02}"),
                    if i % 7 == 0 {
                        &[(9000, 80), (9001, 81)]
                    } else {
                        &[]
                    },
                )
            })
            .collect();
        let networks: Vec<NetworkSummary> = (0..10)
            .map(|n| {
                let members: Vec<(String, String)> = (0..50)
                    .filter(|i| i % 10 == n || i % 3 == 0)
                    .map(|i| (format!("c{i:02}"), String::new()))
                    .collect();
                let borrowed: Vec<(&str, &str)> = members
                    .iter()
                    .map(|(a, b)| (a.as_str(), b.as_str()))
                    .collect();
                network(&format!("net{n}"), &borrowed)
            })
            .collect();
        let topology = layout(&networks, &containers);
        for (column, height) in [
            (&topology.networks, BOX_HEIGHT),
            (&topology.containers, BOX_HEIGHT),
            (&topology.ports, PORT_HEIGHT),
        ] {
            let mut ys: Vec<u32> = column.iter().map(|n| n.y).collect();
            ys.sort();
            assert!(ys.windows(2).all(|w| w[1] >= w[0] + height), "{ys:?}");
        }
        assert!(topology
            .links
            .iter()
            .all(|l| l.to.1 <= topology.height && l.from.1 <= topology.height));
    }
}
