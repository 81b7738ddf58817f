//! One service of the swarm as a row (`docker service ls`): mode and replicas running/desired, image and published
//! ports, the rolling update's state and message, the stack — with Scale, Update image, Roll back and Remove.
//! Keyed by the service's name, it reads its fresh state itself, so a live update (a task started, the update's
//! state) never resets a replica count or an image being typed.

use crate::store::use_store;
use leptos::prelude::*;
use porthole_model::swarm::{ServiceSummary, SwarmAction};
use porthole_model::Action;

#[component]
pub fn ServiceRow(
    name: String,
    services: RwSignal<Vec<ServiceSummary>>,
    /// The service whose tasks are open below the list.
    open: RwSignal<Option<String>>,
    /// Asks before a deletion (Remove).
    ask: Callback<Action>,
) -> impl IntoView {
    let store = use_store();
    let current = {
        let name = name.clone();
        Memo::new(move |_| {
            services.with(|all| {
                all.iter()
                    .find(|s| s.name == name)
                    .cloned()
                    .unwrap_or_default()
            })
        })
    };
    let initial = current.get_untracked();
    let replicas = RwSignal::new(initial.replicas.map(|r| r.to_string()).unwrap_or_default());
    let image = RwSignal::new(initial.image.clone());
    let scale = {
        let name = name.clone();
        move || {
            replicas
                .get()
                .trim()
                .parse::<u64>()
                .ok()
                .map(|n| SwarmAction::Scale {
                    service: name.clone(),
                    replicas: n,
                })
        }
    };
    let update = {
        let name = name.clone();
        move || SwarmAction::UpdateImage {
            service: name.clone(),
            image: image.get().trim().to_owned(),
        }
    };
    let (rollback, remove) = (
        Action::Swarm {
            action: SwarmAction::Rollback {
                service: name.clone(),
            },
        },
        Action::Swarm {
            action: SwarmAction::RemoveService {
                service: name.clone(),
            },
        },
    );
    let open_name = name.clone();
    let is_open = {
        let name = name.clone();
        move || open.with(|o| o.as_deref() == Some(name.as_str()))
    };
    view! {
        <tr data-service=name.clone() data-replicas=move || current.with(ServiceSummary::replicas_label)
            data-update=move || current.with(|s| s.update_state.clone())
            class:selected=is_open on:click=move |_| open.set(Some(open_name.clone()))>
            <td class="name"><div class="cell-main">{name.clone()}</div>
                <div class="hint">{move || current.with(|s| s.stack.clone().map(|s| format!("stack {s}")).unwrap_or_default())}</div></td>
            <td>{move || current.with(|s| format!("{} · {}", s.mode(), s.replicas_label()))}</td>
            <td class="mono">{move || current.with(|s| s.image.clone())}<div class="hint">{move || current.with(|s| s.ports.join(", "))}</div></td>
            <td>{move || current.with(|s| (!s.update_state.is_empty()).then(|| view! { <span class="badge in-use">{s.update_state.clone()}</span> }))}
                <div class="hint">{move || current.with(|s| s.update_message.clone())}</div></td>
            <td class="row-buttons" on:click=|ev| ev.stop_propagation()><div class="service-actions">
                {initial.replicas.is_some().then(|| { let scale = scale.clone(); view! {
                    <input type="number" min="0" class="scale-count" aria-label="Replicas" prop:value=move || replicas.get()
                        on:input=move |ev| replicas.set(event_target_value(&ev)) />
                    <button class="action small" data-action="scale" disabled={ let scale = scale.clone(); move || scale().is_none() }
                        on:click=move |_| if let Some(action) = scale() { store.perform(Action::Swarm { action }) }>"Scale"</button>
                } })}
                <input type="text" class="service-image" aria-label="Image" spellcheck="false" prop:value=move || image.get()
                    on:input=move |ev| image.set(event_target_value(&ev)) />
                <button class="action small" data-action="update-image" title={ let update = update.clone(); move || update().cli(false) }
                    on:click=move |_| store.perform(Action::Swarm { action: update() })>"Update image"</button>
                <button class="action small" data-action="rollback" title=rollback.cli() on:click={ let r = rollback.clone(); move |_| store.perform(r.clone()) }>"Roll back"</button>
                <button class="action small danger" data-action="remove-service" title=remove.cli() on:click=move |_| ask.run(remove.clone())>"Remove"</button>
            </div></td>
        </tr>
    }
}
