//! The guided tour: the notes' "Let's play with a real image", step by step. Each step says what to do here and
//! on the command line, and ticks itself off when the engine's state shows it done (`crate::tour` watches).
//!
//! Where the images come from is chosen first: Docker Hub's nginx as in the notes, or — when Docker Hub cannot be
//! reached, as on an offline machine — a registry on this machine or network. An optional second chapter brings
//! up a compose project of two services.

use crate::components::help_button::HelpButton;
use crate::components::tour_source::TourSourceForm;
use crate::components::tour_step::TourStepCard;
use crate::store::use_store;
use leptos::prelude::*;
use porthole_model::tour::{TourProgress, TourStep};
use porthole_model::Page;

#[component]
pub fn TourPage() -> impl IntoView {
    let store = use_store();
    // Logins change without an engine event; the registry step needs them fresh.
    store.refresh_registries();
    let progress = Memo::new(move |_| store.prefs.with(|s| s.tour.clone()));
    let done_count = move || progress.with(|p| p.done.len());
    let reset = move |_| {
        store.prefs.update(|s| s.tour = TourProgress::default());
    };
    // The cards are made once per source: a tick changes their state, not the cards (a card's own state, such as a
    // run under way, survives).
    let source = Memo::new(move |_| progress.with(|p| p.source.clone()));
    let chapter = move |steps: &'static [TourStep]| {
        source.get().map(|source| {
            steps
                .iter()
                .map(|step| {
                    let source = source.clone();
                    view! { <TourStepCard step=*step source=source progress=progress /> }
                })
                .collect_view()
        })
    };
    let compose_done = move || {
        progress.with(|p| {
            TourStep::COMPOSE
                .iter()
                .filter(|s| p.done.contains(s))
                .count()
        })
    };
    view! {
        <section class="page tour-page" data-page="tour">
            <header class="page-header">
                <div>
                    <h1>"Guided tour" <HelpButton page=Page::Tour /></h1>
                    <p class="page-sub" id="tour-progress">
                        {move || format!("{} of {} steps done", done_count(), TourStep::ALL.len())}
                        {move || progress.with(|p| p.current().is_none() && p.source.is_some())
                            .then_some(" — tour complete. Well done!")}
                    </p>
                </div>
                <button class="action" id="tour-reset" on:click=reset>"Start over"</button>
            </header>
            <div class="page-body tour-body">
                <p class="muted tour-intro">
                    "Each step ticks itself off when the engine shows it done — do it here or in a terminal with "
                    "the command shown; Porthole notices either way. Progress is kept between runs."
                </p>
                {move || progress.with(|p| p.source.is_none()).then(|| view! { <TourSourceForm /> })}
                <ol class="tour-steps">{move || chapter(&TourStep::ALL)}</ol>
                {move || source.with(Option::is_some).then(|| view! {
                    <h2 class="tour-chapter" id="tour-compose">
                        "Chapter 2, optional: a compose project"
                        <span class="muted">{move || format!(" · {} of {} done", compose_done(), TourStep::COMPOSE.len())}</span>
                    </h2>
                    <p class="muted tour-intro">
                        "The notes' next step after single containers: two services in one file, on a network of their "
                        "own, found by name. Take it whenever you like."
                    </p>
                    <ol class="tour-steps tour-compose">{move || chapter(&TourStep::COMPOSE)}</ol>
                })}
            </div>
        </section>
    }
}
