//! One image looked at closely: its configuration (what a container made from it runs), its layer history as
//! `docker history` shows it, its names, and the containers using it.

use crate::ContainerSummary;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImageDetails {
    pub id: String,
    /// `repository:tag` names; empty for a dangling image.
    pub tags: Vec<String>,
    /// `repository@sha256:…`: set once the image was pulled from or pushed to a registry.
    pub digests: Vec<String>,
    /// Bytes.
    pub size: i64,
    /// RFC 3339, as the engine reports it.
    pub created: String,
    pub architecture: String,
    pub os: String,
    pub config: ImageConfig,
    /// Newest layer first, like `docker history`.
    pub history: Vec<HistoryEntry>,
    /// Containers (any state) created from this image.
    pub containers: Vec<ContainerSummary>,
}

/// What a container made from the image runs unless `docker run` overrides it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImageConfig {
    pub cmd: Vec<String>,
    pub entrypoint: Vec<String>,
    /// `KEY=value` lines.
    pub env: Vec<String>,
    /// `80/tcp`, sorted.
    pub exposed_ports: Vec<String>,
    pub working_dir: String,
    pub user: String,
    /// Sorted by key.
    pub labels: Vec<(String, String)>,
}

/// One line of `docker history`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct HistoryEntry {
    /// The layer's image id, or `<missing>` for layers that came from a registry (the engine keeps no id for them).
    pub id: String,
    /// Unix seconds.
    pub created: i64,
    /// The Dockerfile instruction, without the `/bin/sh -c #(nop) ` noise.
    pub instruction: String,
    pub size: i64,
    pub comment: String,
}

impl HistoryEntry {
    /// `/bin/sh -c #(nop)  CMD ["sh"]` → `CMD ["sh"]`; `/bin/sh -c echo hi` → `RUN /bin/sh -c echo hi`.
    pub fn instruction_from(created_by: &str) -> String {
        let created_by = created_by.trim();
        if let Some(rest) = created_by.strip_prefix("/bin/sh -c #(nop)") {
            return rest.trim().to_owned();
        }
        if created_by.starts_with("/bin/sh -c ") {
            return format!("RUN {created_by}");
        }
        created_by.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn instructions_read_like_a_dockerfile() {
        assert_eq!(
            HistoryEntry::instruction_from("/bin/sh -c #(nop)  CMD [\"sh\"]"),
            "CMD [\"sh\"]"
        );
        assert_eq!(
            HistoryEntry::instruction_from("/bin/sh -c echo hi"),
            "RUN /bin/sh -c echo hi"
        );
        assert_eq!(HistoryEntry::instruction_from("ENV A=b"), "ENV A=b");
        assert_eq!(HistoryEntry::instruction_from(""), "");
    }
}
