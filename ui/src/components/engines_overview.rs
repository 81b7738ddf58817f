//! Every engine the user has, side by side: where it is, whether it answers (or why not, in plain words), its
//! version and platform, containers running and stopped, images, and whether it manages a Swarm — with Switch,
//! and the CLI flag that reaches it from a terminal. Live while shown: each engine is followed on a connection of
//! its own (`subscribe_engines`), so an engine that stops, comes back or gains a container changes its row at once.

use crate::api::{self, Slot};
use crate::store::use_store;
use leptos::prelude::*;
use leptos::task::spawn_local;

#[component]
pub fn EnginesOverview() -> impl IntoView {
    let store = use_store();
    store.refresh_engines();
    let slot = Slot::new();
    // Followed once the list read above arrives, and again whenever it is read afresh (an engine added, a switch):
    // its probes may be older than what the follow had shown, and the follow's first look at each replaces them.
    Effect::watch(
        move || store.cache.engines_read.get(),
        move |_, _, _| {
            let ticket = slot.renew();
            spawn_local(async move {
                let feed = api::subscribe_engines(move |update| {
                    if slot.is_current(ticket) {
                        let changed = store
                            .cache
                            .engines
                            .try_update_untracked(|all| update.apply(all));
                        if changed == Some(true) {
                            store.cache.engines.notify();
                        }
                    }
                })
                .await;
                if let Ok(id) = feed {
                    slot.keep(ticket, id).await;
                }
            });
        },
        false,
    );
    view! {
        <div class="card engines-overview">
            <div class="panel-head"><h2>"Your engines"</h2>
                <span class="hint live-note" title="Each engine is followed on a connection of its own while this list is shown">"live"</span></div>
            <div class="table-scroll">
                <table class="list" id="engines-table">
                    <thead><tr><th>"Engine"</th><th>"Address"</th><th>"State"</th><th>"Containers · images"</th><th></th></tr></thead>
                    <tbody>
                        <For each=move || store.cache.engines.get() key=|e| format!("{e:?}") let:engine>
                            <tr data-engine=engine.name.clone() data-current=engine.current.to_string()
                                data-reachable=engine.probe.as_ref().map(|p| p.reachable.to_string()).unwrap_or_default()>
                                <td class="name"><div class="cell-main">{engine.name.clone()}</div>
                                    <div class="hint">{engine.description.clone()}</div></td>
                                <td class="mono address" title=engine.host.clone()>{breakable(&engine.host)}
                                    {engine.tls.then(|| view! { <span class="badge tls" title="Reached over TLS with the context's certificates">"TLS"</span> })}
                                    {(engine.origin == porthole_model::system::context::EngineOrigin::Context).then(|| view! {
                                        <div class="hint">{format!("docker {} …", engine.cli_flag())}</div> })}</td>
                                <td>{match &engine.probe {
                                    None => view! { <span class="hint">"looking…"</span> }.into_any(),
                                    Some(p) if p.reachable => view! { <span class="badge ok">"answers"</span>
                                        {p.swarm_manager.then(|| view! { <span class="badge in-use">"Swarm manager"</span> })}
                                        <div class="hint">{format!("{} · {}", p.product_version(), p.platform)}</div> }.into_any(),
                                    Some(p) => view! { <span class="badge bad">"unreachable"</span>
                                        <div class="hint" title=p.reason.map(|r| r.advice()).unwrap_or_default()>{p.problem.clone()}</div> }.into_any(),
                                }}</td>
                                <td>{engine.probe.as_ref().filter(|p| p.reachable).map(|p| porthole_model::system::headline_counts(p.running, p.stopped, p.images))}</td>
                                <td class="row-buttons">{if engine.current {
                                    view! { <span class="badge in-use">"shown now"</span> }.into_any()
                                } else {
                                    let name = engine.name.clone();
                                    view! { <button class="action small" data-action="switch-engine" on:click=move |_| store.switch_engine(name.clone())>"Switch"</button> }.into_any()
                                }}</td>
                            </tr>
                        </For>
                    </tbody>
                </table>
            </div>
        </div>
    }
}

/// An address with a break opportunity after each `/` and `:`, so a long socket path wraps at its separators
/// (`unix:///tmp/ph/` · `docker.sock`) rather than in the middle of a name.
fn breakable(address: &str) -> impl IntoView {
    address
        .split_inclusive(['/', ':'])
        .map(|part| view! { {part.to_owned()}<wbr /> })
        .collect_view()
}
