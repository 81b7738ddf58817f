//! Image lists (`docker image ls`), with how many containers use each image.

use crate::error::from_bollard;
use crate::Engine;
use bollard::query_parameters::{ListContainersOptions, ListImagesOptions};
use porthole_model::{ImageSummary, PortholeError};
use std::collections::HashMap;

/// Lists top-level images. The in-use count comes from one `GET /containers/json?all=1`, not from `/system/df`,
/// which walks the disk and is far too slow for a live list.
pub async fn list(engine: &Engine) -> Result<Vec<ImageSummary>, PortholeError> {
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
}
