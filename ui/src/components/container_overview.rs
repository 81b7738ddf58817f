//! The container page's Overview tab: state, exit code, health, uptime, image, command, published ports (as links
//! that open in the browser), mounts with their kind, networks and addresses, restart policy and count, and the
//! environment with values masked until asked; the CPU and memory limits, changed in place (`docker update`); and
//! whether its failures raise a desktop notification.

use crate::api;
use crate::components::container_networks::ContainerNetworks;
use crate::components::limits_dialog::LimitsDialog;
use crate::components::relative_time::RelativeTime;
use crate::store::{use_store, Route};
use leptos::prelude::*;
use leptos::task::spawn_local;
use porthole_model::container::port_links;
use porthole_model::ContainerDetails;

#[component]
pub fn ContainerOverview(details: ContainerDetails) -> impl IntoView {
    let store = use_store();
    let show_values = RwSignal::new(false);
    let started = details.started();
    let running = details.state.is_running();
    let image = details.image.clone();
    let links = port_links(&details.ports);
    let tour_image = details.image.clone();
    let fact = |label: &'static str, value: String| view! { <dt>{label}</dt><dd>{value}</dd> };
    let limits_open = RwSignal::new(None::<ContainerDetails>);
    let for_limits = details.clone();
    view! {
        <div class="overview" id="container-overview">
            <dl class="facts">
                {fact("State", details.state.as_str().to_owned())}
                {(!running).then(|| fact("Exit code", details.exit_code.to_string()))}
                {details.health.clone().map(|h| fact("Health", h))}
                <dt>{if running { "Up since" } else { "Last started" }}</dt>
                <dd>{match started { Some(t) => view! { <RelativeTime unix=t.timestamp() /> }.into_any(), None => "never".into_any() }}</dd>
                <dt>"Image"</dt>
                <dd><button class="link mono" id="overview-image" title="The image's details"
                    on:click={
                        let image = image.clone();
                        move |_| store.open(Route::Image(image.clone()))
                    }>{image.clone()}</button></dd>
                {fact("Command", porthole_model::container::run::join(&details.command))}
                {fact("Restart policy", format!("{} (restarted {} times)", details.restart_policy, details.restart_count))}
                {(!details.workdir.is_empty()).then(|| fact("Working dir", details.workdir.clone()))}
                {(!details.user.is_empty()).then(|| fact("User", details.user.clone()))}
                {fact("Id", details.id.clone())}
            </dl>
            {notify_switch(details.name.clone())}
            <h3>"Limits"</h3>
            <dl class="facts" id="overview-limits">
                {fact("CPUs", details.limits.cpus_text())}
                {fact("Memory", details.limits.memory_text())}
            </dl>
            <button class="action" id="change-limits" title=format!("docker update --cpus … --memory … --restart … {}", details.name)
                on:click=move |_| limits_open.set(Some(for_limits.clone()))>"Change limits…"</button>
            <LimitsDialog open=limits_open />
            <h3>"Ports"</h3>
            {if details.ports.is_empty() {
                view! { <p class="hint">"No ports published. Publish one with -p when running, e.g. -p 8080:80."</p> }.into_any()
            } else {
                view! {
                    <ul class="port-list" id="overview-ports">
                        {details.ports.iter().map(|p| view! { <li class="mono">{p.label()}</li> }).collect_view()}
                    </ul>
                    <div class="port-links">
                        {links.into_iter().map(|url| {
                            let open = url.clone();
                            let tour_image = tour_image.clone();
                            view! { <button class="link port-link" data-url=url.clone() title="Open in the browser (like curl)"
                                on:click=move |_| { let url = open.clone();
                                    store.tour_note(porthole_model::tour::TourSignal::OpenedPort, Some(&tour_image));
                                    spawn_local(async move {
                                    if let Err(error) = api::open_url(&url).await { store.error.try_set(Some(error.into())); }
                                }); }>{url.clone()}" ↗"</button> }
                        }).collect_view()}
                    </div>
                }.into_any()
            }}
            <h3>"Storage"</h3>
            {if details.mounts.is_empty() {
                view! { <p class="hint">"No volumes or bind mounts: whatever this container writes is deleted with it (docker rm)."</p> }.into_any()
            } else {
                view! {
                    <table class="list compact" id="overview-mounts"><thead><tr><th>"Kind"</th><th>"Source"</th><th>"Path in container"</th><th>"Mode"</th></tr></thead>
                    <tbody>{details.mounts.iter().map(|m| view! {
                        <tr data-kind=m.kind.as_str()><td title=m.kind.explanation()>{m.kind.as_str()}</td><td class="mono">{if m.source.is_empty() { "(memory)".to_owned() } else { m.source.clone() }}</td>
                        <td class="mono">{m.destination.clone()}</td><td>{if m.read_only { "read-only" } else { "read-write" }}</td></tr>
                    }).collect_view()}</tbody></table>
                }.into_any()
            }}
            <ContainerNetworks container=details.name.clone() networks=details.networks.clone() />
            <h3>"Environment "
                <label class="check inline"><input type="checkbox" id="show-env-values" prop:checked=move || show_values.get()
                    on:change=move |ev| show_values.set(event_target_checked(&ev)) />"show values"</label></h3>
            <table class="list compact env" id="overview-env"><tbody>
                {details.env.iter().map(|(key, value)| {
                    let value = value.clone();
                    view! { <tr><td class="mono">{key.clone()}</td><td class="mono">{move || if show_values.get() { value.clone() } else { "••••••".to_owned() }}</td></tr> }
                }).collect_view()}
            </tbody></table>
            {(!details.labels.is_empty()).then(|| view! {
                <h3>"Labels"</h3>
                <table class="list compact"><tbody>{details.labels.iter().map(|(k, v)| view! {
                    <tr><td class="mono">{k.clone()}</td><td class="mono">{v.clone()}</td></tr>
                }).collect_view()}</tbody></table>
            })}
        </div>
    }
}

/// This container's exits notified or not (the name is kept, so a recreated container keeps the choice); off while
/// container notifications are off in Settings.
fn notify_switch(name: String) -> impl IntoView {
    let store = use_store();
    let watched = {
        let name = name.clone();
        move || store.prefs.with(|s| s.notifications.watches(&name))
    };
    view! {
        <label class="switch" id="notify-exits"
            title="A desktop notification when it stops on its own with an error, or its health check fails">
            <input type="checkbox" prop:checked=watched
                prop:disabled=move || !store.prefs.with(|s| s.notifications.container_failures)
                on:change=move |ev| {
                    let on = event_target_checked(&ev);
                    store.prefs.update_if(|s| s.notifications.set_watched(&name, on));
                } />
            <span class="switch-track"></span>
            <span>"Notify me when it fails"</span>
        </label>
    }
}
