use super::*;
use crate::compose::{ComposeCommand, ComposeVerb};

fn moment(id: &str, action: &str, attributes: &[(&str, &str)]) -> ContainerMoment {
    let attribute = |key: &str| {
        attributes
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, v)| v.to_string())
    };
    ContainerMoment::from_event(id, action, &format!("/{id}-name"), attribute).expect("a moment")
}

fn died(id: &str, code: &str) -> ContainerMoment {
    moment(id, "die", &[("exitCode", code)])
}

/// Feeds the moments, each at its time, then asks for what is due once every grace has passed.
fn notices(
    watch: &mut FailureWatch,
    moments: &[(i64, ContainerMoment)],
    settings: &NotificationSettings,
) -> Vec<Notice> {
    let mut notices = Vec::new();
    let mut last = 0;
    for (at, moment) in moments {
        notices.extend(watch.due(*at, settings));
        notices.extend(watch.see(moment, *at, settings));
        last = *at;
    }
    notices.extend(watch.due(last + GRACE_MS, settings));
    notices
}

#[test]
fn an_event_becomes_a_moment_only_when_notifications_care() {
    assert_eq!(
        moment("a", "kill", &[("signal", "15")]).moment,
        Moment::Killed
    );
    assert_eq!(
        moment("a", "kill", &[("signal", "SIGKILL")]).moment,
        Moment::Killed
    );
    assert_eq!(moment("a", "kill", &[]).moment, Moment::Killed);
    assert_eq!(died("a", "3").moment, Moment::Died { exit_code: 3 });
    assert_eq!(died("a", "3").name, "a-name");
    assert_eq!(moment("a", "stop", &[]).moment, Moment::Ended);
    assert_eq!(moment("a", "remove", &[]).moment, Moment::Ended);
    assert_eq!(
        moment("a", "health_status: unhealthy", &[]).moment,
        Moment::Unhealthy
    );
    let none = |action: &str, attributes: &[(&str, &str)]| {
        ContainerMoment::from_event("a", action, "a", |k| {
            attributes
                .iter()
                .find(|(key, _)| *key == k)
                .map(|(_, v)| v.to_string())
        })
    };
    assert_eq!(none("start", &[]), None);
    assert_eq!(none("health_status: healthy", &[]), None);
    // A reload signal is not a stop.
    assert_eq!(none("kill", &[("signal", "1")]), None);
    assert_eq!(none("kill", &[("signal", "SIGUSR1")]), None);
}

#[test]
fn a_container_that_fails_on_its_own_is_notified_after_its_grace_and_opens_its_page() {
    let settings = NotificationSettings::default();
    let mut watch = FailureWatch::default();
    assert_eq!(watch.see(&died("web", "1"), 1_000, &settings), None);
    assert!(
        watch.due(1_000 + GRACE_MS - 1, &settings).is_empty(),
        "held for its grace"
    );
    let notice = watch
        .due(1_000 + GRACE_MS, &settings)
        .pop()
        .expect("a notice");
    assert_eq!(notice.summary, "web-name exited with code 1");
    assert!(
        notice.body.contains("docker logs web-name"),
        "{}",
        notice.body
    );
    assert_eq!(notice.opens, Opens::Container("web".into()));
    assert!(watch.due(10_000, &settings).is_empty(), "handed out once");
    let oom = notices(&mut watch, &[(0, died("db", "137"))], &settings);
    assert!(oom[0].body.contains("out of memory"), "{}", oom[0].body);
}

#[test]
fn a_clean_exit_or_a_stop_is_not_news_on_docker_or_podman() {
    let settings = NotificationSettings::default();
    let mut watch = FailureWatch::default();
    let docker_stop = [
        (0, moment("a", "kill", &[("signal", "15")])),
        (9_000, died("a", "143")),
        (9_001, moment("a", "stop", &[])),
    ];
    assert_eq!(notices(&mut watch, &docker_stop, &settings), vec![]);
    // `docker kill`: no stop event after it, the kill alone explains the death.
    let docker_kill = [
        (0, moment("b", "kill", &[("signal", "9")])),
        (5, died("b", "137")),
    ];
    assert_eq!(notices(&mut watch, &docker_kill, &settings), vec![]);
    // Podman's stop, restart and rm -f: no kill, a stop or remove event just after the death.
    let podman_stop = [(0, died("c", "143")), (300, moment("c", "stop", &[]))];
    assert_eq!(notices(&mut watch, &podman_stop, &settings), vec![]);
    let podman_remove = [(0, died("d", "137")), (50, moment("d", "remove", &[]))];
    assert_eq!(notices(&mut watch, &podman_remove, &settings), vec![]);
    assert_eq!(
        notices(&mut watch, &[(0, died("e", "0"))], &settings),
        vec![]
    );
    // The kill was used up by that stop: the next crash is news again.
    assert_eq!(
        notices(&mut watch, &[(20_000, died("a", "2"))], &settings).len(),
        1
    );
    // A kill long ago does not explain a crash today; a reload signal never does.
    let late = [
        (0, moment("f", "kill", &[])),
        (KILL_COVERS_MS + 1, died("f", "1")),
    ];
    assert_eq!(notices(&mut watch, &late, &settings).len(), 1);
}

#[test]
fn a_restart_loop_is_notified_once_per_repeat_window() {
    let settings = NotificationSettings::default();
    let mut watch = FailureWatch::default();
    // The restart policy starts it again: a `start`, no stop, restart or remove event.
    assert_eq!(
        notices(&mut watch, &[(0, died("a", "1"))], &settings).len(),
        1
    );
    assert_eq!(
        notices(&mut watch, &[(60_000, died("a", "1"))], &settings),
        vec![]
    );
    // Turning unhealthy is another kind of news, and due at once.
    assert!(watch
        .see(
            &moment("a", "health_status: unhealthy", &[]),
            60_000,
            &settings
        )
        .is_some());
    assert_eq!(
        notices(
            &mut watch,
            &[(REPEAT_AFTER_MS + 1, died("a", "1"))],
            &settings
        )
        .len(),
        1
    );
}

#[test]
fn switches_turn_container_notices_off_globally_or_by_name() {
    let mut settings = NotificationSettings::default();
    assert!(settings.set_watched("a-name", false));
    assert!(!settings.set_watched("a-name", false), "already muted");
    let mut watch = FailureWatch::default();
    assert_eq!(
        notices(&mut watch, &[(0, died("a", "1"))], &settings),
        vec![]
    );
    assert_eq!(
        notices(&mut watch, &[(0, died("b", "1"))], &settings).len(),
        1
    );
    assert!(settings.set_watched("a-name", true));
    assert!(settings.muted.is_empty());
    settings.container_failures = false;
    assert_eq!(
        notices(&mut watch, &[(0, died("c", "1"))], &settings),
        vec![]
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
    assert!(settings.notifications.container_failures && settings.notifications.long_tasks);
}
