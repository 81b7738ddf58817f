//! The Images page: `docker image ls`, one row per tag, with size, age and whether a container uses the image.

use crate::components::build_dialog::BuildDialog;
use crate::components::cli_hint::CliHint;
use crate::components::confirm_dialog::ConfirmDialog;
use crate::components::filter_box::FilterBox;
use crate::components::help_button::HelpButton;
use crate::components::image_archive::{Archive, ImageArchiveDialog};
use crate::components::image_details::ImageDetailsPanel;
use crate::components::list_keys::navigate;
use crate::components::prune_dialog::PruneDialog;
use crate::components::pull_panel::PullPanel;
use crate::components::relative_time::RelativeTime;
use crate::components::sort_header::SortHeader;
use crate::components::viewport::Viewport;
use crate::store::use_store;
use leptos::prelude::*;
use porthole_model::container::list::Sort;
use porthole_model::image::human_size;
use porthole_model::image::list::{visible, ImageColumn};
use porthole_model::Page;
use porthole_model::{Action, ImageAction};

/// An image row as rendered: owned, so the keyed list can hold it.
#[derive(Clone, PartialEq)]
struct Row {
    /// Render key (changes when the row's content does).
    key: String,
    /// What the selection holds on to.
    identity: String,
    id: String,
    short_id: String,
    repository: String,
    tag: String,
    size: i64,
    created: i64,
    containers: usize,
}

#[component]
pub fn ImagesPage() -> impl IntoView {
    let store = use_store();
    let filter = RwSignal::new(String::new());
    let sort = RwSignal::new(Sort {
        column: ImageColumn::Repository,
        descending: false,
    });
    let selected = RwSignal::new(None::<String>);
    let viewport = Viewport::new();

    let rows = Memo::new(move |_| {
        store.cache.images.with(|images| {
            visible(images, &filter.get(), sort.get())
                .into_iter()
                .map(|row| Row {
                    key: row.key(),
                    identity: row.identity(),
                    id: row.image.id.clone(),
                    short_id: row.image.short_id().to_string(),
                    repository: row.repository.clone(),
                    tag: row.tag.clone(),
                    size: row.image.size,
                    created: row.image.created,
                    containers: row.image.containers,
                })
                .collect::<Vec<_>>()
        })
    });
    let pending = RwSignal::new(None::<Action>);
    // The image whose details fill the page, when one is open ("Details", double-click or Enter on a row).
    let viewing = RwSignal::new(store.nav.open_image.try_update(Option::take).flatten());
    // One sent while the page already shows (a clicked notification's) opens too.
    Effect::new(move |_| {
        if store.nav.open_image.with(Option::is_some) {
            viewing.set(store.nav.open_image.try_update(Option::take).flatten());
        }
    });
    let remove = move |reference: String| {
        store.ask(pending, remove_action(reference));
    };
    // The name to act on: `repository:tag`, or the id for an image without a name.
    let selected_reference = move || {
        selected.with(|key| {
            let key = key.as_ref()?;
            rows.with(|rows| {
                rows.iter().find(|row| &row.identity == key).map(|row| {
                    if row.repository == "<none>" {
                        row.id.clone()
                    } else {
                        format!("{}:{}", row.repository, row.tag)
                    }
                })
            })
        })
    };
    let total_size = move || {
        store
            .cache
            .images
            .with(|i| human_size(i.iter().map(|i| i.size).sum()))
    };
    let window_rows = move || {
        let (start, end) = viewport.window(rows.with(|r| r.len()));
        rows.with(|r| r[start..end].to_vec())
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        let keys: Vec<String> =
            rows.with_untracked(|r| r.iter().map(|row| row.identity.clone()).collect());
        if navigate(&ev.key(), &keys, selected, viewport) {
            ev.prevent_default();
        } else if ev.key() == "Enter" {
            viewing.set(selected_reference());
        }
    };

    view! {
        <section class="page" data-page="images">
            <ConfirmDialog pending=pending />
            {move || viewing.get().map(|image| view! {
                <ImageDetailsPanel image=image on_back=Callback::new(move |()| viewing.set(None))
                    on_remove=Callback::new(remove) />
            })}
            <div class="page-body" class:hidden=move || viewing.with(Option::is_some)>
            <header class="page-header">
                <div>
                    <h1>"Images" <HelpButton page=Page::Images /></h1>
                    <p class="page-sub">
                        {move || format!("{} images · {} on disk", store.cache.images.with(|i| i.len()), total_size())}
                    </p>
                </div>
                <CliHint command=Signal::derive(|| Action::ListImages.cli()) />
            </header>
            <PullPanel />
            <ImagesToolbar filter=filter selected=Signal::derive(selected_reference) viewing=viewing
                on_remove=Callback::new(remove) />
            <div class="table-scroll" tabindex="0" node_ref=viewport.node on:scroll=move |_| viewport.on_scroll()
                on:keydown=on_key on:dblclick=move |_| viewing.set(selected_reference()) aria-label="Images">
                <table class="list" id="images-table">
                    <thead>
                        <tr>
                            {ImageColumn::ALL.into_iter().map(|column| view! {
                                <SortHeader column=column title=column.title() sort=sort table="images" />
                            }).collect_view()}
                        </tr>
                    </thead>
                    <tbody>
                        <tr class="spacer" style:height=move || viewport.padding_above(rows.with(|r| r.len()))></tr>
                        <For each=window_rows key=|row| row.key.clone() let:row>
                            <ImageRow row=row selected=selected />
                        </For>
                        <tr class="spacer" style:height=move || viewport.padding_below(rows.with(|r| r.len()))></tr>
                    </tbody>
                </table>
                {move || rows.with(|r| r.is_empty()).then(|| view! { <ImagesEmpty filter=filter /> })}
            </div>
            </div>
        </section>
    }
}

fn remove_action(image: String) -> Action {
    Action::Image {
        image,
        action: ImageAction::Remove { force: false },
    }
}

#[component]
fn ImageRow(row: Row, selected: RwSignal<Option<String>>) -> impl IntoView {
    let key = row.identity.clone();
    let select_key = key.clone();
    let in_use = match row.containers {
        0 => view! { <span class="badge muted">"unused"</span> }.into_any(),
        1 => view! { <span class="badge in-use">"1 container"</span> }.into_any(),
        n => view! { <span class="badge in-use">{format!("{n} containers")}</span> }.into_any(),
    };
    view! {
        <tr class:selected=move || selected.with(|s| s.as_deref() == Some(key.as_str()))
            data-id=row.id.clone() data-repository=row.repository.clone() data-tag=row.tag.clone()
            on:click=move |_| selected.set(Some(select_key.clone()))>
            <td class="name" title=row.repository.clone()><div class="cell-main">{row.repository.clone()}</div></td>
            <td title=row.tag.clone()><span class="tag">{row.tag.clone()}</span></td>
            <td class="mono" title=row.id.clone()>{row.short_id.clone()}</td>
            <td class="num">{human_size(row.size)}</td>
            <td><RelativeTime unix=row.created /></td>
            <td>{in_use}</td>
        </tr>
    }
}

/// The list's toolbar: the filter, the selected image with Remove and Details, Clean up (prune), Build, and Save and
/// Load (images to and from a tar).
#[component]
fn ImagesToolbar(
    filter: RwSignal<String>,
    /// The selected image's reference (`repository:tag`, or its id when it has no name).
    selected: Signal<Option<String>>,
    viewing: RwSignal<Option<String>>,
    on_remove: Callback<String>,
) -> impl IntoView {
    let pruning = RwSignal::new(false);
    let building = RwSignal::new(false);
    let archive = RwSignal::new(None::<Archive>);
    view! {
        <div class="toolbar images-toolbar">
            <FilterBox filter=filter placeholder="Filter by repository, tag or id…" />
            <span class="toolbar-spacer"></span>
            <span class="selected-name">{move || selected.get().unwrap_or_else(|| "Select an image".into())}</span>
            <button class="action" data-action="remove-image" disabled=move || selected.get().is_none()
                title=move || selected.get().map(|r| remove_action(r).cli()).unwrap_or_default()
                on:click=move |_| {
                    if let Some(reference) = selected.get() { on_remove.run(reference) }
                }>
                "Remove"
            </button>
            <button class="action" data-action="image-details" disabled=move || selected.get().is_none()
                title=move || selected.get().map(|image| Action::InspectImage { image }.cli()).unwrap_or_default()
                on:click=move |_| viewing.set(selected.get())>"Details"</button>
            <button class="action" id="prune-open" title=Action::PruneImages { all: false }.cli()
                on:click=move |_| pruning.set(true)>"Clean up…"</button>
            <button class="action" id="build-open" title="docker build" on:click=move |_| building.set(true)>"Build…"</button>
            <button class="action" id="save-images-open" title="docker save: images into a tar file"
                on:click=move |_| archive.set(Some(Archive::Save))>"Save…"</button>
            <button class="action" id="load-images-open" title="docker load: images from a tar file"
                on:click=move |_| archive.set(Some(Archive::Load))>"Load…"</button>
            <PruneDialog open=pruning />
            <ImageArchiveDialog mode=archive selected=selected />
            <BuildDialog open=building />
        </div>
    }
}

/// What the list says when it has no rows: how to get a first image, or that the filter matches none.
#[component]
fn ImagesEmpty(filter: RwSignal<String>) -> impl IntoView {
    view! {
        <div class="empty">
            {move || if filter.with(|f| f.is_empty()) {
                view! { <strong>"No images yet."</strong>
                    <p>"An image is the read-only template a container starts from. Get one with "
                       <code>"docker pull nginx"</code>"."</p> }.into_any()
            } else {
                view! { <span>"No image matches the filter."</span> }.into_any()
            }}
        </div>
    }
}
