//! `docker export -o FILE`: the container's whole filesystem (image layers and its own, flattened; volumes not
//! included) written to a tar on this computer, never over an existing file.

use crate::api;
use crate::components::error_notice::ErrorNotice;
use leptos::prelude::*;
use leptos::task::spawn_local;
use porthole_model::action::FileAction;
use porthole_model::container::files::{Copied, ExportRequest};
use porthole_model::image::human_size;
use porthole_model::{Action, PortholeError};

#[component]
pub fn ExportDialog(
    container: String,
    #[prop(into)] name: Signal<String>,
    open: RwSignal<bool>,
) -> impl IntoView {
    let file = RwSignal::new(String::new());
    let answer = RwSignal::new(None::<Result<Copied, PortholeError>>);
    let busy = RwSignal::new(false);
    Effect::new(move || {
        if open.get() {
            answer.set(None);
            spawn_local(async move {
                let folder = api::downloads_folder().await.unwrap_or_default();
                let name = name.get_untracked();
                file.try_set(format!("{folder}/{}.tar", name.trim_start_matches('/')));
            });
        }
    });
    let command = move || {
        Action::Files {
            container: name.get(),
            action: FileAction::Export { file: file.get() },
        }
        .cli()
    };
    let export = move |_| {
        let request = ExportRequest {
            container: container.clone(),
            file: file.get_untracked().trim().to_owned(),
        };
        busy.set(true);
        spawn_local(async move {
            let written = api::export_container(&request).await;
            busy.try_set(false);
            answer.try_set(Some(written));
        });
    };
    move || {
        open.get().then(|| {
        let export = export.clone();
        view! {
            <div class="dialog-backdrop">
                <div class="dialog wide" role="dialog" aria-modal="true" id="export-dialog">
                    <h2>"Export the filesystem as a tar"</h2>
                    <p>"One flat tar of every file the container sees (its image's layers and its own), without volumes and without the image's history: "
                        <code>"docker import"</code>" makes it an image again."</p>
                    <label class="field">"Tar file on this computer"
                        <input type="text" id="export-file" spellcheck="false" prop:value=move || file.get()
                            on:input=move |ev| file.set(event_target_value(&ev)) />
                    </label>
                    <div class="dialog-cli"><span class="cli-prompt">"$"</span><code id="export-command">{command}</code></div>
                    {move || busy.get().then(|| view! { <div class="note">"Exporting…"</div> })}
                    {move || answer.get().map(|written| match written {
                        Ok(w) => view! { <div class="pull-result ok" id="export-done">{format!("Wrote {} to {}", human_size(w.bytes as i64), w.path)}</div> }.into_any(),
                        Err(error) => view! { <ErrorNotice error=error id="export-error" /> }.into_any(),
                    })}
                    <div class="dialog-buttons">
                        <button class="ghost" id="export-cancel" data-dismiss="" on:click=move |_| open.set(false)>
                            {move || if matches!(answer.get(), Some(Ok(_))) { "Close" } else { "Cancel" }}</button>
                        <button class="primary" id="export-ok" on:click=export
                            disabled=move || file.get().trim().is_empty() || busy.get() || matches!(answer.get(), Some(Ok(_)))>"Export"</button>
                    </div>
                </div>
            </div>
        }
    })
    }
}
