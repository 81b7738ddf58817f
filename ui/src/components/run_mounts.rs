//! The run dialog's storage rows, one per mount, in the three kinds the learner's notes name: a volume (picked or
//! created by name; empty for an anonymous one), a bind mount of a host folder (typed or chosen), a tmpfs (size) —
//! each with where its data lives and what survives `docker rm`.

use crate::api;
use crate::components::draft_rows::{index, problem, read, remove, write};
use crate::store::use_store;
use leptos::prelude::*;
use leptos::task::spawn_local;
use porthole_model::container::run::{MountDraft, MountKind};

#[component]
pub fn RunMounts(
    rows: RwSignal<Vec<MountDraft>>,
    next_key: StoredValue<u32>,
    duplicates: Signal<Vec<(usize, String)>>,
) -> impl IntoView {
    let store = use_store();
    let add = move |kind: MountKind| {
        let key = next_key.get_value();
        next_key.set_value(key + 1);
        rows.update(|r| r.push(MountDraft::new(key, kind)));
    };
    view! {
        <fieldset class="run-section" id="run-mounts">
            <legend>"Storage"<span class="legend-cli">"--mount"</span></legend>
            <p class="hint">"Without storage, whatever the container writes lives in its own layer and is deleted with it."</p>
            <datalist id="volume-names">
                {move || store.cache.volumes.with(|v| v.iter().filter(|v| !v.is_anonymous()).map(|v| view! { <option value=v.name.clone()></option> }).collect_view())}
            </datalist>
            <For each=move || rows.get() key=|row| row.key let:row>
                {
                    let key = row.key;
                    let index = move || index(rows, key);
                    let problem = move || problem(rows, key, duplicates);
                    let is = move |kind: MountKind| read(rows, key, |r| r.kind == kind);
                    view! {
                        <div class="run-row mount-row" data-row=move || index().to_string() data-kind=move || read(rows, key, |r| r.kind.as_str())>
                            <select class="mount-kind" title="Kind of storage" on:change=move |ev| write(rows, key, |r| r.kind = MountKind::parse(&event_target_value(&ev)))>
                                {MountKind::ALL.into_iter().map(|k| view! {
                                    <option value=k.as_str() selected=move || is(k)>{k.as_str()}</option>
                                }).collect_view()}
                            </select>
                            {move || (!is(MountKind::Tmpfs)).then(|| view! {
                                <span class="with-button">
                                    <input type="text" class="mount-source" id=format!("mount-source-{key}") spellcheck="false"
                                        list=move || if is(MountKind::Volume) { "volume-names" } else { "" }
                                        placeholder=move || if is(MountKind::Volume) { "volume name (empty: anonymous)" } else { "/host/folder" }
                                        prop:value=move || read(rows, key, |r| r.source.clone()) on:input=move |ev| write(rows, key, |r| r.source = event_target_value(&ev)) />
                                    {move || is(MountKind::Bind).then(|| view! {
                                        <button type="button" class="action mount-choose" on:click=move |_| spawn_local(async move {
                                            if let Ok(Some(folder)) = api::choose_folder("Choose the host folder to mount").await { write(rows, key, |r| r.source = folder); }
                                        })>"Choose…"</button>
                                    })}
                                </span>
                            })}
                            <span class="sep">"→"</span>
                            <input type="text" class="mount-target" id=format!("mount-target-{key}") placeholder="/path/in/container" spellcheck="false"
                                prop:value=move || read(rows, key, |r| r.target.clone()) on:input=move |ev| write(rows, key, |r| r.target = event_target_value(&ev)) />
                            {move || if is(MountKind::Tmpfs) {
                                view! { <input type="text" class="mount-size" id=format!("mount-size-{key}") placeholder="size, e.g. 64m" title="Size limit (default: half the memory)"
                                    prop:value=move || read(rows, key, |r| r.size.clone()) on:input=move |ev| write(rows, key, |r| r.size = event_target_value(&ev)) /> }.into_any()
                            } else {
                                view! { <label class="check"><input type="checkbox" class="mount-ro" prop:checked=move || read(rows, key, |r| r.read_only)
                                    on:change=move |ev| write(rows, key, |r| r.read_only = event_target_checked(&ev)) />"read-only"</label> }.into_any()
                            }}
                            <button type="button" class="ghost remove-row" title="Remove this mount"
                                on:click=move |_| remove(rows, key)>"✕"</button>
                            <div class="mount-explain">{move || read(rows, key, |r| r.kind.explanation())}</div>
                            {move || problem().map(|message| view! { <div class="invalid row-problem">{message}</div> })}
                        </div>
                    }
                }
            </For>
            <div class="run-add">
                <button type="button" class="action" id="run-add-volume" on:click=move |_| add(MountKind::Volume)>"+ Volume"</button>
                <button type="button" class="action" id="run-add-bind" on:click=move |_| add(MountKind::Bind)>"+ Bind mount"</button>
                <button type="button" class="action" id="run-add-tmpfs" on:click=move |_| add(MountKind::Tmpfs)>"+ tmpfs"</button>
            </div>
        </fieldset>
    }
}
