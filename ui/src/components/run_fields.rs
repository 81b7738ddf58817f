//! The run dialog's fields as signals (`RunFields`, one per input, `Copy`), what they add up to (`RunForm`, checked
//! in the model), and the two pieces every field shows: a labelled text input and its problem.

use crate::store::use_store;
use leptos::prelude::*;
use porthole_model::container::run::{problem_of, FieldError, MountDraft, PortDraft, RunForm};
use porthole_model::RunRequest;

/// The form as typed and what `RunForm::check` made of it.
pub type Checked = Memo<(RunRequest, Vec<FieldError>)>;

#[derive(Clone, Copy)]
pub struct RunFields {
    pub image: RwSignal<String>,
    pub name: RwSignal<String>,
    pub command: RwSignal<String>,
    pub entrypoint: RwSignal<String>,
    pub env: RwSignal<String>,
    pub labels: RwSignal<String>,
    pub restart: RwSignal<String>,
    pub cpus: RwSignal<String>,
    pub memory: RwSignal<String>,
    pub auto_remove: RwSignal<bool>,
    pub network: RwSignal<String>,
    pub workdir: RwSignal<String>,
    pub user: RwSignal<String>,
    pub ports: RwSignal<Vec<PortDraft>>,
    pub mounts: RwSignal<Vec<MountDraft>>,
}

impl RunFields {
    pub fn new() -> Self {
        let text = || RwSignal::new(String::new());
        Self {
            image: text(),
            name: text(),
            command: text(),
            entrypoint: text(),
            env: text(),
            labels: text(),
            restart: RwSignal::new("no".to_owned()),
            cpus: text(),
            memory: text(),
            auto_remove: RwSignal::new(false),
            network: text(),
            workdir: text(),
            user: text(),
            ports: RwSignal::new(Vec::new()),
            mounts: RwSignal::new(Vec::new()),
        }
    }

    /// Empties every field, with `image` filled in (the image the dialog was opened for, or none).
    pub fn reset(self, image: String) {
        self.image.set(image);
        for field in [
            self.name,
            self.command,
            self.entrypoint,
            self.env,
            self.labels,
            self.network,
            self.workdir,
            self.user,
            self.cpus,
            self.memory,
        ] {
            field.set(String::new());
        }
        self.restart.set("no".into());
        self.auto_remove.set(false);
        self.ports.set(Vec::new());
        self.mounts.set(Vec::new());
    }

    /// The form as typed, read tracked: a memo over it follows every keystroke.
    pub fn form(self) -> RunForm {
        RunForm {
            image: self.image.get(),
            name: self.name.get(),
            command: self.command.get(),
            entrypoint: self.entrypoint.get(),
            env: self.env.get(),
            labels: self.labels.get(),
            restart: self.restart.get(),
            cpus: self.cpus.get(),
            memory: self.memory.get(),
            auto_remove: self.auto_remove.get(),
            network: self.network.get(),
            workdir: self.workdir.get(),
            user: self.user.get(),
            ports: self.ports.get(),
            mounts: self.mounts.get(),
        }
    }
}

/// The problem `checked` reports for `field`, shown beside it.
#[component]
pub fn FieldProblem(checked: Checked, field: &'static str) -> impl IntoView {
    move || {
        checked
            .with(|(_, errors)| problem_of(errors, field))
            .map(|m| view! { <span class="invalid">{m}</span> })
    }
}

/// A labelled one-line text field with its problem.
#[component]
pub fn RunField(
    id: &'static str,
    label: &'static str,
    hint: &'static str,
    value: RwSignal<String>,
    field: &'static str,
    checked: Checked,
) -> impl IntoView {
    view! {
        <label>{label}<input id=id type="text" placeholder=hint spellcheck="false" prop:value=move || value.get()
            on:input=move |ev| value.set(event_target_value(&ev)) />
            <FieldProblem checked=checked field=field /></label>
    }
}

/// The image to run: the local images offered as the user types, and — for a valid name not on this engine — the
/// note that Run pulls it first (`ImageSummary::answers_to` decides, so `nginx` finds `nginx:latest`).
#[component]
pub fn RunImageField(image: RwSignal<String>, checked: Checked) -> impl IntoView {
    let store = use_store();
    let problem = move || checked.with(|(_, errors)| problem_of(errors, "image"));
    let pulled_first = move || {
        let wanted = image.get();
        let local = store
            .cache
            .images
            .with(|all| all.iter().any(|i| i.answers_to(&wanted)));
        !local && !wanted.trim().is_empty() && problem().is_none()
    };
    let local_tags = move || {
        store.cache.images.with(|all| {
            all.iter()
                .flat_map(|i| i.tags.clone())
                .map(|t| view! { <option value=t></option> })
                .collect_view()
        })
    };
    view! {
        <label>"Image"<input id="run-image" type="text" list="local-images" placeholder="nginx:latest" spellcheck="false"
            prop:value=move || image.get() on:input=move |ev| image.set(event_target_value(&ev)) />
            <datalist id="local-images">{local_tags}</datalist>
            {move || pulled_first().then(|| view! {
                <span class="hint" id="run-image-pulled-first">"Not on this engine yet: it is pulled first."</span>
            })}
            // An empty field is not a mistake yet: Run's own hint says an image is needed.
            {move || problem().filter(|_| !image.with(String::is_empty)).map(|m| view! { <span class="invalid">{m}</span> })}</label>
    }
}
