//! The Learn page: Docker's concepts in Porthole's words, each beside the user's own objects of that kind.

use crate::components::concept_view::ConceptView;
use crate::components::help_button::HelpButton;
use crate::store::use_store;
use leptos::prelude::*;
use porthole_model::learn::Concept;
use porthole_model::Page;

#[component]
pub fn LearnPage() -> impl IntoView {
    let store = use_store();
    let tabs = Concept::ALL
        .into_iter()
        .map(|concept| {
            view! {
                <button class="concept-tab" data-concept=concept.slug()
                    class:active=move || store.nav.concept.get() == concept
                    on:click=move |_| store.nav.concept.set(concept)>
                    {concept.title()}
                </button>
            }
        })
        .collect_view();
    view! {
        <section class="page learn-page" data-page="learn">
            <header class="page-header">
                <div>
                    <h1>"Learn" <HelpButton page=Page::Learn /></h1>
                    <p class="page-sub">"What Docker is made of, beside what you have — and the commands for each."</p>
                </div>
                <button class="action" on:click=move |_| store.go(Page::Tour)>"Take the guided tour →"</button>
            </header>
            <div class="learn-layout">
                <nav class="concept-tabs" aria-label="Concepts">{tabs}</nav>
                <div class="concept-scroll">
                    {move || view! { <ConceptView concept=store.nav.concept.get() /> }}
                </div>
            </div>
        </section>
    }
}
