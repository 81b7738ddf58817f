//! The activity log's tests: recording, redaction in what is shown, curl, and the command of each action.
use super::*;

#[test]
fn curl_uses_the_socket_or_the_tcp_address() {
    assert_eq!(
        engine_curl(
            Some("/run/docker.sock"),
            "unix:///run/docker.sock",
            None,
            "GET",
            "/v1.41/containers/json?all=1",
            None
        ),
        "curl --unix-socket /run/docker.sock 'http://localhost/v1.41/containers/json?all=1'"
    );
    assert_eq!(
        engine_curl(None, "tcp://10.0.0.2:2375", None, "POST", "/v1.41/volumes/create", Some(br#"{"Name":"it's"}"#)),
        "curl -X POST -H 'Content-Type: application/json' -d '{\"Name\":\"it'\\''s\"}' http://10.0.0.2:2375/v1.41/volumes/create"
    );
    assert_eq!(
        engine_curl(
            None,
            "tcp://10.0.0.2:2376",
            Some(" --cacert ca.pem"),
            "GET",
            "/_ping",
            None
        ),
        "curl --cacert ca.pem https://10.0.0.2:2376/_ping"
    );
}

#[test]
fn a_context_is_named_in_the_recorded_command() {
    assert_eq!(
        with_context("docker ps -a".into(), Some("build-box")),
        "docker --context build-box ps -a"
    );
    assert_eq!(with_context("docker ps -a".into(), None), "docker ps -a");
    assert_eq!(with_context("curl x".into(), Some("b")), "curl x");
}

#[tokio::test]
async fn records_carry_the_cli_of_the_action_they_ran_in() {
    let activity = Activity::default();
    let mut live = activity.subscribe();
    let sent = || Sent {
        engine: "unix:///run/test.sock".into(),
        context: None,
        target: ActivityTarget::Engine,
        method: "GET".into(),
        path: "/v1.41/containers/json?all=1".into(),
        headers: vec![("X-Registry-Auth".into(), REDACTED.into())],
        body: None,
        curl: String::new(),
        started_ms: now_ms(),
    };
    as_action(Action::ListContainers { all: true }, async {
        let pending = activity.begin(sent(), Capture::default());
        assert!(activity.entries()[0].pending, "recorded as it is sent");
        pending.finish(Some(200), None);
    })
    .await;
    activity
        .begin(sent(), Capture::default())
        .finish(None, Some("refused".into()));
    // A request given up before its answer (a cancelled pull) stays in the log, marked.
    drop(activity.begin(sent(), Capture::default()));
    let entries = activity.entries();
    assert_eq!(entries[0].cli.as_deref(), Some("docker ps -a"));
    assert_eq!((entries[0].status, entries[0].pending), (Some(200), false));
    assert_eq!(entries[1].cli, None);
    assert_eq!(entries[1].error.as_deref(), Some("refused"));
    let cancelled = entries[2].error.as_deref().unwrap_or_default();
    assert!(
        !entries[2].pending && cancelled.contains("cancelled"),
        "{cancelled}"
    );
    let first = entries[0].id;
    assert!(
        matches!(live.recv().await, Ok(ActivityMessage::Entry(e)) if e.id == first && e.pending)
    );
    assert!(
        matches!(live.recv().await, Ok(ActivityMessage::Entry(e)) if e.id == first && !e.pending)
    );
    activity.clear();
    assert!(activity.entries().is_empty());
}
