use super::*;

/// Every command the learner's notes use, as typed there (placeholders dropped, the registry pull completed).
const NOTES_COMMANDS: [&str; 20] = [
    "docker build",
    "docker pull",
    "docker run",
    "docker exec",
    "docker help pull",
    "docker help image",
    "docker image ls",
    "docker image inspect",
    "docker pull nginx",
    "docker pull nginx:1.12-alpine-perl",
    "docker pull docker-local-registry:4000/nginx",
    "docker login docker-local-registry:4000",
    "docker run -p 80:80 nginx",
    "curl http://localhost:80",
    "docker stop",
    "docker kill",
    "docker ps",
    "docker ps -a",
    "docker rm",
    "docker rmi",
];

/// Every concept the notes (and the issue) name, with the page that must explain it.
const NOTES_TERMS: [(&str, Concept); 35] = [
    ("OS-level virtualization", Concept::Engine),
    ("hardware virtualization", Concept::Engine),
    ("daemon", Concept::Engine),
    ("CLI", Concept::Engine),
    ("API", Concept::Engine),
    ("client–server", Concept::Engine),
    ("curl", Concept::Engine),
    ("read-only template", Concept::Images),
    ("base image", Concept::Images),
    ("Alpine", Concept::Images),
    ("scratch", Concept::Images),
    ("layer", Concept::Images),
    ("tag", Concept::Images),
    ("latest", Concept::Images),
    ("roll", Concept::Images),
    ("writable layer", Concept::Containers),
    ("SIGTERM", Concept::Containers),
    ("SIGKILL", Concept::Containers),
    ("publish", Concept::Containers),
    ("FROM", Concept::Dockerfile),
    ("ENV", Concept::Dockerfile),
    ("RUN", Concept::Dockerfile),
    ("CMD", Concept::Dockerfile),
    ("ENTRYPOINT", Concept::Dockerfile),
    ("registry", Concept::Dockerfile),
    ("volume", Concept::Storage),
    ("bind mount", Concept::Storage),
    ("tmpfs", Concept::Storage),
    ("Docker Hub", Concept::Registries),
    ("Google", Concept::Registries),
    ("Amazon", Concept::Registries),
    ("JFrog", Concept::Registries),
    ("public", Concept::Registries),
    ("private", Concept::Registries),
    ("compose", Concept::Compose),
];

/// All the words a concept page shows.
fn text(concept: Concept) -> String {
    let mut all = vec![concept.title(), concept.summary(), concept.gui()];
    for section in concept.sections() {
        all.extend([section.heading, section.body]);
    }
    for command in concept.commands() {
        all.extend([command.cli, command.what]);
    }
    all.join("\n")
}

fn all_commands() -> impl Iterator<Item = &'static Command> {
    Concept::ALL.into_iter().flat_map(|c| c.commands())
}

/// The wanted commands that no `Command::cli` starts with or contains.
fn missing_commands<'a>(wanted: &[&'a str]) -> Vec<&'a str> {
    wanted
        .iter()
        .copied()
        .filter(|want| !all_commands().any(|c| c.cli.starts_with(want) || c.cli.contains(want)))
        .collect()
}

/// The wanted terms that their concept's text does not mention (case-insensitive).
fn missing_terms(wanted: &[(&'static str, Concept)]) -> Vec<(&'static str, Concept)> {
    wanted
        .iter()
        .copied()
        .filter(|(term, concept)| !text(*concept).to_lowercase().contains(&term.to_lowercase()))
        .collect()
}

#[test]
fn every_command_in_the_notes_is_taught() {
    assert_eq!(missing_commands(&NOTES_COMMANDS), Vec::<&str>::new());
}

#[test]
fn every_concept_in_the_notes_is_explained_on_its_page() {
    assert_eq!(missing_terms(&NOTES_TERMS), vec![]);
}

#[test]
fn the_coverage_checks_can_fail() {
    assert_eq!(
        missing_commands(&["docker checkpoint create", "docker ps"]),
        ["docker checkpoint create"]
    );
    assert_eq!(
        missing_terms(&[("kubernetes", Concept::Engine), ("daemon", Concept::Engine)]),
        [("kubernetes", Concept::Engine)]
    );
    // A term explained on another page does not count for this one.
    assert_eq!(
        missing_terms(&[("JFrog", Concept::Engine)]),
        [("JFrog", Concept::Engine)]
    );
}

#[test]
fn slugs_are_unique_and_are_the_serde_names() {
    let mut slugs: Vec<&str> = Concept::ALL.iter().map(|c| c.slug()).collect();
    slugs.sort_unstable();
    slugs.dedup();
    assert_eq!(slugs.len(), Concept::ALL.len());
    for concept in Concept::ALL {
        let json = serde_json::to_string(&concept).unwrap();
        assert_eq!(json, format!("\"{}\"", concept.slug()));
        assert_eq!(serde_json::from_str::<Concept>(&json).unwrap(), concept);
        assert!(concept.slug().chars().all(|c| c.is_ascii_lowercase()));
    }
}

#[test]
fn every_page_help_button_opens_the_concept_that_manages_it() {
    for page in Page::ALL {
        let concept = Concept::for_page(page);
        if matches!(page, Page::Settings | Page::Learn) {
            assert_eq!(concept, Concept::Help);
            assert_eq!(concept.manages(), None);
        } else if page == Page::Tour {
            assert_eq!(concept, Concept::Containers);
        } else if page == Page::Disk {
            assert_eq!(concept, Concept::Storage);
        } else {
            assert_eq!(concept.manages(), Some(page), "{page:?} opens {concept:?}");
        }
    }
}

#[test]
fn only_help_has_no_page_of_its_own() {
    for concept in Concept::ALL {
        assert_eq!(
            concept.manages().is_none(),
            concept == Concept::Help,
            "{concept:?}"
        );
    }
    assert_eq!(Concept::Dockerfile.manages(), Some(Page::Images));
    assert_eq!(Concept::Compose.manages(), Some(Page::Compose));
}

#[test]
fn every_command_can_be_typed_and_is_explained_in_one_sentence() {
    for command in all_commands() {
        assert!(
            command.cli.starts_with("docker ") || command.cli.starts_with("curl "),
            "{command:?}"
        );
        assert!(!command.cli.contains('\n') && command.cli.trim() == command.cli);
        assert!(command.what.ends_with('.'), "{command:?}");
        assert!(
            !command.what.contains(". ") && !command.what.contains('\n'),
            "{command:?}"
        );
    }
    for concept in Concept::ALL {
        assert!(concept.commands().len() >= 3, "{concept:?}");
    }
}

#[test]
fn pages_fit_a_screen_or_two() {
    for concept in Concept::ALL {
        let sections = concept.sections();
        assert!((3..=6).contains(&sections.len()), "{concept:?}");
        for section in sections {
            let paragraphs: Vec<&str> = section.body.split("\n\n").collect();
            let prose = paragraphs.iter().filter(|p| !p.starts_with("- ")).count();
            assert!(
                prose <= 3 && paragraphs.len() <= 4,
                "{concept:?} / {}",
                section.heading
            );
        }
        for one_line in [concept.title(), concept.summary(), concept.gui()] {
            assert!(
                !one_line.is_empty() && !one_line.contains('\n'),
                "{concept:?}"
            );
        }
        assert!(concept.summary().matches(". ").count() <= 1, "{concept:?}");
        assert!(concept.summary().ends_with('.') && concept.gui().ends_with('.'));
    }
}

#[test]
fn bodies_follow_the_markup_the_ui_renders() {
    for concept in Concept::ALL {
        for section in concept.sections() {
            let place = format!("{concept:?} / {}", section.heading);
            assert!(!section.heading.is_empty() && !section.heading.contains('\n'));
            for paragraph in section.body.split("\n\n") {
                assert!(!paragraph.is_empty(), "{place}: an empty paragraph");
                let lines: Vec<&str> = paragraph.lines().collect();
                let bullets = lines.iter().filter(|l| l.starts_with("- ")).count();
                assert!(
                    lines.len() == 1 || bullets == lines.len(),
                    "{place}: prose is one line, a list is only bullets: {paragraph:?}"
                );
                for line in lines {
                    assert_eq!(line.trim(), line, "{place}: {line:?}");
                    assert!(!line.contains("  "), "{place}: a double space in {line:?}");
                    assert_eq!(
                        line.matches('`').count() % 2,
                        0,
                        "{place}: unpaired ` in {line:?}"
                    );
                }
            }
        }
    }
}

#[test]
fn the_writable_layer_is_lost_on_removal_not_on_stop() {
    let body = Concept::Containers
        .sections()
        .iter()
        .find(|s| s.heading == "The writable layer")
        .expect("the containers page explains the writable layer")
        .body;
    assert!(
        body.contains("Stopping a container keeps that layer"),
        "{body}"
    );
    assert!(body.contains("`docker rm` deletes the layer"), "{body}");
    for concept in Concept::ALL {
        let text = text(concept).to_lowercase();
        assert!(
            !text.contains("stopped/killed")
                && !text.contains("lost when the container is stopped")
        );
    }
}

#[test]
fn the_dockerfile_example_builds_on_the_given_base_and_is_explained() {
    assert_eq!(DOCKERFILE_EXAMPLE.matches("{base}").count(), 1);
    let example = dockerfile_example("busybox:1.36");
    assert!(example.starts_with("FROM busybox:1.36\n") && example.ends_with('\n'));
    assert!(!example.contains("{base}"));
    let instructions: Vec<&str> = example
        .lines()
        .map(|l| l.split(' ').next().unwrap())
        .collect();
    assert_eq!(instructions, ["FROM", "ENV", "RUN", "CMD"]);
    let page = text(Concept::Dockerfile);
    for line in example.lines().skip(1) {
        assert!(page.contains(line), "the Dockerfile page explains {line:?}");
    }
    assert!(example.contains("GREETING=hello") && DOCKERFILE_EXAMPLE_OUTPUT.starts_with("hello "));
}
