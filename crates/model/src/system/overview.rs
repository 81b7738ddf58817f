//! The Engines overview's live updates: one engine's new look (`EngineUpdate`), applied to the listed engines.
//!
//! Invariant: an update only ever changes the probe of the engine it names; an engine no longer listed is left out
//! (the list is read afresh when engines are added or switched).

use crate::system::context::{EngineEntry, EngineProbe};
use serde::{Deserialize, Serialize};

/// What following one engine found: it answers with these figures, or why it does not.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EngineUpdate {
    /// The engine's name in the list.
    pub name: String,
    pub probe: EngineProbe,
}

impl EngineUpdate {
    /// Applies this update to `engines`; whether anything changed.
    pub fn apply(&self, engines: &mut [EngineEntry]) -> bool {
        match engines.iter_mut().find(|e| e.name == self.name) {
            Some(entry) if entry.probe.as_ref() != Some(&self.probe) => {
                entry.probe = Some(self.probe.clone());
                true
            }
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::system::context::EngineOrigin;

    fn entry(name: &str) -> EngineEntry {
        EngineEntry {
            name: name.into(),
            host: format!("unix:///run/{name}.sock"),
            description: String::new(),
            origin: EngineOrigin::Context,
            current: false,
            tls: false,
            probe: None,
        }
    }

    #[test]
    fn an_update_changes_only_the_engine_it_names() {
        let mut engines = vec![entry("a"), entry("b")];
        let answers = EngineUpdate {
            name: "b".into(),
            probe: EngineProbe {
                reachable: true,
                running: 3,
                ..Default::default()
            },
        };
        assert!(answers.apply(&mut engines));
        assert_eq!(engines[0].probe, None);
        assert_eq!(engines[1].probe.as_ref().map(|p| p.running), Some(3));
        assert!(
            !answers.apply(&mut engines),
            "the same look again changes nothing"
        );
        let unknown = EngineUpdate {
            name: "gone".into(),
            ..answers
        };
        assert!(!unknown.apply(&mut engines));
        assert_eq!(engines.len(), 2);
    }
}
