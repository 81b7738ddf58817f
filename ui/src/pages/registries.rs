//! The Registries page: Docker Hub and every registry the user added or has a login for, whether they are logged
//! in and as whom, and where the docker CLI keeps that login. Log in (checked by the engine first), log out, add
//! a `host:port`. Logins are the docker CLI's own, so a `docker login` in a terminal shows here when the page
//! opens.

use crate::components::cli_hint::CliHint;
use crate::components::help_button::HelpButton;
use crate::components::hub_search::HubSearch;
use crate::components::login_form::LoginForm;
use crate::components::registry_browser::RegistryBrowser;
use crate::store::use_store;
use leptos::prelude::*;
use leptos::task::spawn_local;
use porthole_model::registry::{merge, parse_address};
use porthole_model::Page;
use porthole_model::{Action, Registry};

#[component]
pub fn RegistriesPage() -> impl IntoView {
    let store = use_store();
    store.refresh_registries();
    let new_address = RwSignal::new(String::new());
    let parsed = Memo::new(move |_| {
        let text = new_address.get();
        (!text.trim().is_empty()).then(|| parse_address(&text))
    });
    let list = Memo::new(move |_| {
        store
            .prefs
            .with(|s| merge(store.cache.registries.get(), &s.registries))
    });
    let add = move || {
        let Some(Ok(address)) = parsed.get_untracked() else {
            return;
        };
        store.prefs.update(|s| {
            if !s.registries.contains(&address) {
                s.registries.push(address.clone());
            }
        });
        new_address.set(String::new());
        store.nav.login_for.set(Some(address));
    };
    view! {
        <section class="page" data-page="registries">
            <header class="page-header">
                <div>
                    <h1>"Registries" <HelpButton page=Page::Registries /></h1>
                    <p class="page-sub">"Where images are pulled from and pushed to. Logins are shared with the docker CLI."</p>
                </div>
                <CliHint command=Signal::derive(|| "docker login".to_owned()) />
            </header>
            <div class="toolbar">
                <input id="registry-address" type="text" placeholder="Add a registry: host or host:port" spellcheck="false"
                    prop:value=move || new_address.get() on:input=move |ev| new_address.set(event_target_value(&ev))
                    on:keydown=move |ev| if ev.key() == "Enter" { add() } />
                <button class="action" id="registry-add" disabled=move || !matches!(parsed.get(), Some(Ok(_)))
                    on:click=move |_| add()>"Add"</button>
                {move || match parsed.get() {
                    Some(Err(error)) => view! { <span class="invalid" id="registry-invalid">{error.message}</span> }.into_any(),
                    _ => ().into_any(),
                }}
            </div>
            <div class="registry-list">
                <For each=move || list.get() key=|r| (r.address.clone(), r.username.clone()) let:registry>
                    <RegistryCard registry=registry />
                </For>
            </div>
        </section>
    }
}

#[component]
fn RegistryCard(registry: Registry) -> impl IntoView {
    let store = use_store();
    let address = registry.address.clone();
    let form_open = {
        let address = address.clone();
        move || {
            store
                .nav
                .login_for
                .with(|l| l.as_deref() == Some(address.as_str()))
        }
    };
    let logout = {
        let address = address.clone();
        move |_| {
            let address = address.clone();
            spawn_local(async move {
                if let Err(error) = crate::api::logout(&address).await {
                    store.error.set(Some(error.into()));
                }
                store.refresh_registries();
            });
        }
    };
    let status = match (&registry.username, &registry.stored_in) {
        (Some(user), Some(place)) => format!("Logged in as {user} · kept in {place}"),
        (Some(user), None) => format!("Logged in as {user}"),
        _ => "Not logged in".to_owned(),
    };
    let note = if registry.is_hub() {
        "Docker Hub: the default registry. Names without a host (nginx, me/app) come from here; public images need no login."
    } else if registry.is_loopback() {
        "On this machine: the engine may talk plain HTTP to loopback registries without any setting."
    } else {
        "The engine talks HTTPS to it. A registry speaking plain HTTP must be listed under \"insecure-registries\" in the engine's daemon.json (then restart the engine)."
    };
    let logged_in = registry.username.is_some();
    let browsing = RwSignal::new(false);
    let is_hub = registry.is_hub();
    let browse_address = address.clone();
    let login_address = address.clone();
    let open_form = {
        let address = address.clone();
        move |_| store.nav.login_for.set(Some(address.clone()))
    };
    let cli = if logged_in {
        Action::Logout {
            registry: address.clone(),
        }
        .cli()
    } else {
        Action::Login {
            registry: address.clone(),
            username: String::new(),
        }
        .cli()
    };
    view! {
        <div class="card registry" data-registry=address.clone() data-logged-in=logged_in.to_string()>
            <div class="registry-head">
                <div>
                    <h2>{address.clone()}</h2>
                    <p class=if logged_in { "status ok" } else { "status muted" } data-status="">{status}</p>
                </div>
                <span class="toolbar-spacer"></span>
                <code class="cli-inline">{cli}</code>
                <button class="action" data-action="browse" on:click=move |_| browsing.update(|b| *b = !*b)>
                    {move || match (browsing.get(), is_hub) { (true, _) => "Hide", (false, true) => "Search", (false, false) => "Browse" }}</button>
                {if logged_in {
                    view! { <button class="action" data-action="logout" on:click=logout>"Log out"</button> }.into_any()
                } else {
                    view! { <button class="action" data-action="login" on:click=open_form>"Log in"</button> }.into_any()
                }}
            </div>
            <p class="hint">{note}</p>
            {move || browsing.get().then(|| if is_hub {
                view! { <HubSearch /> }.into_any()
            } else {
                view! { <RegistryBrowser registry=browse_address.clone() /> }.into_any()
            })}
            {move || form_open().then(|| view! {
                <LoginForm registry=login_address.clone() on_done=Callback::new(move |()| store.nav.login_for.set(None)) />
            })}
        </div>
    }
}
