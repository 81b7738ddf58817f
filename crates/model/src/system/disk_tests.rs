use super::*;

fn item(id: &str, size: i64, shared: i64, in_use: bool) -> DiskItem {
    DiskItem {
        id: id.into(),
        name: id.into(),
        size,
        shared,
        users: in_use as i64,
        in_use,
        counted: true,
        tags: Vec::new(),
    }
}

#[test]
fn images_count_shared_layers_once_and_reclaim_what_used_images_do_not_hold() {
    let usage = DiskUsage {
        layers_size: 300,
        images: vec![
            item("a", 200, 100, true),
            item("b", 150, 100, false),
            item("c", 50, 0, false),
        ],
        ..DiskUsage::default()
    };
    let totals = usage.totals(DiskKind::Images);
    assert_eq!((totals.count, totals.active, totals.size), (3, 1, 300));
    assert_eq!(totals.reclaimable, 200, "300 less the 100 only `a` holds");
    assert_eq!(totals.percent(), 66);
    let goes: Vec<_> = usage
        .reclaimable(DiskKind::Images)
        .into_iter()
        .map(|i| i.id)
        .collect();
    assert_eq!(
        goes,
        ["b", "c"],
        "largest first by what removing frees (b: 150 less 100 shared, c: 50), then by name"
    );
}

#[test]
fn containers_and_volumes_reclaim_what_is_not_in_use() {
    let usage = DiskUsage {
        containers: vec![item("up", 10, 0, true), item("down", 30, 0, false)],
        volumes: vec![
            item("data", 500, 0, true),
            item("old", 70, 0, false),
            item("unknown", -1, 0, false),
        ],
        ..DiskUsage::default()
    };
    let c = usage.totals(DiskKind::Containers);
    assert_eq!((c.count, c.active, c.size, c.reclaimable), (2, 1, 40, 30));
    let v = usage.totals(DiskKind::Volumes);
    assert_eq!(
        (v.count, v.active, v.size, v.reclaimable),
        (3, 1, 570, 70),
        "a size the engine did not compute (-1) counts as nothing"
    );
    assert_eq!(usage.reclaimable(DiskKind::Volumes).len(), 2);
}

#[test]
fn shared_cache_records_count_for_nothing() {
    let mut shared = item("shared", 40, 0, false);
    shared.counted = false;
    let usage = DiskUsage {
        build_cache: vec![
            item("busy", 10, 0, true),
            item("idle", 20, 0, false),
            shared,
        ],
        ..DiskUsage::default()
    };
    let b = usage.totals(DiskKind::BuildCache);
    assert_eq!((b.count, b.size, b.reclaimable), (3, 30, 20));
    assert_eq!(usage.reclaimable(DiskKind::BuildCache).len(), 1);
}

#[test]
fn an_empty_engine_has_nothing_to_reclaim() {
    let usage = DiskUsage::default();
    for kind in DiskKind::ALL {
        assert_eq!(usage.totals(kind), DiskTotals::default());
        assert_eq!(usage.totals(kind).percent(), 0);
        assert!(!kind.reclaims().is_empty() && !kind.title().is_empty());
    }
}

#[test]
fn a_reclaim_names_each_object_it_removes() {
    let reclaim = |kind, names: &[&str]| Reclaim {
        kind,
        items: names.iter().map(|n| item(n, 1, 0, false)).collect(),
    };
    assert_eq!(
        reclaim(DiskKind::Images, &["nginx:1", "0123456789ab"]).cli(),
        "docker rmi nginx:1 0123456789ab"
    );
    let mut named_twice = item("sha256:1", 1, 0, false);
    named_twice.tags = vec!["web:1".into(), "web:latest".into()];
    let both = Reclaim {
        kind: DiskKind::Images,
        items: vec![named_twice],
    };
    assert_eq!(
        both.cli(),
        "docker rmi web:1 web:latest",
        "every name goes with the image, and the command says so"
    );
    assert_eq!(
        reclaim(DiskKind::Containers, &["old"]).cli(),
        "docker rm old"
    );
    assert_eq!(
        reclaim(DiskKind::Volumes, &["data", "cache"]).cli(),
        "docker volume rm data cache"
    );
    assert_eq!(
        reclaim(DiskKind::BuildCache, &["x"]).cli(),
        "docker builder prune -f"
    );
}
