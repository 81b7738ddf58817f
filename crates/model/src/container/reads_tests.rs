use super::*;
use crate::container::ContainerState;

fn changes(changed: &[&str], removed: &[&str]) -> ContainerChanges {
    ContainerChanges {
        changed: changed.iter().map(|s| s.to_string()).collect(),
        removed: removed.iter().map(|s| s.to_string()).collect(),
    }
}

fn named(ids: &[&str]) -> Option<ContainerRead> {
    Some(ContainerRead::Named(
        ids.iter().map(|s| s.to_string()).collect(),
    ))
}

fn container(id: &str, created: i64, state: ContainerState) -> ContainerSummary {
    ContainerSummary {
        id: id.into(),
        name: id.into(),
        created,
        state,
        ..Default::default()
    }
}

#[test]
fn one_read_at_a_time_and_what_comes_meanwhile_waits_for_it() {
    let mut reads = ContainerReads::default();
    assert_eq!(reads.named(&changes(&["a"], &[])).read, named(&["a"]));
    // While "a" is read, "b" changes and "a" is destroyed: nothing starts, nothing is dropped yet…
    assert_eq!(reads.named(&changes(&["b"], &["a"])), NextStep::default());
    // …until the read of "a" answered: then "a" goes (after its reply, so that reply cannot bring it back) and "b"
    // is read.
    assert_eq!(
        reads.ended(),
        NextStep {
            drop: vec!["a".into()],
            read: named(&["b"])
        }
    );
    assert_eq!(reads.ended(), NextStep::default());
}

#[test]
fn a_destroyed_container_goes_at_once_when_nothing_is_read() {
    let mut reads = ContainerReads::default();
    assert_eq!(
        reads.named(&changes(&[], &["a"])),
        NextStep {
            drop: vec!["a".into()],
            read: None
        }
    );
}

#[test]
fn a_whole_read_takes_in_the_named_ones() {
    let mut reads = ContainerReads::default();
    assert_eq!(reads.whole().read, Some(ContainerRead::Whole));
    reads.named(&changes(&["a", "b"], &[]));
    reads.whole();
    assert_eq!(reads.ended().read, Some(ContainerRead::Whole));
    assert_eq!(
        reads.ended(),
        NextStep::default(),
        "a and b were in the whole read"
    );
}

#[test]
fn a_reconnect_reads_the_whole_list_at_once_and_the_read_before_it_is_stale() {
    let mut reads = ContainerReads::default();
    assert_eq!(reads.named(&changes(&["a"], &[])).read, named(&["a"]));
    let before = reads.generation();
    reads.named(&changes(&["b"], &[]));
    // The engine went and came back (or another was chosen): the whole list now, not after the old read.
    assert_eq!(reads.reconnected().read, Some(ContainerRead::Whole));
    assert!(!reads.is_current(before), "the old read's reply is dropped");
    assert!(reads.is_current(reads.generation()));
    assert_eq!(reads.ended(), NextStep::default(), "b was the old engine's");
}

#[test]
fn merging_replaces_adds_newest_first_and_drops_what_the_engine_no_longer_lists() {
    let mut list = vec![
        container("old", 1, ContainerState::Running),
        container("gone", 2, ContainerState::Exited),
        container("kept", 3, ContainerState::Running),
    ];
    let asked: Vec<String> = ["old", "gone", "new1", "new2"].map(String::from).to_vec();
    merge_named(
        &mut list,
        &asked,
        vec![
            container("new1", 10, ContainerState::Created),
            container("old", 1, ContainerState::Exited),
            container("new2", 11, ContainerState::Running),
        ],
    );
    let ids: Vec<&str> = list.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, ["new2", "new1", "old", "kept"]);
    assert_eq!(
        list[2].state,
        ContainerState::Exited,
        "replaced by the fresh row"
    );
    drop_ids(&mut list, &["kept".to_owned()]);
    assert_eq!(list.len(), 3);
}
