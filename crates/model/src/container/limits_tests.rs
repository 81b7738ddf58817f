use super::*;
use proptest::prelude::*;

fn form(cpus: &str, memory: &str, restart: &str) -> LimitsForm {
    LimitsForm {
        cpus: cpus.into(),
        memory: memory.into(),
        restart: restart.into(),
    }
}

#[test]
fn a_form_becomes_the_update_docker_update_would_send() {
    let (update, errors) = form("1.5", "512m", "on-failure:3").check();
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(update.nano_cpus, Some(1_500_000_000));
    assert_eq!(update.memory, Some(512 << 20));
    assert_eq!(
        update.restart,
        Some(RestartPolicy::OnFailure { max_retries: 3 })
    );
    assert_eq!(
        update.flags().join(" "),
        "--cpus 1.5 --memory 512m --restart on-failure:3"
    );
}

#[test]
fn an_empty_field_leaves_its_setting_alone() {
    let (update, errors) = form("", " ", "").check();
    assert!(errors.is_empty());
    assert!(update.is_empty());
    assert!(update.flags().is_empty());
    assert!(update.validate().is_err(), "nothing to change");
    let (update, _) = form("", "1g", "").check();
    assert_eq!(update.flags(), ["--memory", "1g"]);
    assert!(update.validate().is_ok());
}

#[test]
fn each_bad_field_is_named() {
    let (_, errors) = form("lots", "2m", "sometimes").check();
    let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
    assert_eq!(fields, ["cpus", "memory", "restart"]);
    assert!(errors[1].message.contains("6m"), "{}", errors[1].message);
    let (_, errors) = form("0", "12q", "").check();
    assert_eq!(errors.len(), 2);
}

#[test]
fn the_swap_limit_moves_with_the_memory_limit() {
    let update = LimitsUpdate {
        memory: Some(1 << 30),
        ..Default::default()
    };
    let default_swap = ContainerLimits {
        memory: 512 << 20,
        memory_swap: 1 << 30,
        ..Default::default()
    };
    assert_eq!(update.memory_swap(&default_swap), Some(2 << 30));
    let unlimited_swap = ContainerLimits {
        memory: 512 << 20,
        memory_swap: -1,
        ..Default::default()
    };
    assert_eq!(update.memory_swap(&unlimited_swap), Some(-1));
    let own_swap = ContainerLimits {
        memory: 512 << 20,
        memory_swap: 768 << 20,
        ..Default::default()
    };
    assert_eq!(update.memory_swap(&own_swap), Some((1 << 30) + (256 << 20)));
    assert_eq!(update.memory_swap(&ContainerLimits::default()), None);
    assert_eq!(LimitsUpdate::default().memory_swap(&default_swap), None);
}

#[test]
fn current_limits_read_as_the_cli_writes_them() {
    let limits = ContainerLimits {
        nano_cpus: 500_000_000,
        memory: 256 << 20,
        memory_swap: 512 << 20,
    };
    assert_eq!(limits.cpus_text(), "0.5 CPUs");
    assert_eq!(limits.memory_text(), "256m");
    assert_eq!(ContainerLimits::default().cpus_text(), "no limit");
    assert_eq!(ContainerLimits::default().memory_text(), "no limit");
}

proptest! {
    #[test]
    fn any_typed_limits_are_checked_without_panicking(cpus in "\\PC{0,12}", memory in "\\PC{0,12}", restart in "\\PC{0,16}") {
        let (update, errors) = form(&cpus, &memory, &restart).check();
        // What the form accepts, the backend accepts too (unless there is nothing to change).
        if errors.is_empty() && !update.is_empty() {
            prop_assert!(update.validate().is_ok());
        }
    }
}
