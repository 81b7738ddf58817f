//! Compose: the tool, opening a file, the projects on the engine, one run of the tool as a subscription, the
//! file picker, and the guided tour's file.

use crate::state::AppState;
use crate::streams;
use crate::subscriptions::Topic;
use porthole_model::compose::logs::MERGED_TAIL;
use porthole_model::contract::{command as c, Answer, Args, Message};
use tauri::ipc::Channel;
use tauri::State;

#[tauri::command]
pub async fn compose_tool(args: Args<c::compose_tool>) -> Answer<c::compose_tool> {
    let () = args;
    Ok(porthole_engine::compose::tool::find().await)
}

#[tauri::command]
pub async fn open_compose_file(
    state: State<'_, AppState>,
    args: Args<c::open_compose_file>,
) -> Answer<c::open_compose_file> {
    porthole_engine::compose::open(&state.engine()?, &args.path, &args.project).await
}

#[tauri::command]
pub async fn list_compose_projects(
    state: State<'_, AppState>,
    args: Args<c::list_compose_projects>,
) -> Answer<c::list_compose_projects> {
    let () = args;
    porthole_engine::compose::list(&state.engine()?).await
}

#[tauri::command]
pub fn compose_run(
    state: State<'_, AppState>,
    args: Args<c::compose_run>,
    on_message: Channel<Message<c::compose_run>>,
) -> Answer<c::compose_run> {
    args.validate()
        .map_err(porthole_model::PortholeError::invalid_input)?;
    let topic = Topic::Tool(args.project.clone());
    let task = porthole_model::notification::Task::Compose(args.clone());
    let run = streams::compose::run(state.engine()?, args, on_message);
    let run = state.notifications().after(task, run);
    Ok(state.subscriptions.spawn(topic, run))
}

/// A project's merged logs, followed until the panel closes (cancelling drops the engine's log streams).
#[tauri::command]
pub fn project_logs(
    state: State<'_, AppState>,
    args: Args<c::project_logs>,
    on_message: Channel<Message<c::project_logs>>,
) -> Answer<c::project_logs> {
    let engine = state.engine()?;
    let topic = Topic::Tool(args.clone());
    let run = streams::tool::forward(on_message, move |lines| async move {
        porthole_engine::compose::logs::follow(&engine, &args, MERGED_TAIL, move |line| {
            lines.send(line).is_ok()
        })
        .await
    });
    Ok(state.subscriptions.spawn(topic, run))
}

#[tauri::command]
pub async fn write_tour_compose(
    app: tauri::AppHandle,
    args: Args<c::write_tour_compose>,
) -> Answer<c::write_tour_compose> {
    use tauri::Manager;
    let folder = app.path().app_data_dir().map_err(|e| {
        porthole_model::PortholeError::new(
            porthole_model::ErrorKind::Internal,
            "The app has no data folder to write the tour's file into.",
            e.to_string(),
        )
    })?;
    porthole_engine::compose::tour::write_file(&folder, &args).await
}
