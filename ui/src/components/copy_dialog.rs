//! `docker cp` in either direction, as a dialog: out of the container into a folder of this computer (the Downloads
//! folder unless the user picks another), or a file or folder of this computer into the container's open folder.
//! The command is shown as it will run; the answer says what was copied and where it landed.

use crate::api;
use crate::components::error_notice::ErrorNotice;
use leptos::prelude::*;
use leptos::task::spawn_local;
use porthole_model::action::FileAction;
use porthole_model::container::files::{Copied, CopyIn, CopyOut};
use porthole_model::image::human_size;
use porthole_model::{Action, PortholeError};

/// Which copy the dialog is for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Copy {
    /// This container path, to a folder here.
    Out { path: String },
    /// Something here, into this container folder.
    In { folder: String },
}

#[derive(Clone, Debug)]
enum Outcome {
    Idle,
    Copying,
    Done(Copied),
    Failed(PortholeError),
}

#[component]
pub fn CopyDialog(
    container: String,
    /// The container's name, for the command shown (the id until the details arrive).
    #[prop(into)]
    name: Signal<String>,
    copying: RwSignal<Option<Copy>>,
    done: Callback<()>,
) -> impl IntoView {
    let local = RwSignal::new(String::new());
    let outcome = RwSignal::new(Outcome::Idle);
    // Each opening starts afresh (a copy still running from an earlier one reports nothing here); a copy out starts
    // in the Downloads folder.
    let opening = StoredValue::new(0u32);
    Effect::new(move || {
        let copy = copying.get();
        opening.update_value(|n| *n += 1);
        outcome.set(Outcome::Idle);
        local.set(String::new());
        if let Some(Copy::Out { .. }) = copy {
            spawn_local(async move {
                if let Ok(folder) = api::downloads_folder().await {
                    local.try_update(|l| {
                        if l.is_empty() {
                            *l = folder
                        }
                    });
                }
            });
        }
    });
    let action = move |copy: &Copy| match copy {
        Copy::Out { path } => FileAction::CopyOut {
            path: path.clone(),
            folder: local.get(),
        },
        Copy::In { folder } => FileAction::CopyIn {
            source: local.get(),
            folder: folder.clone(),
        },
    };
    move || {
        let copy = copying.get()?;
        let container = container.clone();
        let (title, label, button) = match &copy {
            Copy::Out { path } => (
                format!("Download {path}"),
                "Into this folder on this computer",
                "Download",
            ),
            Copy::In { folder } => (
                format!("Upload into {folder}"),
                "This file or folder on this computer",
                "Upload",
            ),
        };
        let command = {
            let (copy, id) = (copy.clone(), container.clone());
            move || {
                let shown = name.get();
                let container = if shown.is_empty() { id.clone() } else { shown };
                Action::Files {
                    container,
                    action: action(&copy),
                }
                .cli()
            }
        };
        let start = {
            let copy = copy.clone();
            move |_| {
                let (copy, container) = (copy.clone(), container.clone());
                let mine = opening.get_value();
                outcome.set(Outcome::Copying);
                spawn_local(async move {
                    let answer = match copy {
                        Copy::Out { path } => {
                            api::copy_out(&CopyOut {
                                container,
                                path,
                                folder: local.get_untracked().trim().to_owned(),
                            })
                            .await
                        }
                        Copy::In { folder } => {
                            api::copy_in(&CopyIn {
                                container,
                                source: local.get_untracked().trim().to_owned(),
                                folder,
                            })
                            .await
                        }
                    };
                    if answer.is_ok() {
                        done.try_run(());
                    }
                    if opening.try_get_value() != Some(mine) {
                        return;
                    }
                    outcome.try_set(match answer {
                        Ok(copied) => Outcome::Done(copied),
                        Err(error) => Outcome::Failed(error),
                    });
                });
            }
        };
        let choose = |title: &'static str, file: bool| {
            move |_| {
                spawn_local(async move {
                    let chosen = match file {
                        true => {
                            api::choose_file(&porthole_model::contract::FileChoice {
                                title: title.into(),
                                filter: String::new(),
                                extensions: Vec::new(),
                            })
                            .await
                        }
                        false => api::choose_folder(title).await,
                    };
                    if let Ok(Some(path)) = chosen {
                        local.set(path);
                    }
                });
            }
        };
        let upload = matches!(copy, Copy::In { .. });
        Some(view! {
            <div class="dialog-backdrop">
                <div class="dialog wide" role="dialog" aria-modal="true" id="copy-dialog">
                    <h2 class="mono">{title}</h2>
                    <label class="field">{label}
                        <input type="text" id="copy-local" spellcheck="false" prop:value=move || local.get()
                            on:input=move |ev| local.set(event_target_value(&ev)) />
                    </label>
                    <div class="run-add">
                        {upload.then(|| view! { <button class="ghost" id="copy-choose-file" on:click=choose("File to upload", true)>"Choose file…"</button> })}
                        <button class="ghost" id="copy-choose-folder" on:click=choose(if upload { "Folder to upload" } else { "Download into" }, false)>"Choose folder…"</button>
                    </div>
                    <div class="dialog-cli"><span class="cli-prompt">"$"</span><code id="copy-command">{command}</code></div>
                    {move || match outcome.get() {
                        Outcome::Idle => None,
                        Outcome::Copying => Some(view! { <div class="note" id="copy-running">"Copying…"</div> }.into_any()),
                        Outcome::Done(copied) => Some(view! {
                            <div class="pull-result ok" id="copy-done">{format!(
                                "Copied {} {} ({}) to {}",
                                copied.files,
                                if copied.files == 1 { "file" } else { "files" },
                                human_size(copied.bytes as i64),
                                copied.path
                            )}</div>
                        }.into_any()),
                        Outcome::Failed(error) => Some(view! { <ErrorNotice error=error id="copy-error" /> }.into_any()),
                    }}
                    <div class="dialog-buttons">
                        <button class="ghost" id="copy-close" data-dismiss="" on:click=move |_| copying.set(None)>
                            {move || if matches!(outcome.get(), Outcome::Done(_)) { "Close" } else { "Cancel" }}
                        </button>
                        <button class="primary" id="copy-start" on:click=start
                            disabled=move || local.get().trim().is_empty() || matches!(outcome.get(), Outcome::Copying | Outcome::Done(_))>{button}</button>
                    </div>
                </div>
            </div>
        })
    }
}
