//! The Volumes page (`docker volume ls`): every volume with the containers using it, its labels and driver
//! options, create (with driver, options, labels), inspect, remove (refused by the engine while in use — the banner
//! names the users), remove all unused ones (listed before asking), the bind mounts and tmpfs in use, and the three
//! kinds of storage a container can have, with where their data lives and what survives `docker rm`.

use crate::api;
use crate::components::cli_hint::CliHint;
use crate::components::column_resize::ColumnResize;
use crate::components::confirm_dialog::ConfirmDialog;
use crate::components::help_button::HelpButton;
use crate::components::host_mounts::HostMounts;
use crate::components::json_tree::JsonTree;
use crate::components::volume_create::VolumeCreateForm;
use crate::store::use_store;
use leptos::prelude::*;
use leptos::task::spawn_local;
use porthole_model::volume::{prunable, KINDS};
use porthole_model::Page;
use porthole_model::{Action, VolumeSummary};

#[component]
pub fn VolumesPage() -> impl IntoView {
    let store = use_store();
    let pending = RwSignal::new(None::<Action>);
    let inspected = RwSignal::new(None::<(String, String)>);
    let inspect = Callback::new(move |name: String| {
        if inspected.with_untracked(|i| i.as_ref().is_some_and(|(n, _)| n == &name)) {
            inspected.set(None);
            return;
        }
        spawn_local(async move {
            match api::inspect_volume(&name).await {
                Ok(json) => {
                    inspected.try_set(Some((name, json)));
                }
                Err(error) => {
                    store.error.try_set(Some(error.into()));
                }
            }
        });
    });
    let ask = move |action: Action| store.ask(pending, action);
    let unused = Memo::new(move |_| {
        store.cache.volumes.with(|volumes| {
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
                    <h1>"Volumes" <HelpButton page=Page::Volumes /></h1>
                    <p class="page-sub">{move || store.cache.volumes.with(|v| format!(
                        "{} volumes · {} in use", v.len(), v.iter().filter(|v| v.in_use()).count()))}</p>
                </div>
                <CliHint command=Signal::derive(|| Action::ListVolumes.cli()) />
            </header>
            <div class="cards kinds">
                {KINDS.iter().map(|(kind, lives, survives)| view! {
                    <div class="card kind"><h2>{*kind}</h2><p>{*lives}</p><p class="hint">{*survives}</p></div>
                }).collect_view()}
            </div>
            <VolumeCreateForm />
            <div class="toolbar">
                <span class="toolbar-spacer"></span>
                <button class="action" id="volume-prune" disabled=move || unused.with(Vec::is_empty)
                    title=move || Action::RemoveVolumes { names: unused.get() }.cli()
                    on:click=move |_| ask(Action::RemoveVolumes { names: unused.get_untracked() })>
                    {move || format!("Remove unused ({})", unused.with(Vec::len))}</button>
                <ConfirmDialog pending=pending />
            </div>
            <div class="table-scroll">
                <table class="list" id="volumes-table">
                    <thead><tr>
                        {[("Name", "name"), ("Driver", "driver"), ("Used by", "used-by"), ("Mountpoint", "mountpoint"),
                            ("Labels · options", "labels")].into_iter().map(|(title, key)| view! {
                            <th>{title}<ColumnResize key=format!("volumes.{key}") /></th>
                        }).collect_view()}
                        <th></th>
                    </tr></thead>
                    <tbody>
                        <For each=move || store.cache.volumes.get() key=|v| (v.name.clone(), v.users.clone()) let:volume>
                            <VolumeRow volume=volume on_remove=Callback::new(move |name| ask(Action::RemoveVolume { name })) on_inspect=inspect />
                        </For>
                    </tbody>
                </table>
                {move || store.cache.volumes.with(Vec::is_empty).then(|| view! {
                    <div class="empty"><strong>"No volumes yet."</strong>
                        <p>"A volume keeps data outside any container, so it survives " <code>"docker rm"</code>
                           ". Create one above, or with " <code>"docker volume create data"</code> "."</p></div>
                })}
                {move || inspected.get().map(|(name, json)| view! {
                    <div class="card volume-inspect" id="volume-inspect">
                        <h2>{format!("docker volume inspect {name}")}</h2>
                        <JsonTree json=json />
                    </div>
                })}
                <HostMounts />
            </div>
        </section>
    }
}

#[component]
fn VolumeRow(
    volume: VolumeSummary,
    on_remove: Callback<String>,
    on_inspect: Callback<String>,
) -> impl IntoView {
    let name = volume.name.clone();
    let inspect_name = volume.name.clone();
    let extras = volume
        .labels
        .iter()
        .map(|(k, v)| format!("{k}={v}"))
        .chain(volume.options.iter().map(|(k, v)| format!("-o {k}={v}")))
        .collect::<Vec<_>>()
        .join("  ");
    let users = if volume.users.is_empty() {
        view! { <span class="badge muted">"unused"</span> }.into_any()
    } else {
        let users = volume.users.join(", ");
        let title = users.clone();
        view! { <span class="badge in-use" title=title>{users}</span> }.into_any()
    };
    let extras_title = extras.clone();
    view! {
        <tr data-volume=volume.name.clone() data-in-use=volume.in_use().to_string()>
            <td class="name" title=volume.name.clone()><div class="cell-main">{volume.name.clone()}</div>
                {volume.is_anonymous().then(|| view! { <div class="hint">"anonymous"</div> })}</td>
            <td>{volume.driver.clone()}</td>
            <td>{users}</td>
            <td class="mono wrap" title=volume.mountpoint.clone()>{volume.mountpoint.clone()}</td>
            <td class="mono wrap volume-extras" title=extras_title>{extras}</td>
            <td class="row-buttons"><button class="action small" data-action="inspect-volume"
                title=format!("docker volume inspect {inspect_name}")
                on:click=move |_| on_inspect.run(inspect_name.clone())>"Inspect"</button><button class="action small" data-action="remove-volume"
                title=Action::RemoveVolume { name: name.clone() }.cli()
                on:click=move |_| on_remove.run(name.clone())>"Remove"</button></td>
        </tr>
    }
}
