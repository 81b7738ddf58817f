//! `docker update`: a container's CPU and memory limits and its restart policy, changed in place (running or not).
//!
//! Invariant: only what the update names is sent (the engine leaves the rest as it is); a new memory limit is sent
//! with the swap limit that keeps the container's swap as it was (`LimitsUpdate::memory_swap`), read from the
//! container first, because the engine refuses a memory limit above the current swap limit.

use bollard::models::{ContainerUpdateBody, RestartPolicy as EngineRestart, RestartPolicyNameEnum};
use bollard::Docker;
use porthole_model::container::limits::{ContainerLimits, LimitsUpdate};
use porthole_model::container::run::RestartPolicy;

pub(crate) async fn update(
    docker: &Docker,
    id: &str,
    limits: &LimitsUpdate,
) -> Result<(), bollard::errors::Error> {
    let memory_swap = match limits.memory {
        Some(_) => {
            let inspect = docker
                .inspect_container(
                    id,
                    None::<bollard::query_parameters::InspectContainerOptions>,
                )
                .await?;
            let host = inspect.host_config.unwrap_or_default();
            let now = ContainerLimits {
                nano_cpus: host.nano_cpus.unwrap_or(0),
                memory: host.memory.unwrap_or(0),
                memory_swap: host.memory_swap.unwrap_or(0),
            };
            limits.memory_swap(&now)
        }
        None => None,
    };
    let body = ContainerUpdateBody {
        nano_cpus: limits.nano_cpus,
        memory: limits.memory.map(|m| m as i64),
        memory_swap,
        restart_policy: limits.restart.map(restart_policy),
        ..Default::default()
    };
    docker.update_container(id, body).await
}

/// A restart policy as the engine takes it; `no` is named, so an update can also turn restarting off.
pub(crate) fn restart_policy(policy: RestartPolicy) -> EngineRestart {
    EngineRestart {
        name: Some(match policy {
            RestartPolicy::No => RestartPolicyNameEnum::NO,
            RestartPolicy::Always => RestartPolicyNameEnum::ALWAYS,
            RestartPolicy::UnlessStopped => RestartPolicyNameEnum::UNLESS_STOPPED,
            RestartPolicy::OnFailure { .. } => RestartPolicyNameEnum::ON_FAILURE,
        }),
        maximum_retry_count: match policy {
            RestartPolicy::OnFailure { max_retries } => Some(i64::from(max_retries)),
            _ => None,
        },
    }
}
