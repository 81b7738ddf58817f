//! A container's state as a coloured badge.

use leptos::prelude::*;
use porthole_model::ContainerState;

#[component]
pub fn StateBadge(state: ContainerState) -> impl IntoView {
    view! { <span class=format!("badge state-{}", state.as_str())>{state.as_str()}</span> }
}
