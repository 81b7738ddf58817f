//! The UI's side of the IPC contract (`porthole_model::contract`): `call::<command::NAME>(&args)` and
//! `subscribe::<command::NAME>(&args, on_message)` are the only two ways the page reaches the backend. The name, the
//! argument type and the reply type come from the contract, so a command the backend does not declare, or an
//! argument of the wrong shape, is a compile error here. The small functions below are one-liners over them, named
//! like their commands.
//!
//! Streams: a subscription creates a Tauri `Channel` whose messages arrive as the contract's `Message` type. The JS
//! closure behind a channel is kept in a registry keyed by the backend's subscription id and dropped on
//! `unsubscribe`, so opening and closing views leaks neither closures nor backend tasks. Invariant: a channel never
//! calls a freed closure — the backend may have sent more before it hears of the unsubscribe, so the channel is
//! pointed at a no-op first (a freed closure called from JS is undefined behaviour in the wasm: it trapped with
//! "Out of bounds table access" in a release build).

use porthole_model::contract::{command as c, Args, Command, Subscription};
use porthole_model::{Action, ErrorKind, ImageReference, PortholeError};
use serde::de::DeserializeOwned;
use serde::Serialize;
use std::cell::RefCell;
use std::collections::HashMap;
use wasm_bindgen::prelude::*;

mod activity;
mod compose;
mod containers;
mod files;
mod images;
mod subscription;
pub use activity::*;
pub use compose::*;
pub use containers::*;
pub use files::*;
pub use images::*;
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

/// One open subscription's channel and the closure its messages call.
struct Open {
    channel: TauriChannel,
    /// Held, never read: the channel calls it until this is dropped.
    _handler: Handler,
}

impl Drop for Open {
    fn drop(&mut self) {
        // Before `handler` is freed: messages still on the way now land on a no-op (one for the page's lifetime; a
        // function made from a string would need the `unsafe-eval` the page's CSP refuses).
        NO_OP.with(|no_op| self.channel.set_onmessage(no_op));
    }
}

thread_local! {
    static CHANNELS: RefCell<HashMap<u64, Open>> = RefCell::new(HashMap::new());
    static NO_OP: Handler = Handler::new(|_: JsValue| {});
}

fn to_js<T: Serialize>(value: &T) -> JsValue {
    // JSON-compatible: maps become plain objects, u64 a number and unit `null`, as Tauri's serde expects.
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .unwrap_or(JsValue::NULL)
}

fn error_from_js(value: JsValue) -> PortholeError {
    serde_wasm_bindgen::from_value(value.clone()).unwrap_or_else(|_| {
        let text = value.as_string().unwrap_or_else(|| format!("{value:?}"));
        PortholeError::of_kind(ErrorKind::Internal, text)
    })
}

fn internal(error: impl std::fmt::Debug) -> PortholeError {
    PortholeError::of_kind(ErrorKind::Internal, format!("{error:?}"))
}

/// The `{ args, onMessage? }` object every command takes.
fn payload<A: Serialize>(args: &A) -> Result<js_sys::Object, PortholeError> {
    let payload = js_sys::Object::new();
    js_sys::Reflect::set(&payload, &JsValue::from_str("args"), &to_js(args)).map_err(internal)?;
    Ok(payload)
}

async fn invoke<R: DeserializeOwned>(
    name: &str,
    payload: js_sys::Object,
) -> Result<R, PortholeError> {
    let reply = tauri_invoke(name, payload.into())
        .await
        .map_err(error_from_js)?;
    // Start-up's steps (row b): the first list's reply in JS, before it is read into Rust.
    if name == <c::list_containers as Command>::NAME {
        crate::timeline::mark_once("porthole:containers-answered");
    }
    serde_wasm_bindgen::from_value(reply)
        .map_err(|e| PortholeError::of_kind(ErrorKind::Internal, e.to_string()))
}

/// Calls the command `C` with its argument; its reply or the backend's error.
pub async fn call<C: Command>(args: &Args<C>) -> Result<C::Reply, PortholeError> {
    invoke(C::NAME, payload(args)?).await
}

/// Opens the subscription `C`: `on_message` runs for each of its messages until `unsubscribe(id)`.
pub async fn subscribe<C: Subscription>(
    args: &Args<C>,
    mut on_message: impl FnMut(C::Message) + 'static,
) -> Result<u64, PortholeError> {
    let channel = TauriChannel::new();
    let handler = Handler::new(move |value: JsValue| {
        if let Ok(message) = serde_wasm_bindgen::from_value::<C::Message>(value) {
            on_message(message);
        }
    });
    channel.set_onmessage(&handler);
    let payload = payload(args)?;
    js_sys::Reflect::set(&payload, &JsValue::from_str("onMessage"), &channel).map_err(internal)?;
    let open = Open {
        channel,
        _handler: handler,
    };
    let id: u64 = invoke(C::NAME, payload).await?;
    CHANNELS.with(|channels| channels.borrow_mut().insert(id, open));
    Ok(id)
}

pub async fn unsubscribe(id: u64) -> Result<bool, PortholeError> {
    CHANNELS.with(|channels| channels.borrow_mut().remove(&id));
    call::<c::unsubscribe>(&id).await
}

pub async fn retry_connection() -> Result<(), PortholeError> {
    call::<c::retry_connection>(&()).await
}

pub async fn engine_info() -> Result<porthole_model::EngineInfo, PortholeError> {
    call::<c::engine_info>(&()).await
}

/// `docker system df -v`: slow on a big engine, so only the disk page asks.
pub async fn disk_usage() -> Result<porthole_model::system::disk::DiskUsage, PortholeError> {
    call::<c::disk_usage>(&()).await
}

pub async fn reclaim(
    reclaim: &porthole_model::system::disk::Reclaim,
) -> Result<porthole_model::system::disk::Reclaimed, PortholeError> {
    call::<c::reclaim>(reclaim).await
}

/// Opens the engine stream; `on_message` runs for every message until `unsubscribe(id)`.
pub async fn subscribe_engine(
    on_message: impl FnMut(porthole_model::StreamMessage) + 'static,
) -> Result<u64, PortholeError> {
    subscribe::<c::subscribe_engine>(&(), on_message).await
}

/// The Engines overview's live feed: one message whenever a listed engine's look changes, until `unsubscribe(id)`.
pub async fn subscribe_engines(
    on_message: impl FnMut(porthole_model::system::overview::EngineUpdate) + 'static,
) -> Result<u64, PortholeError> {
    subscribe::<c::subscribe_engines>(&(), on_message).await
}

pub async fn swarm_info() -> Result<porthole_model::swarm::SwarmInfo, PortholeError> {
    call::<c::swarm_info>(&()).await
}

pub async fn list_nodes() -> Result<Vec<porthole_model::swarm::NodeSummary>, PortholeError> {
    call::<c::list_nodes>(&()).await
}

pub async fn list_services() -> Result<Vec<porthole_model::swarm::ServiceSummary>, PortholeError> {
    call::<c::list_services>(&()).await
}

pub async fn inspect_service(service: &str) -> Result<String, PortholeError> {
    call::<c::inspect_service>(&service.to_owned()).await
}

pub async fn service_tasks(
    service: &str,
) -> Result<Vec<porthole_model::swarm::TaskSummary>, PortholeError> {
    call::<c::service_tasks>(&service.to_owned()).await
}

/// Every engine the user has, each probed.
pub async fn list_engines(
) -> Result<Vec<porthole_model::system::context::EngineEntry>, PortholeError> {
    call::<c::list_engines>(&()).await
}

/// Follows the engine `name`; how many streams of the previous engine were cancelled.
pub async fn switch_engine(name: &str) -> Result<usize, PortholeError> {
    call::<c::switch_engine>(&name.to_owned()).await
}

/// Connects to the add form's engine as typed, before it is saved.
pub async fn probe_engine(
    add: &porthole_model::system::context::EngineAdd,
) -> Result<porthole_model::system::context::EngineProbe, PortholeError> {
    call::<c::probe_engine>(add).await
}

/// `docker context create`.
pub async fn add_engine(
    add: &porthole_model::system::context::EngineAdd,
) -> Result<(), PortholeError> {
    call::<c::add_engine>(add).await
}

pub async fn get_settings() -> Result<porthole_model::Settings, PortholeError> {
    call::<c::get_settings>(&()).await
}

pub async fn set_settings(settings: &porthole_model::Settings) -> Result<(), PortholeError> {
    call::<c::set_settings>(settings).await
}

/// What each clicked desktop notification opens, until `unsubscribe(id)`.
pub async fn subscribe_notifications(
    on_message: impl FnMut(porthole_model::notification::Opens) + 'static,
) -> Result<u64, PortholeError> {
    subscribe::<c::subscribe_notifications>(&(), on_message).await
}

/// Performs a user action (a container's, an image's, a volume's or a network's) through the command that owns it.
pub async fn perform(action: &Action) -> Result<(), PortholeError> {
    use porthole_model::contract::{ContainerActionArgs, ImageActionArgs};
    match action {
        Action::Container { container, action } => {
            let args = ContainerActionArgs {
                container: container.clone(),
                action: action.clone(),
            };
            call::<c::container_action>(&args).await
        }
        Action::Image { image, action } => {
            let args = ImageActionArgs {
                image: image.clone(),
                action: action.clone(),
            };
            call::<c::image_action>(&args).await
        }
        Action::CreateVolume { request } => call::<c::create_volume>(request).await,
        Action::RemoveVolume { name } => call::<c::remove_volume>(name).await,
        Action::RemoveVolumes { names } => call::<c::remove_volumes>(names).await.map(|_| ()),
        Action::CreateNetwork { request } => call::<c::create_network>(request).await.map(|_| ()),
        Action::Network { network, action } => {
            let args = porthole_model::contract::NetworkActionArgs {
                network: network.clone(),
                action: action.clone(),
            };
            call::<c::network_action>(&args).await
        }
        Action::RemoveNetworks { names } => call::<c::remove_networks>(names).await.map(|_| ()),
        Action::Swarm { action } => call::<c::swarm_action>(action).await,
        other => Err(PortholeError::invalid_input(format!(
            "{} is not an action the UI performs",
            other.cli()
        ))),
    }
}

pub async fn list_volumes() -> Result<Vec<porthole_model::VolumeSummary>, PortholeError> {
    call::<c::list_volumes>(&()).await
}

/// `docker volume inspect`: the engine's JSON.
pub async fn inspect_volume(name: &str) -> Result<String, PortholeError> {
    call::<c::inspect_volume>(&name.to_owned()).await
}

pub async fn list_networks() -> Result<Vec<porthole_model::network::NetworkSummary>, PortholeError>
{
    call::<c::list_networks>(&()).await
}

/// `docker network inspect`: the engine's JSON.
pub async fn inspect_network(name: &str) -> Result<String, PortholeError> {
    call::<c::inspect_network>(&name.to_owned()).await
}

/// The bind mounts and tmpfs mounts of every container.
pub async fn list_host_mounts() -> Result<Vec<porthole_model::volume::MountUse>, PortholeError> {
    call::<c::list_host_mounts>(&()).await
}

pub async fn list_registries() -> Result<Vec<porthole_model::Registry>, PortholeError> {
    call::<c::list_registries>(&()).await
}

/// Logs in (the engine checks the password with the registry first); the reply never carries the password.
pub async fn login(
    login: &porthole_model::Login,
) -> Result<porthole_model::Registry, PortholeError> {
    call::<c::login>(login).await
}

pub async fn logout(registry: &str) -> Result<(), PortholeError> {
    call::<c::logout>(&registry.to_owned()).await
}

pub async fn registry_catalog(registry: &str) -> Result<porthole_model::Catalog, PortholeError> {
    call::<c::registry_catalog>(&registry.to_owned()).await
}

pub async fn registry_tags(
    registry: &str,
    repository: &str,
) -> Result<porthole_model::Tags, PortholeError> {
    let args = porthole_model::contract::RegistryTagsArgs {
        registry: registry.to_owned(),
        repository: repository.to_owned(),
    };
    call::<c::registry_tags>(&args).await
}

pub async fn search_hub(term: &str) -> Result<Vec<porthole_model::SearchResult>, PortholeError> {
    call::<c::search_hub>(&term.to_owned()).await
}

/// Whether the engine finds `reference` in its registry, as a pull would first (`docker manifest inspect`).
pub async fn image_pullable(reference: &ImageReference) -> Result<(), PortholeError> {
    call::<c::image_pullable>(reference).await
}

/// Opens the system's folder picker titled `title`; `None` when the user cancels.
pub async fn choose_folder(title: &str) -> Result<Option<String>, PortholeError> {
    call::<c::choose_folder>(&title.to_owned()).await
}

/// Opens the system's file picker; `None` when the user cancels.
pub async fn choose_file(
    choice: &porthole_model::contract::FileChoice,
) -> Result<Option<String>, PortholeError> {
    call::<c::choose_file>(choice).await
}

/// A reference the page already holds as text (a tag the engine listed), as the contract's type.
pub fn reference(text: &str) -> Result<ImageReference, PortholeError> {
    ImageReference::parse(text).map_err(|e| PortholeError::invalid_input(e.to_string()))
}
