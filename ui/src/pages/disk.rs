//! The disk usage page (`docker system df -v`): for images, containers, volumes and build cache, how many, how many
//! in use, their size and what could go — then every object largest first, and a reclaim per kind that previews
//! exactly what goes. The engine walks every layer and volume to answer, so the page reads it when it opens and on
//! Refresh only, never on a list's hot path, and says so while it waits.

use crate::api;
use crate::components::cli_hint::CliHint;
use crate::components::error_notice::ErrorNotice;
use crate::components::help_button::HelpButton;
use crate::components::reclaim_dialog::{Preview, ReclaimDialog};
use leptos::prelude::*;
use leptos::task::spawn_local;
use porthole_model::image::human_size;
use porthole_model::system::disk::{DiskKind, DiskUsage};
use porthole_model::{Page, PortholeError};

/// Rows drawn per kind, largest first; the rest are summed in one line.
const SHOWN: usize = 100;

#[component]
pub fn DiskPage() -> impl IntoView {
    let usage = RwSignal::new(None::<Result<DiskUsage, PortholeError>>);
    let reading = RwSignal::new(false);
    let read_at = RwSignal::new(String::new());
    let previewing = RwSignal::new(None::<Preview>);
    let refresh = Callback::new(move |_: ()| {
        reading.set(true);
        spawn_local(async move {
            let answer = api::disk_usage().await;
            reading.try_set(false);
            read_at.try_set(chrono::Local::now().format("%H:%M:%S").to_string());
            usage.try_set(Some(answer));
        });
    });
    refresh.run(());
    let loaded = move || usage.with(|u| u.as_ref().and_then(|u| u.as_ref().ok()).cloned());
    view! {
        <section class="page disk-page" data-page="disk">
            <header class="page-header">
                <div>
                    <h1>"Disk usage" <HelpButton page=Page::Disk /></h1>
                    <p class="page-sub">"What images, containers, volumes and build cache take on the engine's disk, largest first, and what can go."</p>
                </div>
                <div class="header-state">
                    {move || (!read_at.get().is_empty()).then(|| view! { <span class="muted">{format!("Read at {}", read_at.get())}</span> })}
                    <button class="action" id="disk-refresh" disabled=move || reading.get() on:click=move |_| refresh.run(())>"Refresh"</button>
                </div>
            </header>
            <CliHint command="docker system df -v" />
            {move || reading.get().then(|| view! {
                <div class="note" id="disk-reading">"Asking the engine to add up every layer and volume… on a big engine this takes a while."</div>
            })}
            {move || usage.get().and_then(Result::err).map(|error| view! { <ErrorNotice error=error id="disk-error" /> })}
            {move || loaded().map(|u| view! {
                <table class="list disk-summary" id="disk-summary">
                    <thead><tr><th>"Type"</th><th class="num">"Total"</th><th class="num">"In use"</th><th class="num">"Size"</th><th class="num">"Reclaimable"</th><th></th></tr></thead>
                    <tbody>{DiskKind::ALL.into_iter().map(|kind| {
                        let t = u.totals(kind);
                        let goes = u.reclaimable(kind);
                        let nothing = goes.is_empty();
                        view! {
                            <tr data-kind=kind.slug()>
                                <td>{kind.title()}</td>
                                <td class="num" data-figure="count">{t.count}</td>
                                <td class="num" data-figure="active">{t.active}</td>
                                <td class="num" data-figure="size">{human_size(t.size)}</td>
                                <td class="num" data-figure="reclaimable">{format!("{} ({}%)", human_size(t.reclaimable), t.percent())}</td>
                                <td class="num">
                                    <button class="action" data-reclaim=kind.slug() disabled=nothing title=kind.reclaims()
                                        on:click=move |_| previewing.set(Some((kind, goes.clone())))>"Reclaim…"</button>
                                </td>
                            </tr>
                        }
                    }).collect_view()}</tbody>
                </table>
                {DiskKind::ALL.into_iter().map(|kind| {
                    let items = u.largest_first(kind);
                    let rest: i64 = items.iter().skip(SHOWN).map(|i| i.frees(kind)).sum();
                    let more = items.len().saturating_sub(SHOWN);
                    let any = !items.is_empty();
                    let unit = match kind { DiskKind::Images => "unique", DiskKind::Containers => "writable layer", _ => "size" };
                    view! {
                        <details class="disk-kind" open=any data-kind=kind.slug()>
                            <summary><strong>{kind.title()}</strong>{format!(" · {}", human_size(u.totals(kind).size))}</summary>
                            <table class="list compact">
                                <thead><tr><th>"Name"</th><th class="num">{unit}</th><th>"Used"</th></tr></thead>
                                <tbody>
                                    {items.into_iter().take(SHOWN).map(|item| {
                                        let used = match (kind, item.in_use) {
                                            (DiskKind::Containers, true) => "running".to_owned(),
                                            (DiskKind::Containers, false) => "stopped".to_owned(),
                                            (DiskKind::BuildCache, true) => "in use".to_owned(),
                                            (_, true) => format!("by {} {}", item.users, if item.users == 1 { "container" } else { "containers" }),
                                            (_, false) => "unused".to_owned(),
                                        };
                                        view! {
                                            <tr data-name=item.name.clone() class:unused=!item.in_use>
                                                <td class="mono">{item.name.clone()}</td>
                                                <td class="num">{if item.size < 0 { "?".to_owned() } else { human_size(item.frees(kind)) }}</td>
                                                <td>{used}</td>
                                            </tr>
                                        }
                                    }).collect_view()}
                                    {(more > 0).then(|| view! { <tr><td colspan="3" class="muted">{format!("{more} more, {} in all", human_size(rest))}</td></tr> })}
                                </tbody>
                            </table>
                        </details>
                    }
                }).collect_view()}
            })}
            <ReclaimDialog previewing=previewing done=refresh />
        </section>
    }
}
