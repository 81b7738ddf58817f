//! Image lists (`docker image ls`), with how many containers use each image, and pruning them (`docker image
//! prune`) after a preview worked out from the same list.

use crate::error::from_bollard;
use crate::Engine;
use bollard::query_parameters::{ListContainersOptions, ListImagesOptions, PruneImagesOptions};
use porthole_model::{ImageSummary, PortholeError, PrunePreview, PruneReport};
use std::collections::HashMap;

/// Lists top-level images. The in-use count comes from one `GET /containers/json?all=1`, not from `/system/df`,
/// which walks the disk and is far too slow for a live list.
pub async fn list(engine: &Engine) -> Result<Vec<ImageSummary>, PortholeError> {
    crate::as_action(porthole_model::Action::ListImages, async move {
        let images = engine
            .docker
            .list_images(Some(ListImagesOptions::default()));
        let containers = engine.docker.list_containers(Some(ListContainersOptions {
            all: true,
            ..Default::default()
        }));
        let (images, containers) = tokio::try_join!(images, containers).map_err(from_bollard)?;
        let mut uses: HashMap<String, usize> = HashMap::new();
        for container in containers {
            if let Some(image_id) = container.image_id {
                *uses.entry(image_id).or_default() += 1;
            }
        }
        Ok(images
            .into_iter()
            .map(|image| {
                let mut image = ImageSummary::from(image);
                image.containers = uses.get(&image.id).copied().unwrap_or(0);
                image
            })
            .collect())
    })
    .await
}

/// What `prune(all)` would remove right now.
pub async fn prune_preview(engine: &Engine, all: bool) -> Result<PrunePreview, PortholeError> {
    Ok(PrunePreview::of(&list(engine).await?, all))
}

/// `docker image prune` (`-a` with `all`).
pub async fn prune(engine: &Engine, all: bool) -> Result<PruneReport, PortholeError> {
    crate::as_action(porthole_model::Action::PruneImages { all }, async move {
        let filters = HashMap::from([("dangling".to_owned(), vec![(!all).to_string()])]);
        let response = engine
            .docker
            .prune_images(Some(PruneImagesOptions {
                filters: Some(filters),
            }))
            .await
            .map_err(from_bollard)?;
        let mut report = PruneReport {
            reclaimed: response.space_reclaimed.unwrap_or_default().max(0) as u64,
            ..Default::default()
        };
        for item in response.images_deleted.unwrap_or_default() {
            report.deleted.extend(item.deleted);
            report.untagged.extend(item.untagged);
        }
        Ok(report)
    })
    .await
}
