use super::*;
use crate::PortMapping;

fn source() -> TourSource {
    TourSource {
        image: "localhost:5000/porthole/web".into(),
        tag: "1.0".into(),
        registry: "localhost:5001".into(),
        repository: "porthole/web".into(),
    }
}

fn image(tags: &[&str]) -> ImageSummary {
    ImageSummary {
        id: format!("sha256:{}", tags.join(",")),
        tags: tags.iter().map(|t| t.to_string()).collect(),
        digests: Vec::new(),
        size: 1,
        created: 0,
        containers: 0,
    }
}

fn container(
    id: &str,
    name: &str,
    image: &str,
    state: ContainerState,
    status: &str,
    port: bool,
) -> ContainerSummary {
    ContainerSummary {
        id: id.into(),
        name: name.into(),
        image: image.into(),
        image_id: String::new(),
        command: String::new(),
        state,
        status: status.into(),
        ports: port
            .then(|| PortMapping {
                host_ip: Some("0.0.0.0".into()),
                host_port: Some(8080),
                container_port: 80,
                protocol: "tcp".into(),
            })
            .into_iter()
            .collect(),
        created: 0,
        compose_project: None,
        compose_service: None,
    }
}

struct World {
    containers: Vec<ContainerSummary>,
    images: Vec<ImageSummary>,
    logins: Vec<String>,
    show_all: bool,
    volumes: Vec<crate::VolumeSummary>,
}

impl World {
    fn advance(&self, progress: &mut TourProgress) -> bool {
        progress.advance(&Observed {
            containers: &self.containers,
            images: &self.images,
            logins: &self.logins,
            show_all: self.show_all,
            volumes: &self.volumes,
        })
    }
}

#[test]
fn nothing_ticks_without_a_source() {
    let world = World {
        containers: vec![],
        images: vec![],
        logins: vec![],
        show_all: true,
        volumes: vec![],
    };
    let mut progress = TourProgress::default();
    assert!(!world.advance(&mut progress));
    assert_eq!(progress.current(), Some(TourStep::Pull));
}

#[test]
fn a_missing_image_does_not_tick_remove_image_before_its_turn() {
    let world = World {
        containers: vec![],
        images: vec![],
        logins: vec![],
        show_all: true,
        volumes: vec![],
    };
    let mut progress = TourProgress {
        source: Some(source()),
        ..Default::default()
    };
    world.advance(&mut progress);
    assert!(progress.done.is_empty());
}

#[test]
fn the_whole_walk_through_ticks_in_order_from_state() {
    let s = source();
    let latest = format!("{}:latest", s.image);
    let mut progress = TourProgress {
        source: Some(s.clone()),
        ..Default::default()
    };
    let mut world = World {
        containers: vec![],
        images: vec![],
        logins: vec![],
        show_all: false,
        volumes: vec![],
    };

    world.images.push(image(&[&latest]));
    world.advance(&mut progress);
    assert_eq!(progress.done, vec![TourStep::Pull]);

    world.images.push(image(&[&format!("{}:1.0", s.image)]));
    world.logins.push("localhost:5001".into());
    world.advance(&mut progress);
    assert_eq!(
        progress.current(),
        Some(TourStep::PullFromRegistry),
        "the login alone is not enough"
    );
    world
        .images
        .push(image(&["localhost:5001/porthole/web:latest"]));
    world.advance(&mut progress);
    assert_eq!(progress.current(), Some(TourStep::Run));

    // A container without a published port does not count.
    world.containers.push(container(
        "a",
        "quiet",
        &s.image,
        ContainerState::Running,
        "Up",
        false,
    ));
    world.advance(&mut progress);
    assert_eq!(progress.current(), Some(TourStep::Run));
    world.containers.push(container(
        "b",
        "web",
        &s.image,
        ContainerState::Running,
        "Up",
        true,
    ));
    world.advance(&mut progress);
    assert_eq!(progress.current(), Some(TourStep::OpenInBrowser));
    assert_eq!(progress.tracked, vec!["b".to_string()]);

    assert!(progress.note(TourSignal::OpenedPort));
    assert!(!progress.note(TourSignal::OpenedPort));
    world.advance(&mut progress);
    assert_eq!(progress.current(), Some(TourStep::Stop));

    world.containers[1].state = ContainerState::Exited;
    world.advance(&mut progress);
    assert_eq!(progress.current(), Some(TourStep::Kill));

    // Stopped gracefully (exit 0) is not killed.
    world.containers.push(container(
        "c",
        STUBBORN,
        &s.image,
        ContainerState::Exited,
        "Exited (0) 1 second ago",
        false,
    ));
    world.advance(&mut progress);
    assert_eq!(progress.current(), Some(TourStep::Kill));
    world.containers[2].status = "Exited (137) 1 second ago".into();
    world.advance(&mut progress);
    assert_eq!(progress.current(), Some(TourStep::ListAll));

    // The switch remembered from before is not the user doing it now.
    world.show_all = true;
    world.advance(&mut progress);
    assert_eq!(progress.current(), Some(TourStep::ListAll));
    progress.note(TourSignal::ShowedAll);
    world.advance(&mut progress);
    assert_eq!(progress.current(), Some(TourStep::RemoveContainer));

    world.containers.retain(|c| c.id != "b");
    world.advance(&mut progress);
    assert_eq!(progress.current(), Some(TourStep::MeetInUse));

    progress.note(TourSignal::ImageInUse);
    world.advance(&mut progress);
    assert_eq!(progress.current(), Some(TourStep::RemoveImage));

    // Removing latest is not removing the image the stubborn container used.
    world.images.retain(|i| !i.tags.contains(&latest));
    world.advance(&mut progress);
    assert_eq!(progress.current(), Some(TourStep::RemoveImage));
    world.images.retain(|i| !i.tags.contains(&s.tagged_image()));
    assert!(world.advance(&mut progress));
    assert_eq!(progress.current(), None);
    assert_eq!(progress.done, TourStep::ALL.to_vec());
    // Ticks stay: the image coming back changes nothing.
    world.images.push(image(&[&s.tagged_image()]));
    assert!(!world.advance(&mut progress));
}

#[test]
fn a_skipped_step_counts_as_done_and_is_marked() {
    let mut progress = TourProgress {
        source: Some(source()),
        ..Default::default()
    };
    progress.done = vec![TourStep::Pull, TourStep::PullTag];
    progress.skip(TourStep::PullFromRegistry);
    progress.skip(TourStep::PullFromRegistry);
    assert_eq!(progress.current(), Some(TourStep::Run));
    assert_eq!(progress.skipped, vec![TourStep::PullFromRegistry]);
}

#[test]
fn tour_images_are_recognised_with_any_tag() {
    let s = source();
    assert!(s.is_tour_image("localhost:5000/porthole/web"));
    assert!(s.is_tour_image("localhost:5000/porthole/web:1.0"));
    assert!(s.is_tour_image("localhost:5001/porthole/web:latest"));
    assert!(!s.is_tour_image("porthole/web"));
    assert_eq!(
        TourSource::docker_hub().registry_image(),
        "docker-local-registry:4000/nginx"
    );
}

#[test]
fn every_step_has_text_and_a_command() {
    let s = TourSource::docker_hub();
    for step in TourStep::ALL.into_iter().chain(TourStep::COMPOSE) {
        assert!(!step.title().is_empty());
        assert!(step.gui(&s).len() > 20, "{step:?}");
        let cli = step.cli(&s);
        assert!(
            cli.lines()
                .all(|l| l.starts_with("docker ") || l.starts_with("curl ")),
            "{cli}"
        );
    }
    assert_eq!(TourStep::Pull.cli(&s), "docker pull nginx");
    assert_eq!(
        TourStep::PullTag.cli(&s),
        "docker pull nginx:1.12-alpine-perl"
    );
}
