//! The tour's optional second chapter, the notes' next step after single containers: a compose project of two
//! services — a web server and a client that reaches it by its service name — brought up, checked, and taken down
//! with and without its named volume. Like the first chapter, each step ticks itself off from the engine's state:
//! the project's containers (by their compose labels), the client's health check (it fetches `http://web/`), and
//! whether the project's volume is still there.
//!
//! Invariant: the file is written by the app into a folder named after the project (`porthole-tour`), so the
//! Compose tool — v1 and v2 alike — names the project, its containers and its volume (`porthole-tour_data`) the
//! same way without a `name:` key.

use super::{Observed, TourSource, TourStep};

/// The project's name, which is also the name of the folder its file is written to.
pub const PROJECT: &str = "porthole-tour";
/// The project's named volume as the Compose tool names it: `<project>_<volume>`.
pub const VOLUME: &str = "porthole-tour_data";

impl TourSource {
    /// The client's image: it needs a shell and `wget`. Docker Hub's `busybox`; from a registry, the same image
    /// as the web server (the offline stand-in is busybox).
    pub fn client_image(&self) -> String {
        if self.image == "nginx" {
            "busybox".into()
        } else {
            self.image.clone()
        }
    }
}

/// The compose file for `source`, refused unless both images are image references (they are written into YAML).
pub fn checked_compose_file(source: &TourSource) -> Result<String, String> {
    for image in [source.image.clone(), source.client_image()] {
        crate::image::reference::ImageReference::parse(&image)
            .map_err(|e| format!("The tour's image {image:?} is not an image reference: {e}"))?;
    }
    Ok(compose_file(source))
}

/// The compose file the chapter brings up, as the tour shows it and writes it.
pub fn compose_file(source: &TourSource) -> String {
    format!(
        r#"# Porthole's guided tour, chapter 2: two services on the project's own network.
# "web" serves a page; "client" fetches it by the service name "web" every few seconds.
services:
  web:
    image: {web}
    ports:
      - "80"            # a free host port, chosen by the engine
    volumes:
      - data:/data      # a named volume: kept by "down", removed by "down -v"
  client:
    image: {client}
    depends_on:
      - web
    command: ["sh", "-c", "while :; do wget -q -O - http://web/ | head -c 60; echo; sleep 3; done"]
    healthcheck:        # healthy once "web" answers by its name
      test: ["CMD", "wget", "-q", "-O", "/dev/null", "http://web/"]
      interval: 2s
      timeout: 2s
      retries: 3
volumes:
  data:
"#,
        web = source.image,
        client = source.client_image(),
    )
}

pub(super) fn title(step: TourStep) -> &'static str {
    match step {
        TourStep::ComposeUp => "Bring up a two-service project",
        TourStep::ComposeByName => "Reach one service from the other by its name",
        TourStep::ComposeDown => "Take it down, keeping the volume",
        TourStep::ComposeDownVolumes => "Take it down with its volume (-v)",
        _ => "",
    }
}

pub(super) fn gui(step: TourStep) -> String {
    match step {
        TourStep::ComposeUp => format!(
            "Write the file below (the button writes it into a folder named {PROJECT} and opens it on the Compose page), then press Up. Both services start, on a network the project makes."
        ),
        TourStep::ComposeByName => "Nothing to press: the client asks for http://web/ every 2 s (its health check). The name web is the service's; the project's network answers it. The step ticks when the client is healthy — its logs show the page too (Compose → merged logs).".into(),
        TourStep::ComposeDown => "Compose → Down, leaving \"Also remove the named volumes\" unticked. The containers and the network go; the volume and its data stay.".into(),
        TourStep::ComposeDownVolumes => "Compose → Up again, then Down with \"Also remove the named volumes\" ticked (-v): now the data goes too.".into(),
        _ => String::new(),
    }
}

pub(super) fn cli(step: TourStep) -> String {
    let project = format!("docker compose -p {PROJECT} -f {PROJECT}/compose.yaml");
    match step {
        TourStep::ComposeUp => format!("{project} up -d"),
        TourStep::ComposeByName => format!("{project} ps\n{project} logs client"),
        TourStep::ComposeDown => {
            format!("{project} down\ndocker volume ls   # {VOLUME} is still there")
        }
        TourStep::ComposeDownVolumes => format!("{project} up -d\n{project} down -v"),
        _ => String::new(),
    }
}

/// Whether the engine's state shows `step` done.
pub(super) fn satisfied(step: TourStep, seen: &Observed) -> bool {
    let members = || {
        seen.containers
            .iter()
            .filter(|c| c.compose_project.as_deref() == Some(PROJECT))
    };
    let running = |service: &str| {
        members().any(|c| c.compose_service.as_deref() == Some(service) && c.state.is_running())
    };
    let volume = seen.volumes.iter().any(|v| v.name == VOLUME);
    match step {
        TourStep::ComposeUp => running("web") && running("client"),
        TourStep::ComposeByName => members().any(|c| {
            c.compose_service.as_deref() == Some("client") && c.status.contains("(healthy)")
        }),
        TourStep::ComposeDown => members().next().is_none() && volume,
        TourStep::ComposeDownVolumes => members().next().is_none() && !volume,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tour::TourProgress;
    use crate::{ContainerState, ContainerSummary, VolumeSummary};

    fn member(service: &str, state: ContainerState, status: &str) -> ContainerSummary {
        ContainerSummary {
            id: format!("id-{service}"),
            name: format!("{PROJECT}_{service}_1"),
            image: "busybox".into(),
            state,
            status: status.into(),
            compose_project: Some(PROJECT.into()),
            compose_service: Some(service.into()),
            ..Default::default()
        }
    }

    fn advance(progress: &mut TourProgress, containers: &[ContainerSummary], volume: bool) {
        let volumes: Vec<VolumeSummary> = volume
            .then(|| VolumeSummary {
                name: VOLUME.into(),
                ..Default::default()
            })
            .into_iter()
            .collect();
        progress.advance(&Observed {
            containers,
            images: &[],
            logins: &[],
            show_all: false,
            volumes: &volumes,
        });
    }

    #[test]
    fn the_chapter_ticks_in_its_own_order_from_the_engine_state() {
        let mut progress = TourProgress {
            source: Some(TourSource::docker_hub()),
            ..Default::default()
        };
        // Nothing yet; and the volume alone does not tick "down" before the project was ever up.
        advance(&mut progress, &[], true);
        assert_eq!(
            progress.current_in(&TourStep::COMPOSE),
            Some(TourStep::ComposeUp)
        );

        let up = [
            member("web", ContainerState::Running, "Up 2 seconds"),
            member(
                "client",
                ContainerState::Running,
                "Up 1 second (health: starting)",
            ),
        ];
        advance(&mut progress, &up, true);
        assert_eq!(
            progress.current_in(&TourStep::COMPOSE),
            Some(TourStep::ComposeByName)
        );

        let healthy = [
            member("web", ContainerState::Running, "Up 5 seconds"),
            member("client", ContainerState::Running, "Up 4 seconds (healthy)"),
        ];
        advance(&mut progress, &healthy, true);
        assert_eq!(
            progress.current_in(&TourStep::COMPOSE),
            Some(TourStep::ComposeDown)
        );

        // Down -v straight away does not count as "down, keeping the volume".
        advance(&mut progress, &[], false);
        assert_eq!(
            progress.current_in(&TourStep::COMPOSE),
            Some(TourStep::ComposeDown)
        );
        advance(&mut progress, &[], true);
        assert_eq!(
            progress.current_in(&TourStep::COMPOSE),
            Some(TourStep::ComposeDownVolumes)
        );
        advance(&mut progress, &healthy, true);
        assert_eq!(
            progress.current_in(&TourStep::COMPOSE),
            Some(TourStep::ComposeDownVolumes)
        );
        advance(&mut progress, &[], false);
        assert!(progress.current_in(&TourStep::COMPOSE).is_none());
        // The first chapter is untouched by the second.
        assert_eq!(progress.current(), Some(TourStep::Pull));
        assert!(!progress.finished());
    }

    #[test]
    fn the_file_names_both_images_and_checks_the_web_service_by_name() {
        let hub = compose_file(&TourSource::docker_hub());
        assert!(
            hub.contains("image: nginx\n") && hub.contains("image: busybox\n"),
            "{hub}"
        );
        assert!(hub.contains("http://web/"));
        let offline = TourSource {
            image: "127.0.0.1:5000/porthole/web".into(),
            tag: "1.0".into(),
            registry: "127.0.0.1:5001".into(),
            repository: "porthole/web".into(),
        };
        let file = compose_file(&offline);
        assert_eq!(
            file.matches("image: 127.0.0.1:5000/porthole/web\n").count(),
            2,
            "{file}"
        );
        let injected = TourSource {
            image: "web\n    privileged: true".into(),
            ..offline
        };
        assert!(checked_compose_file(&injected).is_err());
    }
}
