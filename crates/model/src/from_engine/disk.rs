//! `GET /system/df` as the disk page's figures: each image, container, volume and build-cache record with its size
//! and whether something uses it.

use crate::container::ContainerState;
use crate::system::disk::{DiskItem, DiskUsage};
use bollard::models as engine;

fn image(image: engine::ImageSummary) -> DiskItem {
    let short = crate::container::short_id(image.id.trim_start_matches("sha256:")).to_owned();
    let tags: Vec<String> = image
        .repo_tags
        .iter()
        .filter(|t| t.as_str() != "<none>:<none>")
        .cloned()
        .collect();
    // A dangling image is known by its short id, which `docker rmi` takes.
    let name = tags.first().cloned().unwrap_or(short);
    DiskItem {
        id: image.id,
        name,
        size: image.size,
        shared: image.shared_size,
        users: image.containers.max(0),
        in_use: image.containers != 0,
        counted: true,
        tags,
    }
}

fn container(container: engine::ContainerSummary) -> DiskItem {
    let state = container.state.map_or(ContainerState::Unknown, |s| {
        ContainerState::parse(s.as_ref())
    });
    // `docker system df` counts running, paused and restarting containers as active.
    let active = matches!(
        state,
        ContainerState::Running | ContainerState::Paused | ContainerState::Restarting
    );
    let name = container
        .names
        .unwrap_or_default()
        .first()
        .map(|n| n.trim_start_matches('/').to_owned())
        .unwrap_or_default();
    DiskItem {
        id: container.id.unwrap_or_default(),
        name,
        size: container.size_rw.unwrap_or(0),
        shared: 0,
        users: active as i64,
        in_use: active,
        counted: true,
        tags: Vec::new(),
    }
}

fn volume(volume: engine::Volume) -> DiskItem {
    let usage = volume.usage_data.unwrap_or(engine::VolumeUsageData {
        size: -1,
        ref_count: -1,
    });
    DiskItem {
        id: volume.name.clone(),
        name: volume.name,
        size: usage.size,
        shared: 0,
        users: usage.ref_count.max(0),
        // The engine did not count its users (-1): never offer to remove what might be in use.
        in_use: usage.ref_count != 0,
        counted: true,
        tags: Vec::new(),
    }
}

fn cache(record: engine::BuildCache) -> DiskItem {
    let id = record.id.unwrap_or_default();
    DiskItem {
        name: record
            .description
            .filter(|d| !d.is_empty())
            .unwrap_or_else(|| id.clone()),
        id,
        size: record.size.unwrap_or(0),
        shared: 0,
        users: record.usage_count.unwrap_or(0),
        in_use: record.in_use.unwrap_or(false),
        counted: !record.shared.unwrap_or(false),
        tags: Vec::new(),
    }
}

impl From<engine::SystemDataUsageResponse> for DiskUsage {
    fn from(df: engine::SystemDataUsageResponse) -> Self {
        DiskUsage {
            layers_size: df.layers_size.unwrap_or(0),
            images: df
                .images
                .unwrap_or_default()
                .into_iter()
                .map(image)
                .collect(),
            containers: df
                .containers
                .unwrap_or_default()
                .into_iter()
                .map(container)
                .collect(),
            volumes: df
                .volumes
                .unwrap_or_default()
                .into_iter()
                .map(volume)
                .collect(),
            build_cache: df
                .build_cache
                .unwrap_or_default()
                .into_iter()
                .map(cache)
                .collect(),
        }
    }
}
