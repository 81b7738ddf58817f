//! Containers: the list, one container's details and lifecycle, `docker run`, and the container page's streams.

use crate::state::AppState;
use crate::streams;
use crate::subscriptions::Topic;
use porthole_model::contract::{command as c, Answer, Args, Message};
use porthole_model::{ContainerAction, PortholeError};
use tauri::ipc::Channel;
use tauri::State;

#[tauri::command]
pub async fn list_containers(
    state: State<'_, AppState>,
    args: Args<c::list_containers>,
) -> Answer<c::list_containers> {
    let engine = state.engine()?;
    let shared = state.shared();
    if let Some(read) = shared.first_list.take(args, shared.changes()).await {
        return Ok(read);
    }
    porthole_engine::container::list::list(&engine, args).await
}

#[tauri::command]
pub async fn list_named_containers(
    state: State<'_, AppState>,
    args: Args<c::list_named_containers>,
) -> Answer<c::list_named_containers> {
    porthole_engine::container::list::list_named(&state.engine()?, args).await
}

/// A removed container's streams are cancelled with it (views follow it by id, actions name it by name).
#[tauri::command]
pub async fn container_action(
    state: State<'_, AppState>,
    args: Args<c::container_action>,
) -> Answer<c::container_action> {
    let engine = state.engine()?;
    let removing = matches!(args.action, ContainerAction::Remove { .. });
    let id = match removing {
        true => porthole_engine::container::details(&engine, &args.container)
            .await
            .ok()
            .map(|d| d.id),
        false => None,
    };
    porthole_engine::container::perform(&engine, &args.container, &args.action).await?;
    if removing {
        for topic in [Some(args.container), id].into_iter().flatten() {
            state.subscriptions.cancel_topic(&Topic::Container(topic));
        }
    }
    Ok(())
}

#[tauri::command]
pub async fn run_container(
    state: State<'_, AppState>,
    args: Args<c::run_container>,
) -> Answer<c::run_container> {
    porthole_engine::container::run::run(&state.engine()?, &state.credentials, &args).await
}

#[tauri::command]
pub async fn container_details(
    state: State<'_, AppState>,
    args: Args<c::container_details>,
) -> Answer<c::container_details> {
    porthole_engine::container::details(&state.engine()?, &args).await
}

/// Scroll-back: `count` lines written before the line stamped `before`.
#[tauri::command]
pub async fn logs_before(
    state: State<'_, AppState>,
    args: Args<c::logs_before>,
) -> Answer<c::logs_before> {
    porthole_engine::container::logs::before(
        &state.engine()?,
        &args.container,
        &args.before,
        args.count,
    )
    .await
}

/// The list's CPU and memory columns for the visible running rows; the UI subscribes again when the rows in view
/// change, and unsubscribes while the window is hidden or another window has the focus.
#[tauri::command]
pub fn subscribe_list_stats(
    state: State<'_, AppState>,
    args: Args<c::subscribe_list_stats>,
    on_message: Channel<Message<c::subscribe_list_stats>>,
) -> Answer<c::subscribe_list_stats> {
    let follow = streams::stats::follow_list(state.engine()?, args, on_message);
    Ok(state.subscriptions.spawn(Topic::ListStats, follow))
}

/// Download: asks where to save, then writes the whole log there. `None` when the user cancelled.
#[tauri::command]
pub async fn save_logs(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    args: Args<c::save_logs>,
) -> Answer<c::save_logs> {
    crate::save::logs(app, state.engine()?, args).await
}

#[tauri::command]
pub fn subscribe_logs(
    state: State<'_, AppState>,
    args: Args<c::subscribe_logs>,
    on_message: Channel<Message<c::subscribe_logs>>,
) -> Answer<c::subscribe_logs> {
    let topic = Topic::Container(args.container.clone());
    let follow = streams::logs::follow(state.engine()?, args.container, args.tail, on_message);
    Ok(state.subscriptions.spawn(topic, follow))
}

#[tauri::command]
pub fn subscribe_stats(
    state: State<'_, AppState>,
    args: Args<c::subscribe_stats>,
    on_message: Channel<Message<c::subscribe_stats>>,
) -> Answer<c::subscribe_stats> {
    let topic = Topic::Container(args.clone());
    let follow = streams::stats::follow(state.engine()?, args, on_message);
    Ok(state.subscriptions.spawn(topic, follow))
}

#[tauri::command]
pub fn subscribe_processes(
    state: State<'_, AppState>,
    args: Args<c::subscribe_processes>,
    on_message: Channel<Message<c::subscribe_processes>>,
) -> Answer<c::subscribe_processes> {
    let topic = Topic::Container(args.clone());
    let follow = streams::processes::follow(state.engine()?, args, on_message);
    Ok(state.subscriptions.spawn(topic, follow))
}

/// Opens a terminal: `command` (a shell) with a TTY of `cols`×`rows`. Keys go in with `terminal_input`.
#[tauri::command]
pub fn open_terminal(
    state: State<'_, AppState>,
    args: Args<c::open_terminal>,
    on_message: Channel<Message<c::open_terminal>>,
) -> Answer<c::open_terminal> {
    let engine = state.engine()?;
    let terminals = state.terminals.clone();
    let topic = Topic::Container(args.container.clone());
    let session = streams::terminal::Session {
        container: args.container,
        command: args.command,
        cols: args.cols,
        rows: args.rows,
    };
    Ok(state.subscriptions.spawn_with(topic, move |id| {
        streams::terminal::run(engine, session, on_message, terminals, id)
    }))
}

/// Typed keys for the terminal `id`; `false` once it has ended.
#[tauri::command]
pub fn terminal_input(
    state: State<'_, AppState>,
    args: Args<c::terminal_input>,
) -> Answer<c::terminal_input> {
    let keys = streams::terminal::Input::Keys(args.keys.into_bytes());
    Ok(state.terminals.send(args.id, keys))
}

#[tauri::command]
pub fn terminal_resize(
    state: State<'_, AppState>,
    args: Args<c::terminal_resize>,
) -> Answer<c::terminal_resize> {
    let size = streams::terminal::Input::Resize {
        cols: args.cols,
        rows: args.rows,
    };
    Ok(state.terminals.send(args.id, size))
}

/// Opens a published port in the browser. Only `http(s)://` addresses: the window cannot open files or programs.
#[tauri::command]
pub fn open_url(app: tauri::AppHandle, args: Args<c::open_url>) -> Answer<c::open_url> {
    use tauri_plugin_opener::OpenerExt;
    let url = args;
    if !(url.starts_with("http://") || url.starts_with("https://")) {
        return Err(PortholeError::invalid_input(format!(
            "{url} is not a web address."
        )));
    }
    app.opener().open_url(url.clone(), None::<&str>).map_err(|error| {
        let message = format!(
            "No web browser could be opened on this machine. Copy {url} into a browser, or try `curl {url}` in a \
             terminal."
        );
        PortholeError::new(porthole_model::ErrorKind::Internal, message, error.to_string())
    })
}

#[tauri::command]
pub async fn recreate_plan(
    state: State<'_, AppState>,
    args: Args<c::recreate_plan>,
) -> Answer<c::recreate_plan> {
    porthole_engine::container::recreate::plan(&state.engine()?, &args).await
}

#[tauri::command]
pub async fn check_image(
    state: State<'_, AppState>,
    args: Args<c::check_image>,
) -> Answer<c::check_image> {
    porthole_engine::container::recreate::check(&state.engine()?, &state.credentials, &args).await
}

/// The old container's streams end with it: its views follow it by id, and the new one has another.
#[tauri::command]
pub async fn recreate_container(
    state: State<'_, AppState>,
    args: Args<c::recreate_container>,
) -> Answer<c::recreate_container> {
    let recreated = porthole_engine::container::recreate::recreate(&state.engine()?, &args).await?;
    state
        .subscriptions
        .cancel_topic(&Topic::Container(args.container));
    Ok(recreated)
}
