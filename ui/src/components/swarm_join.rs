//! Joining an existing swarm from this engine: the manager's address and the token it shows (on the manager's own
//! Swarm page, or `docker swarm join-token worker`), with this engine's address from the card above — each checked
//! as typed, and the `docker swarm join` command shown live with the token masked.

use crate::store::use_store;
use leptos::prelude::*;
use porthole_model::swarm::parse_join;
use porthole_model::Action;

#[component]
pub fn SwarmJoinForm(address: RwSignal<String>, local: Vec<String>) -> impl IntoView {
    let store = use_store();
    let remote = RwSignal::new(String::new());
    let token = RwSignal::new(String::new());
    let join = Memo::new(move |_| parse_join(&remote.get(), &token.get(), &address.get(), &local));
    let touched = move || !remote.with(String::is_empty) || !token.with(String::is_empty);
    view! {
        <details class="swarm-join" id="swarm-join-form">
            <summary>"Or join an existing swarm"</summary>
            <p>"On the manager, its Swarm page (or "<code>"docker swarm join-token worker"</code>") shows the token to paste here. Its role — worker or manager — comes with the token."</p>
            <div class="form-grid">
                <label>"Manager address"<input id="swarm-join-remote" type="text" spellcheck="false" placeholder="192.168.1.10:2377"
                    prop:value=move || remote.get() on:input=move |ev| remote.set(event_target_value(&ev)) /></label>
                <label>"Join token"<input id="swarm-join-token" type="password" spellcheck="false" placeholder="SWMTKN-1-…" autocomplete="off"
                    prop:value=move || token.get() on:input=move |ev| token.set(event_target_value(&ev)) /></label>
            </div>
            {move || match join.get() {
                Err(problem) if touched() => view! { <span class="invalid" id="swarm-join-invalid">{problem.message}</span> }.into_any(),
                _ => ().into_any(),
            }}
            <div class="dialog-cli"><span class="cli-prompt">"$"</span><code id="swarm-join-cli">{move || match join.get() {
                Ok(action) => action.cli(true),
                Err(_) => "docker swarm join --token TOKEN --advertise-addr ADDRESS MANAGER:2377".into(),
            }}</code></div>
            <button class="primary" id="swarm-join-go" disabled=move || join.with(Result::is_err)
                on:click=move |_| if let Ok(action) = join.get_untracked() { store.perform(Action::Swarm { action }) }>"Join the swarm"</button>
        </details>
    }
}
