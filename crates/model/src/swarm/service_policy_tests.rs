use super::*;
use proptest::prelude::*;

#[test]
fn cpus_are_nano_cpus_without_rounding() {
    assert_eq!(parse_cpus("0.5").unwrap(), Some(500_000_000));
    assert_eq!(parse_cpus("2").unwrap(), Some(2_000_000_000));
    assert_eq!(parse_cpus(".25").unwrap(), Some(250_000_000));
    assert_eq!(parse_cpus(" ").unwrap(), None);
    for bad in ["0", "-1", "1.2.3", "a", "1e3", "0.0000000001", "."] {
        assert!(parse_cpus(bad).is_err(), "{bad}");
    }
    assert_eq!(cpus_text(500_000_000), "0.5");
    assert_eq!(cpus_text(2_000_000_000), "2");
    assert_eq!(cpus_text(1_250_000_000), "1.25");
}

#[test]
fn delays_as_the_cli_writes_them() {
    assert_eq!(parse_delay("10s").unwrap(), 10);
    assert_eq!(parse_delay("1m30s").unwrap(), 90);
    assert_eq!(parse_delay("15").unwrap(), 15);
    assert_eq!(parse_delay("").unwrap(), 0);
    for bad in ["10x", "s", "1m3", "-5s"] {
        assert!(parse_delay(bad).is_err(), "{bad}");
    }
}

#[test]
fn mounts_are_volumes_or_binds_each_with_its_flag() {
    let volume = parse_mount("data:/var/lib/data").unwrap();
    assert_eq!(
        mount_flag(&volume),
        "type=volume,source=data,target=/var/lib/data"
    );
    let bind = parse_mount("/srv/site:/usr/share/site:ro").unwrap();
    assert_eq!(
        mount_flag(&bind),
        "type=bind,source=/srv/site,target=/usr/share/site,readonly"
    );
    for bad in ["data", "data:relative", "bad name:/x", "data:/", "/a,b:/x"] {
        assert!(parse_mount(bad).is_err(), "{bad}");
    }
}

#[test]
fn only_what_differs_from_the_engine_is_a_flag() {
    assert!(policy_flags(
        &TaskRestart::default(),
        &UpdatePolicy::default(),
        &TaskResources::default()
    )
    .is_empty());
    let flags = policy_flags(
        &TaskRestart {
            condition: RestartCondition::OnFailure,
            max_attempts: Some(3),
        },
        &UpdatePolicy {
            parallelism: 2,
            delay_secs: 10,
            failure_action: FailureAction::Rollback,
            order: UpdateOrder::StartFirst,
        },
        &TaskResources {
            limit_nano_cpus: Some(500_000_000),
            limit_memory: Some(256 << 20),
            reserve_nano_cpus: None,
            reserve_memory: Some(64 << 20),
        },
    );
    assert_eq!(
        flags.join(" "),
        "--restart-condition on-failure --restart-max-attempts 3 --update-parallelism 2 --update-delay 10s \
         --update-failure-action rollback --update-order start-first --limit-cpu 0.5 --limit-memory 256m \
         --reserve-memory 64m"
    );
}

proptest! {
    #[test]
    fn any_text_is_parsed_or_refused_without_panic(text in "\\PC{0,40}") {
        let _ = parse_cpus(&text);
        let _ = parse_delay(&text);
        let _ = parse_mount(&text);
    }

    #[test]
    fn cpus_round_trip(nano in 1i64..=64_000_000_000) {
        prop_assert_eq!(parse_cpus(&cpus_text(nano)).unwrap(), Some(nano));
    }

    #[test]
    fn an_accepted_mount_flag_has_no_stray_separators(line in "[a-z/:,= ]{0,24}") {
        if let Ok(mount) = parse_mount(&line) {
            let flag = mount_flag(&mount);
            // Exactly the fields written: a comma in a value would add a field to --mount (the CLI splits its
            // value at commas, each field at its first =).
            prop_assert!(
                flag.split(',').all(|field| ["type=", "source=", "target=", "readonly"]
                    .iter()
                    .any(|key| field.starts_with(key))),
                "{}",
                flag
            );
        }
    }
}
