//! A layer of `docker history` and a line of `docker diff`, from the engine's answers.

use crate::container::files::{ChangeKind, FileChange};
use crate::image::details::HistoryEntry;
use bollard::models as engine;

impl From<engine::HistoryResponseItem> for HistoryEntry {
    fn from(layer: engine::HistoryResponseItem) -> Self {
        HistoryEntry {
            id: layer.id,
            created: layer.created,
            // An imported layer has no instruction, only the comment `Imported from -`.
            instruction: match HistoryEntry::instruction_from(&layer.created_by) {
                empty if empty.is_empty() => layer.comment.clone(),
                instruction => instruction,
            },
            size: layer.size,
            comment: layer.comment,
        }
    }
}

impl From<engine::FilesystemChange> for FileChange {
    fn from(change: engine::FilesystemChange) -> Self {
        FileChange {
            path: change.path,
            // The API's numbers: 0 modified, 1 added, 2 deleted.
            kind: match change.kind {
                engine::ChangeType::_0 => ChangeKind::Changed,
                engine::ChangeType::_1 => ChangeKind::Added,
                engine::ChangeType::_2 => ChangeKind::Deleted,
            },
        }
    }
}
