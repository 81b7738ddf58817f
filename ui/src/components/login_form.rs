//! The login form (`docker login`): user name and password for one registry, the command it amounts to shown live
//! (without the password), submitted to the backend, which has the engine check them with the registry before
//! storing them where the docker CLI keeps logins. The password field is cleared whatever the outcome.

use crate::api;
use crate::components::error_notice::ErrorNotice;
use crate::store::use_store;
use leptos::prelude::*;
use leptos::task::spawn_local;
use porthole_model::{Action, Login, PortholeError};

#[component]
pub fn LoginForm(registry: String, on_done: Callback<()>) -> impl IntoView {
    let store = use_store();
    let username = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let failure = RwSignal::new(None::<PortholeError>);
    let address = registry.clone();
    let action = move || Action::Login {
        registry: address.clone(),
        username: username.get(),
    };
    let registry_for_submit = registry.clone();
    let submit = move || {
        if busy.get_untracked() {
            return;
        }
        let login = Login {
            registry: registry_for_submit.clone(),
            username: username.get_untracked(),
            password: password.get_untracked(),
        };
        password.set(String::new());
        busy.set(true);
        failure.set(None);
        spawn_local(async move {
            let result = api::login(&login).await;
            busy.try_set(false);
            match result {
                Ok(_) => {
                    store.refresh_registries();
                    on_done.run(());
                }
                Err(error) => {
                    failure.try_set(Some(error));
                }
            }
        });
    };
    let submit_on_enter = submit.clone();
    view! {
        <form class="login-form" id="login-form" data-registry=registry.clone()
            on:submit=move |ev| { ev.prevent_default(); submit() }>
            <label>"User name"<input id="login-username" type="text" autocomplete="username" spellcheck="false"
                prop:value=move || username.get() on:input=move |ev| username.set(event_target_value(&ev)) /></label>
            <label>"Password or access token"<input id="login-password" type="password" autocomplete="current-password"
                prop:value=move || password.get() on:input=move |ev| password.set(event_target_value(&ev))
                on:keydown=move |ev| if ev.key() == "Enter" { ev.prevent_default(); submit_on_enter() } /></label>
            <div class="dialog-cli"><span class="cli-prompt">"$"</span><code>{move || action().cli()}</code>
                <span class="hint">" (asks for the password)"</span></div>
            {move || failure.get().map(|error| view! { <ErrorNotice error=error id="login-failed" /> })}
            <div class="dialog-buttons">
                <button type="button" class="ghost" on:click=move |_| on_done.run(())>"Cancel"</button>
                <button type="submit" class="primary" id="login-submit"
                    disabled=move || busy.get() || username.with(|u| u.trim().is_empty()) || password.with(String::is_empty)>
                    {move || if busy.get() { "Checking…" } else { "Log in" }}</button>
            </div>
        </form>
    }
}
