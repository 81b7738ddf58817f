//! Images.

use crate::state::AppState;
use crate::subscriptions::Topic;
use porthole_model::pull::PullMessage;
use porthole_model::{
    BuildMessage, BuildRequest, ImageAction, ImageDetails, ImageReference, ImageSummary,
    PortholeError, PrunePreview, PruneReport,
};
use tauri::ipc::Channel;
use tauri::State;

#[tauri::command]
pub async fn list_images(state: State<'_, AppState>) -> Result<Vec<ImageSummary>, PortholeError> {
    porthole_engine::images::list(&state.engine()?).await
}

#[tauri::command]
pub async fn image_action(
    state: State<'_, AppState>,
    image: String,
    action: ImageAction,
) -> Result<(), PortholeError> {
    porthole_engine::image::perform(&state.engine()?, &image, &action).await
}

#[tauri::command]
pub async fn image_details(
    state: State<'_, AppState>,
    image: String,
) -> Result<ImageDetails, PortholeError> {
    porthole_engine::image::details(&state.engine()?, &image).await
}

#[tauri::command]
pub async fn tag_image(
    state: State<'_, AppState>,
    image: String,
    target: String,
) -> Result<(), PortholeError> {
    porthole_engine::image::tag(&state.engine()?, &image, &target).await
}

#[tauri::command]
pub async fn prune_preview(
    state: State<'_, AppState>,
    all: bool,
) -> Result<PrunePreview, PortholeError> {
    porthole_engine::images::prune_preview(&state.engine()?, all).await
}

#[tauri::command]
pub async fn prune_images(
    state: State<'_, AppState>,
    all: bool,
) -> Result<PruneReport, PortholeError> {
    porthole_engine::images::prune(&state.engine()?, all).await
}

/// Starts a pull (`docker pull`); its progress arrives on `on_message`. The reference is validated here first, so an
/// invalid one never reaches the engine. Returns the subscription id, which cancels the pull when unsubscribed.
#[tauri::command]
pub fn pull_image(
    state: State<'_, AppState>,
    reference: String,
    platform: Option<String>,
    on_message: Channel<PullMessage>,
) -> Result<u64, PortholeError> {
    let reference = parse(&reference)?;
    let pull = crate::transfer::pull(
        state.engine()?,
        state.credentials.clone(),
        reference,
        platform,
        on_message,
    );
    Ok(state.subscriptions.spawn(Topic::Pull, pull))
}

/// Starts a build (`docker build`) of `request`; its steps arrive on `on_message`. Returns the subscription id,
/// which cancels the build when unsubscribed.
#[tauri::command]
pub fn build_image(
    state: State<'_, AppState>,
    request: BuildRequest,
    on_message: Channel<BuildMessage>,
) -> Result<u64, PortholeError> {
    request.validate().map_err(PortholeError::invalid_input)?;
    let build = crate::image_build::run(state.engine()?, request, on_message);
    Ok(state.subscriptions.spawn(Topic::Build, build))
}

/// The system's folder picker, for a build context; `None` when the user cancels. Called as a command so the window
/// needs no permission for the dialog plugin's own API.
#[tauri::command]
pub async fn choose_folder(
    app: tauri::AppHandle,
    title: String,
) -> Result<Option<String>, PortholeError> {
    use tauri_plugin_dialog::DialogExt;
    let (chosen, receiver) = tokio::sync::oneshot::channel();
    app.dialog()
        .file()
        .set_title(title)
        .pick_folder(move |folder| {
            let _ = chosen.send(folder);
        });
    let folder = receiver
        .await
        .ok()
        .flatten()
        .and_then(|f| f.into_path().ok());
    Ok(folder.map(|path| path.display().to_string()))
}

/// Starts a push (`docker push`), like `pull_image`.
#[tauri::command]
pub fn push_image(
    state: State<'_, AppState>,
    reference: String,
    on_message: Channel<PullMessage>,
) -> Result<u64, PortholeError> {
    let reference = parse(&reference)?;
    let push = crate::transfer::push(
        state.engine()?,
        state.credentials.clone(),
        reference,
        on_message,
    );
    Ok(state.subscriptions.spawn(Topic::Push, push))
}

fn parse(reference: &str) -> Result<ImageReference, PortholeError> {
    ImageReference::parse(reference).map_err(|e| PortholeError::invalid_input(e.to_string()))
}
