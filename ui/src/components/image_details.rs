//! One image looked at closely, filling the Images page until "Back": names and digests, what a container made from it runs
//! (`docker image inspect`), its layers (`docker history`), the containers using it, and tag / push / copy id.
//!
//! Refetched when the selection changes and whenever the image list is invalidated, so a new tag or a removed
//! container shows without a reload.

use crate::api;
use crate::components::error_notice::ErrorNotice;
use crate::components::image_tag::ImageTag;
use crate::components::push_panel::PushPanel;
use crate::components::relative_time::RelativeTime;
use crate::load::{Load, Loadable};
use crate::store::use_store;
use leptos::prelude::*;
use porthole_model::image::human_size;
use porthole_model::{Action, ErrorKind, ImageDetails, Page};

#[component]
pub fn ImageDetailsPanel(
    image: String,
    on_back: Callback<()>,
    on_remove: Callback<String>,
) -> impl IntoView {
    let store = use_store();
    let details = Load::<ImageDetails>::new();
    let name = StoredValue::new(image);
    // Read again as the images change (a tag added, the image removed), showing the last answer meanwhile.
    Effect::new(move |_| {
        store.cache.images.track();
        let image = name.get_value();
        details.refresh(async move { api::image_details(&image).await });
    });
    // Removed (here or elsewhere): back to the list, where it is gone too.
    Effect::new(move |_| {
        let gone =
            details.with(|d| matches!(d, Loadable::Failed(e) if e.kind == ErrorKind::NotFound));
        if gone {
            on_back.run(());
        }
    });
    let name = move || name.get_value();
    let header =
        move || view! { <DetailsHeader name=name() on_back=on_back on_remove=on_remove /> };
    let body = move || {
        match details.get() {
            Loadable::Idle | Loadable::Loading => None,
            Loadable::Failed(error) => {
                Some(view! { <ErrorNotice error=error id="image-details-failed" /> }.into_any())
            }
            Loadable::Loaded(d) => Some({
                let copy_id = {
                    let id = d.id.clone();
                    move |_| {
                        let _ = window().navigator().clipboard().write_text(&id);
                    }
                };
                view! {
                    <div class="details card" id="image-details" data-image=d.id.clone()>
                        <div class="details-head">
                            <span class="hint">"Id"</span>
                            <button class="ghost" id="copy-image-id" on:click=copy_id title="Copy the full id">{d.id.clone()}</button>
                        </div>
                        <div class="details-grid">
                            <section>
                                <h3>"Names"</h3>
                                <ul class="plain">{d.tags.iter().map(|t| view! { <li><code>{t.clone()}</code></li> }).collect_view()}</ul>
                                {(!d.digests.is_empty()).then(|| view! {
                                    <h3>"Digests"</h3>
                                    <ul class="plain">{d.digests.iter().map(|t| view! { <li>{
                                        // The repository on one line, the digest whole on the next (cut at the end if
                                        // it must be, never mid-line; the full text on hover).
                                        let (name, digest) = t.split_once('@').map(|(n, d)| (format!("{n}@"), d.to_owned())).unwrap_or((String::new(), t.clone()));
                                        view! { <code class="digest" title=t.clone()><span>{name}</span><span class="hash">{digest}</span></code> }
                                    }</li> }).collect_view()}</ul>
                                })}
                                <p class="hint">{format!("{} · {}/{} · created ", human_size(d.size), d.os, d.architecture)}
                                    {match porthole_model::time::unix_of(&d.created) {
                                        Some(unix) => view! { <RelativeTime unix=unix /> }.into_any(),
                                        None => d.created.clone().into_any(),
                                    }}</p>
                            </section>
                            <section>
                                <h3>"Runs"<span class="cli-inline">{Action::InspectImage { image: name() }.cli()}</span></h3>
                                <dl class="config" id="image-config">
                                    <dt>"Cmd"</dt><dd>{shown(d.config.cmd.join(" "))}</dd>
                                    <dt>"Entrypoint"</dt><dd>{shown(d.config.entrypoint.join(" "))}</dd>
                                    <dt>"Env"</dt><dd>{d.config.env.iter().map(|e| view! { <code class="block">{e.clone()}</code> }).collect_view()}</dd>
                                    <dt>"Exposed ports"</dt><dd id="image-ports">{shown(d.config.exposed_ports.join(", "))}</dd>
                                    <dt>"Working dir"</dt><dd>{shown(d.config.working_dir.clone())}</dd>
                                    <dt>"User"</dt><dd>{shown(d.config.user.clone())}</dd>
                                    <dt>"Labels"</dt><dd>{d.config.labels.iter().map(|(k, v)| view! { <code class="block">{format!("{k}={v}")}</code> }).collect_view()}</dd>
                                </dl>
                            </section>
                            <section>
                                <h3>"Used by"</h3>
                                {if d.containers.is_empty() {
                                    view! { <p class="hint" id="image-users">"No container uses this image."</p> }.into_any()
                                } else {
                                    view! { <ul class="plain" id="image-users">{d.containers.iter().map(|c| {
                                        let label = format!("{} ({})", c.name, c.state.as_str());
                                        view! { <li><a href="#" on:click=move |ev| { ev.prevent_default(); store.go(Page::Containers) }>{label}</a></li> }
                                    }).collect_view()}</ul> }.into_any()
                                }}
                            </section>
                        </div>
                        <h3>"Layers"<span class="cli-inline">{Action::ImageHistory { image: name() }.cli()}</span></h3>
                        <table class="list compact" id="image-history">
                            <thead><tr><th>"Instruction"</th><th>"Size"</th><th>"Created"</th></tr></thead>
                            <tbody>{d.history.iter().map(|layer| view! {
                                <tr><td class="mono wrap">{layer.instruction.clone()}</td><td class="num">{human_size(layer.size)}</td>
                                    <td><RelativeTime unix=layer.created /></td></tr>
                            }).collect_view()}</tbody>
                        </table>
                    </div>
                }.into_any()
            }),
        }
    };
    // Outside `body`, so a refetch (after a tag, say) does not reset a tag or push under way.
    let tags = Signal::derive(move || {
        details.with(|d| match d {
            Loadable::Loaded(d) => d.tags.clone(),
            _ => Vec::new(),
        })
    });
    view! {
        {header}
        <div class="details-scroll">
            {body}
            <div class="details card details-grid" id="image-actions">
                <ImageTag image=Signal::derive(name) />
                <PushPanel tags=tags />
            </div>
        </div>
    }
}

/// A config value, or a muted dash when the image leaves it unset (a container then gets the engine's default).
fn shown(value: String) -> AnyView {
    if value.is_empty() {
        view! { <span class="hint">"—"</span> }.into_any()
    } else {
        view! { <code class="block">{value}</code> }.into_any()
    }
}

/// The details' header: back to the list, the image's name, Run… and Remove.
#[component]
fn DetailsHeader(
    name: String,
    on_back: Callback<()>,
    on_remove: Callback<String>,
) -> impl IntoView {
    let store = use_store();
    let remove = Action::Image {
        image: name.clone(),
        action: porthole_model::ImageAction::Remove { force: false },
    };
    let (run_name, remove_name) = (name.clone(), name.clone());
    view! {
        <header class="page-header">
            <div>
                <button class="ghost back" id="details-back" on:click=move |_| on_back.run(())>"← Images"</button>
                <h1 class="details-title">{name.clone()}</h1>
            </div>
            <span class="header-buttons">
            <button class="primary" data-action="details-run" title=format!("docker run {name}")
                on:click=move |_| store.nav.run_dialog.set(Some(run_name.clone()))>"Run…"</button>
            <button class="action" data-action="details-remove" title=remove.cli()
                on:click=move |_| on_remove.run(remove_name.clone())>"Remove"</button>
            </span>
        </header>
    }
}
