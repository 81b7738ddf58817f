//! A container's resource limits and restart policy: what it has now (`HostConfig`, from inspect) and a change as
//! `docker update` makes it (`--cpus`, `--memory`, `--restart`), checked as typed.
//!
//! Invariants: a field left empty leaves that setting as it is, as a flag not given does — the engine cannot take a
//! limit away from a running container, so "no limit" is shown but never sent; a memory limit is at least 6 MiB
//! (the engine's minimum) and, when the container also has a swap limit, the swap limit moves with it (the engine
//! refuses a memory limit above the swap limit); CPUs are nano-CPUs, parsed without floating point.

use super::run::{parse_size, FieldError, RestartPolicy};
use crate::input::{Input, InputError};
use crate::swarm::service_policy::{cpus_text, memory_text, parse_cpus};
use serde::{Deserialize, Serialize};

/// The engine's smallest memory limit.
pub const MIN_MEMORY: u64 = 6 << 20;

/// What the container has now; 0 means no limit.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContainerLimits {
    pub nano_cpus: i64,
    pub memory: i64,
    /// Memory plus swap; -1 is unlimited swap, 0 is the engine's default (twice the memory limit).
    pub memory_swap: i64,
}

impl ContainerLimits {
    /// `1.5 CPUs` or `no limit`.
    pub fn cpus_text(&self) -> String {
        match self.nano_cpus {
            n if n > 0 => format!("{} CPUs", cpus_text(n)),
            _ => "no limit".to_owned(),
        }
    }

    /// `512m` or `no limit`.
    pub fn memory_text(&self) -> String {
        match self.memory {
            m if m > 0 => memory_text(m as u64),
            _ => "no limit".to_owned(),
        }
    }
}

/// A change of limits, as `docker update` sends it: `None` leaves that setting as it is.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LimitsUpdate {
    pub nano_cpus: Option<i64>,
    pub memory: Option<u64>,
    pub restart: Option<RestartPolicy>,
}

impl LimitsUpdate {
    pub fn is_empty(&self) -> bool {
        self.nano_cpus.is_none() && self.memory.is_none() && self.restart.is_none()
    }

    /// The backend's check of what the window sends: the same rules the form shows.
    pub fn validate(&self) -> Result<(), InputError> {
        if self.is_empty() {
            return Err(Input::Cpus.refuse("Change at least one setting.".to_owned()));
        }
        if self.nano_cpus.is_some_and(|n| n <= 0) {
            return Err(Input::Cpus.refuse("More than 0 CPUs.".to_owned()));
        }
        if self.memory.is_some_and(|m| m < MIN_MEMORY) {
            return Err(Input::Size
                .refuse("A memory limit of at least 6m: the engine refuses less.".to_owned()));
        }
        Ok(())
    }

    /// The swap limit to send with a new memory limit, given the container's current limits: a container that had
    /// the engine's default (twice its memory) keeps twice the new memory, an unlimited one stays unlimited.
    pub fn memory_swap(&self, now: &ContainerLimits) -> Option<i64> {
        let memory = self.memory? as i64;
        match now.memory_swap {
            -1 => Some(-1),
            0 if now.memory == 0 => None,
            swap if swap == now.memory.saturating_mul(2) || swap == 0 => {
                Some(memory.saturating_mul(2))
            }
            // A swap limit of the user's own: the same amount of swap above the new memory limit.
            swap => Some(memory.saturating_add((swap - now.memory).max(0))),
        }
    }

    /// `--cpus 1.5 --memory 512m --restart unless-stopped`, in that order, only what changes.
    pub fn flags(&self) -> Vec<String> {
        let mut flags = Vec::new();
        if let Some(nano) = self.nano_cpus {
            flags.extend(["--cpus".to_owned(), cpus_text(nano)]);
        }
        if let Some(memory) = self.memory {
            flags.extend(["--memory".to_owned(), memory_text(memory)]);
        }
        if let Some(restart) = self.restart {
            flags.extend(["--restart".to_owned(), restart.cli()]);
        }
        flags
    }
}

/// The Limits dialog's fields as typed (an empty field: leave it as it is).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LimitsForm {
    pub cpus: String,
    pub memory: String,
    pub restart: String,
}

impl LimitsForm {
    /// The update as typed, and each problem beside its field (`cpus`, `memory`, `restart`).
    pub fn check(&self) -> (LimitsUpdate, Vec<FieldError>) {
        let mut errors = Vec::new();
        let mut note = |field: &str, error: InputError| {
            errors.push(FieldError {
                field: field.to_owned(),
                message: error.message,
            })
        };
        let nano_cpus = parse_cpus(&self.cpus).unwrap_or_else(|e| {
            note("cpus", e);
            None
        });
        let memory = match parse_size(&self.memory) {
            Ok(Some(bytes)) if bytes < MIN_MEMORY => {
                note(
                    "memory",
                    Input::Size.refuse(format!(
                        "{:?}: at least 6m; the engine refuses a smaller limit.",
                        self.memory.trim()
                    )),
                );
                None
            }
            Ok(memory) => memory,
            Err(e) => {
                note("memory", e);
                None
            }
        };
        let restart = match self.restart.trim() {
            "" => None,
            text => RestartPolicy::parse(text).map(Some).unwrap_or_else(|e| {
                note("restart", e);
                None
            }),
        };
        (
            LimitsUpdate {
                nano_cpus,
                memory,
                restart,
            },
            errors,
        )
    }
}

#[cfg(test)]
#[path = "limits_tests.rs"]
mod tests;
