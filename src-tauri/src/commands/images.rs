//! Images: the list, removal, details, tag, prune, and pull, push and build as subscriptions.

use crate::state::AppState;
use crate::subscriptions::Topic;
use porthole_model::contract::{command as c, Answer, Args, Message};
use porthole_model::image::pull::parse_platform;
use porthole_model::notification::Task;
use porthole_model::PortholeError;
use tauri::ipc::Channel;
use tauri::State;

#[tauri::command]
pub async fn list_images(
    state: State<'_, AppState>,
    args: Args<c::list_images>,
) -> Answer<c::list_images> {
    let () = args;
    porthole_engine::image::list::list(&state.engine()?).await
}

#[tauri::command]
pub async fn image_action(
    state: State<'_, AppState>,
    args: Args<c::image_action>,
) -> Answer<c::image_action> {
    porthole_engine::image::perform(&state.engine()?, &args.image, &args.action).await
}

#[tauri::command]
pub async fn image_pullable(
    state: State<'_, AppState>,
    args: Args<c::image_pullable>,
) -> Answer<c::image_pullable> {
    porthole_engine::image::pullable(&state.engine()?, &state.credentials, &args).await
}

#[tauri::command]
pub async fn image_details(
    state: State<'_, AppState>,
    args: Args<c::image_details>,
) -> Answer<c::image_details> {
    porthole_engine::image::details(&state.engine()?, &args).await
}

#[tauri::command]
pub async fn tag_image(
    state: State<'_, AppState>,
    args: Args<c::tag_image>,
) -> Answer<c::tag_image> {
    porthole_engine::image::tag(&state.engine()?, &args.image, &args.target.to_string()).await
}

#[tauri::command]
pub async fn prune_preview(
    state: State<'_, AppState>,
    args: Args<c::prune_preview>,
) -> Answer<c::prune_preview> {
    porthole_engine::image::list::prune_preview(&state.engine()?, args).await
}

#[tauri::command]
pub async fn prune_images(
    state: State<'_, AppState>,
    args: Args<c::prune_images>,
) -> Answer<c::prune_images> {
    porthole_engine::image::list::prune(&state.engine()?, args).await
}

/// Starts a pull (`docker pull`); its progress arrives on `on_message`. The reference was parsed on the way in and
/// the platform is checked here, so an invalid one never reaches the engine. Returns the subscription id, which
/// cancels the pull when unsubscribed.
#[tauri::command]
pub fn pull_image(
    state: State<'_, AppState>,
    args: Args<c::pull_image>,
    on_message: Channel<Message<c::pull_image>>,
) -> Answer<c::pull_image> {
    let platform = parse_platform(args.platform.as_deref().unwrap_or_default())
        .map_err(PortholeError::invalid_input)?;
    let credentials = state.credentials.clone();
    let task = Task::Pull(args.reference.to_string());
    let pull = crate::streams::transfer::pull(
        state.engine()?,
        credentials,
        args.reference,
        platform,
        on_message,
    );
    let pull = state.notifications().after(task, pull);
    Ok(state.subscriptions.spawn(Topic::Pull, pull))
}

/// Starts a build (`docker build`) of the request; its steps arrive on `on_message`. Returns the subscription id,
/// which cancels the build when unsubscribed.
#[tauri::command]
pub fn build_image(
    state: State<'_, AppState>,
    args: Args<c::build_image>,
    on_message: Channel<Message<c::build_image>>,
) -> Answer<c::build_image> {
    args.validate().map_err(PortholeError::invalid_input)?;
    let task = Task::Build {
        tag: args.tag.clone(),
        folder: args.folder.clone(),
    };
    let build = crate::streams::image_build::run(state.engine()?, args, on_message);
    let build = state.notifications().after(task, build);
    Ok(state.subscriptions.spawn(Topic::Build, build))
}

/// Starts a push (`docker push`), like `pull_image`.
#[tauri::command]
pub fn push_image(
    state: State<'_, AppState>,
    args: Args<c::push_image>,
    on_message: Channel<Message<c::push_image>>,
) -> Answer<c::push_image> {
    let credentials = state.credentials.clone();
    let task = Task::Push(args.to_string());
    let push = crate::streams::transfer::push(state.engine()?, credentials, args, on_message);
    let push = state.notifications().after(task, push);
    Ok(state.subscriptions.spawn(Topic::Push, push))
}

/// Starts `docker save`; its progress arrives on `on_message`. Unsubscribing stops it (the partial file is removed).
#[tauri::command]
pub fn save_images(
    state: State<'_, AppState>,
    args: Args<c::save_images>,
    on_message: Channel<Message<c::save_images>>,
) -> Answer<c::save_images> {
    let save = crate::streams::archive::save(state.engine()?, args, on_message);
    Ok(state.subscriptions.spawn(Topic::Archive, save))
}

/// Starts `docker load`, like `save_images`.
#[tauri::command]
pub fn load_images(
    state: State<'_, AppState>,
    args: Args<c::load_images>,
    on_message: Channel<Message<c::load_images>>,
) -> Answer<c::load_images> {
    let load = crate::streams::archive::load(state.engine()?, args, on_message);
    Ok(state.subscriptions.spawn(Topic::Archive, load))
}
