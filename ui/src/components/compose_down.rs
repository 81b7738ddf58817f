//! The Down dialog: `docker compose down` stops and removes the project's containers and networks; it asks whether
//! the named volumes go too (`-v`, each listed, their data lost for good) and which images (`--rmi`), and shows the
//! exact command before anything runs.

use leptos::prelude::*;
use porthole_model::compose::{
    ComposeCommand, ComposeFile, ComposeTool, ComposeVerb, RemoveImages,
};

#[component]
pub fn ComposeDown(
    open: RwSignal<bool>,
    file: ComposeFile,
    tool: ComposeTool,
    /// Receives the command when the user confirms.
    on_confirm: Callback<ComposeCommand>,
) -> impl IntoView {
    let volumes = RwSignal::new(false);
    let images = RwSignal::new(None::<RemoveImages>);
    let engine_volumes = file.engine_volume_names();
    let title = format!("Take {} down?", file.project);
    let command = {
        let file = file.clone();
        move || ComposeCommand {
            file: file.path.clone(),
            project: file.project.clone(),
            verb: ComposeVerb::Down {
                volumes: volumes.get(),
                images: images.get(),
            },
        }
    };
    // Every opening starts from "keep the volumes and images": a choice made before and cancelled is not carried.
    let close = move || {
        open.set(false);
        volumes.set(false);
        images.set(None);
    };
    let confirm = {
        let command = command.clone();
        move |_| {
            on_confirm.run(command());
            close();
        }
    };
    move || {
        let command = command.clone();
        let tool = tool.clone();
        let confirm = confirm.clone();
        let engine_volumes = engine_volumes.clone();
        let title = title.clone();
        open.get().then(move || view! {
            <div class="dialog-backdrop">
                <div class="dialog" role="dialog" aria-modal="true" id="compose-down-dialog">
                    <h2>{title}</h2>
                    <p>"Its containers are stopped and removed with everything they wrote outside volumes, and the networks Compose made for it go too. Images and named volumes stay unless you choose below."</p>
                    {(!engine_volumes.is_empty()).then(|| view! {
                        <label class="check"><input type="checkbox" id="compose-down-volumes" prop:checked=move || volumes.get()
                            on:change=move |ev| volumes.set(event_target_checked(&ev)) />
                            "Also remove the named volumes (-v) — their data is lost for good:"</label>
                        <ul id="compose-down-volume-list">{engine_volumes.iter().map(|v| view! { <li data-goes=v.clone()><code>{v.clone()}</code></li> }).collect_view()}</ul>
                    })}
                    <label>"Images (--rmi) "
                        <select id="compose-down-images" on:change=move |ev| images.set(match event_target_value(&ev).as_str() {
                            "local" => Some(RemoveImages::Local),
                            "all" => Some(RemoveImages::All),
                            _ => None,
                        })>
                            <option value="">"keep every image"</option>
                            <option value="local">"remove the images this project built"</option>
                            <option value="all">"remove every image its services use"</option>
                        </select></label>
                    <div class="dialog-cli"><span class="cli-prompt">"$"</span><code id="compose-down-cli">{move || command().cli(&tool)}</code></div>
                    <div class="dialog-buttons">
                        <button class="ghost" id="compose-down-cancel" data-dismiss="" data-autofocus="" on:click=move |_| close()>"Cancel"</button>
                        <button class="primary danger" id="compose-down-ok" on:click=confirm.clone()>"Down"</button>
                    </div>
                </div>
            </div>
        })
    }
}
