//! The mapping of actions to CLI commands, as a learner would check it. The API request each one makes is what the
//! transport records; crates/engine/tests/activity.rs replays the commands with the real CLI and compares.

use super::*;

#[test]
fn ps_and_ps_a_differ_only_in_all() {
    assert_eq!(Action::ListContainers { all: false }.cli(), "docker ps");
    assert_eq!(Action::ListContainers { all: true }.cli(), "docker ps -a");
    assert_eq!(
        Action::ListNamedContainers {
            ids: vec!["0123456789abcdef".into(), "fedcba987654".into()]
        }
        .cli(),
        "docker ps -a --filter id=0123456789ab --filter id=fedcba987654"
    );
}

#[test]
fn container_actions_read_like_the_cli() {
    let action = |action| Action::Container {
        container: "web".into(),
        action,
    };
    assert_eq!(action(ContainerAction::Start).cli(), "docker start web");
    assert_eq!(
        action(ContainerAction::Stop {
            timeout_secs: Some(3)
        })
        .cli(),
        "docker stop -t 3 web"
    );
    assert_eq!(
        action(ContainerAction::Kill {
            signal: "SIGKILL".into()
        })
        .cli(),
        "docker kill web"
    );
    assert_eq!(
        action(ContainerAction::Kill {
            signal: "SIGHUP".into()
        })
        .cli(),
        "docker kill -s SIGHUP web"
    );
    assert_eq!(
        action(ContainerAction::Remove {
            force: true,
            volumes: true
        })
        .cli(),
        "docker rm -f -v web"
    );
}

#[test]
fn actions_follow_the_state_rules() {
    use crate::ContainerState::*;
    assert!(ContainerAction::Start.allowed(Exited) && !ContainerAction::Start.allowed(Running));
    assert!(ContainerAction::Stop { timeout_secs: None }.allowed(Running));
    assert!(
        !ContainerAction::Stop { timeout_secs: None }.allowed(Paused),
        "unpause first, like the CLI wants"
    );
    assert!(ContainerAction::Kill {
        signal: "SIGKILL".into()
    }
    .allowed(Paused));
    let remove = ContainerAction::Remove {
        force: false,
        volumes: false,
    };
    assert!(
        remove.allowed(Running),
        "offered, so the engine's refusal can teach and offer force"
    );
    assert!(!remove.allowed(Removing));
    assert!(ContainerAction::Remove {
        force: false,
        volumes: false
    }
    .is_destructive());
}

#[test]
fn failures_offer_the_right_next_step() {
    use crate::ErrorKind;
    let remove = ContainerAction::Remove {
        force: false,
        volumes: true,
    };
    assert_eq!(
        remove.follow_up(ErrorKind::Conflict),
        Some(ContainerAction::Remove {
            force: true,
            volumes: true
        })
    );
    assert_eq!(remove.follow_up(ErrorKind::NotFound), None);
    let stop = ContainerAction::Stop { timeout_secs: None };
    assert_eq!(
        stop.follow_up(ErrorKind::Timeout),
        Some(ContainerAction::Kill {
            signal: "SIGKILL".into()
        })
    );
    assert_eq!(ContainerAction::Start.follow_up(ErrorKind::Conflict), None);
}

#[test]
fn a_refused_image_removal_offers_both_ways_out() {
    let remove = Action::Image {
        image: "web:1".into(),
        action: ImageAction::Remove { force: false },
    };
    assert_eq!(remove.cli(), "docker rmi web:1");
    let mut refusal = crate::PortholeError::of_kind(crate::ErrorKind::Conflict, "in use");
    refusal.related = vec!["site".into(), "old site".into()];
    let offers = remove.follow_ups(&refusal);
    assert_eq!(offers.len(), 2);
    assert_eq!(
        offers[0].cli(),
        "docker rm -f site 'old site' && docker rmi web:1"
    );
    assert_eq!(
        offers[0].removes(),
        ["site", "old site", "web:1"],
        "exactly those, then the image"
    );
    assert_eq!(offers[1].cli(), "docker rmi -f web:1");
    let gone = crate::PortholeError::of_kind(crate::ErrorKind::NotFound, "gone");
    assert!(remove.follow_ups(&gone).is_empty());
    // A refusal that names no container (several tags) offers force alone.
    let tags = crate::PortholeError::of_kind(crate::ErrorKind::Conflict, "several tags");
    assert_eq!(remove.follow_ups(&tags).len(), 1);
    assert_eq!(
        Action::RemoveVolumes {
            names: vec!["a".into(), "b c".into()]
        }
        .cli(),
        "docker volume rm a 'b c'"
    );
}

#[test]
fn image_and_registry_actions_read_like_the_cli() {
    let tag = Action::Tag {
        image: "web:1".into(),
        target: "127.0.0.1:5001/web:2".into(),
    };
    assert_eq!(tag.cli(), "docker tag web:1 127.0.0.1:5001/web:2");
    let push = Action::Push {
        reference: "127.0.0.1:5001/web".into(),
    };
    assert_eq!(push.cli(), "docker push 127.0.0.1:5001/web");
    let login = |registry: &str| Action::Login {
        registry: registry.into(),
        username: "me".into(),
    };
    assert_eq!(login("docker.io").cli(), "docker login -u me");
    assert_eq!(
        login("localhost:5000").cli(),
        "docker login -u me localhost:5000"
    );
    assert!(Action::PruneImages { all: true }.cli().contains("-a"));
    let build = Action::Build {
        request: crate::BuildRequest {
            folder: "/src/app".into(),
            dockerfile: "Dockerfile".into(),
            tag: "me/app:1".into(),
            build_args: vec![("V".into(), "2".into())],
            no_cache: true,
        },
    };
    assert_eq!(
        build.cli(),
        "docker build -t me/app:1 --build-arg V=2 --no-cache /src/app"
    );
}

#[test]
fn container_page_actions_read_like_the_cli() {
    let web = || "web".to_string();
    assert_eq!(
        Action::Logs {
            container: web(),
            tail: 1000
        }
        .cli(),
        "docker logs -f --tail 1000 web"
    );
    assert_eq!(Action::Top { container: web() }.cli(), "docker top web");
    assert_eq!(
        Action::Exec {
            container: web(),
            command: vec!["sh".into()]
        }
        .cli(),
        "docker exec -it web sh"
    );
    assert_eq!(
        Action::InspectContainer { container: web() }.cli(),
        "docker inspect web"
    );
    let rename = Action::Container {
        container: web(),
        action: ContainerAction::Rename {
            name: "site".into(),
        },
    };
    assert_eq!(rename.cli(), "docker rename web site");
    let run = Action::Run {
        request: crate::RunRequest {
            image: "nginx".into(),
            name: "web".into(),
            ..Default::default()
        },
    };
    assert_eq!(run.cli(), "docker run -d --name web nginx");
}

#[test]
fn the_smaller_reads_have_their_commands_too() {
    let web = || "web".to_owned();
    assert_eq!(
        Action::StatsOnce { container: web() }.cli(),
        "docker stats --no-stream web"
    );
    let id = "3f2a1b9c8d7e".repeat(5) + "abcd";
    let sample = Action::StatsOnce { container: id };
    assert_eq!(sample.cli(), "docker stats --no-stream 3f2a1b9c8d7e");
    assert!(
        sample.is_background(),
        "the list's samples are background polling"
    );
    assert!(!Action::ListImages.is_background());
    let before = Action::LogsBefore {
        container: web(),
        until: "2026-11-30T01:00:00Z".into(),
        count: 1000,
    };
    assert_eq!(
        before.cli(),
        "docker logs --timestamps --until 2026-11-30T01:00:00Z --tail 1000 web"
    );
    assert_eq!(
        Action::LogsAll { container: web() }.cli(),
        "docker logs --timestamps web"
    );
    assert_eq!(
        Action::InspectVolume {
            name: "data".into()
        }
        .cli(),
        "docker volume inspect data"
    );
    assert_eq!(
        Action::ManifestInspect {
            reference: "nginx:latest".into()
        }
        .cli(),
        "docker manifest inspect nginx:latest"
    );
    assert_eq!(
        Action::SearchHub {
            term: "web server".into()
        }
        .cli(),
        "docker search 'web server'"
    );
}

#[test]
fn the_recorded_command_leaves_secret_values_out_and_quotes_paths() {
    let build = Action::Build {
        request: crate::BuildRequest {
            folder: "/src/my app".into(),
            dockerfile: "Dockerfile".into(),
            tag: "me/app:1".into(),
            build_args: vec![("TOKEN".into(), "s3cret value".into())],
            no_cache: false,
        },
    };
    assert_eq!(
        build.cli(),
        "docker build -t me/app:1 --build-arg 'TOKEN=s3cret value' '/src/my app'"
    );
    assert_eq!(
        build.recorded_cli(),
        "docker build -t me/app:1 --build-arg TOKEN '/src/my app'"
    );
    let run = Action::Run {
        request: crate::RunRequest {
            image: "nginx".into(),
            env: vec![("API_KEY".into(), "s3cret".into())],
            ..Default::default()
        },
    };
    assert_eq!(run.cli(), "docker run -d -e API_KEY=s3cret nginx");
    assert_eq!(run.recorded_cli(), "docker run -d -e API_KEY nginx");
    assert_eq!(Action::ListImages.recorded_cli(), Action::ListImages.cli());
}

#[test]
fn joining_or_leaving_a_swarm_is_read_again_since_no_event_reports_it() {
    use crate::swarm::SwarmAction;
    let leave = Action::Swarm {
        action: SwarmAction::Leave { force: true },
    };
    let init = Action::Swarm {
        action: SwarmAction::Init {
            advertise: "127.0.0.1".into(),
            listen: "127.0.0.1:2377".into(),
        },
    };
    assert_eq!(leave.unannounced(), Some(crate::ObjectKind::Swarm));
    assert_eq!(init.unannounced(), Some(crate::ObjectKind::Swarm));
    // Services announce themselves with events: nothing extra to read.
    let remove = Action::Swarm {
        action: SwarmAction::RemoveService {
            service: "web".into(),
        },
    };
    assert_eq!(remove.unannounced(), None);
    assert_eq!(Action::ListImages.unannounced(), None);
}

#[test]
fn a_running_container_can_be_stopped_then_removed_in_one_confirmed_step() {
    let action = ContainerAction::StopAndRemove { volumes: false };
    assert_eq!(action.cli("web"), "docker stop web && docker rm web");
    assert_eq!(
        ContainerAction::StopAndRemove { volumes: true }.cli("web"),
        "docker stop web && docker rm -v web"
    );
    assert!(action.is_destructive(), "asked first, like every removal");
    assert!(action.allowed(crate::ContainerState::Running));
    assert!(
        !action.allowed(crate::ContainerState::Exited),
        "a stopped one is simply removed"
    );
    let removal = Action::Container {
        container: "web".into(),
        action,
    };
    assert_eq!(removal.removes(), vec!["web".to_owned()]);
    assert_eq!(removal.label(), "Stop and remove");
    let plain = ContainerAction::Remove {
        force: false,
        volumes: true,
    };
    assert_eq!(
        plain.ways_when_running(),
        Some([
            ContainerAction::StopAndRemove { volumes: true },
            ContainerAction::Remove {
                force: true,
                volumes: true
            }
        ])
    );
    assert_eq!(
        ContainerAction::Remove {
            force: true,
            volumes: false
        }
        .ways_when_running(),
        None,
        "a forced removal needs no other way"
    );
}

#[test]
fn file_actions_are_docker_cp_diff_commit_and_export() {
    let files = |action| Action::Files {
        container: "web".into(),
        action,
    };
    assert_eq!(
        files(FileAction::CopyOut {
            path: "/etc/hosts".into(),
            folder: "/home/me/Downloads".into()
        })
        .cli(),
        "docker cp web:/etc/hosts /home/me/Downloads"
    );
    assert_eq!(
        files(FileAction::CopyIn {
            source: "/home/me/my notes.txt".into(),
            folder: "/data".into()
        })
        .cli(),
        "docker cp '/home/me/my notes.txt' web:/data"
    );
    assert_eq!(
        files(FileAction::List { path: "/".into() }).cli(),
        "docker cp web:/ - | tar -tv"
    );
    assert_eq!(files(FileAction::Changes).cli(), "docker diff web");
    assert_eq!(
        files(FileAction::Commit {
            reference: "web-snapshot:1".into(),
            message: "with the fix".into()
        })
        .cli(),
        "docker commit -m 'with the fix' web web-snapshot:1"
    );
    assert_eq!(
        files(FileAction::Export {
            file: "web.tar".into()
        })
        .cli(),
        "docker export -o web.tar web"
    );
}
