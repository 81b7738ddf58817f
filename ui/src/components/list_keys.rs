//! Keyboard navigation in lists: arrow keys, Home/End and Page Up/Down move the selection, which is kept by id so
//! it survives live updates and re-sorting.

use crate::components::viewport::Viewport;
use leptos::prelude::*;

/// Handles a keydown on a list whose visible row ids are `ids`; returns whether the key was used.
pub fn navigate(
    key: &str,
    ids: &[String],
    selected: RwSignal<Option<String>>,
    viewport: Viewport,
) -> bool {
    if ids.is_empty() {
        return false;
    }
    let current =
        selected.with_untracked(|s| s.as_ref().and_then(|id| ids.iter().position(|i| i == id)));
    let last = ids.len() - 1;
    let next = match (key, current) {
        ("ArrowDown", None) | ("Home", _) => 0,
        ("ArrowUp", None) | ("End", _) => last,
        ("ArrowDown", Some(i)) => (i + 1).min(last),
        ("ArrowUp", Some(i)) => i.saturating_sub(1),
        ("PageDown", i) => (i.unwrap_or(0) + 10).min(last),
        ("PageUp", i) => i.unwrap_or(0).saturating_sub(10),
        _ => return false,
    };
    selected.set(Some(ids[next].clone()));
    viewport.reveal(next);
    true
}
