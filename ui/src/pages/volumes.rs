//! The Volumes page (`docker volume ls`): every volume with the containers using it, create, remove (refused by the
//! engine while in use — the banner names the users), remove all unused ones (listed before asking), and the three
//! kinds of storage a container can have, with where their data lives and what survives `docker rm`.

use crate::components::cli_hint::CliHint;
use crate::components::confirm_dialog::ConfirmDialog;
use crate::store::use_store;
use leptos::prelude::*;
use porthole_model::volume::{parse_name, prunable, KINDS};
use porthole_model::{Action, VolumeSummary};

#[component]
pub fn VolumesPage() -> impl IntoView {
    let store = use_store();
    let pending = RwSignal::new(None::<Action>);
    let new_name = RwSignal::new(String::new());
    let parsed = Memo::new(move |_| {
        let text = new_name.get();
        (!text.trim().is_empty()).then(|| parse_name(&text))
    });
    let create = move || {
        if let Some(Ok(name)) = parsed.get_untracked() {
            store.perform(Action::CreateVolume { name });
            new_name.set(String::new());
        }
    };
    let ask = move |action: Action| {
        if store.settings.with_untracked(|s| s.confirm_destructive) {
            pending.set(Some(action));
        } else {
            store.perform(action);
        }
    };
    let unused = Memo::new(move |_| {
        store.volumes.with(|volumes| {
            prunable(volumes)
                .into_iter()
                .map(|v| v.name.clone())
                .collect::<Vec<_>>()
        })
    });
    view! {
        <section class="page" data-page="volumes">
            <header class="page-header">
                <div>
                    <h1>"Volumes"</h1>
                    <p class="page-sub">{move || store.volumes.with(|v| format!(
                        "{} volumes · {} in use", v.len(), v.iter().filter(|v| v.in_use()).count()))}</p>
                </div>
                <CliHint command=Signal::derive(|| Action::ListVolumes.cli()) />
            </header>
            <div class="cards kinds">
                {KINDS.iter().map(|(kind, lives, survives)| view! {
                    <div class="card kind"><h2>{*kind}</h2><p>{*lives}</p><p class="hint">{*survives}</p></div>
                }).collect_view()}
            </div>
            <div class="toolbar">
                <input id="volume-name" type="text" placeholder="New volume name" spellcheck="false"
                    prop:value=move || new_name.get() on:input=move |ev| new_name.set(event_target_value(&ev))
                    on:keydown=move |ev| if ev.key() == "Enter" { create() } />
                <button class="action" id="volume-create" disabled=move || !matches!(parsed.get(), Some(Ok(_)))
                    title=move || Action::CreateVolume { name: new_name.get() }.cli()
                    on:click=move |_| create()>"Create"</button>
                {move || match parsed.get() {
                    Some(Err(message)) => view! { <span class="invalid" id="volume-invalid">{message}</span> }.into_any(),
                    Some(Ok(name)) => view! { <code class="cli-inline">{Action::CreateVolume { name }.cli()}</code> }.into_any(),
                    None => ().into_any(),
                }}
                <span class="toolbar-spacer"></span>
                <button class="action" id="volume-prune" disabled=move || unused.with(Vec::is_empty)
                    title=move || format!("{} — removes: {}", Action::PruneVolumes.cli(), unused.get().join(", "))
                    on:click=move |_| ask(Action::PruneVolumes)>
                    {move || format!("Remove unused ({})", unused.with(Vec::len))}</button>
                <ConfirmDialog pending=pending />
            </div>
            <div class="table-scroll">
                <table class="list" id="volumes-table">
                    <thead><tr><th>"Name"</th><th>"Driver"</th><th>"Used by"</th><th>"Mountpoint"</th><th></th></tr></thead>
                    <tbody>
                        <For each=move || store.volumes.get() key=|v| (v.name.clone(), v.users.clone()) let:volume>
                            <VolumeRow volume=volume on_remove=Callback::new(move |name| ask(Action::RemoveVolume { name })) />
                        </For>
                    </tbody>
                </table>
                {move || store.volumes.with(Vec::is_empty).then(|| view! {
                    <div class="empty"><strong>"No volumes yet."</strong>
                        <p>"A volume keeps data outside any container, so it survives " <code>"docker rm"</code>
                           ". Create one above, or with " <code>"docker volume create data"</code> "."</p></div>
                })}
            </div>
        </section>
    }
}

#[component]
fn VolumeRow(volume: VolumeSummary, on_remove: Callback<String>) -> impl IntoView {
    let name = volume.name.clone();
    let users = if volume.users.is_empty() {
        view! { <span class="badge muted">"unused"</span> }.into_any()
    } else {
        view! { <span class="badge in-use">{volume.users.join(", ")}</span> }.into_any()
    };
    view! {
        <tr data-volume=volume.name.clone() data-in-use=volume.in_use().to_string()>
            <td class="name"><div class="cell-main">{volume.name.clone()}</div>
                {volume.is_anonymous().then(|| view! { <div class="hint">"anonymous"</div> })}</td>
            <td>{volume.driver.clone()}</td>
            <td>{users}</td>
            <td class="mono wrap">{volume.mountpoint.clone()}</td>
            <td><button class="action small" data-action="remove-volume"
                title=Action::RemoveVolume { name: name.clone() }.cli()
                on:click=move |_| on_remove.run(name.clone())>"Remove"</button></td>
        </tr>
    }
}
