//! Where the disk went, through the engine layer: the totals equal `docker system df`'s, and a reclaim removes
//! exactly the previewed objects — refusing, not forcing, one that came into use since.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a failed assumption is the test failing

mod common;

use porthole_engine::system::disk;
use porthole_model::system::disk::{DiskKind, DiskUsage, Reclaim};

/// `1.984MB` → bytes, as the docker CLI's decimal units mean it.
fn bytes(text: &str) -> f64 {
    let text = text.split(' ').next().unwrap();
    let split = text.find(|c: char| c.is_ascii_alphabetic()).unwrap();
    let (number, unit) = text.split_at(split);
    let scale = match unit {
        "B" => 1.0,
        "kB" => 1e3,
        "MB" => 1e6,
        "GB" => 1e9,
        other => panic!("unit {other}"),
    };
    number.parse::<f64>().unwrap() * scale
}

fn close(ours: i64, theirs: &str) -> bool {
    let theirs = bytes(theirs);
    (ours as f64 - theirs).abs() <= theirs * 0.005 + 1.0
}

fn item(usage: &DiskUsage, kind: DiskKind, id: &str) -> porthole_model::system::disk::DiskItem {
    usage
        .items(kind)
        .iter()
        .find(|i| i.id == id || i.name == id)
        .unwrap_or_else(|| panic!("{id} not in {kind:?}"))
        .clone()
}

/// Removes what the test made when it ends, also when it fails (a volume, images by name).
struct Gone(&'static [&'static str], Vec<String>);

impl Drop for Gone {
    fn drop(&mut self) {
        let args: Vec<&str> = self
            .0
            .iter()
            .copied()
            .chain(self.1.iter().map(String::as_str))
            .collect();
        let _ = std::process::Command::new("docker")
            .args(args)
            .env("DOCKER_HOST", common::endpoint().host)
            .output();
    }
}

#[tokio::test]
async fn figures_match_docker_system_df_and_reclaim_removes_exactly_the_preview() {
    let engine = common::engine().await;
    // A stopped container that wrote a megabyte, a volume holding 200 kB that nothing uses, and an image of two
    // names that nothing uses.
    let stopped = common::unique("disk-stopped");
    let _stopped = common::Removed(stopped.clone());
    common::docker(&[
        "run",
        "--name",
        &stopped,
        common::BUSYBOX,
        "sh",
        "-c",
        "head -c 1000000 /dev/zero > /big",
    ]);
    let volume = common::unique("disk-volume");
    common::docker(&["volume", "create", &volume]);
    let _volume = Gone(&["volume", "rm", "-f"], vec![volume.clone()]);
    let mount = format!("{volume}:/d");
    common::docker(&[
        "run",
        "--rm",
        "-v",
        &mount,
        common::BUSYBOX,
        "sh",
        "-c",
        "head -c 200000 /dev/zero > /d/f",
    ]);
    let image = format!("porthole-test/{}:1", common::unique("disk-image"));
    let other_name = format!("{}-again", image.trim_end_matches(":1"));
    let _images = Gone(&["rmi", "-f"], vec![image.clone(), other_name.clone()]);
    common::commit_image(&image, "head -c 300000 /dev/zero > /made", &[]);
    common::docker(&["tag", &image, &other_name]);
    // A stopped container that starts after the preview: the reclaim must refuse it, not force it.
    let (restarted, _restarted) =
        common::started("disk-restarted", &[common::BUSYBOX, "sleep", "600"]);
    common::docker(&["stop", "-t", "0", &restarted]);

    let usage = disk::usage(&engine).await.unwrap();
    let cli = common::docker(&[
        "system",
        "df",
        "--format",
        "{{.Type}}\t{{.TotalCount}}\t{{.Active}}\t{{.Size}}\t{{.Reclaimable}}",
    ]);
    for line in cli.lines() {
        let columns: Vec<&str> = line.split('\t').collect();
        let kind = DiskKind::ALL
            .into_iter()
            .find(|k| k.title() == columns[0])
            .unwrap();
        let totals = usage.totals(kind);
        assert_eq!(totals.count.to_string(), columns[1], "{line}");
        assert_eq!(totals.active.to_string(), columns[2], "{line}");
        assert!(close(totals.size, columns[3]), "{line}: ours {totals:?}");
        assert!(
            close(totals.reclaimable, columns[4]),
            "{line}: ours {totals:?}"
        );
    }
    assert!(item(&usage, DiskKind::Containers, &stopped).size >= 1_000_000);
    assert_eq!(item(&usage, DiskKind::Volumes, &volume).size, 200_000);
    let image_id = common::docker(&["image", "inspect", "--format", "{{.Id}}", &image]);
    let made = item(&usage, DiskKind::Images, &image_id);
    assert!(
        !made.in_use && made.size - made.shared >= 300_000,
        "{made:?}"
    );

    // Reclaim exactly these: the container started since is refused and stays; the rest go.
    let previewed = |kind, names: &[&str]| Reclaim {
        kind,
        items: names.iter().map(|n| item(&usage, kind, n)).collect(),
    };
    common::docker(&["start", &restarted]);
    let done = disk::reclaim(
        &engine,
        &previewed(DiskKind::Containers, &[&stopped, &restarted]),
    )
    .await
    .unwrap();
    assert_eq!(done.removed, std::slice::from_ref(&stopped));
    assert_eq!(done.refused.len(), 1, "{done:?}");
    assert_eq!(done.refused[0].0, restarted);
    assert!(done.freed >= 1_000_000);
    assert_eq!(
        common::docker(&["inspect", "--format", "{{.State.Running}}", &restarted]),
        "true"
    );
    assert!(common::docker(&["ps", "-aq", "--filter", &format!("name=^{stopped}$")]).is_empty());

    let done = disk::reclaim(&engine, &previewed(DiskKind::Volumes, &[&volume]))
        .await
        .unwrap();
    assert_eq!((done.removed.len(), done.freed), (1, 200_000));
    assert!(common::docker(&[
        "volume",
        "ls",
        "-q",
        "--filter",
        &format!("name=^{volume}$")
    ])
    .is_empty());

    // A name given to the image after the preview was not confirmed: the image stays, named as it is.
    let third = format!("{}-third:1", image.trim_end_matches(":1"));
    common::docker(&["tag", &image, &third]);
    let refused = disk::reclaim(&engine, &previewed(DiskKind::Images, &[&image_id]))
        .await
        .unwrap();
    assert!(
        refused.removed.is_empty() && refused.refused.len() == 1,
        "{refused:?}"
    );
    assert_eq!(
        common::docker(&["image", "inspect", "--format", "{{.Id}}", &image]),
        image_id
    );
    common::docker(&["rmi", &third]);

    let done = disk::reclaim(&engine, &previewed(DiskKind::Images, &[&image_id]))
        .await
        .unwrap();
    assert!(done.refused.is_empty(), "{done:?}");
    let left = common::docker(&[
        "image",
        "ls",
        "-q",
        "--filter",
        &format!("reference={image}"),
    ]) + &common::docker(&[
        "image",
        "ls",
        "-q",
        "--filter",
        &format!("reference={other_name}"),
    ]);
    assert!(left.is_empty(), "both names went with the image");
    assert!(
        common::docker(&["image", "ls", "-q", common::BUSYBOX]).len() >= 12,
        "the base image stays"
    );
}
