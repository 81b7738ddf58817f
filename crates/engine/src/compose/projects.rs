//! The compose projects on the engine, from the labels the Compose tool puts on every container it makes — so a
//! project brought up in a terminal is listed too, with the file it came from.

use porthole_model::compose::{
    ComposeProject, ProjectContainer, ProjectService, CONFIG_FILES_LABEL, PROJECT_LABEL,
    SERVICE_LABEL, WORKING_DIR_LABEL,
};
use porthole_model::{ContainerState, PortholeError};
use std::collections::{BTreeMap, HashMap};

/// Every project with at least one container (any state), sorted by name; services and containers sorted too.
pub async fn list(engine: &crate::Engine) -> Result<Vec<ComposeProject>, PortholeError> {
    let filters = HashMap::from([("label".to_owned(), vec![PROJECT_LABEL.to_owned()])]);
    let containers = crate::container::list::listed(engine, true, filters).await?;
    let mut projects: BTreeMap<String, ComposeProject> = BTreeMap::new();
    for container in containers {
        let labels = container.labels.unwrap_or_default();
        let Some(name) = labels.get(PROJECT_LABEL) else {
            continue;
        };
        let project = projects
            .entry(name.clone())
            .or_insert_with(|| ComposeProject {
                name: name.clone(),
                working_dir: labels.get(WORKING_DIR_LABEL).cloned().unwrap_or_default(),
                config_files: labels
                    .get(CONFIG_FILES_LABEL)
                    .map(|files| files.split(',').map(str::to_owned).collect())
                    .unwrap_or_default(),
                services: Vec::new(),
            });
        let service = labels.get(SERVICE_LABEL).cloned().unwrap_or_default();
        let index = match project.services.iter().position(|s| s.name == service) {
            Some(index) => index,
            None => {
                project.services.push(ProjectService {
                    name: service,
                    containers: Vec::new(),
                });
                project.services.len() - 1
            }
        };
        project.services[index].containers.push(ProjectContainer {
            id: container.id.unwrap_or_default(),
            name: container
                .names
                .unwrap_or_default()
                .first()
                .map(|n| n.trim_start_matches('/').to_owned())
                .unwrap_or_default(),
            state: container.state.map_or(ContainerState::Unknown, |s| {
                ContainerState::parse(s.as_ref())
            }),
            status: container.status.unwrap_or_default(),
        });
    }
    let mut list: Vec<ComposeProject> = projects.into_values().collect();
    for project in &mut list {
        project.services.sort_by(|a, b| a.name.cmp(&b.name));
        for service in &mut project.services {
            service.containers.sort_by(|a, b| a.name.cmp(&b.name));
        }
    }
    Ok(list)
}
