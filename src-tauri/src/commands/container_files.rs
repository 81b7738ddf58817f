//! A container's files (the Files tab): listing, reading, `docker cp` out and in, `docker diff`, the layers,
//! `docker commit` and `docker export`.

use crate::state::AppState;
use crate::subscriptions::Topic;
use porthole_engine::container::{files, layers};
use porthole_model::contract::{command as c, Answer, Args, Message};
use tauri::ipc::Channel;
use tauri::State;

#[tauri::command]
pub async fn list_files(
    state: State<'_, AppState>,
    args: Args<c::list_files>,
) -> Answer<c::list_files> {
    files::list(&state.engine()?, &args.container, &args.path).await
}

#[tauri::command]
pub async fn read_file(
    state: State<'_, AppState>,
    args: Args<c::read_file>,
) -> Answer<c::read_file> {
    files::read(&state.engine()?, &args.container, &args.path).await
}

/// Starts `docker cp CONTAINER:PATH FOLDER`; its progress and end arrive on `on_message`.
#[tauri::command]
pub fn copy_out(
    state: State<'_, AppState>,
    args: Args<c::copy_out>,
    on_message: Channel<Message<c::copy_out>>,
) -> Answer<c::copy_out> {
    let copy = crate::streams::copy::copy_out(state.engine()?, args, on_message);
    Ok(state.subscriptions.spawn(Topic::Copy, copy))
}

/// Starts `docker cp SOURCE CONTAINER:FOLDER`, like `copy_out`.
#[tauri::command]
pub fn copy_in(
    state: State<'_, AppState>,
    args: Args<c::copy_in>,
    on_message: Channel<Message<c::copy_in>>,
) -> Answer<c::copy_in> {
    let copy = crate::streams::copy::copy_in(state.engine()?, args, on_message);
    Ok(state.subscriptions.spawn(Topic::Copy, copy))
}

#[tauri::command]
pub async fn container_changes(
    state: State<'_, AppState>,
    args: Args<c::container_changes>,
) -> Answer<c::container_changes> {
    layers::changes(&state.engine()?, &args).await
}

#[tauri::command]
pub async fn container_layers(
    state: State<'_, AppState>,
    args: Args<c::container_layers>,
) -> Answer<c::container_layers> {
    layers::layers(&state.engine()?, &args).await
}

#[tauri::command]
pub async fn commit_container(
    state: State<'_, AppState>,
    args: Args<c::commit_container>,
) -> Answer<c::commit_container> {
    layers::commit(&state.engine()?, &args).await
}

#[tauri::command]
pub async fn export_container(
    state: State<'_, AppState>,
    args: Args<c::export_container>,
) -> Answer<c::export_container> {
    layers::export(&state.engine()?, &args).await
}
