//! Three engines in one window — the rig's engine by DOCKER_HOST, its second engine and the first again over TLS (both
//! docker contexts): switching shows each one's own containers, also when switched twice in a row; the overview sees
//! all three answer and follows them live — a container started on the second engine by the CLI shows in its figures,
//! and when that engine stops only its entry turns unreachable (with why) while the shown engine stays connected,
//! until it answers again — and the engine chosen last is the one shown at the next start.

use porthole_e2e::{create_context, docker_on, rig, second_engine, sleeper, unique, Window};

/// Starts the second engine again and removes the container made on it, whatever the test did.
struct SecondEngine(String);

impl Drop for SecondEngine {
    fn drop(&mut self) {
        rig("start-engine 2");
        let _ = docker_on(&second_engine(), &["rm", "-f", &self.0]);
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn three_engines_each_its_own_one_stopped_and_the_choice_remembered() {
    let (first, _first_guard) = sleeper("first");
    let second = unique("second");
    let _second_guard = SecondEngine(second.clone());
    let (ok, out) = docker_on(
        &second_engine(),
        &[
            "run",
            "-d",
            "--name",
            &second,
            "porthole-test/busybox:1",
            "sleep",
            "600",
        ],
    );
    assert!(ok, "{out}");
    let tls = std::env::var("PORTHOLE_TEST_TLS_ENGINE").expect("the rig's TLS engine");
    let certs = std::env::var("PORTHOLE_TEST_TLS").expect("the rig's certificates");
    let window = Window::launch_with(|home| {
        let config = home.join("docker-config");
        create_context(&config, "second", &format!("host={}", second_engine()));
        create_context(
            &config,
            "secure",
            &format!("host={tls},ca={certs}/ca.pem,cert={certs}/cert.pem,key={certs}/key.pem"),
        );
    })
    .await;
    let shows = |engine: &str, present: &str, absent: &str| {
        format!(
            "return document.getElementById('engine-switcher')?.value === '{engine}' && \
             document.querySelector('.status-bar')?.dataset.connection === 'connected' && \
             !!document.querySelector('tr[data-name=\"{present}\"]') && !document.querySelector('tr[data-name=\"{absent}\"]')"
        )
    };
    window
        .appears(&format!("tr[data-name=\"{first}\"]"), 10)
        .await;
    window.choose("engine-switcher", "second").await;
    window.open("containers").await;
    window
        .wait_for(
            "the second engine's own containers",
            &shows("second", &second, &first),
            15,
        )
        .await;
    // Two switches in a row, faster than the engine list is read again: the second one is followed too.
    window
        .eval(
            "const s = document.getElementById('engine-switcher'); \
             for (const name of ['DOCKER_HOST', 'second']) { s.value = name; s.dispatchEvent(new Event('change')); } \
             return true",
        )
        .await;
    // The state before the pair looks the same as the one wanted: only once both switches have been carried out
    // does the page tell them apart.
    tokio::time::sleep(std::time::Duration::from_secs(3)).await;
    window
        .wait_for(
            "the second of two quick switches",
            &shows("second", &second, &first),
            5,
        )
        .await;
    window.choose("engine-switcher", "secure").await;
    window.open("containers").await;
    window
        .wait_for(
            "the first engine, over TLS",
            &shows("secure", &first, &second),
            15,
        )
        .await;
    window
        .wait_for(
            "the TLS address in the status bar",
            &format!(
                "return document.querySelector('.status-endpoint')?.textContent.includes('{tls}')"
            ),
            5,
        )
        .await;

    window.open("engine").await;
    let reachable = |engine: &str, answers: bool| {
        format!("return document.querySelector('#engines-table tr[data-engine=\"{engine}\"]')?.dataset.reachable === '{answers}'")
    };
    for engine in ["DOCKER_HOST", "second", "secure"] {
        window
            .wait_for(&format!("{engine} answers"), &reachable(engine, true), 15)
            .await;
    }
    // Live: a container made on the second engine by the CLI shows in its figures without asking.
    let counted = |running: usize| {
        format!(
            "return (document.querySelector('#engines-table tr[data-engine=\"second\"]')?.textContent ?? '').includes('{running} running')"
        )
    };
    let second_running = docker_on(&second_engine(), &["ps", "-q"]).1.lines().count();
    window
        .wait_for("the second engine's figures", &counted(second_running), 10)
        .await;
    let extra = unique("extra");
    let _extra_guard = SecondEngine(extra.clone());
    let (ok, out) = docker_on(
        &second_engine(),
        &[
            "run",
            "-d",
            "--name",
            &extra,
            "porthole-test/busybox:1",
            "sleep",
            "600",
        ],
    );
    assert!(ok, "{out}");
    window
        .wait_for(
            "one more running on the second engine, live",
            &counted(second_running + 1),
            10,
        )
        .await;
    rig("stop-engine 2");
    window
        .wait_for(
            "the stopped engine unreachable",
            &reachable("second", false),
            15,
        )
        .await;
    for engine in ["DOCKER_HOST", "secure"] {
        window
            .wait_for(
                &format!("{engine} still answers"),
                &reachable(engine, true),
                5,
            )
            .await;
    }
    assert_eq!(
        window
            .eval("return document.querySelector('.status-bar')?.dataset.connection")
            .await,
        "connected",
        "the engine shown is not affected"
    );
    window
        .eval("document.querySelector('.engines-overview').scrollIntoView({block: 'start'}); return true")
        .await;
    window.screenshot("engines-overview").await;
    rig("start-engine 2");
    window
        .wait_for("the second engine back", &reachable("second", true), 15)
        .await;

    // The next start shows the engine chosen last.
    let home = window.close().await;
    let again = Window::launch_at(home).await;
    again
        .wait_for(
            "the remembered engine",
            &format!(
                "return document.getElementById('engine-switcher')?.value === 'secure' && \
                 document.querySelector('.status-bar')?.dataset.connection === 'connected' && \
                 document.querySelector('.status-endpoint')?.textContent.includes('{tls}')"
            ),
            15,
        )
        .await;
}
