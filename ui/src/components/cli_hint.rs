//! The CLI command a page or form amounts to, shown to learners with a copy button. The text always comes from
//! `porthole_model::Action`, the one mapping of actions to commands.

use crate::components::icon::{Glyph, Icon};
use leptos::prelude::*;

#[component]
pub fn CliHint(#[prop(into)] command: Signal<String>) -> impl IntoView {
    let copied = RwSignal::new(false);
    let copy = move |_| {
        let text = command.get_untracked();
        let clipboard = window().navigator().clipboard();
        let _ = clipboard.write_text(&text);
        copied.set(true);
    };
    view! {
        <div class="cli-hint" title="The docker CLI command for what this page shows">
            <span class="cli-prompt">"$"</span>
            <code class="cli-command">{move || command.get()}</code>
            <button class="icon-button" on:click=copy title="Copy the command">
                <Icon glyph=Glyph::Copy />
            </button>
            {move || copied.get().then(|| view! { <span class="cli-copied">"copied"</span> })}
        </div>
    }
}
