//! The Settings page: theme, whether destructive actions ask first, and which desktop notifications are raised.
//! Saved at once.

use crate::components::help_button::HelpButton;
use crate::store::use_store;
use leptos::prelude::*;
use porthole_model::notification::NotificationSettings;
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
                <Notifications />
            </div>
        </section>
    }
}

/// Container failures and long tasks, each on or off, and the containers left out (from their own pages).
#[component]
fn Notifications() -> impl IntoView {
    let store = use_store();
    let switch = |id: &'static str,
                  label: &'static str,
                  get: fn(&NotificationSettings) -> bool,
                  set: fn(&mut NotificationSettings, bool)| {
        view! {
            <label class="switch">
                <input type="checkbox" id=id
                    prop:checked=move || store.prefs.with(|s| get(&s.notifications))
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        store.prefs.update(|s| set(&mut s.notifications, on));
                    } />
                <span class="switch-track"></span>
                <span>{label}</span>
            </label>
        }
    };
    let muted = move || store.prefs.with(|s| s.notifications.muted.clone());
    view! {
        <div class="card" id="notification-settings">
            <h2>"Notifications"</h2>
            {switch("notify-container-failures", "When a container stops on its own with an error, or turns unhealthy",
                |n| n.container_failures, |n, on| n.container_failures = on)}
            {switch("notify-long-tasks", "When a long pull, push, build, compose run or reclaim ends while Porthole is in the background",
                |n| n.long_tasks, |n, on| n.long_tasks = on)}
            <Show when=move || !muted().is_empty()>
                <p class="hint">"Not notified (changed on each container's page):"</p>
                <ul class="muted-containers">
                    <For each=muted key=|name| name.clone() let:name>
                        <li>
                            <span class="mono">{name.clone()}</span>
                            <button class="link" title="Notify this container's failures again"
                                on:click=move |_| store.prefs.update_if(|s| s.notifications.set_watched(&name, true))>
                                "Notify again"
                            </button>
                        </li>
                    </For>
                </ul>
            </Show>
        </div>
    }
}
