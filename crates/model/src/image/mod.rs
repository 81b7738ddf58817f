//! One image as the images list shows it.
//!
//! This folder holds everything about images: references (`reference`), the list and pruning (`list`), details,
//! pulls, builds and the build context's `.dockerignore`, and images to and from files (`archive`).

pub mod archive;
pub mod build;
pub mod details;
pub mod dockerignore;
pub mod list;
pub mod pull;
pub mod reference;

use serde::{Deserialize, Serialize};

/// An image as `docker image ls` lists it: one entry per image id, with every tag it carries.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImageSummary {
    /// `sha256:…`
    pub id: String,
    /// `repository:tag` names; empty for a dangling image.
    pub tags: Vec<String>,
    pub digests: Vec<String>,
    /// Bytes.
    pub size: i64,
    /// Unix seconds.
    pub created: i64,
    /// How many containers (running or not) were created from this image. Computed from the container list, since
    /// the engine only fills its own `Containers` field when asked for the expensive disk-usage walk.
    pub containers: usize,
}

impl ImageSummary {
    pub fn short_id(&self) -> &str {
        crate::container::short_id(&self.id)
    }

    pub fn in_use(&self) -> bool {
        self.containers > 0
    }

    pub fn is_dangling(&self) -> bool {
        self.tags.is_empty() || self.tags.iter().all(|t| t == "<none>:<none>")
    }

    /// Whether `wanted` (as a user types it) names this image: its id (whole, or the short form), or one of its
    /// tags after the reference parser's normalisation — so `nginx` is `nginx:latest` is
    /// `docker.io/library/nginx:latest`, as the engine resolves them.
    pub fn answers_to(&self, wanted: &str) -> bool {
        let wanted = wanted.trim();
        if wanted.is_empty() {
            return false;
        }
        let bare_id = self.id.trim_start_matches("sha256:");
        let wanted_id = wanted.trim_start_matches("sha256:");
        if wanted_id.len() >= 12 && bare_id.starts_with(wanted_id) {
            return true;
        }
        let Ok(wanted) = crate::ImageReference::parse(wanted) else {
            return false;
        };
        let same = |name: &String, by: fn(&crate::ImageReference) -> String| {
            crate::ImageReference::parse(name).is_ok_and(|have| by(&have) == by(&wanted))
        };
        if wanted.digest.is_some() && wanted.tag.is_none() {
            // `name@sha256:…` is one of the repository digests the engine lists.
            return self.digests.iter().any(|d| {
                same(d, |r| {
                    format!("{}/{}@{:?}", r.registry, r.repository, r.digest)
                })
            });
        }
        self.tags
            .iter()
            .any(|tag| same(tag, crate::ImageReference::canonical))
    }

    /// Splits each `repository:tag` at the last colon that is not part of a registry port, giving the
    /// repository and tag columns; a dangling image is one `<none>`/`<none>` row.
    pub fn repository_tags(&self) -> Vec<(String, String)> {
        if self.is_dangling() {
            return vec![("<none>".into(), "<none>".into())];
        }
        self.tags.iter().map(|t| split_tag(t)).collect()
    }
}

/// `host:5000/app:1.0` → (`host:5000/app`, `1.0`); `host:5000/app` → (`host:5000/app`, `<none>`).
pub fn split_tag(reference: &str) -> (String, String) {
    let last_slash = reference.rfind('/').map_or(0, |i| i + 1);
    match reference[last_slash..].rfind(':') {
        Some(i) => (
            reference[..last_slash + i].to_owned(),
            reference[last_slash + i + 1..].to_owned(),
        ),
        None => (reference.to_owned(), "<none>".to_owned()),
    }
}

/// Bytes as Docker prints them: decimal units and three significant digits, trailing zeros dropped (`docker image
/// ls` says 7.8MB for 7,800,000 bytes, 187MB, 1.98MB).
pub fn human_size(bytes: i64) -> String {
    const UNITS: [&str; 5] = ["B", "kB", "MB", "GB", "TB"];
    let mut value = bytes.max(0) as f64;
    let mut unit = 0;
    // 999,600 bytes rounds to 1000kB at three digits: that is 1MB.
    while value >= 999.5 && unit < UNITS.len() - 1 {
        value /= 1000.0;
        unit += 1;
    }
    let digits = match value {
        v if unit == 0 || v >= 100.0 => 0,
        v if v >= 10.0 => 1,
        _ => 2,
    };
    let text = format!("{value:.digits$}");
    let text = match text.contains('.') {
        true => text.trim_end_matches('0').trim_end_matches('.'),
        false => &text,
    };
    format!("{text}{}", UNITS[unit])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nginx() -> ImageSummary {
        ImageSummary {
            id: "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef".into(),
            tags: vec!["nginx:latest".into(), "localhost:5000/web:1.0".into()],
            digests: vec![],
            size: 0,
            created: 0,
            containers: 0,
        }
    }

    #[test]
    fn an_image_answers_to_the_names_the_engine_resolves() {
        let image = nginx();
        for name in [
            "nginx",
            "nginx:latest",
            "docker.io/library/nginx",
            "library/nginx:latest",
            "localhost:5000/web:1.0",
            "0123456789ab",
            "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
        ] {
            assert!(image.answers_to(name), "{name}");
        }
        for name in [
            "nginx:1.12",
            "localhost:5000/web",
            "web:1.0",
            "",
            "0123",
            "NGINX",
        ] {
            assert!(!image.answers_to(name), "{name}");
        }
    }

    #[test]
    fn a_registry_port_is_never_a_tag() {
        assert_eq!(
            split_tag("nginx:1.12-alpine-perl"),
            ("nginx".into(), "1.12-alpine-perl".into())
        );
        assert_eq!(
            split_tag("docker-local-registry:4000/nginx:1.12"),
            ("docker-local-registry:4000/nginx".into(), "1.12".into())
        );
        assert_eq!(
            split_tag("myhost:4000/app"),
            ("myhost:4000/app".into(), "<none>".into())
        );
    }

    #[test]
    fn sizes_read_like_docker() {
        assert_eq!(human_size(0), "0B");
        assert_eq!(human_size(999), "999B");
        assert_eq!(human_size(7_800_000), "7.8MB");
        assert_eq!(human_size(187_000_000), "187MB");
        assert_eq!(human_size(1_500_000_000), "1.5GB");
        assert_eq!(human_size(1_984_000), "1.98MB");
        assert_eq!(human_size(200_000), "200kB");
        assert_eq!(human_size(10_000), "10kB");
        assert_eq!(human_size(999_600), "1MB");
    }

    #[test]
    fn dangling_images_show_none() {
        let image = ImageSummary {
            id: "sha256:abc".into(),
            tags: vec!["<none>:<none>".into()],
            digests: vec![],
            size: 1,
            created: 0,
            containers: 0,
        };
        assert!(image.is_dangling());
        assert_eq!(
            image.repository_tags(),
            vec![("<none>".to_string(), "<none>".to_string())]
        );
    }
}
