//! The container commands: `docker run`, one container's details, the container page's streams (logs, stats,
//! processes, terminal) and the small requests around them.

use super::{invoke, subscribe, to_js};
use porthole_model::{
    ContainerDetails, LogLine, LogMessage, PortholeError, ProcessesMessage, RunRequest,
    StatsMessage, TerminalMessage,
};
use serde::Serialize;
use wasm_bindgen::JsValue;

#[derive(Serialize)]
struct RunArgs<'a> {
    request: &'a RunRequest,
}

/// Runs the container (pulling its image first when needed); its id on success.
pub async fn run_container(request: &RunRequest) -> Result<String, PortholeError> {
    invoke("run_container", to_js(&RunArgs { request })).await
}

#[derive(Serialize)]
struct ContainerArgs<'a> {
    container: &'a str,
}

pub async fn container_details(container: &str) -> Result<ContainerDetails, PortholeError> {
    invoke("container_details", to_js(&ContainerArgs { container })).await
}

/// The list's CPU and memory columns for the visible running `containers`, a round every few seconds.
pub async fn subscribe_list_stats(
    containers: &[String],
    on_message: impl FnMut(StatsMessage) + 'static,
) -> Result<u64, PortholeError> {
    subscribe(
        "subscribe_list_stats",
        args(&[("containers", to_js(&containers))]),
        on_message,
    )
    .await
}

/// Asks where to save the whole log and writes it; the path, or `None` when cancelled.
pub async fn save_logs(container: &str) -> Result<Option<String>, PortholeError> {
    invoke("save_logs", to_js(&ContainerArgs { container })).await
}

#[derive(Serialize)]
struct BeforeArgs<'a> {
    container: &'a str,
    before: &'a str,
    count: u32,
}

/// Scroll-back: up to `count` lines written before the line stamped `before`.
pub async fn logs_before(
    container: &str,
    before: &str,
    count: u32,
) -> Result<Vec<LogLine>, PortholeError> {
    invoke(
        "logs_before",
        to_js(&BeforeArgs {
            container,
            before,
            count,
        }),
    )
    .await
}

fn args(pairs: &[(&str, JsValue)]) -> js_sys::Object {
    let object = js_sys::Object::new();
    for (key, value) in pairs {
        let _ = js_sys::Reflect::set(&object, &JsValue::from_str(key), value);
    }
    object
}

pub async fn subscribe_logs(
    container: &str,
    tail: u32,
    on_message: impl FnMut(LogMessage) + 'static,
) -> Result<u64, PortholeError> {
    let args = args(&[("container", container.into()), ("tail", tail.into())]);
    subscribe("subscribe_logs", args, on_message).await
}

pub async fn subscribe_stats(
    container: &str,
    on_message: impl FnMut(StatsMessage) + 'static,
) -> Result<u64, PortholeError> {
    subscribe(
        "subscribe_stats",
        args(&[("container", container.into())]),
        on_message,
    )
    .await
}

pub async fn subscribe_processes(
    container: &str,
    on_message: impl FnMut(ProcessesMessage) + 'static,
) -> Result<u64, PortholeError> {
    subscribe(
        "subscribe_processes",
        args(&[("container", container.into())]),
        on_message,
    )
    .await
}

/// Opens a terminal running `command` in the container; output arrives on `on_message`, keys go in with
/// `terminal_input`, and `unsubscribe(id)` hangs it up.
pub async fn open_terminal(
    container: &str,
    command: &[String],
    cols: u16,
    rows: u16,
    on_message: impl FnMut(TerminalMessage) + 'static,
) -> Result<u64, PortholeError> {
    let args = args(&[
        ("container", container.into()),
        ("command", to_js(&command)),
        ("cols", cols.into()),
        ("rows", rows.into()),
    ]);
    subscribe("open_terminal", args, on_message).await
}

#[derive(Serialize)]
struct InputArgs<'a> {
    id: u64,
    keys: &'a str,
}

pub async fn terminal_input(id: u64, keys: &str) -> Result<bool, PortholeError> {
    invoke("terminal_input", to_js(&InputArgs { id, keys })).await
}

#[derive(Serialize)]
struct ResizeArgs {
    id: u64,
    cols: u16,
    rows: u16,
}

pub async fn terminal_resize(id: u64, cols: u16, rows: u16) -> Result<bool, PortholeError> {
    invoke("terminal_resize", to_js(&ResizeArgs { id, cols, rows })).await
}

#[derive(Serialize)]
struct UrlArgs<'a> {
    url: &'a str,
}

/// Opens a published port in the user's browser (`curl http://localhost:8080`, visually).
pub async fn open_url(url: &str) -> Result<(), PortholeError> {
    invoke("open_url", to_js(&UrlArgs { url })).await
}
