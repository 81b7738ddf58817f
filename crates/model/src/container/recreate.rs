//! Recreating a container with a newer image, as `docker compose up` does for a service: the same settings read from
//! `docker inspect` (ports, mounts, environment, labels, restart policy, networks), a new container made from the
//! image's reference as it is now, the old one kept until the new one runs.
//!
//! The order, and why: stop the old one (its ports and name must be free), rename it out of the way, create and
//! start the new one under the old name (started even when the old one was stopped, as `docker compose up -d` does)
//! — then remove the old one; if the new one cannot start, it is removed and the old one gets its name back (and is
//! started again if it ran), so a failed recreate changes nothing.

use serde::{Deserialize, Serialize};

/// A compose service's container: recreated through the Compose tool (`up -d --pull always SERVICE`), which knows
/// the service's definition, not from inspect.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ComposeService {
    pub project: String,
    pub service: String,
    /// The compose files the project was brought up with (its `config_files` label: a file and its overrides).
    pub files: Vec<String>,
}

impl ComposeService {
    /// `docker compose -f FILE… -p PROJECT up -d --pull always SERVICE`.
    pub fn cli(&self) -> String {
        let mut words = vec!["docker".to_owned(), "compose".into()];
        for file in &self.files {
            words.extend(["-f".into(), file.clone()]);
        }
        words.extend(["-p".into(), self.project.clone(), "up".into(), "-d".into()]);
        words.extend(["--pull".into(), "always".into(), self.service.clone()]);
        crate::container::run::join(&words)
    }
}

/// What a recreate would do, shown before asking.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecreatePlan {
    pub container: String,
    pub name: String,
    /// The reference the new container is made from (the old one's, e.g. `web:latest`).
    pub image: String,
    pub running: bool,
    pub compose: Option<ComposeService>,
    /// The `docker run` making the new container: settings that differ from the image's defaults, environment
    /// values left out (they are copied, not shown).
    pub run: String,
}

impl RecreatePlan {
    /// The name the old container has while the new one starts.
    pub fn parked_name(&self) -> String {
        format!("{}-old", self.name)
    }

    /// The commands a user would type for the same recreate.
    pub fn cli(&self) -> String {
        let parked = self.parked_name();
        let mut steps = Vec::new();
        if self.running {
            steps.push(format!("docker stop {}", self.name));
        }
        steps.push(format!("docker rename {} {parked}", self.name));
        steps.push(self.run.clone());
        steps.push(format!("docker rm {parked}"));
        steps.join(" && ")
    }
}

/// "Check for a newer image": the reference pulled again, and whether it now names another image than the
/// container's.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewerImage {
    pub reference: String,
    /// The container's image id.
    pub current: String,
    /// The id the reference names after the pull.
    pub latest: String,
}

impl NewerImage {
    pub fn is_newer(&self) -> bool {
        !self.latest.is_empty() && self.latest != self.current
    }
}

/// What a recreate did.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Recreated {
    /// The new container's id.
    pub id: String,
    /// The new container runs (always, once the recreate succeeded).
    pub started: bool,
}

/// Settings inherited from the image are not copied: the new image's own apply. `ours` less what `image` has.
pub fn beyond_image(ours: &[String], image: &[String]) -> Vec<String> {
    ours.iter()
        .filter(|v| !image.contains(v))
        .cloned()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan(running: bool) -> RecreatePlan {
        RecreatePlan {
            container: "abc".into(),
            name: "web".into(),
            image: "web:latest".into(),
            running,
            compose: None,
            run: "docker run -d --name web -p 8080:80 web:latest".into(),
        }
    }

    #[test]
    fn the_old_container_waits_under_another_name_until_the_new_one_runs() {
        assert_eq!(
            plan(true).cli(),
            "docker stop web && docker rename web web-old && docker run -d --name web -p 8080:80 web:latest && docker rm web-old"
        );
        assert!(!plan(false).cli().contains("docker stop"));
    }

    #[test]
    fn a_compose_service_is_recreated_with_every_file_of_its_project() {
        let service = ComposeService {
            project: "shop".into(),
            service: "web".into(),
            files: vec![
                "/srv/shop/compose.yml".into(),
                "/srv/shop/compose.override.yml".into(),
            ],
        };
        assert_eq!(
            service.cli(),
            "docker compose -f /srv/shop/compose.yml -f /srv/shop/compose.override.yml -p shop up -d --pull always web"
        );
    }

    #[test]
    fn only_what_the_container_added_to_the_image_is_copied() {
        let image = vec!["PATH=/usr/bin".to_owned(), "LANG=C".into()];
        let ours = vec![
            "PATH=/usr/bin".to_owned(),
            "LANG=C".into(),
            "MODE=prod".into(),
        ];
        assert_eq!(beyond_image(&ours, &image), ["MODE=prod"]);
        let newer = NewerImage {
            reference: "web".into(),
            current: "sha256:a".into(),
            latest: "sha256:b".into(),
        };
        assert!(newer.is_newer());
        assert!(!NewerImage {
            latest: "sha256:a".into(),
            ..newer
        }
        .is_newer());
    }
}
