//! The Files tab's "Changes" view: the container drawn as the image's read-only layers with its own thin writable
//! layer on top (sizes from `docker history` and `docker inspect --size`), and what that layer holds (`docker diff`:
//! added, changed, deleted paths). From here the layer becomes an image (`docker commit`) or a tar (`docker export`).
//!
//! The engine sends no event when a file changes, so the view reads both when it opens and on Refresh.

use crate::api;
use crate::components::cli_hint::CliHint;
use crate::components::commit_dialog::CommitDialog;
use crate::components::error_notice::ErrorNotice;
use crate::components::export_dialog::ExportDialog;
use crate::store::{use_store, Route};
use leptos::prelude::*;
use leptos::task::spawn_local;
use porthole_model::action::FileAction;
use porthole_model::container::files::{ChangeKind, ContainerLayers, FileChange};
use porthole_model::image::human_size;
use porthole_model::learn::Concept;
use porthole_model::{Action, PortholeError};

/// Changes drawn at once.
const SHOWN: usize = 1000;

#[component]
pub fn ContainerChanges(container: String, #[prop(into)] name: Signal<String>) -> impl IntoView {
    let store = use_store();
    let changes = RwSignal::new(None::<Result<Vec<FileChange>, PortholeError>>);
    let layers = RwSignal::new(None::<Result<ContainerLayers, PortholeError>>);
    let committing = RwSignal::new(false);
    let exporting = RwSignal::new(false);
    let refresh = {
        let container = container.clone();
        Callback::new(move |_: ()| {
            let container = container.clone();
            spawn_local(async move {
                let found = api::container_changes(&container).await;
                let layered = api::container_layers(&container).await;
                changes.try_set(Some(found));
                layers.try_set(Some(layered));
            });
        })
    };
    refresh.run(());
    let cli = move || {
        Action::Files {
            container: name.get(),
            action: FileAction::Changes,
        }
        .cli()
    };
    let counts = move || {
        changes.with(|c| match c {
            Some(Ok(c)) => {
                let n = |k| c.iter().filter(|x| x.kind == k).count();
                format!(
                    "{} added · {} changed · {} deleted",
                    n(ChangeKind::Added),
                    n(ChangeKind::Changed),
                    n(ChangeKind::Deleted)
                )
            }
            _ => String::new(),
        })
    };
    view! {
        <div class="container-changes" id="container-changes">
            <div class="toolbar">
                <strong id="changes-counts">{counts}</strong>
                <span class="toolbar-spacer"></span>
                <button class="ghost" id="changes-refresh" on:click=move |_| refresh.run(())>"Refresh"</button>
                <button class="action" id="changes-commit" title="docker commit: this container's files as a new image"
                    on:click=move |_| committing.set(true)>"Commit to image…"</button>
                <button class="action" id="changes-export" title="docker export: this container's whole filesystem as a tar"
                    on:click=move |_| exporting.set(true)>"Export as tar…"</button>
            </div>
            <CliHint command=Signal::derive(cli) />
            <p class="muted explain">
                "A container is its image's read-only layers plus one thin writable layer of its own. Everything it writes outside a volume lands in that layer: "
                <code>"docker rm"</code>" deletes it, while data in a volume stays. "
                <button class="link" on:click=move |_| store.open(Route::Concept(Concept::Containers))>"Learn: the writable layer"</button>
            </p>
            <div class="changes-panes">
                <div class="layer-stack" id="layer-stack" aria-label="Layers, newest on top">
                    {move || layers.get().map(|answer| match answer {
                        Err(error) => view! { <ErrorNotice error=error /> }.into_any(),
                        Ok(l) => view! {
                            <div class="layer writable" id="layer-writable">
                                <strong>"This container's writable layer"</strong>
                                <span class="num">{human_size(l.writable)}</span>
                                <span class="muted">"read-write · removed with the container"</span>
                            </div>
                            {l.layers.iter().map(|layer| view! {
                                <div class="layer" class:empty-layer=layer.size == 0 title=layer.instruction.clone()>
                                    <span class="mono layer-instruction">{layer.instruction.clone()}</span>
                                    <span class="num">{human_size(layer.size)}</span>
                                </div>
                            }).collect_view()}
                            <div class="layer-base muted">{format!("Image {} · read-only, shared by every container made from it · {} in all", l.image, human_size(l.total))}</div>
                        }.into_any(),
                    })}
                </div>
                <div class="change-list">
                    {move || changes.get().map(|answer| match answer {
                        Err(error) => view! { <ErrorNotice error=error id="changes-error" /> }.into_any(),
                        Ok(c) if c.is_empty() => view! {
                            <div class="empty" id="changes-empty">"No changes: this container has written nothing outside its volumes."</div>
                        }.into_any(),
                        Ok(c) => view! {
                            <table class="list compact" id="changes-table">
                                <thead><tr><th>"Change"</th><th>"Path"</th></tr></thead>
                                <tbody>{c.into_iter().take(SHOWN).map(|change| {
                                    let word = match change.kind { ChangeKind::Added => "added", ChangeKind::Changed => "changed", ChangeKind::Deleted => "deleted" };
                                    view! {
                                        <tr class="change-row" data-kind=word data-path=change.path.clone()>
                                            <td><span class=format!("change-badge {word}") title=word>{change.kind.letter().to_string()}" "{word}</span></td>
                                            <td class="mono">{change.path.clone()}</td>
                                        </tr>
                                    }
                                }).collect_view()}</tbody>
                            </table>
                        }.into_any(),
                    })}
                </div>
            </div>
            <CommitDialog container=container.clone() name=name open=committing />
            <ExportDialog container=container name=name open=exporting />
        </div>
    }
}
