//! The disk page's reclaim: a preview naming every object that would go with what removing it frees (each can be
//! kept by unticking it), the command as it will run, then the report — what went, the bytes freed, and what the
//! engine refused (something that came into use since). Always shown: the preview is the confirmation.

use crate::api;
use crate::components::error_notice::ErrorNotice;
use leptos::prelude::*;
use leptos::task::spawn_local;
use porthole_model::image::human_size;
use porthole_model::system::disk::{DiskItem, DiskKind, Reclaim, Reclaimed};
use porthole_model::PortholeError;
use std::collections::HashSet;

/// What the dialog previews: a kind and the items that are not in use.
pub type Preview = (DiskKind, Vec<DiskItem>);

#[component]
pub fn ReclaimDialog(previewing: RwSignal<Option<Preview>>, done: Callback<()>) -> impl IntoView {
    let kept = RwSignal::new(HashSet::<String>::new());
    let answer = RwSignal::new(None::<Result<Reclaimed, PortholeError>>);
    let busy = RwSignal::new(false);
    // Each opening starts afresh: a reclaim still running from an earlier one reports nothing here.
    let opening = StoredValue::new(0u32);
    Effect::new(move || {
        previewing.track();
        opening.update_value(|n| *n += 1);
        kept.set(HashSet::new());
        answer.set(None);
        busy.set(false);
    });
    move || {
        let (kind, items) = previewing.get()?;
        let chosen = {
            let items = items.clone();
            move || Reclaim {
                kind,
                items: items
                    .iter()
                    .filter(|i| kept.with(|k| !k.contains(&i.id)))
                    .cloned()
                    .collect(),
            }
        };
        let total = {
            let chosen = chosen.clone();
            move || chosen().items.iter().map(|i| i.frees(kind)).sum::<i64>()
        };
        let command = {
            let chosen = chosen.clone();
            move || chosen().cli()
        };
        let start = {
            let chosen = chosen.clone();
            move |_| {
                let reclaim = chosen();
                let mine = opening.get_value();
                busy.set(true);
                spawn_local(async move {
                    let result = api::reclaim(&reclaim).await;
                    if result.is_ok() {
                        done.try_run(());
                    }
                    if opening.try_get_value() != Some(mine) {
                        return;
                    }
                    busy.try_set(false);
                    answer.try_set(Some(result));
                });
            }
        };
        let choosable = kind != DiskKind::BuildCache;
        let button = {
            let chosen = chosen.clone();
            move || match kind {
                DiskKind::BuildCache => "Prune the build cache".to_owned(),
                _ => format!("Remove {} ({})", chosen().items.len(), human_size(total())),
            }
        };
        Some(view! {
            <div class="dialog-backdrop">
                <div class="dialog wide tall" role="dialog" aria-modal="true" id="reclaim-dialog" data-kind=kind.slug()>
                    <h2>{format!("Reclaim: {}", kind.title().to_lowercase())}</h2>
                    <p>{kind.reclaims()}</p>
                    {(!choosable).then(|| view! {
                        <div class="note">"The engine cannot remove single build-cache records: this prunes every record no build uses now."</div>
                    })}
                    <ul class="reclaim-list" id="reclaim-list">
                        {items.iter().map(|item| {
                            let id = item.id.clone();
                            let toggled = id.clone();
                            view! {
                                <li data-name=item.name.clone()>
                                    <label class="check">
                                        <input type="checkbox" disabled=!choosable
                                            prop:checked=move || kept.with(|k| !k.contains(&id))
                                            on:change=move |ev| {
                                                let on = event_target_checked(&ev);
                                                kept.update(|k| { if on { k.remove(&toggled); } else { k.insert(toggled.clone()); } });
                                            } />
                                        <span class="mono">{item.names().join(", ")}</span>
                                    </label>
                                    <span class="num">{human_size(item.frees(kind))}</span>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                    <div class="dialog-cli"><span class="cli-prompt">"$"</span><code id="reclaim-command">{command}</code></div>
                    {move || busy.get().then(|| view! { <div class="note">"Removing…"</div> })}
                    {move || answer.get().map(|result| match result {
                        Ok(r) => view! {
                            <div class="pull-result ok" id="reclaim-done">
                                {format!("Freed {} · removed {}", human_size(r.freed), if r.removed.is_empty() { "nothing".to_owned() } else { r.removed.join(", ") })}
                            </div>
                            {r.refused.into_iter().map(|(name, why)| view! {
                                <div class="pull-result bad" data-refused=name.clone()>{format!("{name} stays: {why}")}</div>
                            }).collect_view()}
                        }.into_any(),
                        Err(error) => view! { <ErrorNotice error=error id="reclaim-error" /> }.into_any(),
                    })}
                    <div class="dialog-buttons">
                        <button class="ghost" id="reclaim-cancel" data-dismiss="" on:click=move |_| previewing.set(None)>
                            {move || if matches!(answer.get(), Some(Ok(_))) { "Close" } else { "Cancel" }}</button>
                        <button class="primary danger" id="reclaim-ok" on:click=start
                            disabled={
                                let chosen = chosen.clone();
                                move || busy.get() || answer.with(|a| matches!(a, Some(Ok(_)))) || (choosable && chosen().items.is_empty())
                            }>{button}</button>
                    </div>
                </div>
            </div>
        })
    }
}
