//! The Files tab's browser: one folder of the container at a time (breadcrumbs, a typed path, Up), its entries
//! folders first, a text file opened beside the list, and `docker cp` out of and into the container. Works for a
//! stopped container too (the engine's archive API needs no shell).
//!
//! Invariant: only the answer to the latest request is shown (each open bumps a generation), so a slow folder never
//! replaces one opened after it. Long folders render their first `SHOWN` entries; the filter narrows them.

use crate::api;
use crate::components::cli_hint::CliHint;
use crate::components::copy_dialog::{Copy, CopyDialog};
use crate::components::error_notice::ErrorNotice;
use crate::components::icon::{Glyph, Icon};
use crate::components::relative_time::RelativeTime;
use leptos::prelude::*;
use leptos::task::spawn_local;
use porthole_model::action::FileAction;
use porthole_model::container::files::{self as paths, FileEntry, FileKind, FileListing, FileText};
use porthole_model::image::human_size;
use porthole_model::{Action, PortholeError};

/// Rows drawn at once; a filter finds the others.
const SHOWN: usize = 500;

#[component]
pub fn FileBrowser(container: String, #[prop(into)] name: Signal<String>) -> impl IntoView {
    let listing = RwSignal::new(None::<FileListing>);
    let viewing = RwSignal::new(None::<Result<FileText, PortholeError>>);
    let failed = RwSignal::new(None::<PortholeError>);
    let typed = RwSignal::new("/".to_owned());
    // Whether the path was typed into since the last folder was asked for: its answer then leaves the field alone
    // (the root's listing, which may take a while, must not undo a path typed meanwhile).
    let edited = StoredValue::new(false);
    let filter = RwSignal::new(String::new());
    let loading = RwSignal::new(false);
    let generation = StoredValue::new(0u64);
    let copying = RwSignal::new(None::<Copy>);
    let folder = move || {
        listing
            .with(|l| l.as_ref().map(|l| l.path.clone()))
            .unwrap_or_else(|| "/".into())
    };

    // A folder opens in the list; a file (or a link to one) opens in the viewer beside it.
    let open = {
        let container = container.clone();
        move |path: String| {
            let container = container.clone();
            let mine = generation.with_value(|g| g + 1);
            generation.set_value(mine);
            edited.set_value(false);
            loading.set(true);
            spawn_local(async move {
                let answer = api::list_files(&container, &path).await;
                if generation.try_get_value() != Some(mine) {
                    return;
                }
                match answer {
                    Ok(found) if found.entry.kind == FileKind::Folder => {
                        if !edited.get_value() {
                            typed.set(found.path.clone());
                        }
                        filter.set(String::new());
                        failed.set(None);
                        viewing.set(None);
                        listing.set(Some(found));
                    }
                    Ok(found) => {
                        failed.set(None);
                        let text = api::read_file(&container, &found.path).await;
                        if generation.try_get_value() == Some(mine) {
                            viewing.set(Some(text));
                        }
                    }
                    Err(error) => failed.set(Some(error)),
                }
                loading.set(false);
            });
        }
    };
    let open = Callback::new(open);
    open.run("/".to_owned());

    let shown = move || {
        let needle = filter.get().to_lowercase();
        listing.with(|l| {
            l.as_ref()
                .map(|l| {
                    l.entries
                        .iter()
                        .filter(|e| needle.is_empty() || e.name.to_lowercase().contains(&needle))
                        .cloned()
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    };
    let cli = {
        let container = container.clone();
        move || {
            let shown = name.get();
            let container = if shown.is_empty() {
                container.clone()
            } else {
                shown
            };
            Action::Files {
                container,
                action: FileAction::List { path: folder() },
            }
            .cli()
        }
    };
    let done = Callback::new(move |_| open.run(folder()));
    view! {
        <div class="file-browser" id="file-browser">
            <div class="toolbar file-toolbar">
                <button class="ghost" id="files-up" title="The folder above" disabled=move || folder() == "/"
                    on:click=move |_| open.run(paths::parent(&folder()))>"↑ Up"</button>
                <nav class="crumbs" aria-label="Folder">
                    {move || paths::breadcrumbs(&folder()).into_iter().map(|(part, path)| view! {
                        <button class="crumb" on:click=move |_| open.run(path.clone())>{part}</button>
                    }).collect_view()}
                </nav>
                <form class="file-path" on:submit=move |ev| { ev.prevent_default(); open.run(typed.get_untracked()); }>
                    <input type="text" id="files-path" aria-label="Path in the container" spellcheck="false"
                        prop:value=move || typed.get() on:input=move |ev| { edited.set_value(true); typed.set(event_target_value(&ev)); } />
                    <button class="ghost" type="submit" id="files-go">"Open"</button>
                </form>
                <input type="search" id="files-filter" placeholder="Filter this folder" aria-label="Filter this folder"
                    prop:value=move || filter.get() on:input=move |ev| filter.set(event_target_value(&ev)) />
                <span class="toolbar-spacer"></span>
                <button class="action" id="files-download-folder" disabled=move || folder() == "/"
                    title="Copy this folder to this computer (docker cp)"
                    on:click=move |_| {
                        // The folder's bytes as listed, when it was listed whole: the download's progress bar.
                        let size = listing.with(|l| {
                            l.as_ref().filter(|l| l.complete).map(|l| l.entries.iter().map(|e| e.size).sum())
                        });
                        copying.set(Some(Copy::Out { path: folder(), size }))
                    }>"Download folder…"</button>
                <button class="action" id="files-upload" title="Copy a file or folder of this computer into this folder (docker cp)"
                    on:click=move |_| copying.set(Some(Copy::In { folder: folder() }))>"Upload here…"</button>
            </div>
            <CliHint command=Signal::derive(cli) />
            {move || failed.get().map(|error| view! { <ErrorNotice error=error id="files-error" /> })}
            {move || listing.with(|l| l.as_ref().filter(|l| !l.complete).map(|_| view! {
                <div class="note" id="files-incomplete">"This folder is too large to read whole: the entries read so far are listed and folder sizes are partial. Open a folder inside it."</div>
            }))}
            <div class="file-panes" class:viewing=move || viewing.with(Option::is_some) aria-busy=move || loading.get().to_string()>
                <div class="file-list">
                    <table class="list compact" id="files-table">
                        <thead><tr><th>"Name"</th><th class="num size">"Size"</th><th class="narrow">"Permissions"</th><th class="narrow">"Modified"</th></tr></thead>
                        <tbody>
                            {move || {
                                let rows = shown();
                                let more = rows.len().saturating_sub(SHOWN);
                                let here = folder();
                                view! {
                                    {rows.into_iter().take(SHOWN).map(|entry| view! { <FileRow entry=entry folder=here.clone() open=open /> }).collect_view()}
                                    {(more > 0).then(|| view! { <tr><td colspan="4" class="muted">{format!("{more} more: filter to find them")}</td></tr> })}
                                }
                            }}
                        </tbody>
                    </table>
                    {move || listing.with(|l| l.as_ref().is_some_and(|l| l.entries.is_empty())).then(|| view! {
                        <div class="empty" id="files-empty">"This folder is empty."</div>
                    })}
                </div>
                {move || viewing.get().map(|file| view! { <FileViewer file=file copying=copying close=Callback::new(move |_| viewing.set(None)) /> })}
            </div>
            <CopyDialog container=container.clone() name=name copying=copying done=done />
        </div>
    }
}

#[component]
fn FileRow(entry: FileEntry, folder: String, open: Callback<String>) -> impl IntoView {
    let path = paths::child(&folder, &entry.name);
    let (icon, size) = match entry.kind {
        FileKind::Folder => (
            Glyph::Folder,
            if entry.size > 0 {
                human_size(entry.size as i64)
            } else {
                String::new()
            },
        ),
        FileKind::Link => (Glyph::Link, String::new()),
        FileKind::File => (Glyph::File, human_size(entry.size as i64)),
        FileKind::Other => (Glyph::Other, String::new()),
    };
    let target = entry.target.clone().map(|t| format!(" → {t}"));
    let openable = entry.kind != FileKind::Other;
    view! {
        <tr class="file-row" data-name=entry.name.clone() data-kind=format!("{:?}", entry.kind).to_lowercase()>
            <td>
                <button class="link file-name" disabled=!openable on:click=move |_| open.run(path.clone())>
                    <Icon glyph=icon />" "{entry.name.clone()}
                </button>
                {target.map(|t| view! { <span class="muted mono">{t}</span> })}
            </td>
            <td class="num">{size}</td>
            <td class="mono wide-only">{entry.permissions()}</td>
            <td class="wide-only"><RelativeTime unix=entry.modified /></td>
        </tr>
    }
}

/// The open file: its text (cut at a megabyte), or a note that it is binary, with Download.
#[component]
fn FileViewer(
    file: Result<FileText, PortholeError>,
    copying: RwSignal<Option<Copy>>,
    close: Callback<()>,
) -> impl IntoView {
    match file {
        Err(error) => view! {
            <div class="file-viewer" id="file-viewer"><ErrorNotice error=error />
                <button class="ghost" on:click=move |_| close.run(())>"Close"</button></div>
        }
        .into_any(),
        Ok(file) => {
            let (path, size) = (file.path.clone(), file.size);
            let heading = format!("{} · {}", file.path, human_size(file.size as i64));
            let body = match (&file.text, file.cut) {
                (Some(text), cut) => view! {
                    <pre class="file-text" id="file-text">{text.clone()}</pre>
                    {cut.then(|| view! { <div class="note">"Only the first megabyte is shown: download the file for all of it."</div> })}
                }
                .into_any(),
                (None, _) => view! {
                    <div class="note" id="file-binary">"This file is binary (not text): download it to open it with a program that reads it."</div>
                }
                .into_any(),
            };
            view! {
                <div class="file-viewer" id="file-viewer">
                    <div class="toolbar">
                        <strong class="mono file-heading">{heading}</strong>
                        <span class="toolbar-spacer"></span>
                        <button class="action" id="file-download" on:click=move |_| copying.set(Some(Copy::Out { path: path.clone(), size: Some(size) }))>"Download…"</button>
                        <button class="ghost" id="file-close" on:click=move |_| close.run(())>"Close"</button>
                    </div>
                    {body}
                </div>
            }
            .into_any()
        }
    }
}
