//! `docker cp` in either direction, as a dialog: out of the container into a folder of this computer (the Downloads
//! folder unless the user picks another), or a file or folder of this computer into the container's open folder.
//! The command is shown as it will run; a bar follows the archive's bytes (against the size the listing read, or the
//! upload's own); the answer says what was copied and where it landed. Closing the dialog leaves a copy running.

use crate::api;
use crate::components::error_notice::ErrorNotice;
use crate::store::use_store;
use leptos::prelude::*;
use leptos::task::spawn_local;
use porthole_model::action::meta::or_word;
use porthole_model::action::FileAction;
use porthole_model::container::files::{Copied, CopyIn, CopyMessage, CopyOut};
use porthole_model::image::human_size;
use porthole_model::{Action, PortholeError};
use std::cell::Cell;
use std::rc::Rc;

/// Which copy the dialog is for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Copy {
    /// This container path, to a folder here; its bytes as listed, when known.
    Out { path: String, size: Option<u64> },
    /// Something here, into this container folder.
    In { folder: String },
}

#[derive(Clone, Debug)]
enum Outcome {
    Idle,
    /// The archive's bytes moved so far, of about `total`.
    Copying {
        bytes: u64,
        total: Option<u64>,
    },
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
    let store = use_store();
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
        // An empty field reads as a word standing for what goes there, not as `''`.
        Copy::Out { path, .. } => FileAction::CopyOut {
            path: path.clone(),
            folder: or_word(local.get(), "FOLDER"),
        },
        Copy::In { folder } => FileAction::CopyIn {
            source: or_word(local.get(), "SOURCE"),
            folder: folder.clone(),
        },
    };
    move || {
        let copy = copying.get()?;
        let container = container.clone();
        let (title, label, button) = match &copy {
            Copy::Out { path, .. } => (
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
            let (copy, command) = (copy.clone(), command.clone());
            move |_| {
                let (copy, container) = (copy.clone(), container.clone());
                let mine = opening.get_value();
                let cli = command();
                let refused = cli.clone();
                let total = match &copy {
                    Copy::Out { size, .. } => *size,
                    Copy::In { .. } => None,
                };
                let upload = matches!(copy, Copy::In { .. });
                outcome.set(Outcome::Copying { bytes: 0, total });
                crate::timeline::mark("porthole:copy-start");
                // The subscription's id, to let go of its handler once the copy ended (the backend's ends by itself).
                let subscription = Rc::new(Cell::new(None::<u64>));
                let ended = Rc::new(Cell::new(false));
                let release = {
                    let (subscription, ended) = (subscription.clone(), ended.clone());
                    move || {
                        if let (true, Some(id)) = (ended.get(), subscription.take()) {
                            spawn_local(async move {
                                let _ = api::unsubscribe(id).await;
                            });
                        }
                    }
                };
                let on_end = release.clone();
                let on_message = move |message: CopyMessage| {
                    if !matches!(message, CopyMessage::Progress { .. }) {
                        crate::timeline::mark("porthole:copy-answered");
                        ended.set(true);
                        on_end();
                    }
                    // Only an upload changes the folder shown (a download would read it all again for nothing).
                    if upload && matches!(message, CopyMessage::Done { .. }) {
                        done.try_run(());
                    }
                    // A copy from an earlier opening reports nothing here; its failure is news all the same (the
                    // dialog was closed while it ran, and the user may believe it done): the error banner says it.
                    if opening.try_get_value() != Some(mine) {
                        if let CopyMessage::Failed { mut error } = message {
                            error.message = format!("`{cli}` failed: {}", error.message);
                            store.error.try_set(Some(error.into()));
                        }
                        return;
                    }
                    outcome.try_set(match message {
                        CopyMessage::Progress { bytes, total } => Outcome::Copying { bytes, total },
                        CopyMessage::Done { copied } => Outcome::Done(copied),
                        CopyMessage::Failed { error } => Outcome::Failed(error),
                    });
                };
                spawn_local(async move {
                    let local = local.get_untracked().trim().to_owned();
                    let started = match copy {
                        Copy::Out { path, size } => {
                            let request = CopyOut {
                                container,
                                path,
                                folder: local,
                                estimate: size,
                            };
                            api::copy_out(&request, on_message).await
                        }
                        Copy::In { folder } => {
                            let request = CopyIn {
                                container,
                                source: local,
                                folder,
                            };
                            api::copy_in(&request, on_message).await
                        }
                    };
                    match started {
                        Ok(id) => {
                            subscription.set(Some(id));
                            release();
                        }
                        Err(error) if opening.try_get_value() == Some(mine) => {
                            outcome.try_set(Outcome::Failed(error));
                        }
                        // Refused after the dialog closed: the banner says it, as for a failure under way.
                        Err(mut error) => {
                            error.message = format!("`{refused}` failed: {}", error.message);
                            store.error.try_set(Some(error.into()));
                        }
                    }
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
                        Outcome::Copying { bytes, total } => Some(progress(bytes, total).into_any()),
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
                            {move || if matches!(outcome.get(), Outcome::Idle | Outcome::Failed(_)) { "Cancel" } else { "Close" }}
                        </button>
                        <button class="primary" id="copy-start" on:click=start
                            disabled=move || local.get().trim().is_empty() || matches!(outcome.get(), Outcome::Copying { .. } | Outcome::Done(_))>{button}</button>
                    </div>
                </div>
            </div>
        })
    }
}

/// The bar and its words: "37.2MB of about 100MB" (an archive is its files and a little more), or the bytes alone
/// when the size is not known.
fn progress(bytes: u64, total: Option<u64>) -> impl IntoView {
    let percent = CopyMessage::percent(bytes, total);
    let words = match total {
        Some(total) => format!(
            "Copying… {} of about {}",
            human_size(bytes.min(total) as i64),
            human_size(total as i64)
        ),
        None => format!("Copying… {}", human_size(bytes as i64)),
    };
    view! {
        <div class="note" id="copy-running">
            <span>{words}" · it goes on if you close this"</span>
            {percent.map(|p| view! {
                <div class="bar" role="progressbar" aria-valuenow=p aria-valuemin="0" aria-valuemax="100">
                    <div class="fill" style=format!("width: {p}%")></div>
                </div>
            })}
        </div>
    }
}
