//! Images.

use crate::state::AppState;
use crate::subscriptions::Topic;
use porthole_model::pull::PullMessage;
use porthole_model::{ImageAction, ImageReference, ImageSummary, PortholeError};
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

/// Starts a pull (`docker pull`); its progress arrives on `on_message`. The reference is validated here first, so an
/// invalid one never reaches the engine. Returns the subscription id, which cancels the pull when unsubscribed.
#[tauri::command]
pub fn pull_image(
    state: State<'_, AppState>,
    reference: String,
    platform: Option<String>,
    on_message: Channel<PullMessage>,
) -> Result<u64, PortholeError> {
    let reference = ImageReference::parse(&reference)
        .map_err(|e| PortholeError::invalid_input(e.to_string()))?;
    Ok(state.subscriptions.spawn(
        Topic::Pull,
        crate::pull::run(state.engine()?, reference, platform, on_message),
    ))
}
