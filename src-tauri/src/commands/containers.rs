//! Containers: the list, one container's details and lifecycle, `docker run`, and the container page's streams.

use crate::state::AppState;
use crate::streams;
use crate::subscriptions::Topic;
use porthole_model::{
    ContainerAction, ContainerDetails, ContainerSummary, LogLine, LogMessage, PortholeError,
    ProcessesMessage, RunRequest, StatsMessage, TerminalMessage,
};
use tauri::ipc::Channel;
use tauri::State;

#[tauri::command]
pub async fn list_containers(
    state: State<'_, AppState>,
    all: bool,
) -> Result<Vec<ContainerSummary>, PortholeError> {
    porthole_engine::containers::list(&state.engine()?, all).await
}

/// A removed container's streams are cancelled with it (views follow it by id, actions name it by name).
#[tauri::command]
pub async fn container_action(
    state: State<'_, AppState>,
    container: String,
    action: ContainerAction,
) -> Result<(), PortholeError> {
    let engine = state.engine()?;
    let removing = matches!(action, ContainerAction::Remove { .. });
    let id = match removing {
        true => porthole_engine::container::details(&engine, &container)
            .await
            .ok()
            .map(|d| d.id),
        false => None,
    };
    porthole_engine::container::perform(&engine, &container, &action).await?;
    if removing {
        for topic in [Some(container), id].into_iter().flatten() {
            state.subscriptions.cancel_topic(&Topic::Container(topic));
        }
    }
    Ok(())
}

#[tauri::command]
pub async fn run_container(
    state: State<'_, AppState>,
    request: RunRequest,
) -> Result<String, PortholeError> {
    porthole_engine::run::run(&state.engine()?, &state.credentials, &request).await
}

#[tauri::command]
pub async fn container_details(
    state: State<'_, AppState>,
    container: String,
) -> Result<ContainerDetails, PortholeError> {
    porthole_engine::container::details(&state.engine()?, &container).await
}

/// Scroll-back: `count` lines written before the line stamped `before`.
#[tauri::command]
pub async fn logs_before(
    state: State<'_, AppState>,
    container: String,
    before: String,
    count: u32,
) -> Result<Vec<LogLine>, PortholeError> {
    porthole_engine::logs::before(&state.engine()?, &container, &before, count).await
}

/// The list's CPU and memory columns for `containers` (the visible running rows); the UI subscribes again when
/// the rows in view change, and unsubscribes when the window is hidden.
#[tauri::command]
pub fn subscribe_list_stats(
    state: State<'_, AppState>,
    containers: Vec<String>,
    on_message: Channel<StatsMessage>,
) -> Result<u64, PortholeError> {
    let engine = state.engine()?;
    Ok(state.subscriptions.spawn(
        Topic::ListStats,
        streams::stats::follow_list(engine, containers, on_message),
    ))
}

/// Download: asks where to save, then writes the whole log there. `None` when the user cancelled.
#[tauri::command]
pub async fn save_logs(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    container: String,
) -> Result<Option<String>, PortholeError> {
    crate::save::logs(app, state.engine()?, container).await
}

#[tauri::command]
pub fn subscribe_logs(
    state: State<'_, AppState>,
    container: String,
    tail: u32,
    on_message: Channel<LogMessage>,
) -> Result<u64, PortholeError> {
    let engine = state.engine()?;
    let topic = Topic::Container(container.clone());
    Ok(state.subscriptions.spawn(
        topic,
        streams::logs::follow(engine, container, tail, on_message),
    ))
}

#[tauri::command]
pub fn subscribe_stats(
    state: State<'_, AppState>,
    container: String,
    on_message: Channel<StatsMessage>,
) -> Result<u64, PortholeError> {
    let engine = state.engine()?;
    let topic = Topic::Container(container.clone());
    Ok(state
        .subscriptions
        .spawn(topic, streams::stats::follow(engine, container, on_message)))
}

#[tauri::command]
pub fn subscribe_processes(
    state: State<'_, AppState>,
    container: String,
    on_message: Channel<ProcessesMessage>,
) -> Result<u64, PortholeError> {
    let engine = state.engine()?;
    let topic = Topic::Container(container.clone());
    Ok(state.subscriptions.spawn(
        topic,
        streams::processes::follow(engine, container, on_message),
    ))
}

/// Opens a terminal: `command` (a shell) with a TTY of `cols`×`rows`. Keys go in with `terminal_input`.
#[tauri::command]
pub fn open_terminal(
    state: State<'_, AppState>,
    container: String,
    command: Vec<String>,
    cols: u16,
    rows: u16,
    on_message: Channel<TerminalMessage>,
) -> Result<u64, PortholeError> {
    let engine = state.engine()?;
    let terminals = state.terminals.clone();
    let session = streams::terminal::Session {
        container: container.clone(),
        command,
        cols,
        rows,
    };
    Ok(state
        .subscriptions
        .spawn_with(Topic::Container(container), move |id| {
            streams::terminal::run(engine, session, on_message, terminals, id)
        }))
}

/// Typed keys for the terminal `id`; `false` once it has ended.
#[tauri::command]
pub fn terminal_input(state: State<'_, AppState>, id: u64, keys: String) -> bool {
    state
        .terminals
        .send(id, streams::terminal::Input::Keys(keys.into_bytes()))
}

#[tauri::command]
pub fn terminal_resize(state: State<'_, AppState>, id: u64, cols: u16, rows: u16) -> bool {
    state
        .terminals
        .send(id, streams::terminal::Input::Resize { cols, rows })
}

/// Opens a published port in the browser. Only `http(s)://` addresses: the window cannot open files or programs.
#[tauri::command]
pub fn open_url(app: tauri::AppHandle, url: String) -> Result<(), PortholeError> {
    use tauri_plugin_opener::OpenerExt;
    if !(url.starts_with("http://") || url.starts_with("https://")) {
        return Err(PortholeError::invalid_input(format!(
            "{url} is not a web address."
        )));
    }
    app.opener()
        .open_url(url.clone(), None::<&str>)
        .map_err(|error| {
            let message = format!(
                "No web browser could be opened on this machine. Copy {url} into a browser, or try \
                 `curl {url}` in a terminal."
            );
            PortholeError::new(
                porthole_model::ErrorKind::Internal,
                message,
                error.to_string(),
            )
        })
}
