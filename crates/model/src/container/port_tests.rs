use super::*;

fn port(ip: Option<&str>, host: Option<u16>, container: u16, protocol: &str) -> PortMapping {
    PortMapping {
        host_ip: ip.map(Into::into),
        host_port: host,
        container_port: container,
        protocol: protocol.into(),
    }
}

#[test]
fn links_open_published_tcp_ports() {
    let ports = [
        port(Some("0.0.0.0"), Some(8080), 80, "tcp"),
        port(Some("127.0.0.1"), Some(9000), 90, "tcp"),
        port(Some("0.0.0.0"), Some(5353), 53, "udp"),
        port(None, None, 443, "tcp"),
    ];
    assert_eq!(
        port_links(&ports),
        ["http://localhost:8080", "http://127.0.0.1:9000"]
    );
}

#[test]
fn a_stopped_container_clashes_with_the_running_holder_of_its_port() {
    let container = |name: &str, state, ports| ContainerSummary {
        id: name.into(),
        name: name.into(),
        image: String::new(),
        image_id: String::new(),
        command: String::new(),
        state,
        status: String::new(),
        ports,
        created: 0,
        compose_project: None,
        compose_service: None,
    };
    let running = [
        container(
            "web",
            ContainerState::Running,
            vec![port(Some("0.0.0.0"), Some(8080), 80, "tcp")],
        ),
        container(
            "lo",
            ContainerState::Running,
            vec![port(Some("127.0.0.1"), Some(9000), 80, "tcp")],
        ),
    ];
    let stopped = vec![
        (
            "old-web".to_string(),
            vec![
                port(None, Some(8080), 80, "tcp"),
                port(None, Some(8080), 80, "udp"),
            ],
        ),
        (
            "other-ip".to_string(),
            vec![port(Some("127.0.0.2"), Some(9000), 80, "tcp")],
        ),
        ("random".to_string(), vec![port(None, None, 80, "tcp")]),
    ];
    assert_eq!(
        port_clashes(&running, &stopped),
        vec![(
            "old-web".to_string(),
            8080,
            "tcp".to_string(),
            vec!["web".to_string()]
        )]
    );
}
