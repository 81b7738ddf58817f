//! Images.

use crate::state::AppState;
use porthole_model::{ImageAction, ImageSummary, PortholeError};
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
