//! Where the tour's images come from: Docker Hub's nginx, or a registry the user runs (one holding a small web
//! server image, and one that wants a login). Whether Docker Hub can be used is asked the way a pull asks — does the
//! engine find `nginx` in its registry, through its mirrors — and only ever warns: the learner may know better.

use crate::api;
use crate::store::use_store;
use leptos::prelude::*;
use leptos::task::spawn_local;
use porthole_model::tour::TourSource;
use porthole_model::ImageReference;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Hub {
    Probing,
    Reachable,
    Unreachable,
}

#[component]
pub fn TourSourceForm() -> impl IntoView {
    let store = use_store();
    let hub = RwSignal::new(Hub::Probing);
    let use_hub = RwSignal::new(false);
    spawn_local(async move {
        // What a pull of nginx would ask the engine first; a search would miss the engine's registry mirrors.
        let reachable = match ImageReference::parse(&TourSource::docker_hub().image) {
            Ok(reference) => api::image_pullable(&reference).await.is_ok(),
            Err(_) => false,
        };
        hub.try_set(if reachable {
            Hub::Reachable
        } else {
            Hub::Unreachable
        });
        use_hub.try_set(reachable);
    });
    let pull_registry = RwSignal::new("localhost:5000".to_owned());
    let repository = RwSignal::new("porthole/web".to_owned());
    let tag = RwSignal::new("1.0".to_owned());
    let login_registry = RwSignal::new("localhost:5001".to_owned());
    // The notes' registry, for the Docker Hub source: changeable, since few people have that very one.
    let hub_registry = RwSignal::new(TourSource::docker_hub().registry);
    let local = move || -> Result<TourSource, String> {
        let pull = porthole_model::registry::parse_address(&pull_registry.get())?;
        let login = porthole_model::registry::parse_address(&login_registry.get())?;
        let repository = repository.get().trim().to_owned();
        let tag = tag.get().trim().to_owned();
        for reference in [
            format!("{pull}/{repository}:{tag}"),
            format!("{login}/{repository}"),
        ] {
            ImageReference::parse(&reference).map_err(|e| e.to_string())?;
        }
        Ok(TourSource {
            image: format!("{pull}/{repository}"),
            tag,
            registry: login,
            repository,
        })
    };
    let chosen = move || {
        if use_hub.get() {
            let registry = porthole_model::registry::parse_address(&hub_registry.get())?;
            Ok(TourSource {
                registry,
                ..TourSource::docker_hub()
            })
        } else {
            local()
        }
    };
    let start = move |_| {
        if let Ok(source) = chosen() {
            store.prefs.update(|s| s.tour.source = Some(source));
        }
    };
    let field = |id: &'static str, label: &'static str, value: RwSignal<String>| {
        view! {
            <label class="field">
                <span>{label}</span>
                <input id=id type="text" spellcheck="false" prop:value=move || value.get()
                    on:input=move |ev| value.set(event_target_value(&ev)) />
            </label>
        }
    };
    view! {
        <div class="card tour-source" id="tour-source">
            <h2>"Where the images come from"</h2>
            <p class="muted">{move || match hub.get() {
                Hub::Probing => "Checking whether Docker Hub can be reached…",
                Hub::Reachable => "The engine finds nginx on Docker Hub: the tour can pull it from there.",
                Hub::Unreachable => "The engine could not find nginx on Docker Hub just now (offline, or behind a \
                    firewall). A registry you run works the same way — or choose Docker Hub anyway if you know it \
                    answers.",
            }}</p>
            <label class="check">
                <input type="radio" name="tour-source" id="tour-source-hub" prop:checked=move || use_hub.get()
                    on:change=move |_| use_hub.set(true) />
                "Docker Hub: nginx and nginx:1.12-alpine-perl, and a registry of yours for the login step"
            </label>
            <label class="check">
                <input type="radio" name="tour-source" id="tour-source-local" prop:checked=move || !use_hub.get()
                    on:change=move |_| use_hub.set(false) />
                "A registry you run"
            </label>
            {move || use_hub.get().then(|| view! {
                <div class="form-grid">
                    {field("tour-hub-registry", "A registry of yours that wants a login (host:port), holding nginx", hub_registry)}
                </div>
                <p class="muted">"No registry of your own? The tour lets you skip that step."</p>
            })}
            {move || (!use_hub.get()).then(|| view! {
                <div class="form-grid">
                    {field("tour-pull-registry", "Registry to pull from (host:port)", pull_registry)}
                    {field("tour-repository", "Repository", repository)}
                    {field("tour-tag", "A specific tag", tag)}
                    {field("tour-login-registry", "Registry that wants a login (host:port)", login_registry)}
                </div>
                <p class="muted">
                    "The repository should hold a web server listening on port 80 (nginx, or any small one), with the \
                    tag latest and the specific tag."
                </p>
            })}
            {move || chosen().err().map(|problem| view! { <p class="field-error">{problem}</p> })}
            <button class="primary" id="tour-start" disabled=move || chosen().is_err() on:click=start>"Start the tour"</button>
        </div>
    }
}
