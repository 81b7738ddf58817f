//! Creating a volume (`docker volume create`): a name checked as typed, and on request the driver, its options
//! and labels; the command it amounts to is shown live.

use crate::store::use_store;
use leptos::prelude::*;
use porthole_model::volume::VolumeCreate;
use porthole_model::Action;

#[component]
pub fn VolumeCreateForm() -> impl IntoView {
    let store = use_store();
    let name = RwSignal::new(String::new());
    let driver = RwSignal::new(String::new());
    let options = RwSignal::new(String::new());
    let labels = RwSignal::new(String::new());
    let more = RwSignal::new(false);
    let parsed = Memo::new(move |_| {
        (!name.with(|n| n.trim().is_empty()))
            .then(|| VolumeCreate::parse(&name.get(), &driver.get(), &options.get(), &labels.get()))
    });
    let create = move || {
        if let Some(Ok(request)) = parsed.get_untracked() {
            store.perform(Action::CreateVolume { request });
            for field in [name, options, labels] {
                field.set(String::new());
            }
            more.set(false);
        }
    };
    view! {
        <div class="toolbar">
            <input id="volume-name" type="text" placeholder="New volume name" spellcheck="false"
                prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev))
                on:keydown=move |ev| if ev.key() == "Enter" { create() } />
            <button class="ghost" id="volume-more" on:click=move |_| more.update(|m| *m = !*m)>
                {move || if more.get() { "Fewer options" } else { "Driver, options, labels…" }}</button>
            <button class="action" id="volume-create" disabled=move || !matches!(parsed.get(), Some(Ok(_)))
                on:click=move |_| create()>"Create"</button>
            {move || match parsed.get() {
                Some(Err(error)) => view! { <span class="invalid" id="volume-invalid">{error.message}</span> }.into_any(),
                Some(Ok(request)) => view! { <code class="cli-inline" id="volume-cli">{Action::CreateVolume { request }.cli()}</code> }.into_any(),
                None => ().into_any(),
            }}
        </div>
        {move || more.get().then(|| view! {
            <div class="form-grid volume-more">
                <label>"Driver (empty: local)"<input id="volume-driver" type="text" placeholder="local" spellcheck="false"
                    prop:value=move || driver.get() on:input=move |ev| driver.set(event_target_value(&ev)) /></label>
                <label>"Labels, key=value per line"<textarea id="volume-labels" rows="2" spellcheck="false"
                    prop:value=move || labels.get() on:input=move |ev| labels.set(event_target_value(&ev))></textarea></label>
                <label>"Driver options (-o), key=value per line — e.g. type=tmpfs, device=tmpfs, o=size=64m for a volume in memory"
                    <textarea id="volume-options" rows="3" spellcheck="false"
                    prop:value=move || options.get() on:input=move |ev| options.set(event_target_value(&ev))></textarea></label>
            </div>
        })}
    }
}
