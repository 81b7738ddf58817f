//! One image: removal, with the engine's refusal explained (which containers use it, or that it has several tags)
//! and the way out the user chooses (remove those containers first, or force).

use crate::error::from_bollard_with;
use crate::{containers, Engine};
use bollard::query_parameters::RemoveImageOptions;
use porthole_model::{ContainerAction, ContainerSummary, ErrorKind, ImageAction, PortholeError};

pub async fn perform(
    engine: &Engine,
    image: &str,
    action: &ImageAction,
) -> Result<(), PortholeError> {
    match action {
        ImageAction::Remove { force } => remove(engine, image, *force).await,
        ImageAction::RemoveWithContainers => {
            for container in users(engine, image).await? {
                let remove = ContainerAction::Remove {
                    force: true,
                    volumes: false,
                };
                crate::container::perform(engine, &container.id, &remove).await?;
            }
            remove(engine, image, false).await
        }
    }
}

/// The containers, in any state, created from `image` (a reference or an id).
pub async fn users(engine: &Engine, image: &str) -> Result<Vec<ContainerSummary>, PortholeError> {
    let inspected = engine.docker.inspect_image(image).await.map_err(|e| {
        from_bollard_with(e, |kind| {
            (kind == ErrorKind::NotFound).then(|| no_such_image(image))
        })
    })?;
    let id = inspected.id.unwrap_or_default();
    Ok(containers::list(engine, true)
        .await?
        .into_iter()
        .filter(|c| c.image_id == id)
        .collect())
}

async fn remove(engine: &Engine, image: &str, force: bool) -> Result<(), PortholeError> {
    let options = RemoveImageOptions {
        force,
        noprune: false,
    };
    let Err(error) = engine.docker.remove_image(image, Some(options), None).await else {
        return Ok(());
    };
    let mut error = from_bollard_with(error, |kind| {
        (kind == ErrorKind::NotFound).then(|| no_such_image(image))
    });
    if error.kind == ErrorKind::Conflict {
        let users = users(engine, image).await.unwrap_or_default();
        error.message = if users.is_empty() {
            "This image has several tags, so removing it by id would remove all of them: that needs force. To \
             remove just one name, remove that tag instead (`docker rmi name:tag` only untags)."
                .to_owned()
        } else {
            let names: Vec<&str> = users.iter().map(|c| c.name.as_str()).collect();
            format!(
                "Containers still use this image ({}). An image can only be removed once every container made \
                 from it is gone: remove those containers first, or force the removal.",
                names.join(", ")
            )
        };
        error.related = users.into_iter().map(|c| c.name).collect();
    }
    Err(error)
}

fn no_such_image(image: &str) -> String {
    format!("There is no image {image} on this engine (any more).")
}
