//! Tag an image (`docker tag`): the new name is parsed as it is typed (a `host:port/` prefix names another
//! registry), refused inline when invalid, and the command it amounts to is shown live.

use crate::api;
use crate::components::error_notice::ErrorNotice;
use crate::load::{Load, Loadable};
use leptos::prelude::*;
use porthole_model::{Action, ImageReference};

#[component]
pub fn ImageTag(#[prop(into)] image: Signal<String>) -> impl IntoView {
    let target = RwSignal::new(String::new());
    let outcome = Load::<String>::new();
    let parsed = Memo::new(move |_| {
        let text = target.get();
        (!text.trim().is_empty()).then(|| {
            ImageReference::parse(&text)
                .map_err(|e| e.to_string())
                .and_then(|r| match r.digest {
                    Some(_) => Err("A new name takes a tag, not a digest.".to_owned()),
                    None => Ok(r),
                })
        })
    });
    let action = move || Action::Tag {
        image: image.get(),
        target: match parsed.get() {
            Some(Ok(r)) => r.familiar_name() + ":" + r.tag_or_latest(),
            _ => "NEW-NAME[:TAG]".into(),
        },
    };
    let submit = move || {
        let Some(Ok(reference)) = parsed.get_untracked() else {
            return;
        };
        // A new name without a tag is `:latest`, as `docker tag` makes it.
        let mut target = reference.clone();
        target.tag = Some(reference.tag_or_latest().to_owned());
        let new_name = target.to_string();
        let source = image.get_untracked();
        outcome.run(async move { api::tag_image(&source, &target).await.map(|()| new_name) });
    };
    view! {
        <div class="form-block" id="image-tag">
            <h3>"Tag"</h3>
            <p class="hint">"A tag is another name for the same image. To push to a registry, name it there: "
                <code>"host:port/name:tag"</code>"."</p>
            <div class="pull-row">
                <input id="tag-target" type="text" placeholder="e.g. localhost:5000/team/app:2" spellcheck="false"
                    prop:value=move || target.get() on:input=move |ev| target.set(event_target_value(&ev))
                    on:keydown=move |ev| if ev.key() == "Enter" { submit() } />
                <button class="action" id="tag-submit" disabled=move || !matches!(parsed.get(), Some(Ok(_)))
                    on:click=move |_| submit()>"Tag"</button>
            </div>
            {move || match parsed.get() {
                Some(Err(message)) => view! { <div class="invalid" id="tag-invalid">{message}</div> }.into_any(),
                Some(Ok(r)) => view! { <div class="hint">{format!("registry {} · repository {} · tag {}", r.registry, r.repository, r.tag_or_latest())}</div> }.into_any(),
                None => ().into_any(),
            }}
            <div class="dialog-cli"><span class="cli-prompt">"$"</span><code>{move || action().cli()}</code></div>
            {move || match outcome.get() {
                Loadable::Idle | Loadable::Loading => ().into_any(),
                Loadable::Loaded(name) => view! { <div class="pull-result ok" id="tag-done">{format!("Tagged as {name}.")}</div> }.into_any(),
                Loadable::Failed(error) => view! { <ErrorNotice error=error id="tag-failed" /> }.into_any(),
            }}
        </div>
    }
}
