//! Where the disk went (`docker system df -v`): every image, container, volume and build-cache record with its
//! size, the totals `docker system df` prints for each kind (computed by the same rules, so the figures match), and
//! a reclaim — exactly the objects the user saw previewed, never "whatever is unused by then".

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DiskKind {
    Images,
    Containers,
    Volumes,
    BuildCache,
}

impl DiskKind {
    pub const ALL: [DiskKind; 4] = [
        Self::Images,
        Self::Containers,
        Self::Volumes,
        Self::BuildCache,
    ];

    /// The TYPE column of `docker system df`.
    pub fn title(self) -> &'static str {
        match self {
            Self::Images => "Images",
            Self::Containers => "Containers",
            Self::Volumes => "Local Volumes",
            Self::BuildCache => "Build Cache",
        }
    }

    pub fn slug(self) -> &'static str {
        match self {
            Self::Images => "images",
            Self::Containers => "containers",
            Self::Volumes => "volumes",
            Self::BuildCache => "build-cache",
        }
    }

    /// What reclaiming this kind removes, in a sentence.
    pub fn reclaims(self) -> &'static str {
        match self {
            Self::Images => "Images no container uses (running or stopped): they can be pulled or built again.",
            Self::Containers => {
                "Stopped containers, with their writable layers: whatever they wrote outside a volume is lost."
            }
            Self::Volumes => "Volumes no container uses, with the data in them: this cannot be undone.",
            Self::BuildCache => "Build cache no build uses now: the next build redoes those steps.",
        }
    }
}

/// One object on the disk page.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DiskItem {
    /// What removes it: an image's or cache record's id, a container's id, a volume's name.
    pub id: String,
    /// What the user knows it by: `nginx:latest`, a container's name, a volume's name, a build step.
    pub name: String,
    /// Bytes: an image's whole size, a container's writable layer, a volume's data, a cache record's size.
    pub size: i64,
    /// An image's bytes shared with other images (`-1`: not computed).
    pub shared: i64,
    /// Containers using it (images, volumes); running for a container; in use for a cache record.
    pub users: i64,
    pub in_use: bool,
    /// A cache record shared with another record does not count towards the size (as `docker system df`).
    pub counted: bool,
    /// An image's names (`repository:tag`), every one: removing the image removes them all.
    #[serde(default)]
    pub tags: Vec<String>,
}

impl DiskItem {
    /// What the preview and the command name it by: an image by all its names.
    pub fn names(&self) -> Vec<String> {
        match self.tags.is_empty() {
            true => vec![self.name.clone()],
            false => self.tags.clone(),
        }
    }
}

impl DiskItem {
    /// What removing it frees: an image's unique bytes (its size less what it shares), anything else's size.
    pub fn frees(&self, kind: DiskKind) -> i64 {
        match kind {
            DiskKind::Images if self.shared > 0 => (self.size - self.shared).max(0),
            _ => self.size.max(0),
        }
    }
}

/// `docker system df -v`, as the engine answered it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DiskUsage {
    /// The bytes of every image layer on the engine, shared layers once.
    pub layers_size: i64,
    pub images: Vec<DiskItem>,
    pub containers: Vec<DiskItem>,
    pub volumes: Vec<DiskItem>,
    pub build_cache: Vec<DiskItem>,
}

/// One row of `docker system df`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DiskTotals {
    pub count: usize,
    pub active: usize,
    pub size: i64,
    pub reclaimable: i64,
}

impl DiskTotals {
    /// The reclaimable share, as `docker system df` prints it beside the bytes (`45%`).
    pub fn percent(&self) -> i64 {
        match self.size {
            size if size > 0 => self.reclaimable * 100 / size,
            _ => 0,
        }
    }
}

impl DiskUsage {
    pub fn items(&self, kind: DiskKind) -> &[DiskItem] {
        match kind {
            DiskKind::Images => &self.images,
            DiskKind::Containers => &self.containers,
            DiskKind::Volumes => &self.volumes,
            DiskKind::BuildCache => &self.build_cache,
        }
    }

    /// The kind's items largest first (by what removing them frees, then by name).
    pub fn largest_first(&self, kind: DiskKind) -> Vec<DiskItem> {
        let mut items = self.items(kind).to_vec();
        items.sort_by(|a, b| {
            b.frees(kind)
                .cmp(&a.frees(kind))
                .then_with(|| a.name.cmp(&b.name))
        });
        items
    }

    /// What reclaiming `kind` would remove: the items not in use, largest first.
    pub fn reclaimable(&self, kind: DiskKind) -> Vec<DiskItem> {
        self.largest_first(kind)
            .into_iter()
            .filter(|i| !i.in_use && (kind != DiskKind::BuildCache || i.counted))
            .collect()
    }

    /// The totals by the docker CLI's rules (`cli/command/formatter/disk_usage.go`): images count every layer once
    /// and reclaim what the used images do not hold alone; shared cache records count for nothing.
    pub fn totals(&self, kind: DiskKind) -> DiskTotals {
        let items = self.items(kind);
        let count = items.len();
        let active = items.iter().filter(|i| i.in_use).count();
        let sum = |keep: &dyn Fn(&DiskItem) -> bool| -> i64 {
            items
                .iter()
                .filter(|i| keep(i) && i.size >= 0)
                .map(|i| i.size)
                .sum()
        };
        let (size, reclaimable) = match kind {
            DiskKind::Images => {
                let used: i64 = items
                    .iter()
                    .filter(|i| i.in_use && i.size >= 0 && i.shared >= 0)
                    .map(|i| i.size - i.shared)
                    .sum();
                (self.layers_size, (self.layers_size - used).max(0))
            }
            DiskKind::BuildCache => (sum(&|i| i.counted), sum(&|i| i.counted && !i.in_use)),
            _ => (sum(&|_| true), sum(&|i| !i.in_use)),
        };
        DiskTotals {
            count,
            active,
            size,
            reclaimable,
        }
    }
}

/// Remove exactly these, as the preview listed them (with their sizes, for the report of what was freed).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reclaim {
    pub kind: DiskKind,
    pub items: Vec<DiskItem>,
}

impl Reclaim {
    /// The command removing these: `docker rm|rmi|volume rm NAME…`; the build cache has no removal by record, so
    /// `docker builder prune` (every record no build uses).
    pub fn cli(&self) -> String {
        let mut words: Vec<String> = match self.kind {
            DiskKind::Images => vec!["docker".into(), "rmi".into()],
            DiskKind::Containers => vec!["docker".into(), "rm".into()],
            DiskKind::Volumes => vec!["docker".into(), "volume".into(), "rm".into()],
            DiskKind::BuildCache => return "docker builder prune -f".into(),
        };
        words.extend(self.items.iter().flat_map(DiskItem::names));
        crate::container::run::join(&words)
    }
}

/// What a reclaim did: what went, the bytes freed (the preview's figures of what went), and what refused.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reclaimed {
    pub removed: Vec<String>,
    pub freed: i64,
    /// Each refusal: the object and the engine's sentence (a container started since, an image now in use).
    pub refused: Vec<(String, String)>,
}

#[cfg(test)]
#[path = "disk_tests.rs"]
mod tests;
