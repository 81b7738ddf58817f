//! Where the disk went: `docker system df -v` (`GET /system/df`, which walks every layer and volume — asked only
//! for the disk page, never on a list's hot path), and a reclaim that removes exactly the previewed objects, each on
//! its own, so one the engine now refuses (a container started since, an image a new container uses) stays and is
//! reported while the others go.

use crate::error::from_bollard;
use crate::Engine;
use bollard::query_parameters::{PruneBuildOptions, RemoveContainerOptions, RemoveImageOptions};
use porthole_model::system::disk::{DiskItem, DiskKind, DiskUsage, Reclaim, Reclaimed};
use porthole_model::{Action, ErrorKind, PortholeError};

/// `docker system df -v`.
pub async fn usage(engine: &Engine) -> Result<DiskUsage, PortholeError> {
    crate::as_action(Action::DiskUsage, async {
        engine
            .docker
            .df(None::<bollard::query_parameters::DataUsageOptions>)
            .await
            .map(DiskUsage::from)
            .map_err(from_bollard)
    })
    .await
}

/// An image removed as `docker rmi` does it by name: each tag untagged (the last one deletes the image), never
/// forced, so an image a container uses by now is refused, not pulled from under it.
async fn remove_image(
    engine: &Engine,
    id: &str,
    previewed: &[String],
) -> Result<(), PortholeError> {
    let mut tags: Vec<String> = engine
        .docker
        .inspect_image(id)
        .await
        .map_err(from_bollard)?
        .repo_tags
        .unwrap_or_default()
        .into_iter()
        .filter(|t| t.as_str() != "<none>:<none>")
        .collect();
    let mut shown = previewed.to_vec();
    tags.sort();
    shown.sort();
    // A name added since the preview was not confirmed: nothing of this image goes.
    if tags != shown {
        return Err(PortholeError::new(
            ErrorKind::Conflict,
            format!(
                "Its names changed since the preview (now: {}): look again before removing it.",
                tags.join(", ")
            ),
            "",
        ));
    }
    let options = || {
        Some(RemoveImageOptions {
            force: false,
            noprune: false,
        })
    };
    for tag in tags.iter().filter(|t| t.as_str() != "<none>:<none>") {
        engine
            .docker
            .remove_image(tag, options(), None)
            .await
            .map_err(from_bollard)?;
    }
    match engine.docker.remove_image(id, options(), None).await {
        Ok(_) => Ok(()),
        // Untagging the last name already deleted it.
        Err(e) if crate::error::kind_of(&e) == ErrorKind::NotFound && !tags.is_empty() => Ok(()),
        Err(e) => Err(from_bollard(e)),
    }
}

async fn remove_one(engine: &Engine, kind: DiskKind, item: &DiskItem) -> Result<(), PortholeError> {
    let id = item.id.as_str();
    match kind {
        DiskKind::Images => remove_image(engine, id, &item.tags).await,
        DiskKind::Containers => {
            // Not forced: a container started since the preview is refused and stays.
            let options = RemoveContainerOptions {
                force: false,
                v: false,
                link: false,
            };
            engine
                .docker
                .remove_container(id, Some(options))
                .await
                .map_err(from_bollard)
        }
        DiskKind::Volumes => crate::volume::remove(engine, id).await,
        DiskKind::BuildCache => Ok(()),
    }
}

/// Removes exactly `reclaim.items`; the build cache, which has no removal by record, is pruned of every record no
/// build uses (what the preview listed, unless a build ran since).
pub async fn reclaim(engine: &Engine, reclaim: &Reclaim) -> Result<Reclaimed, PortholeError> {
    crate::as_action(
        Action::Reclaim {
            reclaim: reclaim.clone(),
        },
        async {
            let mut done = Reclaimed::default();
            if reclaim.kind == DiskKind::BuildCache {
                let pruned = engine
                    .docker
                    .prune_build(None::<PruneBuildOptions>)
                    .await
                    .map_err(from_bollard)?;
                done.removed = pruned.caches_deleted.unwrap_or_default();
                done.freed = pruned.space_reclaimed.unwrap_or(0);
                return Ok(done);
            }
            for item in &reclaim.items {
                match remove_one(engine, reclaim.kind, item).await {
                    Ok(()) => {
                        done.removed.push(item.name.clone());
                        done.freed += item.frees(reclaim.kind);
                    }
                    Err(error) => done.refused.push((item.name.clone(), error.message)),
                }
            }
            Ok(done)
        },
    )
    .await
}
