//! Renaming a container (`docker rename OLD NEW`): the new name is checked as the user types — Docker's name rules
//! and no other container already holding it — and the command is shown as it will run.

use crate::store::use_store;
use leptos::prelude::*;
use porthole_model::{Action, ContainerAction};

/// The dialog for `renaming` (the container's current name); closing it sets `renaming` to `None`.
#[component]
pub fn RenameDialog(renaming: RwSignal<Option<String>>) -> impl IntoView {
    let store = use_store();
    move || {
        renaming.get().map(|old| {
            let value = RwSignal::new(old.clone());
            let problem = move || porthole_model::container::run::parse_name(&value.get()).err().map(String::from)
                .or_else(|| store.cache.containers.with(|all| all.iter().any(|c| c.name == value.get().trim()))
                    .then(|| "Another container already has that name.".to_owned()));
            let from = old.clone();
            view! {
                <div class="dialog-backdrop">
                    <div class="dialog" role="dialog" aria-modal="true" id="rename-dialog">
                        <h2>{format!("Rename {old}")}</h2>
                        <label class="field">"New name"<input type="text" id="rename-name" prop:value=move || value.get()
                            on:input=move |ev| value.set(event_target_value(&ev)) /></label>
                        {move || problem().filter(|_| value.get().trim() != from).map(|m| view! { <div class="invalid">{m}</div> })}
                        <div class="dialog-cli"><span class="cli-prompt">"$"</span><code>{
                            let old = old.clone();
                            move || format!("docker rename {old} {}", value.get().trim())
                        }</code></div>
                        <div class="dialog-buttons">
                            <button class="ghost" id="rename-cancel" data-dismiss="" on:click=move |_| renaming.set(None)>"Cancel"</button>
                            <button class="primary" id="rename-ok" disabled=move || problem().is_some() on:click={
                                let old = old.clone();
                                move |_| {
                                    store.perform(Action::Container { container: old.clone(), action: ContainerAction::Rename { name: value.get_untracked().trim().to_owned() } });
                                    renaming.set(None);
                                }
                            }>"Rename"</button>
                        </div>
                    </div>
                </div>
            }
        })
    }
}
