//! The storage containers use that is not a volume: bind mounts (a host folder) and tmpfs (memory), each with its
//! container — refreshed when the containers change.

use crate::api;
use crate::store::use_store;
use leptos::prelude::*;
use leptos::task::spawn_local;
use porthole_model::volume::MountUse;

#[component]
pub fn HostMounts() -> impl IntoView {
    let store = use_store();
    let mounts = RwSignal::new(Vec::<MountUse>::new());
    Effect::new(move |_| {
        store.cache.containers.track();
        spawn_local(async move {
            if let Ok(list) = api::list_host_mounts().await {
                mounts.try_set(list);
            }
        });
    });
    view! {
        <h2 class="section-title">"Bind mounts and tmpfs in use"</h2>
        {move || if mounts.with(Vec::is_empty) {
            view! { <p class="hint">"No container has a bind mount or a tmpfs. Add one in the run dialog's Storage section."</p> }.into_any()
        } else {
            view! {
                <table class="list compact" id="host-mounts">
                    <thead><tr><th>"Kind"</th><th>"On the host"</th><th>"Path in container"</th><th>"Container"</th><th>"Mode"</th></tr></thead>
                    <tbody>
                        {move || mounts.get().into_iter().map(|m| view! {
                            <tr data-kind=m.kind.as_str() data-container=m.container.clone()>
                                <td title=m.kind.explanation()>{m.kind.as_str()}</td>
                                <td class="mono">{if m.source.is_empty() { "(memory)".to_owned() } else { m.source.clone() }}</td>
                                <td class="mono">{m.destination.clone()}</td>
                                <td>{m.container.clone()}</td>
                                <td>{if m.read_only { "read-only" } else { "read-write" }}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            }.into_any()
        }}
    }
}
