//! What the activity console and the UI ask about an action beyond its command: how it is recorded (secrets left
//! out), whether it is background traffic, what to read again after it, and its button label; and the word a
//! command shows for a field not yet filled.

use super::Action;

impl Action {
    /// The command as the activity console records it: like `cli()`, but environment values and build-arg values
    /// are left out (`-e GREETING`, `--build-arg TOKEN`: the CLI takes them from the shell's environment), since
    /// they often hold tokens. Names stay, so the command still says what was done.
    pub fn recorded_cli(&self) -> String {
        match self {
            Self::Run { request } => request.cli_masked(),
            Self::Build { request } => request.cli(true),
            Self::Swarm { action } => action.cli(true),
            other => other.cli(),
        }
    }

    /// Whether Porthole sends this on its own schedule rather than for something the user did: the containers
    /// list's periodic samples and the liveness ping. The activity console hides these unless asked.
    pub fn is_background(&self) -> bool {
        matches!(self, Self::StatsOnce { .. } | Self::Ping)
    }

    /// The kind of object to read again once this action has succeeded, for the actions whose effect the engine
    /// announces late or not at all: joining or leaving a swarm changes `/info`, which no event reports, and the
    /// events that do follow (the ingress network going) can arrive before `/info` has changed.
    pub fn unannounced(&self) -> Option<crate::ObjectKind> {
        match self {
            Self::Swarm {
                action:
                    crate::swarm::SwarmAction::Init { .. }
                    | crate::swarm::SwarmAction::Join { .. }
                    | crate::swarm::SwarmAction::Leave { .. },
            } => Some(crate::ObjectKind::Swarm),
            _ => None,
        }
    }

    /// The button label for an action the UI offers.
    pub fn label(&self) -> String {
        match self {
            Self::Container { action, .. } => action.label().to_owned(),
            Self::Image { action, .. } => action.label().to_owned(),
            Self::RemoveVolume { .. } => "Remove".to_owned(),
            Self::PruneVolumes | Self::RemoveVolumes { .. } => "Remove unused volumes".to_owned(),
            Self::Network { action, .. } => action.label().to_owned(),
            Self::RemoveNetworks { .. } => "Remove unused networks".to_owned(),
            Self::Swarm { action } => action.label().to_owned(),
            Self::Stack {
                command: crate::swarm::StackCommand::Remove { .. },
            } => "Remove stack".to_owned(),
            other => other.cli(),
        }
    }
}

/// `text`, or `word` in its place while it is empty: a command shown before its field is filled names what goes
/// there (`docker load -i FILE`), never `''`.
pub fn or_word(text: String, word: &str) -> String {
    if text.trim().is_empty() {
        word.to_owned()
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::or_word;

    #[test]
    fn an_empty_field_shows_as_the_word_for_it() {
        assert_eq!(or_word(String::new(), "FILE"), "FILE");
        assert_eq!(or_word("  ".into(), "FILE"), "FILE");
        assert_eq!(or_word("/tmp/a.tar".into(), "FILE"), "/tmp/a.tar");
        let load = crate::image::archive::LoadImages {
            file: or_word(String::new(), "FILE"),
        };
        assert_eq!(load.cli(), "docker load -i FILE");
    }
}
