//! The guided walk-through of the learner's notes ("Let's play with a real image"): its steps, what each asks in
//! Porthole and on the command line, and when each counts as done — decided from the engine's real state (images,
//! containers, stored logins) plus the few things only the app sees (a port link opened, an in-use refusal met).
//!
//! Invariants: steps tick in order — a step is checked only once every step before it is done, so the state that
//! satisfies a later step (an image that is *not* there) cannot tick it early; ticks are never taken back; the
//! progress is plain data kept in the settings store.

use crate::{ContainerState, ContainerSummary, ImageSummary, VolumeSummary};
use serde::{Deserialize, Serialize};

pub mod compose;

/// The name of the container that ignores `docker stop`, which the tour starts for the kill step.
pub const STUBBORN: &str = "porthole-tour-stubborn";

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TourStep {
    Pull,
    PullTag,
    PullFromRegistry,
    Run,
    OpenInBrowser,
    Stop,
    Kill,
    ListAll,
    RemoveContainer,
    MeetInUse,
    RemoveImage,
    /// Chapter 2 (optional): a compose project.
    ComposeUp,
    ComposeByName,
    ComposeDown,
    ComposeDownVolumes,
}

/// Things only the app sees, recorded as they happen.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TourSignal {
    /// A published port's link was opened in the browser.
    OpenedPort,
    /// Removing an image was refused because a container uses it.
    ImageInUse,
    /// The containers list's "Show stopped" switch was turned on (`docker ps -a`).
    ShowedAll,
}

/// Where the tour's images come from: Docker Hub's nginx as in the notes, or a registry on this machine or network
/// when Docker Hub cannot be reached.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TourSource {
    /// The image to pull, without tag: `nginx`, or `localhost:5000/porthole/web`.
    pub image: String,
    /// A specific tag of it: `1.12-alpine-perl`.
    pub tag: String,
    /// The registry (`host:port`) to log in to and pull from in the third step.
    pub registry: String,
    /// The repository to pull from that registry: `nginx`, or `porthole/web`.
    pub repository: String,
}

impl TourSource {
    /// The notes' own example: nginx from Docker Hub, and a registry at `docker-local-registry:4000`.
    pub fn docker_hub() -> Self {
        Self {
            image: "nginx".into(),
            tag: "1.12-alpine-perl".into(),
            registry: "docker-local-registry:4000".into(),
            repository: "nginx".into(),
        }
    }

    /// The image from the third step: `registry/repository`.
    pub fn registry_image(&self) -> String {
        format!("{}/{}", self.registry, self.repository)
    }

    /// The specific tag's image: the stubborn container runs it, and it is the image removed at the end — a tag of
    /// its own, so removing it really removes an image (removing one of several names of an image only untags).
    pub fn tagged_image(&self) -> String {
        format!("{}:{}", self.image, self.tag)
    }

    /// Whether `reference` (as a container's or image's name shows it) is one of the tour's images.
    pub fn is_tour_image(&self, reference: &str) -> bool {
        let (name, _) = crate::image::split_tag(reference);
        name == self.image || name == self.registry_image()
    }
}

/// What the tour has seen so far, kept in the settings store.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct TourProgress {
    pub source: Option<TourSource>,
    pub done: Vec<TourStep>,
    /// Containers of the tour's images seen running (ids), so their stop and removal can be recognised.
    pub tracked: Vec<String>,
    pub signals: Vec<TourSignal>,
    /// Steps the user chose to skip (the registry step, for someone without a registry of their own).
    pub skipped: Vec<TourStep>,
}

/// The engine's state as the UI has it.
pub struct Observed<'a> {
    /// Every container, stopped ones too.
    pub containers: &'a [ContainerSummary],
    pub images: &'a [ImageSummary],
    /// Registries with a stored login (`host:port`).
    pub logins: &'a [String],
    /// Whether the containers list shows stopped containers too (`docker ps -a`).
    pub show_all: bool,
    pub volumes: &'a [VolumeSummary],
}

impl TourStep {
    pub const ALL: [TourStep; 11] = [
        TourStep::Pull,
        TourStep::PullTag,
        TourStep::PullFromRegistry,
        TourStep::Run,
        TourStep::OpenInBrowser,
        TourStep::Stop,
        TourStep::Kill,
        TourStep::ListAll,
        TourStep::RemoveContainer,
        TourStep::MeetInUse,
        TourStep::RemoveImage,
    ];

    /// The optional second chapter, in its own order.
    pub const COMPOSE: [TourStep; 4] = [
        TourStep::ComposeUp,
        TourStep::ComposeByName,
        TourStep::ComposeDown,
        TourStep::ComposeDownVolumes,
    ];

    /// The chapter a step belongs to: the first (`ALL`) or the compose chapter (`COMPOSE`).
    pub fn chapter(self) -> &'static [TourStep] {
        if Self::COMPOSE.contains(&self) {
            &Self::COMPOSE
        } else {
            &Self::ALL
        }
    }

    pub fn slug(self) -> &'static str {
        match self {
            Self::Pull => "pull",
            Self::PullTag => "pull-tag",
            Self::PullFromRegistry => "pull-from-registry",
            Self::Run => "run",
            Self::OpenInBrowser => "open-in-browser",
            Self::Stop => "stop",
            Self::Kill => "kill",
            Self::ListAll => "list-all",
            Self::RemoveContainer => "remove-container",
            Self::MeetInUse => "meet-in-use",
            Self::RemoveImage => "remove-image",
            Self::ComposeUp => "compose-up",
            Self::ComposeByName => "compose-by-name",
            Self::ComposeDown => "compose-down",
            Self::ComposeDownVolumes => "compose-down-volumes",
        }
    }

    pub fn title(self) -> &'static str {
        match self {
            Self::Pull => "Pull an image",
            Self::PullTag => "Pull a specific tag",
            Self::PullFromRegistry => "Log in to a registry and pull from it",
            Self::Run => "Run it with a published port",
            Self::OpenInBrowser => "Open it in the browser",
            Self::Stop => "Stop it",
            Self::Kill => "Kill a container that will not stop",
            Self::ListAll => "Running containers and all containers",
            Self::RemoveContainer => "Remove the container",
            Self::MeetInUse => "Try to remove the image while a container uses it",
            Self::RemoveImage => "Remove the image",
            Self::ComposeUp
            | Self::ComposeByName
            | Self::ComposeDown
            | Self::ComposeDownVolumes => compose::title(self),
        }
    }

    /// What to do in Porthole.
    pub fn gui(self, source: &TourSource) -> String {
        let image = &source.image;
        match self {
            Self::Pull => format!("Images → Pull, type {image} and press Pull. Without a tag, Docker pulls the tag latest."),
            Self::PullTag => format!("Images → Pull {image}:{}. The part after the colon is the tag: a fixed version you can come back to.", source.tag),
            Self::PullFromRegistry => format!(
                "Registries → Log in to {} (it asks for a user and password), then Images → Pull {}. The name starts with the registry's host:port, which is how Docker knows where to pull from.",
                source.registry,
                source.registry_image()
            ),
            Self::Run => format!("Containers → Run, image {image}, and publish container port 80 on a host port (8080, say). Press Run."),
            Self::OpenInBrowser => "Containers → click the container's published port (0.0.0.0:8080 → 80). The page comes from the web server inside the container.".into(),
            Self::Stop => "Containers → Stop on the container you ran. Docker asks it to end (SIGTERM) and waits.".into(),
            Self::Kill => format!("Start the container below ({STUBBORN}, from {}), which ignores SIGTERM. Press Stop on it: after a few seconds Porthole offers Kill now — press it (or Kill straight away).", source.tagged_image()),
            Self::ListAll => "Containers → tick \"Show stopped too\" (untick and tick it again if it is on). Without it the list is docker ps: running containers only.".into(),
            Self::RemoveContainer => "Containers → Remove on the container you stopped. Its writable layer goes with it.".into(),
            Self::MeetInUse => format!("Images → Remove {} while {STUBBORN} still exists. The engine refuses and Porthole tells you why.", source.tagged_image()),
            Self::RemoveImage => format!("Remove {STUBBORN} (Containers), then Images → Remove {} again.", source.tagged_image()),
            Self::ComposeUp
            | Self::ComposeByName
            | Self::ComposeDown
            | Self::ComposeDownVolumes => compose::gui(self),
        }
    }

    /// The docker commands for the same.
    pub fn cli(self, source: &TourSource) -> String {
        let image = &source.image;
        match self {
            Self::Pull => format!("docker pull {image}"),
            Self::PullTag => format!("docker pull {image}:{}", source.tag),
            Self::PullFromRegistry => format!(
                "docker login {}\ndocker pull {}",
                source.registry,
                source.registry_image()
            ),
            Self::Run => format!("docker run -d -p 8080:80 {image}"),
            Self::OpenInBrowser => "curl http://localhost:8080".into(),
            Self::Stop => "docker stop CONTAINER".into(),
            Self::Kill => format!(
                "docker run -d --name {STUBBORN} {} sh -c \"trap '' TERM; while :; do sleep 1; done\"\n\
                 docker stop {STUBBORN}   # waits 10 s, then kills\ndocker kill {STUBBORN}",
                source.tagged_image()
            ),
            Self::ListAll => "docker ps\ndocker ps -a".into(),
            Self::RemoveContainer => "docker rm CONTAINER".into(),
            Self::MeetInUse => format!("docker rmi {}", source.tagged_image()),
            Self::RemoveImage => format!("docker rm {STUBBORN}\ndocker rmi {}", source.tagged_image()),
            Self::ComposeUp
            | Self::ComposeByName
            | Self::ComposeDown
            | Self::ComposeDownVolumes => compose::cli(self),
        }
    }
}

impl TourProgress {
    /// The first step of the first chapter not done yet; `None` once that chapter is complete.
    pub fn current(&self) -> Option<TourStep> {
        self.current_in(&TourStep::ALL)
    }

    /// The first step of `chapter` not done yet.
    pub fn current_in(&self, chapter: &[TourStep]) -> Option<TourStep> {
        chapter.iter().copied().find(|s| !self.done.contains(s))
    }

    /// Whether both chapters are done (nothing is left to watch for).
    pub fn finished(&self) -> bool {
        self.current().is_none() && self.current_in(&TourStep::COMPOSE).is_none()
    }

    /// Skips `step` (only the registry step offers it): it counts as done, marked as skipped.
    pub fn skip(&mut self, step: TourStep) {
        if !self.done.contains(&step) {
            self.done.push(step);
            self.skipped.push(step);
        }
    }

    pub fn note(&mut self, signal: TourSignal) -> bool {
        if self.signals.contains(&signal) {
            return false;
        }
        self.signals.push(signal);
        true
    }

    /// Ticks every step the observed state satisfies, in order; whether anything changed.
    pub fn advance(&mut self, seen: &Observed) -> bool {
        let Some(source) = self.source.clone() else {
            return false;
        };
        let mut changed = self.track(&source, seen);
        // Each chapter ticks in its own order; the compose chapter may be taken at any time.
        for chapter in [&TourStep::ALL[..], &TourStep::COMPOSE[..]] {
            while let Some(step) = self.current_in(chapter) {
                if !self.satisfied(step, &source, seen) {
                    break;
                }
                self.done.push(step);
                changed = true;
            }
        }
        changed
    }

    /// Remembers the tour image's containers that run with a published port (the one from the Run step).
    fn track(&mut self, source: &TourSource, seen: &Observed) -> bool {
        let mut changed = false;
        for container in seen.containers {
            let runs_published = container.state.is_running()
                && container.ports.iter().any(|p| p.host_port.is_some());
            if runs_published
                && container.name != STUBBORN
                && source.is_tour_image(&container.image)
                && !self.tracked.contains(&container.id)
            {
                self.tracked.push(container.id.clone());
                changed = true;
            }
        }
        changed
    }

    fn satisfied(&self, step: TourStep, source: &TourSource, seen: &Observed) -> bool {
        let has_image = |reference: &str| {
            seen.images
                .iter()
                .any(|i| i.tags.iter().any(|t| t == reference))
        };
        let tracked = || {
            seen.containers
                .iter()
                .filter(|c| self.tracked.contains(&c.id))
        };
        let stubborn = seen.containers.iter().find(|c| c.name == STUBBORN);
        match step {
            TourStep::Pull => has_image(&format!("{}:latest", source.image)),
            TourStep::PullTag => has_image(&format!("{}:{}", source.image, source.tag)),
            TourStep::PullFromRegistry => {
                seen.logins.iter().any(|l| l == &source.registry)
                    && has_image(&format!("{}:latest", source.registry_image()))
            }
            TourStep::Run => tracked().any(|c| c.state.is_running()),
            TourStep::OpenInBrowser => self.signals.contains(&TourSignal::OpenedPort),
            TourStep::Stop => tracked().any(|c| c.state.is_stopped()),
            // 137 = 128 + SIGKILL: killed, by `docker kill` or by `docker stop` running out of patience.
            TourStep::Kill => stubborn
                .is_some_and(|c| c.state == ContainerState::Exited && c.status.contains("(137)")),
            TourStep::ListAll => {
                seen.show_all
                    && self.signals.contains(&TourSignal::ShowedAll)
                    && seen.containers.iter().any(|c| !c.state.is_running())
            }
            // A tracked container that was seen is gone from the engine's list.
            TourStep::RemoveContainer => {
                !self.tracked.is_empty() && tracked().count() < self.tracked.len()
            }
            TourStep::MeetInUse => self.signals.contains(&TourSignal::ImageInUse),
            TourStep::RemoveImage => !has_image(&source.tagged_image()),
            TourStep::ComposeUp
            | TourStep::ComposeByName
            | TourStep::ComposeDown
            | TourStep::ComposeDownVolumes => compose::satisfied(step, seen),
        }
    }
}

#[cfg(test)]
mod tests;
