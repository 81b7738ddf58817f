//! What Stop and Kill can be told, with the words a learner needs to choose: how long Stop waits after SIGTERM
//! before the engine kills (`docker stop -t`), and which signal Kill sends (`docker kill -s`). The toolbar's split
//! buttons offer exactly these, and their faces name a choice that is not the engine's default.
//!
//! Invariant: the first entry of each list is the engine's own default (10 s; SIGKILL), which sends no option.

/// Stop's waits: `None` is the engine's default of 10 seconds.
pub const STOP_WAITS: [(Option<u32>, &str); 4] = [
    (None, "10 s, the engine's default"),
    (Some(1), "1 s"),
    (Some(30), "30 s, for a slow shutdown"),
    (Some(60), "60 s"),
];

/// Kill's signals and what each asks of the main process.
pub const KILL_SIGNALS: [(&str, &str); 6] = [
    ("SIGKILL", "ends it at once; it cannot be caught"),
    ("SIGTERM", "asks it to stop, as Stop does first"),
    ("SIGINT", "as Ctrl-C in a terminal"),
    ("SIGHUP", "many servers reload their settings"),
    ("SIGUSR1", "whatever the program makes of it"),
    ("SIGUSR2", "whatever the program makes of it"),
];

/// The Stop button's face: "Stop", or "Stop · 30 s" when the user chose another wait.
pub fn stop_face(wait: Option<u32>) -> String {
    match wait {
        None => "Stop".into(),
        Some(seconds) => format!("Stop · {seconds} s"),
    }
}

/// The Kill button's face: "Kill", or "Kill · SIGHUP" when the user chose another signal.
pub fn kill_face(signal: &str) -> String {
    if signal == KILL_SIGNALS[0].0 {
        "Kill".into()
    } else {
        format!("Kill · {signal}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Action, ContainerAction};

    #[test]
    fn the_defaults_come_first_and_show_no_option() {
        assert_eq!(STOP_WAITS[0].0, None);
        assert_eq!(stop_face(None), "Stop");
        assert_eq!(kill_face("SIGKILL"), "Kill");
        let stop = Action::Container {
            container: "web".into(),
            action: ContainerAction::Stop {
                timeout_secs: STOP_WAITS[0].0,
            },
        };
        assert_eq!(stop.cli(), "docker stop web");
    }

    #[test]
    fn another_choice_is_on_the_face_and_in_the_command() {
        assert_eq!(stop_face(Some(30)), "Stop · 30 s");
        assert_eq!(kill_face("SIGHUP"), "Kill · SIGHUP");
        let kill = Action::Container {
            container: "web".into(),
            action: ContainerAction::Kill {
                signal: "SIGHUP".into(),
            },
        };
        assert!(kill.cli().contains("-s SIGHUP"), "{}", kill.cli());
        let stop = Action::Container {
            container: "web".into(),
            action: ContainerAction::Stop {
                timeout_secs: Some(30),
            },
        };
        assert!(stop.cli().contains("-t 30"), "{}", stop.cli());
    }

    #[test]
    fn choices_are_distinct() {
        let mut waits: Vec<_> = STOP_WAITS.iter().map(|w| w.0).collect();
        waits.dedup();
        assert_eq!(waits.len(), STOP_WAITS.len());
        let mut signals: Vec<_> = KILL_SIGNALS.iter().map(|s| s.0).collect();
        signals.sort();
        signals.dedup();
        assert_eq!(signals.len(), KILL_SIGNALS.len());
    }
}
