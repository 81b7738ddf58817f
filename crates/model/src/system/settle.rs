//! When to read the lists that only count what changed (`ObjectKind::counted_in`): once a burst of changes has
//! settled — no change for `SETTLE_MS` — or, while changes keep coming, `SETTLE_AT_MOST_MS` after the first one
//! waited, so counts never lag a long burst by more than that. Times are milliseconds on any one clock.

use super::event::{ObjectKind, SETTLE_AT_MOST_MS, SETTLE_MS};
use std::collections::BTreeSet;

#[derive(Debug, Default)]
pub struct Settling {
    kinds: BTreeSet<ObjectKind>,
    /// When the first change of the burst came.
    since: Option<f64>,
    armed: bool,
}

impl Settling {
    /// `kinds` changed at `now`: the delay to (re)arm the timer with, or `None` to keep the timer as it is (no kind
    /// given, or the burst has gone on for `SETTLE_AT_MOST_MS`).
    pub fn changed(
        &mut self,
        now: f64,
        kinds: impl IntoIterator<Item = ObjectKind>,
    ) -> Option<f64> {
        let mut kinds = kinds.into_iter().peekable();
        kinds.peek()?;
        self.kinds.extend(kinds);
        let since = *self.since.get_or_insert(now);
        let waited = now - since;
        if waited >= f64::from(SETTLE_AT_MOST_MS) && self.armed {
            return None;
        }
        self.armed = true;
        Some(
            f64::from(SETTLE_MS)
                .min(f64::from(SETTLE_AT_MOST_MS) - waited)
                .max(0.0),
        )
    }

    /// The timer fired: the kinds to read now; the next change starts a new burst.
    pub fn due(&mut self) -> BTreeSet<ObjectKind> {
        self.since = None;
        self.armed = false;
        std::mem::take(&mut self.kinds)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_quiet_pause_reads_once_and_a_long_burst_at_the_latest_after_the_cap() {
        let mut settling = Settling::default();
        assert_eq!(settling.changed(0.0, [ObjectKind::Image]), Some(400.0));
        // More changes push the read back…
        assert_eq!(settling.changed(300.0, [ObjectKind::Volume]), Some(400.0));
        // …but never past the cap since the first.
        assert_eq!(settling.changed(1_800.0, [ObjectKind::Image]), Some(200.0));
        assert_eq!(
            settling.changed(2_100.0, [ObjectKind::Network]),
            None,
            "the timer set keeps its time"
        );
        let due: Vec<_> = settling.due().into_iter().collect();
        assert_eq!(
            due,
            vec![ObjectKind::Image, ObjectKind::Volume, ObjectKind::Network]
        );
        // A new burst starts afresh.
        assert_eq!(settling.changed(5_000.0, [ObjectKind::Image]), Some(400.0));
    }

    #[test]
    fn nothing_to_read_arms_nothing() {
        let mut settling = Settling::default();
        assert_eq!(settling.changed(0.0, []), None);
        assert!(settling.due().is_empty());
    }
}
