//! The Settings page: theme, and whether destructive actions ask first. Saved at once.

use crate::components::help_button::HelpButton;
use crate::store::use_store;
use leptos::prelude::*;
use porthole_model::Page;
use porthole_model::Theme;

#[component]
pub fn SettingsPage() -> impl IntoView {
    let store = use_store();
    let theme_option = move |theme: Theme, label: &'static str, hint: &'static str| {
        view! {
            <label class="choice">
                <input type="radio" name="theme" value=label
                    prop:checked=move || store.prefs.with(|s| s.theme == theme)
                    on:change=move |_| { store.prefs.update(|s| s.theme = theme); } />
                <span><strong>{label}</strong><span class="choice-hint">{hint}</span></span>
            </label>
        }
    };
    view! {
        <section class="page" data-page="settings">
            <header class="page-header">
                <div>
                    <h1>"Settings" <HelpButton page=Page::Settings /></h1>
                    <p class="page-sub">"Saved as you change them"</p>
                </div>
            </header>
            <div class="page-body">
                <div class="card">
                    <h2>"Appearance"</h2>
                    {theme_option(Theme::System, "System", "Follow the operating system's light or dark mode")}
                    {theme_option(Theme::Light, "Light", "Always light")}
                    {theme_option(Theme::Dark, "Dark", "Always dark")}
                </div>
                <div class="card">
                    <h2>"Safety"</h2>
                    <label class="switch">
                        <input type="checkbox" id="confirm-destructive"
                            prop:checked=move || store.prefs.with(|s| s.confirm_destructive)
                            on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                store.prefs.update(|s| s.confirm_destructive = on);
                            } />
                        <span class="switch-track"></span>
                        <span>"Ask before removing, killing or pruning"</span>
                    </label>
                </div>
            </div>
        </section>
    }
}
