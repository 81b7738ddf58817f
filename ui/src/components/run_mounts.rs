//! The run dialog's storage rows, one per mount, in the three kinds the learner's notes name: a volume (picked or
//! created by name; empty for an anonymous one), a bind mount of a host folder (typed or chosen), a tmpfs (size) —
//! each with where its data lives and what survives `docker rm`.

use crate::api;
use crate::store::use_store;
use leptos::prelude::*;
use leptos::task::spawn_local;
use porthole_model::run::{MountKind, MountSpec};

#[derive(Clone, Copy)]
pub struct MountRow {
    pub key: u32,
    pub kind: RwSignal<MountKind>,
    pub source: RwSignal<String>,
    pub target: RwSignal<String>,
    pub read_only: RwSignal<bool>,
    pub size: RwSignal<String>,
}

impl MountRow {
    pub fn new(key: u32, kind: MountKind) -> Self {
        Self {
            key,
            kind: RwSignal::new(kind),
            source: RwSignal::new(String::new()),
            target: RwSignal::new(String::new()),
            read_only: RwSignal::new(false),
            size: RwSignal::new(String::new()),
        }
    }

    pub fn parsed(&self) -> Result<MountSpec, String> {
        MountSpec::from_parts(
            self.kind.get(),
            &self.source.get(),
            &self.target.get(),
            self.read_only.get(),
            &self.size.get(),
        )
    }
}

#[component]
pub fn RunMounts(
    rows: RwSignal<Vec<MountRow>>,
    next_key: StoredValue<u32>,
    duplicates: Signal<Vec<(usize, String)>>,
) -> impl IntoView {
    let store = use_store();
    let add = move |kind: MountKind| {
        let key = next_key.get_value();
        next_key.set_value(key + 1);
        rows.update(|r| r.push(MountRow::new(key, kind)));
    };
    view! {
        <fieldset class="run-section" id="run-mounts">
            <legend>"Storage"<span class="legend-cli">"--mount"</span></legend>
            <p class="hint">"Without storage, whatever the container writes lives in its own layer and is deleted with it."</p>
            <datalist id="volume-names">
                {move || store.volumes.with(|v| v.iter().filter(|v| !v.is_anonymous()).map(|v| view! { <option value=v.name.clone()></option> }).collect_view())}
            </datalist>
            <For each=move || rows.get() key=|row| row.key let:row>
                {
                    let index = move || rows.with(|r| r.iter().position(|x| x.key == row.key).unwrap_or(0));
                    let problem = move || row.parsed().err().or_else(|| {
                        let i = index();
                        duplicates.with(|d| d.iter().find(|(at, _)| *at == i).map(|(_, m)| m.clone()))
                    });
                    let is = move |kind: MountKind| row.kind.get() == kind;
                    view! {
                        <div class="run-row mount-row" data-row=move || index().to_string() data-kind=move || row.kind.get().as_str()>
                            <select class="mount-kind" title="Kind of storage" on:change=move |ev| row.kind.set(MountKind::parse(&event_target_value(&ev)))>
                                {MountKind::ALL.into_iter().map(|k| view! {
                                    <option value=k.as_str() selected=move || row.kind.get() == k>{k.as_str()}</option>
                                }).collect_view()}
                            </select>
                            {move || (!is(MountKind::Tmpfs)).then(|| view! {
                                <span class="with-button">
                                    <input type="text" class="mount-source" id=format!("mount-source-{}", row.key) spellcheck="false"
                                        list=move || if is(MountKind::Volume) { "volume-names" } else { "" }
                                        placeholder=move || if is(MountKind::Volume) { "volume name (empty: anonymous)" } else { "/host/folder" }
                                        prop:value=move || row.source.get() on:input=move |ev| row.source.set(event_target_value(&ev)) />
                                    {move || is(MountKind::Bind).then(|| view! {
                                        <button type="button" class="action mount-choose" on:click=move |_| spawn_local(async move {
                                            if let Ok(Some(folder)) = api::choose_folder("Choose the host folder to mount").await { row.source.try_set(folder); }
                                        })>"Choose…"</button>
                                    })}
                                </span>
                            })}
                            <span class="sep">"→"</span>
                            <input type="text" class="mount-target" id=format!("mount-target-{}", row.key) placeholder="/path/in/container" spellcheck="false"
                                prop:value=move || row.target.get() on:input=move |ev| row.target.set(event_target_value(&ev)) />
                            {move || if is(MountKind::Tmpfs) {
                                view! { <input type="text" class="mount-size" id=format!("mount-size-{}", row.key) placeholder="size, e.g. 64m" title="Size limit (default: half the memory)"
                                    prop:value=move || row.size.get() on:input=move |ev| row.size.set(event_target_value(&ev)) /> }.into_any()
                            } else {
                                view! { <label class="check"><input type="checkbox" class="mount-ro" prop:checked=move || row.read_only.get()
                                    on:change=move |ev| row.read_only.set(event_target_checked(&ev)) />"read-only"</label> }.into_any()
                            }}
                            <button type="button" class="ghost remove-row" title="Remove this mount"
                                on:click=move |_| rows.update(|r| r.retain(|x| x.key != row.key))>"✕"</button>
                            <div class="mount-explain">{move || row.kind.get().explanation()}</div>
                            {move || problem().filter(|_| !row.target.with(String::is_empty) || !row.source.with(String::is_empty))
                                .map(|message| view! { <div class="invalid row-problem">{message}</div> })}
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
