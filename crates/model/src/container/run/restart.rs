//! Restart policies (`--restart`): what the engine does when the container's main process ends.

use crate::input::{Input, InputError};

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "policy", rename_all = "kebab-case")]
pub enum RestartPolicy {
    #[default]
    No,
    Always,
    UnlessStopped,
    /// `max_retries` 0 means no limit.
    OnFailure {
        max_retries: u32,
    },
}

impl RestartPolicy {
    pub const CHOICES: [RestartPolicy; 4] = [
        RestartPolicy::No,
        RestartPolicy::OnFailure { max_retries: 0 },
        RestartPolicy::UnlessStopped,
        RestartPolicy::Always,
    ];

    /// The engine's (and the CLI's) word for it.
    pub fn name(self) -> &'static str {
        match self {
            Self::No => "no",
            Self::Always => "always",
            Self::UnlessStopped => "unless-stopped",
            Self::OnFailure { .. } => "on-failure",
        }
    }

    pub fn parse(text: &str) -> Result<Self, InputError> {
        let (name, count) = text.trim().split_once(':').unwrap_or((text.trim(), ""));
        let policy = match name {
            "" | "no" => Self::No,
            "always" => Self::Always,
            "unless-stopped" => Self::UnlessStopped,
            "on-failure" => Self::OnFailure {
                max_retries: match count {
                    "" => 0,
                    n => n.parse().map_err(|_| {
                        Input::RestartPolicy
                            .refuse(format!("{n:?}: the retry count must be a number."))
                    })?,
                },
            },
            other => {
                return Err(Input::RestartPolicy.refuse(format!(
                    "{other:?} is not a restart policy: no, on-failure, unless-stopped or always."
                )))
            }
        };
        if !count.is_empty() && !matches!(policy, Self::OnFailure { .. }) {
            return Err(Input::RestartPolicy.refuse("Only on-failure takes a retry count.".into()));
        }
        Ok(policy)
    }

    /// The `--restart` value.
    pub fn cli(self) -> String {
        match self {
            Self::OnFailure { max_retries } if max_retries > 0 => {
                format!("on-failure:{max_retries}")
            }
            other => other.name().to_owned(),
        }
    }

    pub fn explanation(self) -> &'static str {
        match self {
            Self::No => "Never restarted: when the process ends, the container stays stopped.",
            Self::OnFailure { .. } => {
                "Restarted when it exits with an error (a non-zero exit code)."
            }
            Self::UnlessStopped => {
                "Always restarted, also when the engine starts — unless you stopped it yourself."
            }
            Self::Always => "Always restarted, even after you stop it, once the engine restarts.",
        }
    }
}
