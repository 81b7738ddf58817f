//! Every engine the user has, side by side: where it is, whether it answers (or why not, in plain words), its
//! version and platform, containers running and stopped, images, and whether it manages a Swarm — with Switch,
//! and the CLI flag that reaches it from a terminal.

use crate::store::use_store;
use leptos::prelude::*;

#[component]
pub fn EnginesOverview() -> impl IntoView {
    let store = use_store();
    store.refresh_engines();
    view! {
        <div class="card engines-overview">
            <div class="panel-head"><h2>"Your engines"</h2>
                <button class="ghost small" id="engines-refresh" title="Connect to each engine again and read its figures"
                    on:click=move |_| store.refresh_engines()>"Look again"</button></div>
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
                                        <div class="hint">{format!("Docker {} · {}", p.version, p.platform)}</div> }.into_any(),
                                    Some(p) => view! { <span class="badge bad">"unreachable"</span>
                                        <div class="hint" title=p.reason.map(|r| r.advice()).unwrap_or_default()>{p.problem.clone()}</div> }.into_any(),
                                }}</td>
                                <td>{engine.probe.as_ref().filter(|p| p.reachable).map(|p| format!("{} running · {} stopped · {} images", p.running, p.stopped, p.images))}</td>
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
