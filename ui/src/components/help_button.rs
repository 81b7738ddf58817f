//! The "?" in every page's header: the concept behind the page in two sentences, the docker commands it
//! corresponds to, and a way into the Learn page — the app's `docker help pull`.

use crate::components::cli_hint::CliHint;
use crate::components::prose::Prose;
use crate::store::{use_store, Route};
use leptos::prelude::*;
use porthole_model::learn::Concept;
use porthole_model::Page;

#[component]
pub fn HelpButton(page: Page) -> impl IntoView {
    let store = use_store();
    let open = RwSignal::new(false);
    let concept = Concept::for_page(page);
    let panel = move || {
        open.get().then(|| {
            let commands = concept
                .commands()
                .iter()
                .take(6)
                .map(|command| {
                    let cli = command.cli.to_owned();
                    view! {
                        <li>
                            <CliHint command=Signal::derive(move || cli.clone()) />
                            <span class="muted"><Prose text=command.what.to_owned() /></span>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <div class="help-panel" id="help-panel" role="dialog" aria-label=concept.title()>
                    <header>
                        <strong>{concept.title()}</strong>
                        <button class="action small" id="help-close" data-dismiss="" title="Close" on:click=move |_| open.set(false)>"×"</button>
                    </header>
                    <p><Prose text=concept.summary().to_owned() /></p>
                    <p class="muted"><Prose text=concept.gui().to_owned() /></p>
                    <ul class="help-commands">{commands}</ul>
                    <p class="muted">"On the command line, " <code>"docker help COMMAND"</code>
                        " (for example " <code>"docker help pull"</code> ") explains any command."</p>
                    <button class="primary" id="help-learn-more" on:click=move |_| {
                        open.set(false);
                        store.open(Route::Concept(concept));
                    }>{format!("Learn more: {}", concept.title())}</button>
                </div>
            }
        })
    };
    view! {
        <span class="help-anchor">
            <button class="help-button" id="help-button" title=format!("What is this? {}", concept.title())
                aria-expanded=move || open.get().to_string()
                on:click=move |_| open.update(|o| *o = !*o)>"?"</button>
            {panel}
        </span>
    }
}
