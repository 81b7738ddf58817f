//! Images.

use crate::state::AppState;
use porthole_model::{ImageSummary, PortholeError};
use tauri::State;

#[tauri::command]
pub async fn list_images(state: State<'_, AppState>) -> Result<Vec<ImageSummary>, PortholeError> {
    porthole_engine::images::list(&state.engine()?).await
}
