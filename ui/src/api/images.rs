//! The image commands: the list, details, tag, prune, and pull, push, build, save and load as subscriptions.

use super::{call, subscribe};
use porthole_model::contract::{command as c, PullArgs, TagArgs};
use porthole_model::image::pull::PullMessage;
use porthole_model::{
    BuildMessage, BuildRequest, ImageDetails, ImageReference, ImageSummary, PortholeError,
    PrunePreview, PruneReport,
};

pub async fn list_images() -> Result<Vec<ImageSummary>, PortholeError> {
    call::<c::list_images>(&()).await
}

pub async fn image_details(image: &str) -> Result<ImageDetails, PortholeError> {
    call::<c::image_details>(&image.to_owned()).await
}

/// `docker tag IMAGE TARGET`.
pub async fn tag_image(image: &str, target: &ImageReference) -> Result<(), PortholeError> {
    let args = TagArgs {
        image: image.to_owned(),
        target: target.clone(),
    };
    call::<c::tag_image>(&args).await
}

pub async fn prune_preview(all: bool) -> Result<PrunePreview, PortholeError> {
    call::<c::prune_preview>(&all).await
}

pub async fn prune_images(all: bool) -> Result<PruneReport, PortholeError> {
    call::<c::prune_images>(&all).await
}

/// Starts pulling `reference`; progress arrives on `on_message`; `unsubscribe(id)` cancels the pull.
pub async fn pull_image(
    reference: &ImageReference,
    platform: Option<&str>,
    on_message: impl FnMut(PullMessage) + 'static,
) -> Result<u64, PortholeError> {
    let args = PullArgs {
        reference: reference.clone(),
        platform: platform.map(str::to_owned),
    };
    subscribe::<c::pull_image>(&args, on_message).await
}

/// Starts pushing `reference` (already tagged for its registry), like `pull_image`.
pub async fn push_image(
    reference: &ImageReference,
    on_message: impl FnMut(PullMessage) + 'static,
) -> Result<u64, PortholeError> {
    subscribe::<c::push_image>(reference, on_message).await
}

/// Starts building; the steps arrive on `on_message`; `unsubscribe(id)` cancels the build.
pub async fn build_image(
    request: &BuildRequest,
    on_message: impl FnMut(BuildMessage) + 'static,
) -> Result<u64, PortholeError> {
    subscribe::<c::build_image>(request, on_message).await
}

/// `docker save`: its progress arrives on `on_message`; the subscription's id cancels it.
pub async fn save_images(
    request: &porthole_model::image::archive::SaveImages,
    on_message: impl FnMut(porthole_model::image::archive::ArchiveMessage) + 'static,
) -> Result<u64, PortholeError> {
    subscribe::<c::save_images>(request, on_message).await
}

/// `docker load`, like `save_images`.
pub async fn load_images(
    request: &porthole_model::image::archive::LoadImages,
    on_message: impl FnMut(porthole_model::image::archive::ArchiveMessage) + 'static,
) -> Result<u64, PortholeError> {
    subscribe::<c::load_images>(request, on_message).await
}
