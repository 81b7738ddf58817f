//! Volumes (`docker volume ls|create|rm|prune`), with the containers using each — the engine's list does not say,
//! so it comes from one container list's mounts.

use crate::error::{from_bollard, from_bollard_with};
use crate::Engine;
use bollard::models::VolumeCreateOptions;
use bollard::query_parameters::{ListContainersOptions, ListVolumesOptions, RemoveVolumeOptions};
use porthole_model::container::run::MountKind;
use porthole_model::volume::{MountUse, VolumeCreate};
use porthole_model::{ErrorKind, PortholeError, VolumeSummary};
use std::collections::HashMap;

/// Names of all volumes. `GET /info` does not count volumes, so the engine page asks for this list.
/// Only the volume list: this runs on every engine refresh, so it must not also list containers as `list` does.
pub async fn names(engine: &Engine) -> Result<Vec<String>, PortholeError> {
    let response = engine
        .docker
        .list_volumes(None::<ListVolumesOptions>)
        .await
        .map_err(from_bollard)?;
    Ok(response
        .volumes
        .unwrap_or_default()
        .into_iter()
        .map(|v| v.name)
        .collect())
}

/// Every volume, sorted by name, with the names of the containers (any state) that mount it.
pub async fn list(engine: &Engine) -> Result<Vec<VolumeSummary>, PortholeError> {
    crate::as_action(porthole_model::Action::ListVolumes, async move {
        let volumes = engine.docker.list_volumes(None::<ListVolumesOptions>);
        let containers = engine.docker.list_containers(Some(ListContainersOptions {
            all: true,
            ..Default::default()
        }));
        let (volumes, containers) = tokio::try_join!(volumes, containers).map_err(from_bollard)?;
        let mut users: HashMap<String, Vec<String>> = HashMap::new();
        for (name, mounts) in containers.into_iter().map(name_and_mounts) {
            for mount in mounts {
                if let Some(volume) = mount.name.filter(|n| !n.is_empty()) {
                    users.entry(volume).or_default().push(name.clone());
                }
            }
        }
        let mut list: Vec<VolumeSummary> = volumes
            .volumes
            .unwrap_or_default()
            .into_iter()
            .map(|volume| VolumeSummary {
                users: users.remove(&volume.name).unwrap_or_default(),
                created: volume.created_at.map(|c| c.to_string()).unwrap_or_default(),
                labels: sorted(volume.labels),
                options: sorted(volume.options),
                name: volume.name,
                driver: volume.driver,
                mountpoint: volume.mountpoint,
            })
            .collect();
        list.sort_by(|a, b| a.name.cmp(&b.name));
        Ok(list)
    })
    .await
}

/// A listed container's name (without the engine's `/`) and its mounts.
fn name_and_mounts(
    container: bollard::models::ContainerSummary,
) -> (String, Vec<bollard::models::MountPoint>) {
    let name = container
        .names
        .unwrap_or_default()
        .first()
        .map(|n| n.trim_start_matches('/').to_owned())
        .unwrap_or_default();
    (name, container.mounts.unwrap_or_default())
}

fn sorted(map: HashMap<String, String>) -> Vec<(String, String)> {
    let mut pairs: Vec<(String, String)> = map.into_iter().collect();
    pairs.sort();
    pairs
}

/// `docker volume create` with the request's driver, options and labels. Creating one that exists is not an
/// error, as with the CLI.
pub async fn create(engine: &Engine, request: &VolumeCreate) -> Result<(), PortholeError> {
    crate::as_action(
        porthole_model::Action::CreateVolume {
            request: request.clone(),
        },
        async move {
            let name = porthole_model::volume::parse_name(&request.name)
                .map_err(PortholeError::invalid_input)?;
            let options = VolumeCreateOptions {
                name: Some(name),
                driver: Some(request.driver.clone()).filter(|d| !d.is_empty()),
                driver_opts: Some(request.options.iter().cloned().collect()),
                labels: Some(request.labels.iter().cloned().collect()),
                ..Default::default()
            };
            engine
                .docker
                .create_volume(options)
                .await
                .map(|_| ())
                .map_err(from_bollard)
        },
    )
    .await
}

/// `docker volume rm name`: while a container uses it the engine refuses (409); the error names those containers.
pub async fn remove(engine: &Engine, name: &str) -> Result<(), PortholeError> {
    crate::as_action(porthole_model::Action::RemoveVolume { name: name.to_owned() }, async move {
    let Err(error) = engine
        .docker
        .remove_volume(name, None::<RemoveVolumeOptions>)
        .await
    else {
        return Ok(());
    };
    let mut error = from_bollard_with(error, |kind| {
        (kind == ErrorKind::NotFound)
            .then(|| format!("There is no volume {name} on this engine (any more)."))
    });
    if error.kind == ErrorKind::Conflict {
        let users = list(engine)
            .await
            .ok()
            .and_then(|volumes| volumes.into_iter().find(|v| v.name == name))
            .map(|v| v.users)
            .unwrap_or_default();
        error.message = format!(
            "Containers still use the volume {name} ({}). Remove those containers first: a volume in use cannot go, \
             and removing a container never removes its named volumes.",
            users.join(", ")
        );
        error.related = users;
    }
    Err(error)
    })
    .await
}

/// `docker volume prune`: removes every volume no container uses; returns the names removed.
pub async fn prune(engine: &Engine) -> Result<Vec<String>, PortholeError> {
    crate::as_action(porthole_model::Action::PruneVolumes, async move {
        let response = engine
            .docker
            .prune_volumes(None::<bollard::query_parameters::PruneVolumesOptions>)
            .await
            .map_err(from_bollard)?;
        Ok(response.volumes_deleted.unwrap_or_default())
    })
    .await
}

/// `docker volume rm A B …`: removes exactly the named volumes (what "Remove unused" listed), each on its own;
/// returns the names removed. A volume a container started using meanwhile is refused by the engine and stays; the
/// first refusal is returned after the others were tried.
pub async fn remove_many(engine: &Engine, names: &[String]) -> Result<Vec<String>, PortholeError> {
    crate::as_action(
        porthole_model::Action::RemoveVolumes {
            names: names.to_vec(),
        },
        crate::remove_each::remove_each(names, |name| async move { remove(engine, &name).await }),
    )
    .await
}

/// `docker volume inspect`: the engine's JSON for the volume, for the Inspect panel.
pub async fn inspect(engine: &Engine, name: &str) -> Result<String, PortholeError> {
    crate::as_action(
        porthole_model::Action::InspectVolume {
            name: name.to_owned(),
        },
        async move {
            let volume = engine
                .docker
                .inspect_volume(name)
                .await
                .map_err(from_bollard)?;
            Ok(serde_json::to_string_pretty(&volume).unwrap_or_default())
        },
    )
    .await
}

/// The bind mounts and tmpfs mounts of every container (any state), with the container's name: storage that is
/// not a volume but lives on the host or in memory. (`--tmpfs` mounts made the old way are not in the engine's
/// mount list; `--mount type=tmpfs` ones are.)
pub async fn host_mounts(engine: &Engine) -> Result<Vec<MountUse>, PortholeError> {
    let containers = crate::container::list::listed(engine, true, HashMap::new()).await?;
    let mut uses = Vec::new();
    for (name, mounts) in containers.into_iter().map(name_and_mounts) {
        for mount in mounts {
            let kind = match mount.typ {
                Some(bollard::models::MountPointTypeEnum::BIND) => MountKind::Bind,
                Some(bollard::models::MountPointTypeEnum::TMPFS) => MountKind::Tmpfs,
                _ => continue,
            };
            uses.push(MountUse {
                kind,
                source: if kind == MountKind::Bind {
                    mount.source.unwrap_or_default()
                } else {
                    String::new()
                },
                destination: mount.destination.unwrap_or_default(),
                container: name.clone(),
                read_only: mount.rw == Some(false),
            });
        }
    }
    uses.sort_by(|a, b| (&a.container, &a.destination).cmp(&(&b.container, &b.destination)));
    Ok(uses)
}
