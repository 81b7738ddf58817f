//! What can be done to one container (`docker start|stop|kill|restart|pause|unpause|rm|rename`): which states allow it, what it costs, and which follow-up a refusal offers.

use serde::{Deserialize, Serialize};

/// What can be done to one container (`docker start|stop|kill|restart|pause|unpause|rm`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ContainerAction {
    Start,
    /// SIGTERM, then SIGKILL after `timeout_secs` (the engine's default is 10).
    Stop {
        timeout_secs: Option<u32>,
    },
    Kill {
        signal: String,
    },
    Restart,
    Pause,
    Unpause,
    /// `force` stops a running container first; `volumes` also removes its anonymous volumes (named volumes are
    /// never removed this way).
    Remove {
        force: bool,
        volumes: bool,
    },
    /// `docker stop`, then `docker rm`: a running container removed after a clean shutdown, where force would kill.
    StopAndRemove {
        volumes: bool,
    },
    /// `docker rename`: any state; the new name must be free.
    Rename {
        name: String,
    },
    /// `docker update`: CPU and memory limits and the restart policy, changed in place (any state).
    Update {
        limits: crate::container::limits::LimitsUpdate,
    },
}

impl ContainerAction {
    /// The docker command doing this to `container`.
    pub fn cli(&self, container: &str) -> String {
        match self {
            Self::Start => format!("docker start {container}"),
            Self::Stop { timeout_secs: None } => format!("docker stop {container}"),
            Self::Stop {
                timeout_secs: Some(t),
            } => format!("docker stop -t {t} {container}"),
            Self::Kill { signal } if signal == "SIGKILL" || signal == "KILL" => {
                format!("docker kill {container}")
            }
            Self::Kill { signal } => format!("docker kill -s {signal} {container}"),
            Self::Restart => format!("docker restart {container}"),
            Self::Pause => format!("docker pause {container}"),
            Self::Unpause => format!("docker unpause {container}"),
            Self::Rename { name } => format!("docker rename {container} {name}"),
            Self::Update { limits } => {
                let flags = limits.flags();
                match flags.is_empty() {
                    true => format!("docker update {container}"),
                    false => format!("docker update {} {container}", flags.join(" ")),
                }
            }
            Self::Remove { force, volumes } => {
                let flags = match (force, volumes) {
                    (true, true) => " -f -v",
                    (true, false) => " -f",
                    (false, true) => " -v",
                    (false, false) => "",
                };
                format!("docker rm{flags} {container}")
            }
            Self::StopAndRemove { volumes } => {
                let flags = if *volumes { " -v" } else { "" };
                format!("docker stop {container} && docker rm{flags} {container}")
            }
        }
    }

    /// The button label.
    pub fn label(&self) -> &'static str {
        match self {
            Self::Start => "Start",
            Self::Stop { .. } => "Stop",
            Self::Kill { .. } => "Kill",
            Self::Restart => "Restart",
            Self::Pause => "Pause",
            Self::Unpause => "Resume",
            Self::Remove { force: true, .. } => "Force remove",
            Self::Remove { .. } => "Remove",
            Self::StopAndRemove { .. } => "Stop and remove",
            Self::Rename { .. } => "Rename",
            Self::Update { .. } => "Change limits",
        }
    }

    /// Whether the UI asks before doing it (when the user wants confirmations).
    pub fn is_destructive(&self) -> bool {
        matches!(
            self,
            Self::Kill { .. } | Self::Remove { .. } | Self::StopAndRemove { .. }
        )
    }

    /// Whether the action makes sense in `state`; the UI offers only these.
    pub fn allowed(&self, state: crate::ContainerState) -> bool {
        match self {
            Self::Start => state.can_start(),
            Self::Stop { .. } | Self::Restart => {
                state.can_stop() && !matches!(state, crate::ContainerState::Paused)
            }
            Self::Kill { .. } | Self::StopAndRemove { .. } => state.can_stop(),
            Self::Pause => state.can_pause(),
            Self::Unpause => state.can_unpause(),
            // Offered for running containers too: the engine then refuses, says why, and the banner offers force —
            // the notes' rule ("stop or force first") met where it happens.
            Self::Remove { .. } | Self::Rename { .. } | Self::Update { .. } => {
                state != crate::ContainerState::Removing
            }
        }
    }

    /// The action to offer when this one failed with `kind`: the recovery for each case lives here, once.
    /// A refused remove of a running container → remove with force; a stop that timed out → kill (the learner's
    /// notes: "if the container refuses to stop, use kill").
    pub fn follow_up(&self, kind: crate::ErrorKind) -> Option<ContainerAction> {
        match (self, kind.recovery()) {
            (
                Self::Remove {
                    force: false,
                    volumes,
                },
                crate::error::Recovery::OfferForce,
            ) => Some(Self::Remove {
                force: true,
                volumes: *volumes,
            }),
            (Self::Stop { .. }, crate::error::Recovery::Retry) => Some(Self::Kill {
                signal: "SIGKILL".into(),
            }),
            _ => None,
        }
    }

    /// For a plain removal of a running container, which the engine would refuse: the two ways the confirmation
    /// offers instead — stop it and remove it (the first, the gentle one), or remove it with force. The same
    /// recovery as `follow_up` gives after a refusal, offered before it.
    pub fn ways_when_running(&self) -> Option<[ContainerAction; 2]> {
        match self {
            Self::Remove {
                force: false,
                volumes,
            } => Some([
                Self::StopAndRemove { volumes: *volumes },
                Self::Remove {
                    force: true,
                    volumes: *volumes,
                },
            ]),
            _ => None,
        }
    }

    /// What the user will lose or change, for the confirmation dialog.
    pub fn consequence(&self) -> &'static str {
        match self {
            Self::Kill { .. } => "The process gets no chance to shut down cleanly.",
            Self::Remove { .. } | Self::StopAndRemove { .. } => {
                "Everything written inside the container (its writable layer) is deleted. Data in named volumes and \
                 bind mounts stays. A running container must be stopped first, or removed with force."
            }
            _ => "",
        }
    }
}

/// `docker ps -a` narrowed to these containers, by their short ids (the CLI takes them as the engine does).
pub fn ps_named(ids: &[String]) -> String {
    let mut cli = "docker ps -a".to_owned();
    for id in ids {
        cli.push_str(" --filter id=");
        cli.push_str(crate::container::short_id(id));
    }
    cli
}
