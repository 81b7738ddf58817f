//! One concept page of the Learn section: the model's text, the user's live objects of that kind, where Porthole
//! manages them, and the docker commands — with the engine this app is using right now on the Engine page.

use crate::components::cli_hint::CliHint;
use crate::components::live_objects::LiveObjects;
use crate::components::prose::Prose;
use crate::store::use_store;
use leptos::prelude::*;
use porthole_model::learn::{dockerfile_example, Concept, Section};

/// One section's body: paragraphs, bullets as lists, `backticks` as code.
fn body(section: &Section) -> impl IntoView {
    section
        .body
        .split("\n\n")
        .map(|paragraph| {
            if paragraph.starts_with("- ") {
                let items = paragraph
                    .lines()
                    .map(|line| view! { <li><Prose text=line.trim_start_matches("- ").to_owned() /></li> })
                    .collect_view();
                view! { <ul>{items}</ul> }.into_any()
            } else {
                view! { <p><Prose text=paragraph.to_owned() /></p> }.into_any()
            }
        })
        .collect_view()
}

#[component]
pub fn ConceptView(concept: Concept) -> impl IntoView {
    let store = use_store();
    let sections = concept
        .sections()
        .iter()
        .map(|section| {
            view! {
                <section class="concept-section">
                    <h2>{section.heading}</h2>
                    {body(section)}
                </section>
            }
        })
        .collect_view();
    let commands = concept
        .commands()
        .iter()
        .map(|command| {
            let cli = command.cli.to_owned();
            view! {
                <div class="concept-command">
                    <CliHint command=Signal::derive(move || cli.clone()) />
                    <span class="muted"><Prose text=command.what.to_owned() /></span>
                </div>
            }
        })
        .collect_view();
    // The example builds on an image this engine has, so it can be tried as it is.
    let example = (concept == Concept::Dockerfile).then(|| {
        let base = move || {
            store.cache.images.with(|images| {
                images
                    .iter()
                    .flat_map(|i| i.tags.iter())
                    .find(|t| t.contains("busybox"))
                    .or_else(|| images.iter().flat_map(|i| i.tags.iter()).next())
                    .cloned()
                    .unwrap_or_else(|| "busybox".to_owned())
            })
        };
        view! {
            <section class="concept-section">
                <h2>"Try it: a Dockerfile on an image you have"</h2>
                <pre class="concept-example" id="dockerfile-example">{move || dockerfile_example(&base())}</pre>
                <p class="muted">
                    "Save it as Dockerfile in an empty folder, then Images → Build with that folder — or "
                    <code>"docker build -t greeting ."</code>" there."
                </p>
            </section>
        }
    });
    let manage = concept.manages().map(|page| {
        view! {
            <p class="concept-gui">
                <Prose text=concept.gui().to_owned() />" "
                <button class="link" data-manage=page.slug() on:click=move |_| store.go(page)>
                    {format!("Open {} →", page.title())}
                </button>
            </p>
        }
    });
    view! {
        <article class="concept" id=format!("concept-{}", concept.slug())>
            <h1>{concept.title()}</h1>
            <p class="concept-summary"><Prose text=concept.summary().to_owned() /></p>
            {manage}
            <LiveObjects concept=concept />
            {sections}
            {example}
            <section class="concept-section">
                <h2>"The commands"</h2>
                <div class="concept-commands">{commands}</div>
            </section>
        </article>
    }
}
