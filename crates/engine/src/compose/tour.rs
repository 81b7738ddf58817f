//! The guided tour's compose file, written where the learner can open it: `<folder>/porthole-tour/compose.yaml`,
//! the folder named after the project so the Compose tool names the project, its network and its volume after it.
//!
//! Invariant: only ever this one file in the folder given (the app's data folder); its images are checked as image
//! references before they are written into the YAML.

use porthole_model::tour::compose::{checked_compose_file, PROJECT};
use porthole_model::tour::TourSource;
use porthole_model::{ErrorKind, PortholeError};
use std::path::Path;

/// Writes the chapter's file for `source` under `folder`; its path.
pub async fn write_file(folder: &Path, source: &TourSource) -> Result<String, PortholeError> {
    let text = checked_compose_file(source).map_err(PortholeError::invalid_input)?;
    let project = folder.join(PROJECT);
    let path = project.join("compose.yaml");
    let written = async {
        tokio::fs::create_dir_all(&project).await?;
        tokio::fs::write(&path, text).await
    };
    written.await.map_err(|e| {
        PortholeError::new(
            ErrorKind::Internal,
            format!(
                "The tour's compose file could not be written to {}.",
                path.display()
            ),
            e.to_string(),
        )
    })?;
    Ok(path.display().to_string())
}
