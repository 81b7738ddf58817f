//! Reading and writing one field of one row in a dialog's list of draft rows (`PortDraft`, `MountDraft`).
//!
//! Invariant: rows are plain values inside one signal the dialog owns, found by key on every read and write, so
//! a row's view never holds reactive state that closing the dialog disposes.

use leptos::prelude::*;
use porthole_model::container::run::{edit_row, row_index, DraftRow};

/// One field of the row `key`, tracked (a default once the row is gone).
pub fn read<R: DraftRow + Send + Sync, T: Default>(
    rows: RwSignal<Vec<R>>,
    key: u32,
    field: impl Fn(&R) -> T,
) -> T {
    rows.with(|all| {
        all.iter()
            .find(|r| r.key() == key)
            .map(field)
            .unwrap_or_default()
    })
}

/// Changes the row `key`, if it is still there (a late answer for a removed row changes nothing).
pub fn write<R: DraftRow + Send + Sync>(
    rows: RwSignal<Vec<R>>,
    key: u32,
    change: impl FnOnce(&mut R),
) {
    rows.try_update(|all| edit_row(all, key, change));
}

/// The row's position among the rows, which whole-form problems (`port.2`) refer to.
pub fn index<R: DraftRow + Send + Sync>(rows: RwSignal<Vec<R>>, key: u32) -> usize {
    rows.with(|all| row_index(all, key).unwrap_or(0))
}

/// Removes the row `key`.
pub fn remove<R: DraftRow + Send + Sync>(rows: RwSignal<Vec<R>>, key: u32) {
    rows.update(|all| all.retain(|r| r.key() != key));
}

/// The row's own problem (`DraftRow::problem`), else a whole-form problem about its position (a clashing host
/// port, a mount path used twice).
pub fn problem<R: DraftRow + Send + Sync>(
    rows: RwSignal<Vec<R>>,
    key: u32,
    by_index: Signal<Vec<(usize, String)>>,
) -> Option<String> {
    let own = rows.with(|all| all.iter().find(|r| r.key() == key).and_then(R::problem));
    own.or_else(|| {
        let at = index(rows, key);
        by_index.with(|all| all.iter().find(|(i, _)| *i == at).map(|(_, m)| m.clone()))
    })
}
