//! The images list as the UI shows it: one row per tag (like `docker image ls`), filtering and sorting.

use crate::container::list::Sort;
use crate::image::ImageSummary;
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ImageColumn {
    Repository,
    Tag,
    Id,
    Size,
    Created,
    InUse,
}

impl ImageColumn {
    pub const ALL: [ImageColumn; 6] = [
        Self::Repository,
        Self::Tag,
        Self::Id,
        Self::Size,
        Self::Created,
        Self::InUse,
    ];

    pub fn title(self) -> &'static str {
        match self {
            Self::Repository => "Repository",
            Self::Tag => "Tag",
            Self::Id => "Image ID",
            Self::Size => "Size",
            Self::Created => "Created",
            Self::InUse => "In use",
        }
    }
}

/// One line of the images table: an image under one of its names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImageRow<'a> {
    pub image: &'a ImageSummary,
    pub repository: String,
    pub tag: String,
}

impl ImageRow<'_> {
    /// Which row this is, whatever changes about it: what a selection holds on to.
    pub fn identity(&self) -> String {
        format!("{}|{}:{}", self.image.id, self.repository, self.tag)
    }

    /// The row's render key: its identity plus what it shows that can change (how many containers use it), so the
    /// row is drawn again when that changes — while the selection, by identity, stays.
    pub fn key(&self) -> String {
        format!("{}|{}", self.identity(), self.image.containers)
    }
}

pub fn visible<'a>(
    images: &'a [ImageSummary],
    filter: &str,
    sort: Sort<ImageColumn>,
) -> Vec<ImageRow<'a>> {
    let needle = filter.trim().to_lowercase();
    let mut rows: Vec<ImageRow> = images
        .iter()
        .flat_map(|image| {
            image
                .repository_tags()
                .into_iter()
                .map(move |(repository, tag)| ImageRow {
                    image,
                    repository,
                    tag,
                })
        })
        .filter(|row| {
            needle.is_empty()
                || row.repository.to_lowercase().contains(&needle)
                || row.tag.to_lowercase().contains(&needle)
                || row.image.short_id().starts_with(&needle)
        })
        .collect();
    rows.sort_by(|a, b| {
        let order = compare(a, b, sort.column);
        let order = if sort.descending {
            order.reverse()
        } else {
            order
        };
        order
            .then_with(|| a.repository.cmp(&b.repository))
            .then_with(|| a.tag.cmp(&b.tag))
    });
    rows
}

fn compare(a: &ImageRow, b: &ImageRow, column: ImageColumn) -> Ordering {
    match column {
        ImageColumn::Repository => a.repository.cmp(&b.repository),
        ImageColumn::Tag => a.tag.cmp(&b.tag),
        ImageColumn::Id => a.image.id.cmp(&b.image.id),
        ImageColumn::Size => b.image.size.cmp(&a.image.size),
        ImageColumn::Created => b.image.created.cmp(&a.image.created),
        ImageColumn::InUse => b.image.containers.cmp(&a.image.containers),
    }
}

/// What `docker image prune` (or `-a`) would remove, worked out from the list before asking: the images no
/// container uses that are dangling (untagged), or with `all` every unused one.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PrunePreview {
    pub all: bool,
    pub images: Vec<ImageSummary>,
    /// The images' sizes added up. Layers shared with images that stay are not freed, so this is an upper bound.
    pub reclaimable: i64,
}

impl PrunePreview {
    pub fn of(images: &[ImageSummary], all: bool) -> Self {
        let images: Vec<ImageSummary> = images
            .iter()
            .filter(|image| !image.in_use() && (all || image.is_dangling()))
            .cloned()
            .collect();
        let reclaimable = images.iter().map(|image| image.size.max(0)).sum();
        PrunePreview {
            all,
            images,
            reclaimable,
        }
    }
}

/// What a prune did, as the engine reports it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PruneReport {
    /// Image and layer ids deleted.
    pub deleted: Vec<String>,
    /// Names taken off.
    pub untagged: Vec<String>,
    /// Bytes freed.
    pub reclaimed: u64,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn image(id: &str, tags: &[&str], size: i64) -> ImageSummary {
        ImageSummary {
            id: format!("sha256:{id}"),
            tags: tags.iter().map(|t| t.to_string()).collect(),
            digests: vec![],
            size,
            created: 0,
            containers: 0,
        }
    }

    #[test]
    fn one_row_per_tag_and_filter() {
        let images = vec![
            image("aaa", &["web:1", "web:latest"], 10),
            image("bbb", &["db:2"], 20),
        ];
        let sort = Sort {
            column: ImageColumn::Repository,
            descending: false,
        };
        let rows = visible(&images, "", sort);
        assert_eq!(rows.len(), 3);
        assert_eq!(rows[0].repository, "db");
        assert_eq!(visible(&images, "LATEST", sort).len(), 1);
        assert_eq!(visible(&images, "bbb", sort).len(), 1);
    }

    #[test]
    fn size_sorts_largest_first() {
        let images = vec![image("aaa", &["small:1"], 10), image("bbb", &["big:1"], 20)];
        let rows = visible(
            &images,
            "",
            Sort {
                column: ImageColumn::Size,
                descending: false,
            },
        );
        assert_eq!(rows[0].repository, "big");
    }

    #[test]
    fn prune_preview_keeps_used_and_tagged_images() {
        let mut used = image("ccc", &[], 5);
        used.containers = 1;
        let images = vec![image("aaa", &["web:1"], 10), image("bbb", &[], 20), used];
        let dangling = PrunePreview::of(&images, false);
        assert_eq!(dangling.images.len(), 1);
        assert_eq!(dangling.images[0].id, "sha256:bbb");
        assert_eq!(dangling.reclaimable, 20);
        let all = PrunePreview::of(&images, true);
        assert_eq!(all.images.len(), 2);
        assert_eq!(all.reclaimable, 30);
    }
}
