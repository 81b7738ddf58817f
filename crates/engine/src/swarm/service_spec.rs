//! A service request as the engine's spec (what `docker service create` sends): mode, ports, the container's
//! image, environment, command and mounts, placement, restart and update policies and resources.
//!
//! Invariant: the request has passed `ServiceCreate::check`; this only translates, it never defaults what the
//! request left out differently from the engine.

use bollard::models::{
    EndpointPortConfig, EndpointPortConfigPublishModeEnum, EndpointSpec, Limit, Mount,
    MountTypeEnum, ResourceObject, ServiceSpec, ServiceSpecMode, ServiceSpecModeReplicated,
    ServiceSpecUpdateConfig, ServiceSpecUpdateConfigFailureActionEnum,
    ServiceSpecUpdateConfigOrderEnum, TaskSpec, TaskSpecContainerSpec, TaskSpecPlacement,
    TaskSpecResources, TaskSpecRestartPolicy, TaskSpecRestartPolicyConditionEnum,
};
use porthole_model::container::run::MountSpec;
use porthole_model::swarm::service_policy::{
    FailureAction, RestartCondition, TaskResources, UpdateOrder, UpdatePolicy,
};
use porthole_model::swarm::ServiceCreate;
use std::collections::HashMap;

/// The engine's spec for a checked request, field for field.
pub(super) fn spec_of(request: &ServiceCreate) -> ServiceSpec {
    let mode = match request.replicas {
        Some(replicas) => ServiceSpecMode {
            replicated: Some(ServiceSpecModeReplicated {
                replicas: Some(replicas as i64),
            }),
            ..Default::default()
        },
        None => ServiceSpecMode {
            global: Some(HashMap::new()),
            ..Default::default()
        },
    };
    let ports = request
        .ports
        .iter()
        .map(|p| EndpointPortConfig {
            published_port: Some(i64::from(p.published)),
            target_port: Some(i64::from(p.target)),
            protocol: p.protocol.parse().ok(),
            publish_mode: Some(if p.host_mode {
                EndpointPortConfigPublishModeEnum::HOST
            } else {
                EndpointPortConfigPublishModeEnum::INGRESS
            }),
            ..Default::default()
        })
        .collect();
    ServiceSpec {
        name: Some(request.name.clone()),
        mode: Some(mode),
        task_template: Some(TaskSpec {
            container_spec: Some(TaskSpecContainerSpec {
                image: Some(request.image.clone()),
                env: Some(porthole_model::container::run::env_lines(&request.env)),
                args: Some(request.command.clone()).filter(|c| !c.is_empty()),
                mounts: Some(request.mounts.iter().map(mount).collect()),
                ..Default::default()
            }),
            placement: Some(TaskSpecPlacement {
                constraints: Some(request.constraints.clone()),
                ..Default::default()
            }),
            restart_policy: Some(TaskSpecRestartPolicy {
                condition: Some(match request.restart.condition {
                    RestartCondition::Any => TaskSpecRestartPolicyConditionEnum::ANY,
                    RestartCondition::OnFailure => TaskSpecRestartPolicyConditionEnum::ON_FAILURE,
                    RestartCondition::None => TaskSpecRestartPolicyConditionEnum::NONE,
                }),
                // 0 is "no limit" to the engine.
                max_attempts: Some(request.restart.max_attempts.unwrap_or(0) as i64),
                ..Default::default()
            }),
            resources: Some(resources(&request.resources)),
            ..Default::default()
        }),
        update_config: Some(update_config(&request.update)),
        endpoint_spec: Some(EndpointSpec {
            ports: Some(ports),
            ..Default::default()
        }),
        ..Default::default()
    }
}

fn mount(spec: &MountSpec) -> Mount {
    let (typ, source, target, read_only) = match spec {
        MountSpec::Volume {
            name,
            target,
            read_only,
        } => (MountTypeEnum::VOLUME, name.clone(), target, *read_only),
        MountSpec::Bind {
            source,
            target,
            read_only,
        } => (MountTypeEnum::BIND, source.clone(), target, *read_only),
        MountSpec::Tmpfs { target, .. } => (MountTypeEnum::TMPFS, String::new(), target, false),
    };
    Mount {
        typ: Some(typ),
        source: Some(source).filter(|s| !s.is_empty()),
        target: Some(target.clone()),
        read_only: Some(read_only),
        ..Default::default()
    }
}

fn update_config(update: &UpdatePolicy) -> ServiceSpecUpdateConfig {
    ServiceSpecUpdateConfig {
        parallelism: Some(update.parallelism as i64),
        delay: Some(update.delay_secs as i64 * 1_000_000_000),
        failure_action: Some(match update.failure_action {
            FailureAction::Pause => ServiceSpecUpdateConfigFailureActionEnum::PAUSE,
            FailureAction::Continue => ServiceSpecUpdateConfigFailureActionEnum::CONTINUE,
            FailureAction::Rollback => ServiceSpecUpdateConfigFailureActionEnum::ROLLBACK,
        }),
        order: Some(match update.order {
            UpdateOrder::StopFirst => ServiceSpecUpdateConfigOrderEnum::STOP_FIRST,
            UpdateOrder::StartFirst => ServiceSpecUpdateConfigOrderEnum::START_FIRST,
        }),
        ..Default::default()
    }
}

fn resources(resources: &TaskResources) -> TaskSpecResources {
    let bytes = |b: Option<u64>| b.map(|b| b as i64);
    TaskSpecResources {
        limits: Some(Limit {
            nano_cpus: resources.limit_nano_cpus,
            memory_bytes: bytes(resources.limit_memory),
            ..Default::default()
        }),
        reservations: Some(ResourceObject {
            nano_cpus: resources.reserve_nano_cpus,
            memory_bytes: bytes(resources.reserve_memory),
            ..Default::default()
        }),
    }
}
