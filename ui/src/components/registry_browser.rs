//! Browsing one registry: its repositories, a repository's tags, and a one-click pull of any tag with live
//! progress. Public or private as the registry said (whether it wanted the login to list).

use crate::api;
use crate::components::error_notice::ErrorNotice;
use crate::components::transfer_progress::{Phase, Transfer, TransferProgress};
use crate::load::{Load, Loadable};
use leptos::prelude::*;
use porthole_model::{Action, Catalog, Tags};

#[component]
pub fn RegistryBrowser(registry: String) -> impl IntoView {
    let catalog = Load::<Catalog>::new();
    let opened = RwSignal::new(None::<String>);
    let address = registry.clone();
    catalog.run(async move { api::registry_catalog(&address).await });
    move || match catalog.get() {
        Loadable::Idle | Loadable::Loading => {
            view! { <p class="hint">"Listing repositories…"</p> }.into_any()
        }
        Loadable::Failed(error) => {
            view! { <ErrorNotice error=error id="browse-failed" registry=registry.clone() /> }
                .into_any()
        }
        Loadable::Loaded(catalog) => {
            let registry = registry.clone();
            view! {
                <div class="browser" id="registry-browser">
                    <p class="hint">{format!("{} repositories · {}", catalog.repositories.len(),
                        if catalog.private { "private: listed with your login" } else { "public: listed without a login" })}</p>
                    <ul class="plain repositories">
                        {catalog.repositories.into_iter().map(|repository| {
                            let name = repository.clone();
                            let shown = repository.clone();
                            let registry = registry.clone();
                            view! {
                                <li data-repository=repository.clone()>
                                    <button class="link" on:click=move |_| opened.set(Some(name.clone()))><code>{repository.clone()}</code></button>
                                    {move || (opened.get().as_deref() == Some(shown.as_str())).then(|| view! {
                                        <TagList registry=registry.clone() repository=shown.clone() />
                                    })}
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                </div>
            }.into_any()
        }
    }
}

#[component]
fn TagList(registry: String, repository: String) -> impl IntoView {
    let tags = Load::<Tags>::new();
    let transfer = Transfer::new();
    {
        let (registry, repository) = (registry.clone(), repository.clone());
        tags.run(async move { api::registry_tags(&registry, &repository).await });
    }
    let base = format!("{registry}/{repository}");
    let pulled_from = registry.clone();
    view! {
        <div class="tag-list">
            {move || match tags.get() {
                Loadable::Idle | Loadable::Loading => view! { <span class="hint">"Listing tags…"</span> }.into_any(),
                Loadable::Failed(error) => view! { <ErrorNotice error=error registry=registry.clone() /> }.into_any(),
                Loadable::Loaded(tags) => tags.tags.into_iter().map(|tag| {
                    let reference = format!("{base}:{tag}");
                    let cli = Action::Pull { reference: reference.clone(), platform: None }.cli();
                    view! {
                        <span class="tag-chip" data-tag=tag.clone()>
                            <code>{tag.clone()}</code>
                            <button class="action small" title=cli disabled=move || transfer.running()
                                on:click=move |_| {
                                    let reference = reference.clone();
                                    transfer.start(move |on_message| async move { api::pull_image(&api::reference(&reference)?, None, on_message).await });
                                }>"Pull"</button>
                        </span>
                    }
                }).collect_view().into_any(),
            }}
            {move || match transfer.phase.get() {
                Phase::Idle => ().into_any(),
                Phase::Running { started, .. } => view! { <TransferProgress progress=transfer.progress started=started id="browse-pull-progress" /> }.into_any(),
                Phase::Done { reference, .. } => view! { <div class="pull-result ok" id="browse-pull-done">{format!("Pulled {reference}: it is on the Images page.")}</div> }.into_any(),
                Phase::Failed(error) => view! { <ErrorNotice error=error registry=pulled_from.clone() id="browse-pull-failed" /> }.into_any(),
            }}
        </div>
    }
}
