//! The run dialog's port and storage rows as typed: plain values (no signals), so a row outlives nothing it
//! depends on. The dialog keeps a `Vec` of drafts in one signal it owns; closing the dialog cannot leave a row
//! pointing at disposed state (the cause of the "Run… opens nothing after Cancel" crash).
//!
//! Invariant: `parsed()` is the only way a draft becomes a `PortSpec`/`MountSpec`, with the same parsers the
//! backend uses; a half-written row keeps its text and says what is missing.

use crate::input::InputError;

use super::{MountKind, MountSpec, PortSpec};

/// A row that can be found again by its key after rows before it were removed.
pub trait DraftRow: Clone + PartialEq + 'static {
    fn key(&self) -> u32;
    /// What is wrong with the row as typed — nothing while nothing was typed yet, so a new row does not shout.
    fn problem(&self) -> Option<String>;
}

/// One `-p` row: host address, host port, container port, protocol, each as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PortDraft {
    pub key: u32,
    pub host_ip: String,
    pub host_port: String,
    pub container_port: String,
    pub protocol: String,
}

impl PortDraft {
    pub fn new(key: u32, container_port: &str, protocol: &str) -> Self {
        Self {
            key,
            container_port: container_port.to_owned(),
            protocol: protocol.to_owned(),
            ..Self::default()
        }
    }

    pub fn parsed(&self) -> Result<PortSpec, InputError> {
        PortSpec::from_parts(
            &self.host_ip,
            &self.host_port,
            &self.container_port,
            &self.protocol,
        )
    }

    /// `80/tcp`, as an image's `EXPOSE` names a port; used to offer only the exposed ports not yet in a row.
    pub fn exposed_form(&self) -> String {
        format!("{}/{}", self.container_port.trim(), self.protocol)
    }

    /// Nothing typed yet: the row's problem is not shown before the user has written something.
    pub fn is_blank(&self) -> bool {
        self.host_ip.trim().is_empty()
            && self.host_port.trim().is_empty()
            && self.container_port.trim().is_empty()
    }
}

impl DraftRow for PortDraft {
    fn key(&self) -> u32 {
        self.key
    }
    fn problem(&self) -> Option<String> {
        self.parsed()
            .err()
            .map(String::from)
            .filter(|_| !self.is_blank())
    }
}

/// One `--mount` row: kind, source (volume name or host folder), target, read-only, tmpfs size.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MountDraft {
    pub key: u32,
    pub kind: MountKind,
    pub source: String,
    pub target: String,
    pub read_only: bool,
    pub size: String,
}

impl MountDraft {
    pub fn new(key: u32, kind: MountKind) -> Self {
        Self {
            key,
            kind,
            source: String::new(),
            target: String::new(),
            read_only: false,
            size: String::new(),
        }
    }

    pub fn parsed(&self) -> Result<MountSpec, InputError> {
        MountSpec::from_parts(
            self.kind,
            &self.source,
            &self.target,
            self.read_only,
            &self.size,
        )
    }

    pub fn is_blank(&self) -> bool {
        self.source.trim().is_empty() && self.target.trim().is_empty()
    }
}

impl DraftRow for MountDraft {
    fn key(&self) -> u32 {
        self.key
    }
    fn problem(&self) -> Option<String> {
        self.parsed()
            .err()
            .map(String::from)
            .filter(|_| !self.is_blank())
    }
}

/// Applies `change` to the row with `key`, if it is still there (it may have been removed meanwhile).
pub fn edit_row<R: DraftRow>(rows: &mut [R], key: u32, change: impl FnOnce(&mut R)) {
    if let Some(row) = rows.iter_mut().find(|r| r.key() == key) {
        change(row);
    }
}

/// The row's position among the rows (what whole-form problems such as `port.2` refer to), if it is still there.
pub fn row_index<R: DraftRow>(rows: &[R], key: u32) -> Option<usize> {
    rows.iter().position(|r| r.key() == key)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::container::run::Protocol;

    #[test]
    fn a_port_draft_parses_as_the_backend_would() {
        let mut row = PortDraft::new(0, "80", "tcp");
        assert!(!row.is_blank());
        row.host_port = "8080".into();
        let spec = row.parsed().expect("a complete row");
        assert_eq!(spec.host_port, Some(8080));
        assert_eq!(spec.container_port, 80);
        assert_eq!(spec.protocol, Protocol::Tcp);
        assert_eq!(row.exposed_form(), "80/tcp");
    }

    #[test]
    fn a_new_row_is_blank_and_incomplete() {
        let row = PortDraft::new(3, "", "tcp");
        assert!(row.is_blank());
        assert!(row.parsed().is_err());
        assert_eq!(row.problem(), None, "a row nobody typed in does not shout");
        let typed = PortDraft {
            host_port: "70000".into(),
            ..row
        };
        assert!(typed.problem().is_some_and(|p| p.contains("out of range")));
        let mount = MountDraft::new(4, MountKind::Volume);
        assert!(mount.is_blank());
        assert!(mount.parsed().is_err(), "a mount needs its target");
    }

    #[test]
    fn rows_are_edited_and_found_by_key_after_a_removal() {
        let mut rows = vec![
            PortDraft::new(1, "80", "tcp"),
            PortDraft::new(2, "443", "tcp"),
        ];
        rows.retain(|r| r.key != 1);
        edit_row(&mut rows, 2, |r| r.host_port = "8443".into());
        edit_row(&mut rows, 1, |r| r.host_port = "1".into());
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].host_port, "8443");
        assert_eq!(row_index(&rows, 2), Some(0));
        assert_eq!(row_index(&rows, 1), None);
    }

    #[test]
    fn a_mount_draft_parses_each_kind() {
        let mut volume = MountDraft::new(0, MountKind::Volume);
        volume.source = "data".into();
        volume.target = "/data".into();
        assert!(matches!(volume.parsed(), Ok(MountSpec::Volume { .. })));
        let mut tmpfs = MountDraft::new(1, MountKind::Tmpfs);
        tmpfs.target = "/cache".into();
        tmpfs.size = "64m".into();
        assert!(matches!(
            tmpfs.parsed(),
            Ok(MountSpec::Tmpfs { size: Some(_), .. })
        ));
    }
}
