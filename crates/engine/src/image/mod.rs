//! One image: pulling it with per-layer progress, and removing it, with the engine's refusal explained (which
//! containers use it, or that it has several tags) and the way out the user chooses (remove those containers
//! first, or force).
//!
//! This folder holds everything done to images: the list and pruning (`list`), builds, pushes, save and load
//! (`archive`); this file pulls, removal, tags and details.

pub mod archive;
pub mod build;
pub mod list;
pub mod push;

use crate::container::list::list as list_containers;
use crate::error::{from_bollard, from_bollard_with};
use crate::registry::credentials::Store;
use crate::Engine;
use bollard::query_parameters::{CreateImageOptions, RemoveImageOptions, TagImageOptions};
use futures_util::StreamExt;
use porthole_model::image::pull::PullProgress;
use porthole_model::{
    ContainerAction, ContainerSummary, ErrorKind, HistoryEntry, ImageAction, ImageConfig,
    ImageDetails, ImageReference, PortholeError,
};

pub async fn perform(
    engine: &Engine,
    image: &str,
    action: &ImageAction,
) -> Result<(), PortholeError> {
    crate::as_action(
        porthole_model::Action::Image {
            image: image.to_owned(),
            action: action.clone(),
        },
        async move {
            match action {
                ImageAction::Remove { force } => remove(engine, image, *force).await,
                ImageAction::RemoveWithContainers { containers } => {
                    // Exactly the containers the user confirmed; one made since stays, and the image's removal
                    // is then refused again, naming it.
                    for container in containers {
                        let remove = ContainerAction::Remove {
                            force: true,
                            volumes: false,
                        };
                        crate::container::perform(engine, container, &remove).await?;
                    }
                    remove(engine, image, false).await
                }
            }
        },
    )
    .await
}

/// The containers, in any state, created from `image` (a reference or an id).
pub async fn users(engine: &Engine, image: &str) -> Result<Vec<ContainerSummary>, PortholeError> {
    let inspected = engine.docker.inspect_image(image).await.map_err(|e| {
        from_bollard_with(e, |kind| {
            (kind == ErrorKind::NotFound).then(|| no_such_image(image))
        })
    })?;
    // Without an id nothing can be matched safely: an empty id would match containers with no image id.
    let id = inspected.id.filter(|id| !id.is_empty()).ok_or_else(|| {
        PortholeError::of_kind(
            ErrorKind::Internal,
            format!("the engine reported no id for {image}"),
        )
    })?;
    Ok(list_containers(engine, true)
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
        let names: Vec<&str> = users.iter().map(|c| c.name.as_str()).collect();
        error.message = if error.diagnosis.is_some() {
            // The recognised case (a container uses it) says what happened and the fix; the containers are in
            // `related`, which the banner lists.
            error.message
        } else if users.is_empty() {
            "This image has several tags, so removing it by id would remove all of them: that needs force. To \
             remove just one name, remove that tag instead (`docker rmi name:tag` only untags)."
                .to_owned()
        } else {
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

/// `docker tag image target`: the target is validated by the reference parser first.
pub async fn tag(engine: &Engine, image: &str, target: &str) -> Result<(), PortholeError> {
    crate::as_action(
        porthole_model::Action::Tag {
            image: image.to_owned(),
            target: target.to_owned(),
        },
        async move {
            let target = ImageReference::parse(target)
                .map_err(|e| PortholeError::invalid_input(e.to_string()))?;
            if target.digest.is_some() {
                return Err(PortholeError::invalid_input(
                    "A new name takes a tag, not a digest: digests are given by registries.",
                ));
            }
            let options = TagImageOptions {
                repo: Some(format!("{}/{}", target.registry, target.repository)),
                tag: Some(target.tag_or_latest().to_owned()),
            };
            engine
                .docker
                .tag_image(image, Some(options))
                .await
                .map_err(|e| {
                    from_bollard_with(e, |kind| {
                        (kind == ErrorKind::NotFound).then(|| no_such_image(image))
                    })
                })
        },
    )
    .await
}

/// Whether the engine finds `reference` in its registry — `docker manifest inspect`, the question a pull asks first,
/// through the engine's registry mirrors as a pull goes, with the stored login — without pulling anything.
pub async fn pullable(
    engine: &Engine,
    store: &Store,
    reference: &ImageReference,
) -> Result<(), PortholeError> {
    crate::as_action(
        porthole_model::Action::ManifestInspect {
            reference: reference.to_string(),
        },
        async move {
            let credentials = crate::registry::credentials_for(store, &reference.registry).await;
            engine
                .docker
                .inspect_registry_image(&reference.to_string(), credentials)
                .await
                .map(|_| ())
                .map_err(|e| from_bollard_with(e, |kind| pull_sentence(reference, kind)))
        },
    )
    .await
}

/// Everything the details panel shows: `docker image inspect`, `docker history` and the containers using it.
pub async fn details(engine: &Engine, image: &str) -> Result<ImageDetails, PortholeError> {
    crate::as_action(
        porthole_model::Action::InspectImage {
            image: image.to_owned(),
        },
        async move {
            let not_found = |e| {
                from_bollard_with(e, |kind| {
                    (kind == ErrorKind::NotFound).then(|| no_such_image(image))
                })
            };
            let inspected = engine
                .docker
                .inspect_image(image)
                .await
                .map_err(not_found)?;
            let history = engine
                .docker
                .image_history(image)
                .await
                .map_err(from_bollard)?;
            let id = inspected.id.clone().unwrap_or_default();
            let containers = if id.is_empty() {
                Vec::new()
            } else {
                list_containers(engine, true)
                    .await?
                    .into_iter()
                    .filter(|c| c.image_id == id)
                    .collect()
            };
            let config = inspected.config.unwrap_or_default();
            let mut exposed_ports: Vec<String> = config
                .exposed_ports
                .unwrap_or_default()
                .into_keys()
                .collect();
            exposed_ports.sort();
            let mut labels: Vec<(String, String)> =
                config.labels.unwrap_or_default().into_iter().collect();
            labels.sort();
            Ok(ImageDetails {
                id,
                tags: inspected.repo_tags.unwrap_or_default(),
                digests: inspected.repo_digests.unwrap_or_default(),
                size: inspected.size.unwrap_or_default(),
                created: inspected.created.unwrap_or_default(),
                architecture: inspected.architecture.unwrap_or_default(),
                os: inspected.os.unwrap_or_default(),
                config: ImageConfig {
                    cmd: config.cmd.unwrap_or_default(),
                    entrypoint: config.entrypoint.unwrap_or_default(),
                    env: config.env.unwrap_or_default(),
                    exposed_ports,
                    working_dir: config.working_dir.unwrap_or_default(),
                    user: config.user.unwrap_or_default(),
                    labels,
                },
                history: history.into_iter().map(HistoryEntry::from).collect(),
                containers,
            })
        },
    )
    .await
}

fn no_such_image(image: &str) -> String {
    format!("There is no image {image} on this engine (any more).")
}

/// Pulls `reference` (`docker pull`) with the stored login for its registry, if any, calling `on_progress` with
/// the folded progress after every line of the engine's stream. Dropping the future cancels the pull: the engine
/// stops it when the request goes away.
pub async fn pull(
    engine: &Engine,
    store: &Store,
    reference: &ImageReference,
    platform: Option<&str>,
    mut on_progress: impl FnMut(&PullProgress),
) -> Result<PullProgress, PortholeError> {
    crate::as_action(
        porthole_model::Action::Pull {
            reference: reference.to_string(),
            platform: platform.map(str::to_owned),
        },
        async move {
            let options = CreateImageOptions {
                from_image: Some(format!("{}/{}", reference.registry, reference.repository)),
                tag: Some(
                    reference
                        .digest
                        .clone()
                        .unwrap_or_else(|| reference.tag_or_latest().to_owned()),
                ),
                platform: platform.unwrap_or_default().to_owned(),
                ..Default::default()
            };
            let credentials = crate::registry::credentials_for(store, &reference.registry).await;
            let mut stream = Box::pin(engine.docker.create_image(Some(options), None, credentials));
            let mut progress = PullProgress::default();
            while let Some(line) = stream.next().await {
                let line = match line {
                    Ok(line) => line,
                    Err(e) => {
                        let error = from_bollard_with(e, |kind| pull_sentence(reference, kind));
                        let mut error = crate::registry::diagnose(
                            engine,
                            &reference.registry,
                            error,
                            "pulling",
                        )
                        .await;
                        if error.diagnosis.is_some() {
                            // The recognised case's sentence and fix, for the image the user asked for.
                            error.message = format!("Pulling {reference}: {}", error.message);
                        }
                        return Err(error);
                    }
                };
                let detail = line.progress_detail.unwrap_or_default();
                progress.apply(
                    line.id.as_deref(),
                    line.status.as_deref().unwrap_or_default(),
                    detail.current,
                    detail.total,
                );
                on_progress(&progress);
            }
            Ok(progress)
        },
    )
    .await
}

fn pull_sentence(reference: &ImageReference, kind: ErrorKind) -> Option<String> {
    let registry = &reference.registry;
    Some(match kind {
        ErrorKind::NotFound => format!(
            "{registry} has no image {} with the tag {}: check the name and the tag.",
            reference.familiar_name(),
            reference.tag_or_latest()
        ),
        ErrorKind::Unauthorized | ErrorKind::Forbidden => format!(
            "{registry} wants you to log in before pulling {} (`docker login {registry}`), or the repository does \
             not exist.",
            reference.familiar_name()
        ),
        ErrorKind::Internal => format!(
            "The engine could not pull from {registry}. The detail below says why: often the registry cannot be \
             reached, or it speaks plain HTTP and must be listed under insecure-registries in the engine's \
             daemon.json."
        ),
        _ => return None,
    })
}
