//! Reading the container list again after engine events: the whole list, or only the containers a burst named.
//!
//! Invariants: one read is in flight at a time, and what arrives meanwhile waits for it, so replies apply in the
//! order the changes happened — a container destroyed while a read of it was under way is dropped after that read's
//! reply, never resurrected by it; a wanted whole read takes in every container waiting to be read by id; an id
//! asked for that the engine no longer lists is gone. A (re)connect starts a new generation: a read still in flight
//! belongs to the engine before, and its reply is dropped, never put in the new engine's list.

use super::ContainerSummary;
use crate::system::event::ContainerChanges;
use std::collections::BTreeSet;

/// A read of the container list to send.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ContainerRead {
    /// `docker ps -a`.
    Whole,
    /// `docker ps -a --filter id=…` for these ids.
    Named(Vec<String>),
}

/// What to do now: drop these ids from the list at once, then start this read (if any).
#[derive(Debug, Default, PartialEq, Eq)]
pub struct NextStep {
    pub drop: Vec<String>,
    pub read: Option<ContainerRead>,
}

/// Where the container list's reads stand.
#[derive(Debug, Default)]
pub struct ContainerReads {
    generation: u64,
    in_flight: bool,
    whole: bool,
    changed: BTreeSet<String>,
    removed: BTreeSet<String>,
}

impl ContainerReads {
    /// The whole list is wanted (start, reconnect, a burst naming too many).
    pub fn whole(&mut self) -> NextStep {
        self.whole = true;
        self.next()
    }

    /// A burst named these containers.
    pub fn named(&mut self, changes: &ContainerChanges) -> NextStep {
        for id in &changes.changed {
            self.changed.insert(id.clone());
        }
        for id in &changes.removed {
            self.changed.remove(id);
            self.removed.insert(id.clone());
        }
        self.next()
    }

    /// The engine (re)connected: what is in flight or waiting was for the engine before; the whole list is read
    /// now, in a new generation.
    pub fn reconnected(&mut self) -> NextStep {
        self.generation += 1;
        self.in_flight = false;
        self.changed.clear();
        self.removed.clear();
        self.whole = true;
        self.next()
    }

    /// The generation a read started now belongs to.
    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// Whether a read started in `generation` may still apply its reply (no connect came since).
    pub fn is_current(&self, generation: u64) -> bool {
        self.generation == generation
    }

    /// The read in flight answered (or failed: then `whole` is asked for by the caller).
    pub fn ended(&mut self) -> NextStep {
        self.in_flight = false;
        self.next()
    }

    fn next(&mut self) -> NextStep {
        if self.in_flight {
            return NextStep::default();
        }
        let drop = std::mem::take(&mut self.removed).into_iter().collect();
        let read = if std::mem::take(&mut self.whole) {
            self.changed.clear();
            Some(ContainerRead::Whole)
        } else if self.changed.is_empty() {
            None
        } else {
            Some(ContainerRead::Named(
                std::mem::take(&mut self.changed).into_iter().collect(),
            ))
        };
        self.in_flight = read.is_some();
        NextStep { drop, read }
    }
}

/// Puts what the engine listed for the ids `asked` into `list`: each replaces its row, a new one comes first (the
/// engine lists the newest first), and an asked id it no longer lists is gone.
pub fn merge_named(
    list: &mut Vec<ContainerSummary>,
    asked: &[String],
    fresh: Vec<ContainerSummary>,
) {
    let listed: BTreeSet<&str> = fresh.iter().map(|c| c.id.as_str()).collect();
    let gone: BTreeSet<&str> = asked
        .iter()
        .map(String::as_str)
        .filter(|id| !listed.contains(id))
        .collect();
    list.retain(|c| !gone.contains(c.id.as_str()));
    let mut new = Vec::new();
    for container in fresh {
        match list.iter_mut().find(|c| c.id == container.id) {
            Some(row) => *row = container,
            None => new.push(container),
        }
    }
    if !new.is_empty() {
        new.sort_by_key(|c| std::cmp::Reverse(c.created));
        list.splice(0..0, new);
    }
}

/// Drops the containers `ids` from `list`.
pub fn drop_ids(list: &mut Vec<ContainerSummary>, ids: &[String]) {
    list.retain(|c| !ids.contains(&c.id));
}

#[cfg(test)]
#[path = "reads_tests.rs"]
mod tests;
