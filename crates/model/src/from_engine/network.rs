//! A network from `GET /networks` (whose `Containers` is empty in a list: the engine crate fills the endpoints in
//! from one container list).

use crate::network::{NetworkSummary, Subnet};
use bollard::models as engine;

impl From<engine::Network> for NetworkSummary {
    fn from(network: engine::Network) -> Self {
        let subnets = network
            .ipam
            .and_then(|ipam| ipam.config)
            .unwrap_or_default()
            .into_iter()
            .map(|config| Subnet {
                subnet: config.subnet.unwrap_or_default(),
                gateway: config.gateway.unwrap_or_default(),
                ip_range: config.ip_range.unwrap_or_default(),
            })
            .collect();
        let mut labels: Vec<(String, String)> =
            network.labels.unwrap_or_default().into_iter().collect();
        labels.sort();
        NetworkSummary {
            id: network.id.unwrap_or_default(),
            name: network.name.unwrap_or_default(),
            driver: network.driver.unwrap_or_default(),
            scope: network.scope.unwrap_or_default(),
            subnets,
            internal: network.internal.unwrap_or_default(),
            attachable: network.attachable.unwrap_or_default(),
            ipv6: network.enable_ipv6.unwrap_or_default(),
            created: network.created.map(|c| c.to_string()).unwrap_or_default(),
            labels,
            containers: Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converts_what_the_engine_sends() {
        let json = serde_json::json!({
            "Name": "shop", "Id": "abc", "Scope": "local", "Driver": "bridge", "Internal": true,
            "IPAM": {"Driver": "default", "Config": [{"Subnet": "172.28.0.0/16", "Gateway": "172.28.0.1"}]},
            "Labels": {"b": "2", "a": "1"}, "Containers": {}
        });
        let network: engine::Network = serde_json::from_value(json).unwrap();
        let summary = NetworkSummary::from(network);
        assert_eq!(summary.subnet(), "172.28.0.0/16");
        assert_eq!(summary.gateway(), "172.28.0.1");
        assert!(summary.internal);
        assert_eq!(summary.labels[0].0, "a");
        let empty = NetworkSummary::from(engine::Network::default());
        assert_eq!(empty.subnet(), "");
    }
}
