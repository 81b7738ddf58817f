//! `docker commit`: the container's files as a new image, named and checked as typed (an image name with a tag, no
//! digest), with an optional message; the answer offers to open the new image.

use crate::api;
use crate::components::error_notice::ErrorNotice;
use crate::store::{use_store, Route};
use leptos::prelude::*;
use leptos::task::spawn_local;
use porthole_model::action::FileAction;
use porthole_model::container::files::CommitRequest;
use porthole_model::{Action, PortholeError};

#[component]
pub fn CommitDialog(
    container: String,
    #[prop(into)] name: Signal<String>,
    open: RwSignal<bool>,
) -> impl IntoView {
    let store = use_store();
    let reference = RwSignal::new(String::new());
    let message = RwSignal::new(String::new());
    let answer = RwSignal::new(None::<Result<String, PortholeError>>);
    let busy = RwSignal::new(false);
    Effect::new(move || {
        if open.get() {
            reference.set(format!(
                "{}-snapshot:1",
                name.get_untracked().trim_start_matches('/')
            ));
            message.set(String::new());
            answer.set(None);
        }
    });
    let request = {
        let container = container.clone();
        move || CommitRequest {
            container: container.clone(),
            reference: reference.get(),
            message: message.get(),
        }
    };
    let problem = {
        let request = request.clone();
        move || request().validate().err()
    };
    let command = {
        let request = request.clone();
        move || {
            let r = request();
            Action::Files {
                container: name.get(),
                action: FileAction::Commit {
                    reference: r.reference.trim().to_owned(),
                    message: r.message,
                },
            }
            .cli()
        }
    };
    let commit = move |_| {
        let request = request();
        busy.set(true);
        spawn_local(async move {
            let made = api::commit_container(&request).await;
            busy.try_set(false);
            answer.try_set(Some(made));
        });
    };
    move || {
        open.get().then(|| {
        let (problem, command, commit) = (problem.clone(), command.clone(), commit.clone());
        view! {
            <div class="dialog-backdrop">
                <div class="dialog wide" role="dialog" aria-modal="true" id="commit-dialog">
                    <h2>"Commit to a new image"</h2>
                    <p>"The new image is the container's image with one more layer: everything the container changed (see the list). Volumes are not part of it."</p>
                    <label class="field">"Image name and tag"
                        <input type="text" id="commit-reference" spellcheck="false" prop:value=move || reference.get()
                            on:input=move |ev| reference.set(event_target_value(&ev)) />
                    </label>
                    {let problem = problem.clone(); move || problem().map(|m| view! { <div class="invalid" id="commit-problem">{m}</div> })}
                    <label class="field">"Message (optional)"
                        <input type="text" id="commit-message" prop:value=move || message.get()
                            on:input=move |ev| message.set(event_target_value(&ev)) />
                    </label>
                    <div class="dialog-cli"><span class="cli-prompt">"$"</span><code id="commit-command">{command}</code></div>
                    {move || answer.get().map(|made| match made {
                        Ok(id) => {
                            let image = reference.get_untracked().trim().to_owned();
                            view! {
                                <div class="pull-result ok" id="commit-done">{format!("Made {image} ({})", porthole_model::container::short_id(id.trim_start_matches("sha256:")))}
                                    " "<button class="link" id="commit-open" on:click=move |_| { open.set(false); store.open(Route::Image(image.clone())); }>"Open the image"</button>
                                </div>
                            }.into_any()
                        }
                        Err(error) => view! { <ErrorNotice error=error id="commit-error" /> }.into_any(),
                    })}
                    <div class="dialog-buttons">
                        <button class="ghost" id="commit-cancel" data-dismiss="" on:click=move |_| open.set(false)>
                            {move || if matches!(answer.get(), Some(Ok(_))) { "Close" } else { "Cancel" }}</button>
                        <button class="primary" id="commit-ok" on:click=commit
                            disabled=move || problem().is_some() || busy.get() || matches!(answer.get(), Some(Ok(_)))>"Commit"</button>
                    </div>
                </div>
            </div>
        }
    })
    }
}
