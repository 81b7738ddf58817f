//! What a service's tasks get beyond their image, as `docker service create` takes it: mounts (`--mount`), how a
//! failed task is restarted (`--restart-condition`, `--restart-max-attempts`), how an image update rolls
//! (`--update-parallelism`, `--update-delay`, `--update-failure-action`, `--update-order`) and the resources each
//! task may use or is promised (`--limit-cpu`, `--limit-memory`, `--reserve-cpu`, `--reserve-memory`).
//!
//! Invariants: the defaults are the engine's own (restart on any exit, one task at a time, no delay, pause on
//! failure, stop the old task first, no limits), and a default is left out of the command, as the CLI leaves it out
//! of the spec; CPUs are kept in nano-CPUs (integers, as the API takes them), parsed without floating point.

use crate::container::run::MountSpec;
use crate::input::{Input, InputError};
use serde::{Deserialize, Serialize};

/// `--restart-condition`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum RestartCondition {
    #[default]
    Any,
    OnFailure,
    None,
}

/// `--update-failure-action`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum FailureAction {
    #[default]
    Pause,
    Continue,
    Rollback,
}

/// `--update-order`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum UpdateOrder {
    #[default]
    StopFirst,
    StartFirst,
}

macro_rules! words {
    ($kind:ident { $($variant:ident => $word:literal),* }) => {
        impl $kind {
            pub const ALL: &[$kind] = &[$($kind::$variant),*];

            /// The CLI's word for it.
            pub fn as_str(self) -> &'static str {
                match self { $($kind::$variant => $word),* }
            }

            pub fn parse(word: &str) -> Option<Self> {
                Self::ALL.iter().copied().find(|v| v.as_str() == word)
            }
        }
    };
}

words!(RestartCondition { Any => "any", OnFailure => "on-failure", None => "none" });
words!(FailureAction { Pause => "pause", Continue => "continue", Rollback => "rollback" });
words!(UpdateOrder { StopFirst => "stop-first", StartFirst => "start-first" });

/// How failed tasks are restarted. `max_attempts`: `None` for no limit.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TaskRestart {
    pub condition: RestartCondition,
    pub max_attempts: Option<u64>,
}

/// How an update replaces tasks.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UpdatePolicy {
    /// Tasks replaced at a time (0: all at once).
    pub parallelism: u64,
    /// Wait between one group and the next.
    pub delay_secs: u64,
    pub failure_action: FailureAction,
    pub order: UpdateOrder,
}

impl Default for UpdatePolicy {
    fn default() -> Self {
        Self {
            parallelism: 1,
            delay_secs: 0,
            failure_action: FailureAction::default(),
            order: UpdateOrder::default(),
        }
    }
}

/// What each task may use at most (limits) and is promised (reservations); `None`: not set.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TaskResources {
    pub limit_nano_cpus: Option<i64>,
    pub limit_memory: Option<u64>,
    pub reserve_nano_cpus: Option<i64>,
    pub reserve_memory: Option<u64>,
}

/// CPUs as `--limit-cpu` takes them (`0.5`, `2`, `1.25`), in nano-CPUs; empty is `None`.
pub fn parse_cpus(text: &str) -> Result<Option<i64>, InputError> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let refuse = || Input::Cpus.refuse(format!("{text:?}: CPUs as a number, like 0.5 or 2."));
    let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
    if whole.len() > 4
        || fraction.len() > 9
        || !whole
            .chars()
            .chain(fraction.chars())
            .all(|c| c.is_ascii_digit())
        || (whole.is_empty() && fraction.is_empty())
    {
        return Err(refuse());
    }
    let whole: i64 = if whole.is_empty() {
        0
    } else {
        whole.parse().map_err(|_| refuse())?
    };
    let fraction: i64 = format!("{fraction:0<9}").parse().map_err(|_| refuse())?;
    let nano = whole * 1_000_000_000 + fraction;
    if nano == 0 {
        return Err(Input::Cpus.refuse(format!("{text:?}: more than 0 CPUs.")));
    }
    Ok(Some(nano))
}

/// Nano-CPUs as the CLI writes them: `0.5`, `2`.
pub fn cpus_text(nano: i64) -> String {
    let text = format!("{}.{:09}", nano / 1_000_000_000, nano % 1_000_000_000);
    text.trim_end_matches('0').trim_end_matches('.').to_owned()
}

/// Bytes as `--limit-memory` takes them: `256m`, `1g`, else plain bytes.
pub fn memory_text(bytes: u64) -> String {
    match bytes {
        b if b >= 1 << 30 && b % (1 << 30) == 0 => format!("{}g", b >> 30),
        b if b >= 1 << 20 && b % (1 << 20) == 0 => format!("{}m", b >> 20),
        b if b >= 1 << 10 && b % (1 << 10) == 0 => format!("{}k", b >> 10),
        b => b.to_string(),
    }
}

/// A delay like `10s`, `1m30s` or plain seconds, as `--update-delay` takes it.
pub fn parse_delay(text: &str) -> Result<u64, InputError> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(0);
    }
    if let Ok(secs) = text.parse::<u64>() {
        return Ok(secs);
    }
    let refuse = || Input::Delay.refuse(format!("{text:?}: a delay like 10s, 2m or 1m30s."));
    let mut total = 0u64;
    let mut digits = String::new();
    for c in text.chars() {
        match c {
            '0'..='9' => digits.push(c),
            'h' | 'm' | 's' if !digits.is_empty() => {
                let n: u64 = digits.parse().map_err(|_| refuse())?;
                let scale = match c {
                    'h' => 3600,
                    'm' => 60,
                    _ => 1,
                };
                total = total.saturating_add(n.saturating_mul(scale));
                digits.clear();
            }
            _ => return Err(refuse()),
        }
    }
    if !digits.is_empty() {
        return Err(refuse());
    }
    Ok(total)
}

/// A service mount, one per line: `NAME:/path` (a volume), `/host/path:/path` (a bind mount), `:ro` after either
/// for read-only.
pub fn parse_mount(line: &str) -> Result<MountSpec, InputError> {
    let line = line.trim();
    let (rest, read_only) = match line.strip_suffix(":ro") {
        Some(rest) => (rest, true),
        None => (line.strip_suffix(":rw").unwrap_or(line), false),
    };
    let Some((source, target)) = rest.split_once(':') else {
        return Err(Input::ServiceMount.refuse(format!(
            "{line}: write SOURCE:TARGET, like data:/var/lib/data or /srv/site:/usr/share/site:ro."
        )));
    };
    let target = crate::container::run::parse_target(target)?;
    if source.starts_with('/') {
        let source = crate::container::run::parse_bind_source(source)?;
        return Ok(MountSpec::Bind {
            source,
            target,
            read_only,
        });
    }
    let name = crate::names::volume_name(source.trim()).map_err(|_| {
        Input::ServiceMount.refuse(format!(
            "{source:?}: a volume name (letters, digits, _ . -) or an absolute host path."
        ))
    })?;
    Ok(MountSpec::Volume {
        name,
        target,
        read_only,
    })
}

/// `--mount type=volume,source=data,target=/data[,readonly]`.
pub fn mount_flag(mount: &MountSpec) -> String {
    let (kind, source, target, read_only) = match mount {
        MountSpec::Volume {
            name,
            target,
            read_only,
        } => ("volume", name.as_str(), target.as_str(), *read_only),
        MountSpec::Bind {
            source,
            target,
            read_only,
        } => ("bind", source.as_str(), target.as_str(), *read_only),
        MountSpec::Tmpfs { target, .. } => ("tmpfs", "", target.as_str(), false),
    };
    let mut flag = format!("type={kind}");
    if !source.is_empty() {
        flag.push_str(&format!(",source={source}"));
    }
    flag.push_str(&format!(",target={target}"));
    if read_only {
        flag.push_str(",readonly");
    }
    flag
}

/// The `docker service create` flags for what differs from the engine's defaults.
pub fn policy_flags(
    restart: &TaskRestart,
    update: &UpdatePolicy,
    resources: &TaskResources,
) -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    let mut flag = |name: &str, value: String| words.extend([name.to_owned(), value]);
    if restart.condition != RestartCondition::Any {
        flag("--restart-condition", restart.condition.as_str().into());
    }
    if let Some(n) = restart.max_attempts {
        flag("--restart-max-attempts", n.to_string());
    }
    let engine = UpdatePolicy::default();
    if update.parallelism != engine.parallelism {
        flag("--update-parallelism", update.parallelism.to_string());
    }
    if update.delay_secs != engine.delay_secs {
        flag("--update-delay", format!("{}s", update.delay_secs));
    }
    if update.failure_action != engine.failure_action {
        flag(
            "--update-failure-action",
            update.failure_action.as_str().into(),
        );
    }
    if update.order != engine.order {
        flag("--update-order", update.order.as_str().into());
    }
    if let Some(nano) = resources.limit_nano_cpus {
        flag("--limit-cpu", cpus_text(nano));
    }
    if let Some(bytes) = resources.limit_memory {
        flag("--limit-memory", memory_text(bytes));
    }
    if let Some(nano) = resources.reserve_nano_cpus {
        flag("--reserve-cpu", cpus_text(nano));
    }
    if let Some(bytes) = resources.reserve_memory {
        flag("--reserve-memory", memory_text(bytes));
    }
    words
}

#[cfg(test)]
#[path = "service_policy_tests.rs"]
mod tests;
