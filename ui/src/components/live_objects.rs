//! "Yours right now": the user's live objects of a concept's kind, from the store the engine's events keep fresh,
//! each a link to where it is managed.

use crate::store::use_store;
use leptos::prelude::*;
use porthole_model::learn::Concept;
use porthole_model::Page;

/// Names shown at most before "and N more".
const LISTED: usize = 8;

#[component]
pub fn LiveObjects(concept: Concept) -> impl IntoView {
    let store = use_store();
    if concept == Concept::Registries {
        // Logins change without an engine event (a terminal's `docker login`): read them on opening.
        store.refresh_registries();
    }
    let names = move || -> Option<(String, Vec<(String, Page)>)> {
        let (noun, names, page): (&str, Vec<String>, Page) = match concept {
            Concept::Engine => {
                let endpoint = store.connection.with(|c| c.endpoint().to_owned());
                let (version, api) = store.info.with(|i| {
                    i.as_ref()
                        .map(|i| (i.version.clone(), i.negotiated_api_version.clone()))
                        .unwrap_or_default()
                });
                let line = format!(
                    "Porthole is talking to the engine at {endpoint} (Docker {version}, API {api}). Every request \
                     it sends is in the Activity console."
                );
                return Some((line, vec![("Engine details".to_owned(), Page::Engine)]));
            }
            Concept::Images | Concept::Dockerfile => (
                "image",
                store.images.with(|i| {
                    i.iter()
                        .map(|i| {
                            i.tags
                                .first()
                                .cloned()
                                .unwrap_or_else(|| i.short_id().to_owned())
                        })
                        .collect()
                }),
                Page::Images,
            ),
            Concept::Containers => (
                "container",
                store.containers.with(|c| {
                    c.iter()
                        .map(|c| format!("{} ({})", c.name, c.state.as_str()))
                        .collect()
                }),
                Page::Containers,
            ),
            Concept::Storage => (
                "volume",
                store
                    .volumes
                    .with(|v| v.iter().map(|v| v.name.clone()).collect()),
                Page::Volumes,
            ),
            Concept::Registries => (
                "registry login",
                store.registries.with(|r| {
                    r.iter()
                        .filter(|r| r.username.is_some())
                        .map(|r| r.address.clone())
                        .collect()
                }),
                Page::Registries,
            ),
            Concept::Compose => (
                "compose project",
                store.containers.with(|c| {
                    let mut projects: Vec<String> =
                        c.iter().filter_map(|c| c.compose_project.clone()).collect();
                    projects.sort();
                    projects.dedup();
                    projects
                }),
                Page::Containers,
            ),
            Concept::Help => return None,
        };
        let count = names.len();
        let plural = if count == 1 { "" } else { "s" };
        let line = format!(
            "You have {count} {noun}{plural}{}",
            if count > 0 { ":" } else { "." }
        );
        let mut links: Vec<(String, Page)> =
            names.into_iter().take(LISTED).map(|n| (n, page)).collect();
        if count > LISTED {
            links.push((format!("and {} more", count - LISTED), page));
        }
        Some((line, links))
    };
    move || {
        names().map(|(line, links)| {
            let links = links
                .into_iter()
                .map(|(name, page)| {
                    view! { <button class="live-object" on:click=move |_| store.go(page)>{name}</button> }
                })
                .collect_view();
            view! {
                <div class="live-objects" data-concept=concept.slug()>
                    <strong>"Yours right now. "</strong>
                    <span class="live-count">{line}</span>
                    " "
                    {links}
                </div>
            }
        })
    }
}
