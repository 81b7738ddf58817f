//! "Yours right now": the user's live objects of a concept's kind, from the store the engine's events keep fresh,
//! each a link to the object itself (a container's page, an image's details) or to where it is managed.

use crate::store::{use_store, Route, Store};
use leptos::prelude::*;
use porthole_model::learn::Concept;
use porthole_model::Page;

/// Names shown at most before "and N more".
const LISTED: usize = 24;

/// Anonymous volumes are named by a 64-character id.
fn anonymous(name: &str) -> bool {
    name.len() == 64 && name.chars().all(|c| c.is_ascii_hexdigit())
}

#[component]
pub fn LiveObjects(concept: Concept) -> impl IntoView {
    let store = use_store();
    if concept == Concept::Registries {
        // Logins change without an engine event (a terminal's `docker login`): read them on opening.
        store.refresh_registries();
    }
    // A manager's services have no place in the store (the Swarm page reads them itself): read here, again as
    // the swarm changes.
    let services = RwSignal::new(Vec::<String>::new());
    if concept == Concept::Swarm {
        Effect::new(move |_| {
            store.cache.swarm_changed.track();
            let manager = store
                .cache
                .info
                .with(|i| i.as_ref().is_some_and(|i| i.swarm_manager));
            if !manager {
                services.set(Vec::new());
                return;
            }
            leptos::task::spawn_local(async move {
                if let Ok(list) = crate::api::list_services().await {
                    services.try_set(list.into_iter().map(|s| s.name).collect());
                }
            });
        });
    }
    let names = move || listed(store, concept, services);
    move || {
        names().map(|(line, links)| {
            let links = links
                .into_iter()
                .map(|(name, target)| {
                    let open = move |_| store.open(target.clone());
                    view! { <button class="live-object" on:click=open>{name}</button> }
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

/// The sentence about the user's objects of `concept`'s kind, and the links to them (at most `LISTED`, then one to
/// the page that manages the rest); `None` for a concept without objects.
fn listed(
    store: Store,
    concept: Concept,
    services: RwSignal<Vec<String>>,
) -> Option<(String, Vec<(String, Route)>)> {
    let (noun, names): (&str, Vec<(String, Route)>) = match concept {
        Concept::Engine => {
            let endpoint = store.connection.with(|c| c.endpoint().to_owned());
            let (version, api) = store.cache.info.with(|i| {
                i.as_ref()
                    .map(|i| (i.version.clone(), i.negotiated_api_version.clone()))
                    .unwrap_or_default()
            });
            let line = format!(
                "Porthole is talking to the engine at {endpoint} (Docker {version}, API {api}). Every request \
                 it sends is in the Activity console."
            );
            let link = ("Engine details".to_owned(), Route::Page(Page::Engine));
            return Some((line, vec![link]));
        }
        Concept::Images | Concept::Dockerfile => (
            "image",
            store.cache.images.with(|images| {
                images
                    .iter()
                    .map(|i| {
                        let name = i
                            .tags
                            .first()
                            .cloned()
                            .unwrap_or_else(|| i.short_id().to_owned());
                        (name.clone(), Route::Image(name))
                    })
                    .collect()
            }),
        ),
        Concept::Containers => (
            "container",
            store.cache.containers.with(|containers| {
                containers
                    .iter()
                    .map(|c| {
                        let label = format!("{} ({})", c.name, c.state.as_str());
                        (label, Route::Container(c.id.clone()))
                    })
                    .collect()
            }),
        ),
        Concept::Storage => (
            "volume",
            store.cache.volumes.with(|volumes| {
                let mut names: Vec<String> = volumes.iter().map(|v| v.name.clone()).collect();
                // Named volumes first: those are the ones a learner made.
                names.sort_by_key(|n| anonymous(n));
                names
                    .into_iter()
                    .map(|n| (n, Route::Page(Page::Volumes)))
                    .collect()
            }),
        ),
        Concept::Networks => (
            "network",
            store.cache.networks.with(|networks| {
                networks
                    .iter()
                    .map(|n| {
                        let on = n
                            .containers
                            .iter()
                            .map(|e| e.container.as_str())
                            .collect::<Vec<_>>();
                        let label = if on.is_empty() {
                            n.name.clone()
                        } else {
                            format!("{} ({})", n.name, on.join(", "))
                        };
                        (label, Route::Page(Page::Networks))
                    })
                    .collect()
            }),
        ),
        Concept::Swarm => {
            let line = store.cache.info.with(|i| match i {
                Some(i) if i.swarm_manager => services.with(|names| match names.len() {
                    0 => "This engine manages a swarm with no services yet; create one on the Swarm page."
                        .to_owned(),
                    1 => "This engine manages a swarm running 1 service:".to_owned(),
                    n => format!("This engine manages a swarm running {n} services:"),
                }),
                Some(i) if i.swarm_state == "active" => {
                    "This engine is a worker in a swarm.".to_owned()
                }
                _ => "This engine is not in a swarm; the Swarm page can start one.".to_owned(),
            });
            let mut links: Vec<(String, Route)> = services.with(|names| {
                names
                    .iter()
                    .take(LISTED)
                    .map(|name| (name.clone(), Route::Service(name.clone())))
                    .collect()
            });
            links.push(("Swarm".to_owned(), Route::Page(Page::Swarm)));
            return Some((line, links));
        }
        Concept::Registries => (
            "registry login",
            store.cache.registries.with(|registries| {
                registries
                    .iter()
                    .filter(|r| r.username.is_some())
                    .map(|r| (r.address.clone(), Route::Page(Page::Registries)))
                    .collect()
            }),
        ),
        Concept::Compose => (
            "compose project",
            store.cache.containers.with(|containers| {
                let mut projects: Vec<String> = containers
                    .iter()
                    .filter_map(|c| c.compose_project.clone())
                    .collect();
                projects.sort();
                projects.dedup();
                projects
                    .into_iter()
                    .map(|p| (p, Route::Page(Page::Compose)))
                    .collect()
            }),
        ),
        Concept::Help => return None,
    };
    let count = names.len();
    let plural = if count == 1 { "" } else { "s" };
    let line = format!(
        "You have {count} {noun}{plural}{}",
        if count > 0 { ":" } else { "." }
    );
    let mut links: Vec<(String, Route)> = names.into_iter().take(LISTED).collect();
    if let Some(page) = concept.manages().filter(|_| count > LISTED) {
        links.push((format!("and {} more", count - LISTED), Route::Page(page)));
    }
    Some((line, links))
}
