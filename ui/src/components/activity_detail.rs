//! One request opened in the activity console: the docker command, a `curl` that repeats it, the request as sent
//! and the start of the answer (credentials were redacted before they were recorded).

use crate::api;
use crate::components::cli_hint::CliHint;
use leptos::prelude::*;
use leptos::task::spawn_local;
use porthole_model::ActivityDetail;

#[component]
pub fn ActivityDetailPane(id: u64, on_close: impl Fn() + 'static) -> impl IntoView {
    let detail = RwSignal::new(None::<Option<ActivityDetail>>);
    // A stream's answer grows while it runs: Refresh reads what arrived since.
    let load = move || {
        spawn_local(async move {
            let fetched = api::activity_detail(id).await.ok().flatten();
            detail.try_set(Some(fetched));
        });
    };
    load();
    view! {
        <aside id="activity-detail" class="activity-detail">
            <header class="activity-toolbar">
                <strong>"Request"</strong>
                <span class="toolbar-spacer"></span>
                <button class="action small" on:click=move |_| load()>"Refresh"</button>
                <button class="action small" title="Close" on:click=move |_| on_close()>"×"</button>
            </header>
            {move || match detail.get() {
                None => view! { <p class="muted">"Loading…"</p> }.into_any(),
                Some(None) => view! { <p class="muted">"This request has left the log."</p> }.into_any(),
                Some(Some(detail)) => {
                    let cli = detail.entry.cli.clone();
                    let curl = detail.entry.curl.clone();
                    view! {
                        <h3>"docker CLI"</h3>
                        {match cli {
                            Some(cli) => view! {
                                <div class="activity-cli-hint"><CliHint command=Signal::derive(move || cli.clone()) /></div>
                            }.into_any(),
                            None => view! {
                                <p class="muted">"No docker command of its own: Porthole sent it as part of another step."</p>
                            }.into_any(),
                        }}
                        {(!detail.entry.engine.is_empty()).then(|| view! {
                            <p class="muted" id="activity-engine">{format!("Sent to the engine at {}", detail.entry.engine)}</p>
                        })}
                        <h3>"The same request with curl"</h3>
                        <div class="activity-curl-hint"><CliHint command=Signal::derive(move || curl.clone()) /></div>
                        <h3>"Request"</h3>
                        <pre id="activity-request" class="activity-pre">{detail.request}</pre>
                        <h3>"Answer"</h3>
                        <pre id="activity-response" class="activity-pre">{detail.response}</pre>
                    }.into_any()
                }
            }}
        </aside>
    }
}
