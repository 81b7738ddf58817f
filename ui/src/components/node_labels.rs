//! A swarm node's labels (what placement constraints such as `node.labels.zone==garage` match), shown as
//! `key=value` chips and edited in place: the exact `docker node update --label-add … --label-rm …` is shown as
//! typed, and Save waits until there is a change.

use leptos::prelude::*;
use porthole_model::swarm::action::node_labels;
use porthole_model::swarm::NodeSummary;
use porthole_model::Action;

#[component]
pub fn NodeLabels(node: NodeSummary, ask: Callback<Action>) -> impl IntoView {
    let editing = RwSignal::new(false);
    let typed = RwSignal::new(
        node.labels
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join("\n"),
    );
    let chips = node.labels.clone();
    let change = {
        let node = node.clone();
        Memo::new(move |_| typed.with(|text| node_labels(&node, text)))
    };
    view! {
        <div class="node-labels">
            {chips.into_iter().map(|(k, v)| view! { <span class="chip mono" data-label=k.clone()>{format!("{k}={v}")}</span> }).collect_view()}
            <button class="ghost small" data-action="node-labels" on:click=move |_| editing.update(|e| *e = !*e)>
                {move || if editing.get() { "Close" } else { "Labels…" }}</button>
            {move || editing.get().then(|| view! {
                <div class="node-labels-edit">
                    <textarea id="node-labels-input" rows="3" spellcheck="false" aria-label="Labels, KEY=VALUE per line"
                        prop:value=move || typed.get() on:input=move |ev| typed.set(event_target_value(&ev))></textarea>
                    {move || match change.get() {
                        Ok(action) => view! { <code class="cli-inline" id="node-labels-cli">{action.cli(false)}</code> }.into_any(),
                        Err(error) => view! { <span class="hint" id="node-labels-waiting">{error.message}</span> }.into_any(),
                    }}
                    <button class="action" id="node-labels-save" disabled=move || change.with(Result::is_err)
                        on:click=move |_| {
                            if let Ok(action) = change.get_untracked() {
                                ask.run(Action::Swarm { action });
                                editing.set(false);
                            }
                        }>"Save labels"</button>
                </div>
            })}
        </div>
    }
}
