use super::*;
use proptest::prelude::*;

#[test]
fn ports_in_every_cli_form() {
    let p = |text: &str| PortSpec::parse(text);
    assert_eq!(p("80").unwrap().host_port, None);
    assert_eq!(p("8080:80").unwrap().host_port, Some(8080));
    let local = p("127.0.0.1:8080:80/udp").unwrap();
    assert_eq!(local.host_ip.as_deref(), Some("127.0.0.1"));
    assert_eq!(local.protocol, Protocol::Udp);
    assert_eq!(p("127.0.0.1::80").unwrap().host_port, None);
    assert_eq!(p("[::1]:8080:80").unwrap().host_ip.as_deref(), Some("::1"));
    assert_eq!(p("[::1]:8080:80").unwrap().to_string(), "[::1]:8080:80");
}

#[test]
fn bad_ports_say_why() {
    assert!(PortSpec::parse("70000:80")
        .unwrap_err()
        .message
        .contains("out of range"));
    assert!(PortSpec::parse("80:abc")
        .unwrap_err()
        .message
        .contains("not a container port"));
    assert!(PortSpec::parse("0:80").is_err());
    assert!(PortSpec::parse("8000-8010:80")
        .unwrap_err()
        .message
        .contains("ranges"));
    assert!(PortSpec::parse("80/icmp").is_err());
    assert!(PortSpec::parse("1.2.3:80:80")
        .unwrap_err()
        .message
        .contains("IP address"));
    assert!(PortSpec::parse("a:b:c:d").is_err());
    assert!(PortSpec::from_parts("", "", "", "tcp")
        .unwrap_err()
        .message
        .contains("missing"));
}

#[test]
fn clashing_host_ports() {
    let a = PortSpec::parse("8080:80").unwrap();
    assert!(a.clashes_with(&PortSpec::parse("127.0.0.1:8080:81").unwrap()));
    assert!(!a.clashes_with(&PortSpec::parse("8080:80/udp").unwrap()));
    assert!(!a.clashes_with(&PortSpec::parse("8081:80").unwrap()));
    assert!(!PortSpec::parse("80")
        .unwrap()
        .clashes_with(&PortSpec::parse("81").unwrap()));
    let lo = PortSpec::parse("127.0.0.1:8080:80").unwrap();
    assert!(!lo.clashes_with(&PortSpec::parse("127.0.0.2:8080:80").unwrap()));
}

#[test]
fn env_lines() {
    assert_eq!(parse_env("A=1").unwrap(), ("A".into(), "1".into()));
    assert_eq!(parse_env("URL=a=b").unwrap().1, "a=b");
    assert_eq!(parse_env("EMPTY=").unwrap().1, "");
    assert!(parse_env("JUSTKEY")
        .unwrap_err()
        .message
        .contains("KEY=VALUE"));
    assert!(parse_env("=1").is_err());
    assert!(parse_env("A B=1").is_err());
    let many = parse_env_lines("# comment\nA=1\n\nB=two words\r\n").unwrap();
    assert_eq!(
        many,
        vec![("A".into(), "1".into()), ("B".into(), "two words".into())]
    );
    assert!(parse_env_lines("A=1\noops")
        .unwrap_err()
        .message
        .starts_with("Line 2"));
    assert_eq!(parse_label("team").unwrap(), ("team".into(), "".into()));
}

#[test]
fn mounts_of_each_kind() {
    let volume = MountSpec::from_parts(MountKind::Volume, "data", "/data", true, "").unwrap();
    assert_eq!(
        volume.cli(),
        "type=volume,source=data,target=/data,readonly"
    );
    let anonymous = MountSpec::from_parts(MountKind::Volume, "", "/cache", false, "").unwrap();
    assert_eq!(anonymous.cli(), "type=volume,target=/cache");
    assert!(
        MountSpec::from_parts(MountKind::Bind, "relative/dir", "/data", false, "")
            .unwrap_err()
            .message
            .contains("relative")
    );
    assert!(
        MountSpec::from_parts(MountKind::Bind, "/srv", "data", false, "")
            .unwrap_err()
            .message
            .contains("absolute")
    );
    assert!(MountSpec::from_parts(MountKind::Tmpfs, "", "/", false, "").is_err());
    let tmpfs = MountSpec::from_parts(MountKind::Tmpfs, "", "/scratch", false, "64m").unwrap();
    assert_eq!(
        tmpfs,
        MountSpec::Tmpfs {
            target: "/scratch".into(),
            size: Some(64 << 20)
        }
    );
    assert_eq!(parse_size("1g").unwrap(), Some(1 << 30));
    assert_eq!(parse_size("512").unwrap(), Some(512));
    assert!(parse_size("12x").is_err());
    assert!(parse_size("0").is_err());
    assert!(parse_size("99999999999999999999g").is_err());
}

#[test]
fn names_and_restart() {
    assert!(parse_name("web-1").is_ok());
    assert!(parse_name("/web").is_ok());
    assert!(parse_name("w").is_err());
    assert!(parse_name("-web").is_err());
    assert!(parse_name("my web").is_err());
    assert_eq!(
        RestartPolicy::parse("on-failure:3").unwrap().cli(),
        "on-failure:3"
    );
    assert!(RestartPolicy::parse("always:3").is_err());
    assert!(RestartPolicy::parse("sometimes").is_err());
}

fn request() -> RunRequest {
    RunRequest {
        image: "nginx:1.25".into(),
        name: "web".into(),
        ports: vec![PortSpec::parse("8080:80").unwrap()],
        mounts: vec![MountSpec::from_parts(
            MountKind::Volume,
            "site",
            "/usr/share/nginx/html",
            false,
            "",
        )
        .unwrap()],
        env: vec![("GREETING".into(), "hello world".into())],
        ..RunRequest::default()
    }
}

#[test]
fn whole_form_checks() {
    assert!(request().validate(&[]).is_empty());
    let fields = |r: &RunRequest, taken: &[String]| {
        r.validate(taken)
            .into_iter()
            .map(|e| e.field)
            .collect::<Vec<_>>()
    };
    assert_eq!(fields(&request(), &["/web".into()]), ["name"]);
    let mut twice = request();
    twice.ports.push(PortSpec::parse("8080:443").unwrap());
    twice.mounts.push(
        MountSpec::from_parts(MountKind::Tmpfs, "", "/usr/share/nginx/html", false, "").unwrap(),
    );
    twice.auto_remove = true;
    twice.restart = RestartPolicy::Always;
    assert_eq!(fields(&twice, &[]), ["port.1", "mount.1", "restart"]);
    let mut by_id = request();
    by_id.image = "sha256:0123456789abcdef".into();
    assert!(by_id.validate(&[]).is_empty());
    by_id.image = "Not An Image".into();
    assert_eq!(fields(&by_id, &[]), ["image"]);
}

#[test]
fn cli_is_shell_quoted() {
    let mut r = request();
    r.command = split_command(r#"sh -c "echo hi""#).unwrap();
    r.entrypoint = Some(vec!["/bin/env".into(), "-i".into()]);
    r.auto_remove = true;
    assert_eq!(
        r.cli(),
        "docker run -d --name web -p 8080:80 --mount type=volume,source=site,target=/usr/share/nginx/html \
         -e 'GREETING=hello world' --entrypoint /bin/env --rm nginx:1.25 -i sh -c 'echo hi'"
    );
    assert_eq!(shell_words::split(&r.cli()).unwrap().len(), 19);
    assert!(split_command("echo 'open").is_err());
}

proptest! {
    #[test]
    fn port_text_never_panics_and_round_trips(text in "\\PC{0,24}") {
        if let Ok(port) = PortSpec::parse(&text) {
            prop_assert_eq!(PortSpec::parse(&port.to_string()).unwrap(), port);
        }
    }

    #[test]
    fn ports_round_trip(
        ip in prop::option::of(prop_oneof![Just("127.0.0.1".to_string()), Just("::1".to_string()), Just("10.0.0.2".to_string())]),
        host in prop::option::of(1u16..),
        container in 1u16..,
        protocol in prop::sample::select(Protocol::ALL.to_vec()),
    ) {
        let port = PortSpec { host_ip: ip, host_port: host, container_port: container, protocol };
        prop_assert_eq!(PortSpec::parse(&port.to_string()).unwrap(), port);
    }

    #[test]
    fn out_of_range_ports_are_refused(port in 65536u32..10_000_000) {
        let (host, container) = (format!("{port}:80"), format!("80:{port}"));
        prop_assert!(PortSpec::parse(&host).is_err());
        prop_assert!(PortSpec::parse(&container).is_err());
    }

    #[test]
    fn env_round_trips(key in "[A-Za-z_][A-Za-z0-9_.]{0,12}", value in "[^\r\n\0]{0,30}") {
        let pair = (key.clone(), value.clone());
        let line = super::env_lines(std::slice::from_ref(&pair)).remove(0);
        let (k, v) = parse_env(&line).unwrap();
        prop_assert_eq!(k, key);
        prop_assert_eq!(v, value);
    }

    #[test]
    fn env_and_mounts_never_panic(text in "\\PC{0,40}", size in "\\PC{0,8}") {
        let _ = parse_env_lines(&text);
        for kind in MountKind::ALL {
            if let Ok(mount) = MountSpec::from_parts(kind, &text, &text, false, &size) {
                prop_assert!(mount.target().starts_with('/'));
                prop_assert!(mount.target() != "/");
            }
        }
    }

    #[test]
    fn names_follow_the_engine_rule(name in "\\PC{0,20}") {
        if let Ok(valid) = parse_name(&name) {
            prop_assert!(valid.len() >= 2);
            prop_assert!(valid.chars().all(|c| c.is_ascii_alphanumeric() || "_.-".contains(c)));
        }
    }

    #[test]
    fn cli_splits_back_into_the_same_words(command in prop::collection::vec("\\PC{1,10}", 0..4), value in "\\PC{0,12}") {
        let mut r = request();
        r.command = command.clone();
        r.env = vec![("K".into(), value.clone())];
        let words = shell_words::split(&r.cli()).unwrap();
        prop_assert!(words.ends_with(&command));
        let env_value = format!("K={value}");
        prop_assert!(words.contains(&env_value));
    }
}

#[test]
fn a_request_that_arrives_whole_is_checked_field_by_field_again() {
    let request = RunRequest {
        image: "nginx".into(),
        env: vec![("BAD NAME".into(), "x".into())],
        labels: vec![(String::new(), "x".into())],
        mounts: vec![
            MountSpec::Bind {
                source: "relative/folder".into(),
                target: "/data".into(),
                read_only: false,
            },
            MountSpec::Tmpfs {
                target: "cache".into(),
                size: None,
            },
            MountSpec::Volume {
                name: "-no".into(),
                target: "/v".into(),
                read_only: false,
            },
        ],
        workdir: "app".into(),
        ..Default::default()
    };
    let fields: Vec<String> = request.validate(&[]).into_iter().map(|e| e.field).collect();
    for field in ["env", "labels", "mount.0", "mount.1", "mount.2", "workdir"] {
        assert!(fields.contains(&field.to_owned()), "{field} in {fields:?}");
    }
}

#[test]
fn a_build_request_is_checked_whole() {
    let good = crate::BuildRequest {
        folder: "/src/app".into(),
        dockerfile: "Dockerfile".into(),
        tag: String::new(),
        build_args: vec![("VERSION".into(), "1".into())],
        no_cache: false,
    };
    assert_eq!(good.validate(), Ok(()));
    let relative = crate::BuildRequest {
        folder: "src/app".into(),
        ..good.clone()
    };
    assert!(relative.validate().is_err());
    let bad_arg = crate::BuildRequest {
        build_args: vec![("1BAD".into(), "x".into())],
        ..good
    };
    assert!(bad_arg.validate().is_err());
}

proptest! {
    /// Every other field parser the forms and the backend use: arbitrary text never panics, and what is accepted
    /// is accepted again when parsed from its own output.
    #[test]
    fn every_other_parser_never_panics(text in "\\PC{0,60}") {
        let _ = parse_label(&text);
        let _ = parse_size(&text);
        let _ = RestartPolicy::parse(&text);
        let _ = crate::image::build::parse_build_args(&text);
        let _ = crate::names::volume_name(&text);
        if let Ok(Some(platform)) = crate::image::pull::parse_platform(&text) {
            prop_assert_eq!(crate::image::pull::parse_platform(&platform), Ok(Some(platform.clone())));
        }
        if let Ok(address) = crate::registry::parse_address(&text) {
            prop_assert_eq!(crate::registry::parse_address(&address), Ok(address.clone()));
        }
        if let Ok(repository) = crate::image::reference::parse_repository(&text) {
            prop_assert_eq!(crate::image::reference::parse_repository(&repository), Ok(repository.clone()));
        }
    }
}
