//! `docker image prune` with a preview: which images would go and how much space comes back, worked out before
//! asking; then the engine's own report of what it removed.

use crate::api;
use crate::components::error_notice::ErrorNotice;
use crate::load::{Load, Loadable};
use leptos::prelude::*;
use porthole_model::image::human_size;
use porthole_model::{Action, PrunePreview, PruneReport};

#[component]
pub fn PruneDialog(open: RwSignal<bool>) -> impl IntoView {
    let all = RwSignal::new(false);
    let preview = Load::<PrunePreview>::new();
    let report = Load::<PruneReport>::new();
    Effect::new(move |_| {
        if !open.get() {
            return;
        }
        let all_choice = all.get();
        // Answers can cross: only the one for the choice shown now lands, never a smaller list under "all".
        preview.run(async move { api::prune_preview(all_choice).await });
    });
    let close = move || {
        open.set(false);
        report.reset();
    };
    let prune = move |_| {
        let all = all.get_untracked();
        report.run(async move { api::prune_images(all).await });
    };
    let action = move || Action::PruneImages { all: all.get() };
    move || {
        open.get().then(|| view! {
            <div class="dialog-backdrop">
                <div class="dialog wide" role="dialog" aria-modal="true" id="prune-dialog">
                    <h2>"Clean up images"</h2>
                    <label class="check"><input type="radio" name="prune-kind" id="prune-dangling" prop:checked=move || !all.get()
                        on:change=move |_| all.set(false) />"Dangling images only (no name, no container)"</label>
                    <label class="check"><input type="radio" name="prune-kind" id="prune-all" prop:checked=move || all.get()
                        on:change=move |_| all.set(true) />"Every image no container uses, named ones too"</label>
                    <p>{move || action().consequence()}</p>
                    {move || match (report.get(), preview.get()) {
                        (Loadable::Loaded(report), _) => view! {
                            <div class="pull-result ok" id="prune-report">{format!("Removed {} image layers and {} names; {} freed.",
                                report.deleted.len(), report.untagged.len(), human_size(report.reclaimed as i64))}</div>
                        }.into_any(),
                        (Loadable::Failed(error), _) | (_, Loadable::Failed(error)) => view! { <ErrorNotice error=error /> }.into_any(),
                        (Loadable::Loading, _) => view! { <p class="hint">"Removing…"</p> }.into_any(),
                        (_, Loadable::Idle | Loadable::Loading) => view! { <p class="hint">"Working out what would go…"</p> }.into_any(),
                        (_, Loadable::Loaded(preview)) if preview.images.is_empty() => view! {
                            <p class="hint" id="prune-nothing">"Nothing to remove: every image is named or used."</p>
                        }.into_any(),
                        (_, Loadable::Loaded(preview)) => view! {
                            <div id="prune-preview">
                                <p><strong>{format!("{} images, up to {} back", preview.images.len(), human_size(preview.reclaimable))}</strong></p>
                                <ul class="plain scroll-list">{preview.images.iter().map(|image| {
                                    let name = image.tags.first().cloned().unwrap_or_else(|| "<none>".into());
                                    view! { <li data-id=image.id.clone()><code>{image.short_id().to_owned()}</code>" "{name}" · "{human_size(image.size)}</li> }
                                }).collect_view()}</ul>
                            </div>
                        }.into_any(),
                    }}
                    <div class="dialog-cli"><span class="cli-prompt">"$"</span><code>{move || action().cli()}</code></div>
                    <div class="dialog-buttons">
                        <button class="ghost" id="prune-close" data-dismiss="" on:click=move |_| close()>
                            {move || if report.with(|r| matches!(r, Loadable::Loaded(_) | Loadable::Failed(_))) { "Close" } else { "Cancel" }}</button>
                        <button class="primary danger" id="prune-ok"
                            disabled=move || !report.with(|r| matches!(r, Loadable::Idle)) || !preview.loaded_and(|p| !p.images.is_empty())
                            on:click=prune>"Remove them"</button>
                    </div>
                </div>
            </div>
        })
    }
}
