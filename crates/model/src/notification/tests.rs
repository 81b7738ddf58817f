use super::*;
use crate::compose::{ComposeCommand, ComposeVerb};

fn moment(id: &str, action: &str, code: Option<&str>) -> ContainerMoment {
    ContainerMoment::from_event(id, action, &format!("/{id}-name"), code).expect("a moment")
}

#[test]
fn an_event_becomes_a_moment_only_for_kill_die_and_unhealthy() {
    assert_eq!(moment("a", "kill", None).moment, Moment::Killed);
    assert_eq!(
        moment("a", "die", Some("3")).moment,
        Moment::Died { exit_code: 3 }
    );
    assert_eq!(moment("a", "die", Some("3")).name, "a-name");
    assert_eq!(
        moment("a", "health_status: unhealthy", None).moment,
        Moment::Unhealthy
    );
    assert_eq!(ContainerMoment::from_event("a", "start", "a", None), None);
    assert_eq!(
        ContainerMoment::from_event("a", "health_status: healthy", "a", None),
        None
    );
}

#[test]
fn a_container_that_fails_on_its_own_is_notified_and_opens_its_page() {
    let mut watch = ExitWatch::default();
    let notice = watch
        .see(
            &moment("web", "die", Some("1")),
            1_000,
            &NotificationSettings::default(),
        )
        .expect("a notice");
    assert_eq!(notice.summary, "web-name exited with code 1");
    assert!(
        notice.body.contains("docker logs web-name"),
        "{}",
        notice.body
    );
    assert_eq!(notice.opens, Opens::Container("web".into()));
    let oom = watch
        .see(
            &moment("db", "die", Some("137")),
            1_000,
            &NotificationSettings::default(),
        )
        .expect("a notice");
    assert!(oom.body.contains("out of memory"), "{}", oom.body);
}

#[test]
fn a_clean_exit_or_a_stop_is_not_news() {
    let settings = NotificationSettings::default();
    let mut watch = ExitWatch::default();
    assert_eq!(
        watch.see(&moment("a", "die", Some("0")), 0, &settings),
        None
    );
    // `docker stop`: kill (SIGTERM), then die with 143 seconds later.
    assert_eq!(watch.see(&moment("a", "kill", None), 0, &settings), None);
    assert_eq!(
        watch.see(&moment("a", "die", Some("143")), 9_000, &settings),
        None
    );
    // The kill was used up by that stop: the next crash is news again.
    assert!(watch
        .see(&moment("a", "die", Some("2")), 20_000, &settings)
        .is_some());
    // A kill long ago does not explain a crash today.
    assert_eq!(watch.see(&moment("b", "kill", None), 0, &settings), None);
    assert!(watch
        .see(
            &moment("b", "die", Some("1")),
            KILL_COVERS_MS + 1,
            &settings
        )
        .is_some());
}

#[test]
fn a_restart_loop_is_notified_once_per_repeat_window() {
    let settings = NotificationSettings::default();
    let mut watch = ExitWatch::default();
    assert!(watch
        .see(&moment("a", "die", Some("1")), 0, &settings)
        .is_some());
    assert_eq!(
        watch.see(&moment("a", "die", Some("1")), 60_000, &settings),
        None
    );
    // Turning unhealthy is another kind of news.
    assert!(watch
        .see(
            &moment("a", "health_status: unhealthy", None),
            60_000,
            &settings
        )
        .is_some());
    assert!(watch
        .see(
            &moment("a", "die", Some("1")),
            REPEAT_AFTER_MS + 1,
            &settings
        )
        .is_some());
}

#[test]
fn switches_turn_container_notices_off_globally_or_by_name() {
    let mut settings = NotificationSettings::default();
    assert!(settings.set_watched("a-name", false));
    assert!(!settings.set_watched("a-name", false), "already muted");
    let mut watch = ExitWatch::default();
    assert_eq!(
        watch.see(&moment("a", "die", Some("1")), 0, &settings),
        None
    );
    assert!(watch
        .see(&moment("b", "die", Some("1")), 0, &settings)
        .is_some());
    assert!(settings.set_watched("a-name", true));
    assert!(settings.muted.is_empty());
    settings.container_exits = false;
    assert_eq!(
        watch.see(&moment("c", "die", Some("1")), 0, &settings),
        None
    );
}

#[test]
fn a_long_task_is_notified_only_when_the_window_is_elsewhere() {
    let settings = NotificationSettings::default();
    let pull = Task::Pull("alpine:3".into());
    assert_eq!(pull.notice(true, LONG_TASK_MS, true, &settings), None);
    assert_eq!(pull.notice(true, LONG_TASK_MS - 1, false, &settings), None);
    let notice = pull
        .notice(true, 65_000, false, &settings)
        .expect("a notice");
    assert_eq!(notice.summary, "Pull of alpine:3 finished");
    assert_eq!(notice.body, "After 1 min 5 s. Click to see the result.");
    assert_eq!(notice.opens, Opens::Image("alpine:3".into()));
    let failed = Task::Reclaim
        .notice(false, 7_000, false, &settings)
        .expect("a notice");
    assert_eq!(failed.summary, "Reclaiming disk space failed");
    assert_eq!(failed.opens, Opens::Page(crate::Page::Disk));
    let off = NotificationSettings {
        long_tasks: false,
        ..Default::default()
    };
    assert_eq!(pull.notice(true, 65_000, false, &off), None);
}

#[test]
fn a_compose_run_opens_its_file_and_a_log_follower_is_never_notified() {
    let settings = NotificationSettings::default();
    let up = Task::Compose(ComposeCommand {
        file: "/p/compose.yaml".into(),
        project: "shop".into(),
        verb: ComposeVerb::Pull,
    });
    let notice = up.notice(true, 9_000, false, &settings).expect("a notice");
    assert_eq!(notice.summary, "Compose pull of shop finished");
    assert_eq!(notice.opens, Opens::ComposeFile("/p/compose.yaml".into()));
    let logs = Task::Compose(ComposeCommand {
        file: "/p/compose.yaml".into(),
        project: "shop".into(),
        verb: ComposeVerb::Logs { tail: 100 },
    });
    assert_eq!(logs.notice(true, 90_000, false, &settings), None);
}

#[test]
fn settings_without_the_notification_fields_keep_them_on() {
    let settings: crate::Settings = serde_json::from_str(r#"{"theme":"dark"}"#).expect("settings");
    assert!(settings.notifications.container_exits && settings.notifications.long_tasks);
}
