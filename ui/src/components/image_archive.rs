//! Images to and from files, as one dialog in two modes: Save (`docker save -o FILE IMAGE…`: tick the images, name
//! the tar — the Downloads folder unless chosen) and Load (`docker load -i FILE`: a tar chosen or typed). The command
//! shows as it will run; progress streams while it runs (Cancel stops it, removing a partial save); the end says
//! what was written or which images arrived.

use crate::api;
use crate::components::error_notice::ErrorNotice;
use crate::store::use_store;
use leptos::prelude::*;
use leptos::task::spawn_local;
use porthole_model::action::meta::or_word;
use porthole_model::contract::FileChoice;
use porthole_model::image::archive::{ArchiveMessage, LoadImages, SaveImages};
use porthole_model::image::human_size;
use std::collections::HashSet;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Archive {
    Save,
    Load,
}

#[component]
pub fn ImageArchiveDialog(
    mode: RwSignal<Option<Archive>>,
    /// The image selected in the list: ticked when the Save dialog opens.
    #[prop(into)]
    selected: Signal<Option<String>>,
) -> impl IntoView {
    let store = use_store();
    let file = RwSignal::new(String::new());
    let ticked = RwSignal::new(HashSet::<String>::new());
    let last = RwSignal::new(None::<ArchiveMessage>);
    let running = RwSignal::new(false);
    let slot = api::Slot::new();
    Effect::new(move || {
        let opened = mode.get();
        slot.close();
        running.set(false);
        last.set(None);
        ticked.set(selected.get_untracked().into_iter().collect());
        file.set(String::new());
        if opened == Some(Archive::Save) {
            spawn_local(async move {
                if let Ok(folder) = api::downloads_folder().await {
                    file.try_update(|f| {
                        if f.is_empty() {
                            *f = format!("{folder}/images.tar")
                        }
                    });
                }
            });
        }
    });
    let images = move || {
        // Each name on its own: saving a name keeps that name in the tar; a nameless image goes by its short id.
        let mut names: Vec<String> = store.cache.images.with(|all| {
            all.iter()
                .flat_map(|i| match i.tags.is_empty() {
                    true => vec![i.short_id().to_owned()],
                    false => i.tags.clone(),
                })
                .collect()
        });
        names.sort();
        names
    };
    let save_request = move || {
        let chosen: Vec<String> = images()
            .into_iter()
            .filter(|n| ticked.with(|t| t.contains(n)))
            .collect();
        let estimate = store.cache.images.with(|all| {
            all.iter()
                .filter(|i| {
                    i.tags.iter().any(|t| chosen.contains(t))
                        || chosen.iter().any(|c| c == i.short_id())
                })
                .map(|i| i.size.max(0) as u64)
                .sum()
        });
        SaveImages {
            images: chosen,
            file: file.get().trim().to_owned(),
            estimate,
        }
    };
    let load_request = move || LoadImages {
        file: file.get().trim().to_owned(),
    };
    let problem = move |m: Archive| match m {
        Archive::Save => save_request().validate().err(),
        Archive::Load => load_request().validate().err(),
    };
    let start = move |m: Archive| {
        let ticket = slot.renew();
        running.set(true);
        last.set(None);
        let on_message = move |message: ArchiveMessage| {
            if !slot.is_current(ticket) {
                return;
            }
            if !matches!(message, ArchiveMessage::Progress { .. }) {
                running.try_set(false);
            }
            last.try_set(Some(message));
        };
        spawn_local(async move {
            let id = match m {
                Archive::Save => api::save_images(&save_request(), on_message).await,
                Archive::Load => api::load_images(&load_request(), on_message).await,
            };
            match id {
                Ok(id) => slot.keep(ticket, id).await,
                Err(error) => {
                    running.try_set(false);
                    last.try_set(Some(ArchiveMessage::Failed { error }));
                }
            }
        });
    };
    let choose = move |m: Archive| {
        spawn_local(async move {
            let chosen = match m {
                Archive::Load => {
                    let choice = FileChoice {
                        title: "Image tar to load".into(),
                        filter: "Tar archives".into(),
                        extensions: vec!["tar".into()],
                    };
                    api::choose_file(&choice).await
                }
                Archive::Save => api::choose_folder("Save the tar into")
                    .await
                    .map(|f| f.map(|f| format!("{f}/images.tar"))),
            };
            if let Ok(Some(path)) = chosen {
                file.set(path);
            }
        });
    };
    let close = move |_| {
        slot.close();
        mode.set(None);
    };
    move || {
        let m = mode.get()?;
        let (title, button) = match m {
            Archive::Save => ("Save images to a tar", "Save"),
            Archive::Load => ("Load images from a tar", "Load"),
        };
        let command = move || match m {
            // An empty field reads as a word standing for what goes there, not as `''`.
            Archive::Save => SaveImages {
                file: or_word(save_request().file, "FILE"),
                ..save_request()
            }
            .cli(),
            Archive::Load => LoadImages {
                file: or_word(load_request().file, "FILE"),
            }
            .cli(),
        };
        Some(view! {
            <div class="dialog-backdrop">
                <div class="dialog wide tall" role="dialog" aria-modal="true" id="archive-dialog" data-mode=format!("{m:?}").to_lowercase()>
                    <h2>{title}</h2>
                    {(m == Archive::Save).then(|| view! {
                        <p>"One tar holds every chosen image with all its layers and names: copy it to another machine and load it there, no registry needed."</p>
                        <ul class="reclaim-list" id="archive-images">
                            {move || images().into_iter().map(|name| {
                                let (shown, toggled, key) = (name.clone(), name.clone(), name.clone());
                                view! {
                                    <li data-name=key><label class="check">
                                        <input type="checkbox" prop:checked=move || ticked.with(|t| t.contains(&name))
                                            on:change=move |ev| {
                                                let on = event_target_checked(&ev);
                                                ticked.update(|t| { if on { t.insert(toggled.clone()); } else { t.remove(&toggled); } });
                                            } />
                                        <span class="mono">{shown}</span>
                                    </label></li>
                                }
                            }).collect_view()}
                        </ul>
                    })}
                    {(m == Archive::Load).then(|| view! {
                        <p>"A tar made by "<code>"docker save"</code>" (here or on another machine): its images arrive with their names."</p>
                    })}
                    <label class="field">"Tar file on this computer"
                        <input type="text" id="archive-file" spellcheck="false" prop:value=move || file.get()
                            on:input=move |ev| file.set(event_target_value(&ev)) />
                    </label>
                    <div class="run-add"><button class="ghost" id="archive-choose" on:click=move |_| choose(m)>"Choose…"</button></div>
                    {move || problem(m).filter(|_| !file.get().is_empty()).map(|p| view! { <div class="invalid" id="archive-problem">{p}</div> })}
                    <div class="dialog-cli"><span class="cli-prompt">"$"</span><code id="archive-command">{command}</code></div>
                    {move || last.get().map(|message| match message {
                        ArchiveMessage::Progress { bytes, total } => {
                            let percent = (bytes * 100).checked_div(total).unwrap_or(0).min(100);
                            view! {
                                <div class="bar"><div class="fill" style=format!("width: {percent}%")></div></div>
                                <div class="hint" id="archive-progress">{format!("{} of about {}", human_size(bytes as i64), human_size(total as i64))}</div>
                            }.into_any()
                        }
                        ArchiveMessage::Done { bytes, images } => view! {
                            <div class="pull-result ok" id="archive-done">{match m {
                                Archive::Save => format!("Wrote {} to {}", human_size(bytes as i64), file.get_untracked()),
                                Archive::Load => format!("Loaded {}", images.join(", ")),
                            }}</div>
                        }.into_any(),
                        ArchiveMessage::Failed { error } => view! { <ErrorNotice error=error id="archive-error" /> }.into_any(),
                    })}
                    <div class="dialog-buttons">
                        <button class="ghost" id="archive-close" data-dismiss="" on:click=close>
                            {move || if matches!(last.get(), Some(ArchiveMessage::Done { .. })) { "Close" } else { "Cancel" }}</button>
                        <button class="primary" id="archive-start" on:click=move |_| start(m)
                            disabled=move || running.get() || problem(m).is_some() || matches!(last.get(), Some(ArchiveMessage::Done { .. }))>{button}</button>
                    </div>
                </div>
            </div>
        })
    }
}
