//! The one typed wrapper around Tauri's IPC. Every command name the UI uses appears here and nowhere else; every
//! argument and reply is a `porthole-model` type.
//!
//! Streams: `subscribe_engine` creates a Tauri `Channel` whose messages arrive as `StreamMessage`s. The JS closure
//! behind a channel is kept in a registry keyed by the backend's subscription id and dropped on `unsubscribe`, so
//! opening and closing views leaks neither closures nor backend tasks.

use porthole_model::pull::PullMessage;
use porthole_model::{
    Action, BuildMessage, BuildRequest, Catalog, ContainerAction, ContainerSummary, EngineInfo,
    ImageAction, ImageDetails, ImageSummary, Login, PortholeError, PrunePreview, PruneReport,
    Registry, SearchResult, Settings, StreamMessage, Tags, VolumeSummary,
};
use serde::de::DeserializeOwned;
use serde::Serialize;
use std::cell::RefCell;
use std::collections::HashMap;
use wasm_bindgen::prelude::*;

mod activity;
mod containers;
mod subscription;
pub use activity::*;
pub use containers::*;
pub use subscription::Slot;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = ["window", "__TAURI__", "core"], js_name = invoke, catch)]
    async fn tauri_invoke(command: &str, args: JsValue) -> Result<JsValue, JsValue>;

    #[wasm_bindgen(js_namespace = ["window", "__TAURI__", "core"], js_name = Channel)]
    type TauriChannel;

    #[wasm_bindgen(constructor, js_namespace = ["window", "__TAURI__", "core"], js_class = "Channel")]
    fn new() -> TauriChannel;

    #[wasm_bindgen(method, setter, js_name = onmessage)]
    fn set_onmessage(this: &TauriChannel, handler: &Closure<dyn FnMut(JsValue)>);
}

/// The JS callback behind one subscription's channel.
type Handler = Closure<dyn FnMut(JsValue)>;

thread_local! {
    static CHANNEL_HANDLERS: RefCell<HashMap<u64, Handler>> = RefCell::new(HashMap::new());
}

pub(crate) fn to_js<T: Serialize>(value: &T) -> JsValue {
    // JSON-compatible: maps become plain objects and u64 becomes a number, as Tauri's serde expects.
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .unwrap_or(JsValue::NULL)
}

fn error_from_js(value: JsValue) -> PortholeError {
    serde_wasm_bindgen::from_value(value.clone()).unwrap_or_else(|_| {
        let text = value.as_string().unwrap_or_else(|| format!("{value:?}"));
        PortholeError::of_kind(porthole_model::ErrorKind::Internal, text)
    })
}

pub(crate) async fn invoke<T: DeserializeOwned>(
    command: &str,
    args: JsValue,
) -> Result<T, PortholeError> {
    let reply = tauri_invoke(command, args).await.map_err(error_from_js)?;
    serde_wasm_bindgen::from_value(reply)
        .map_err(|e| PortholeError::of_kind(porthole_model::ErrorKind::Internal, e.to_string()))
}

fn no_args() -> JsValue {
    js_sys::Object::new().into()
}

#[derive(Serialize)]
struct ListContainersArgs {
    all: bool,
}

#[derive(Serialize)]
struct SettingsArgs<'a> {
    settings: &'a Settings,
}

#[derive(Serialize)]
struct IdArgs {
    id: u64,
}

pub async fn retry_connection() -> Result<(), PortholeError> {
    invoke("retry_connection", no_args()).await
}

pub async fn engine_info() -> Result<EngineInfo, PortholeError> {
    invoke("engine_info", no_args()).await
}

pub async fn list_containers(all: bool) -> Result<Vec<ContainerSummary>, PortholeError> {
    invoke("list_containers", to_js(&ListContainersArgs { all })).await
}

#[derive(Serialize)]
struct ContainerActionArgs<'a> {
    container: &'a str,
    action: &'a ContainerAction,
}

pub async fn container_action(
    container: &str,
    action: &ContainerAction,
) -> Result<(), PortholeError> {
    invoke(
        "container_action",
        to_js(&ContainerActionArgs { container, action }),
    )
    .await
}

#[derive(Serialize)]
struct ImageActionArgs<'a> {
    image: &'a str,
    action: &'a ImageAction,
}

pub async fn image_action(image: &str, action: &ImageAction) -> Result<(), PortholeError> {
    invoke("image_action", to_js(&ImageActionArgs { image, action })).await
}

/// Performs a user action (a container's, an image's or a volume's) through the command that owns it.
pub async fn perform(action: &Action) -> Result<(), PortholeError> {
    match action {
        Action::Container { container, action } => container_action(container, action).await,
        Action::Image { image, action } => image_action(image, action).await,
        Action::CreateVolume { request } => {
            invoke("create_volume", to_js(&VolumeCreateArgs { request })).await
        }
        Action::RemoveVolume { name } => invoke("remove_volume", to_js(&NameArgs { name })).await,
        Action::PruneVolumes => invoke::<Vec<String>>("prune_volumes", no_args())
            .await
            .map(|_| ()),
        other => Err(PortholeError::invalid_input(format!(
            "{} is not an action the UI performs",
            other.cli()
        ))),
    }
}

#[derive(Serialize)]
struct NameArgs<'a> {
    name: &'a str,
}

pub async fn list_volumes() -> Result<Vec<VolumeSummary>, PortholeError> {
    invoke("list_volumes", no_args()).await
}

#[derive(Serialize)]
struct VolumeCreateArgs<'a> {
    request: &'a porthole_model::volume::VolumeCreate,
}

/// `docker volume inspect`: the engine's JSON.
pub async fn inspect_volume(name: &str) -> Result<String, PortholeError> {
    invoke("inspect_volume", to_js(&NameArgs { name })).await
}

/// The bind mounts and tmpfs mounts of every container.
pub async fn list_host_mounts() -> Result<Vec<porthole_model::volume::MountUse>, PortholeError> {
    invoke("list_host_mounts", no_args()).await
}

pub async fn list_images() -> Result<Vec<ImageSummary>, PortholeError> {
    invoke("list_images", no_args()).await
}

pub async fn get_settings() -> Result<Settings, PortholeError> {
    invoke("get_settings", no_args()).await
}

pub async fn set_settings(settings: &Settings) -> Result<(), PortholeError> {
    invoke("set_settings", to_js(&SettingsArgs { settings })).await
}

/// Opens the engine stream; `on_message` runs for every message until `unsubscribe(id)`.
pub async fn subscribe_engine(
    on_message: impl FnMut(StreamMessage) + 'static,
) -> Result<u64, PortholeError> {
    subscribe("subscribe_engine", js_sys::Object::new(), on_message).await
}

/// Starts pulling `reference`; progress arrives on `on_message`; `unsubscribe(id)` cancels the pull.
pub async fn pull_image(
    reference: &str,
    platform: Option<&str>,
    on_message: impl FnMut(PullMessage) + 'static,
) -> Result<u64, PortholeError> {
    let args = reference_args(reference);
    if let Some(platform) = platform {
        let _ = js_sys::Reflect::set(
            &args,
            &JsValue::from_str("platform"),
            &JsValue::from_str(platform),
        );
    }
    subscribe("pull_image", args, on_message).await
}

/// Starts pushing `reference` (already tagged for its registry), like `pull_image`.
pub async fn push_image(
    reference: &str,
    on_message: impl FnMut(PullMessage) + 'static,
) -> Result<u64, PortholeError> {
    subscribe("push_image", reference_args(reference), on_message).await
}

fn reference_args(reference: &str) -> js_sys::Object {
    let args = js_sys::Object::new();
    let _ = js_sys::Reflect::set(
        &args,
        &JsValue::from_str("reference"),
        &JsValue::from_str(reference),
    );
    args
}

/// Starts building; the steps arrive on `on_message`; `unsubscribe(id)` cancels the build.
pub async fn build_image(
    request: &BuildRequest,
    on_message: impl FnMut(BuildMessage) + 'static,
) -> Result<u64, PortholeError> {
    let args = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&args, &JsValue::from_str("request"), &to_js(request));
    subscribe("build_image", args, on_message).await
}

#[derive(Serialize)]
struct TitleArgs<'a> {
    title: &'a str,
}

/// Opens the system's folder picker titled `title`; `None` when the user cancels.
pub async fn choose_folder(title: &str) -> Result<Option<String>, PortholeError> {
    invoke("choose_folder", to_js(&TitleArgs { title })).await
}

#[derive(Serialize)]
struct ImageArgs<'a> {
    image: &'a str,
}

pub async fn image_details(image: &str) -> Result<ImageDetails, PortholeError> {
    invoke("image_details", to_js(&ImageArgs { image })).await
}

#[derive(Serialize)]
struct TagArgs<'a> {
    image: &'a str,
    target: &'a str,
}

pub async fn tag_image(image: &str, target: &str) -> Result<(), PortholeError> {
    invoke("tag_image", to_js(&TagArgs { image, target })).await
}

#[derive(Serialize)]
struct PruneArgs {
    all: bool,
}

pub async fn prune_preview(all: bool) -> Result<PrunePreview, PortholeError> {
    invoke("prune_preview", to_js(&PruneArgs { all })).await
}

pub async fn prune_images(all: bool) -> Result<PruneReport, PortholeError> {
    invoke("prune_images", to_js(&PruneArgs { all })).await
}

pub async fn list_registries() -> Result<Vec<Registry>, PortholeError> {
    invoke("list_registries", no_args()).await
}

#[derive(Serialize)]
struct LoginArgs<'a> {
    login: &'a Login,
}

/// Logs in (the engine checks the password with the registry first); the reply never carries the password.
pub async fn login(login: &Login) -> Result<Registry, PortholeError> {
    invoke("login", to_js(&LoginArgs { login })).await
}

#[derive(Serialize)]
struct RegistryArgs<'a> {
    registry: &'a str,
}

pub async fn registry_catalog(registry: &str) -> Result<Catalog, PortholeError> {
    invoke("registry_catalog", to_js(&RegistryArgs { registry })).await
}

#[derive(Serialize)]
struct TagsArgs<'a> {
    registry: &'a str,
    repository: &'a str,
}

pub async fn registry_tags(registry: &str, repository: &str) -> Result<Tags, PortholeError> {
    invoke(
        "registry_tags",
        to_js(&TagsArgs {
            registry,
            repository,
        }),
    )
    .await
}

#[derive(Serialize)]
struct SearchArgs<'a> {
    term: &'a str,
}

pub async fn search_hub(term: &str) -> Result<Vec<SearchResult>, PortholeError> {
    invoke("search_hub", to_js(&SearchArgs { term })).await
}

pub async fn logout(registry: &str) -> Result<(), PortholeError> {
    invoke("logout", to_js(&RegistryArgs { registry })).await
}

pub async fn unsubscribe(id: u64) -> Result<bool, PortholeError> {
    CHANNEL_HANDLERS.with(|handlers| handlers.borrow_mut().remove(&id));
    invoke("unsubscribe", to_js(&IdArgs { id })).await
}

pub(crate) async fn subscribe<M: DeserializeOwned + 'static>(
    command: &str,
    args: js_sys::Object,
    mut on_message: impl FnMut(M) + 'static,
) -> Result<u64, PortholeError> {
    let channel = TauriChannel::new();
    let handler = Handler::new(move |value: JsValue| {
        if let Ok(message) = serde_wasm_bindgen::from_value::<M>(value) {
            on_message(message);
        }
    });
    channel.set_onmessage(&handler);
    js_sys::Reflect::set(&args, &JsValue::from_str("onMessage"), &channel).map_err(|e| {
        PortholeError::of_kind(porthole_model::ErrorKind::Internal, format!("{e:?}"))
    })?;
    let id: u64 = invoke(command, args.into()).await?;
    CHANNEL_HANDLERS.with(|handlers| handlers.borrow_mut().insert(id, handler));
    Ok(id)
}
