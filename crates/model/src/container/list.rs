//! The containers list as the UI shows it: which rows `docker ps` vs `docker ps -a` shows, filtering and sorting.
//! Pure functions over `ContainerSummary`, so they are unit-tested here instead of through the window.

use crate::container::ContainerSummary;
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ContainerColumn {
    Name,
    Image,
    State,
    Status,
    Ports,
    Created,
}

impl ContainerColumn {
    pub const ALL: [ContainerColumn; 6] = [
        Self::Name,
        Self::Image,
        Self::State,
        Self::Status,
        Self::Ports,
        Self::Created,
    ];

    pub fn title(self) -> &'static str {
        match self {
            Self::Name => "Name",
            Self::Image => "Image",
            Self::State => "State",
            Self::Status => "Status",
            Self::Ports => "Ports",
            Self::Created => "Created",
        }
    }
}

/// Sort key and direction of a list; `descending` flips the natural order of the column.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sort<C> {
    pub column: C,
    pub descending: bool,
}

impl<C: PartialEq + Copy> Sort<C> {
    /// Clicking the current column flips direction; clicking another one sorts ascending by it.
    pub fn toggled(self, column: C) -> Self {
        if self.column == column {
            Self {
                column,
                descending: !self.descending,
            }
        } else {
            Self {
                column,
                descending: false,
            }
        }
    }
}

/// One row of the containers list when grouping by compose project: a project's header, or a container.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum ListItem {
    Project {
        name: String,
        running: usize,
        total: usize,
    },
    Container {
        id: String,
    },
    /// The heading above the containers that belong to no project (when projects are shown above them), so they
    /// never look like members of the last project.
    Loose {
        total: usize,
    },
}

impl ListItem {
    /// A key that stays the same while the item is shown (for keyed rows).
    pub fn key(&self) -> String {
        match self {
            Self::Project { name, .. } => format!("project:{name}"),
            Self::Container { id } => id.clone(),
            Self::Loose { .. } => "loose".to_owned(),
        }
    }
}

/// `rows` (already filtered and sorted) as list items: with `group`, each compose project's containers follow
/// its header, projects in name order, then the containers that belong to no project, in their own order.
pub fn grouped(rows: &[&ContainerSummary], group: bool) -> Vec<ListItem> {
    let item = |c: &&ContainerSummary| ListItem::Container { id: c.id.clone() };
    if !group {
        return rows.iter().map(item).collect();
    }
    let mut projects: std::collections::BTreeMap<&str, Vec<&ContainerSummary>> = Default::default();
    let mut loose = Vec::new();
    for row in rows {
        match row.compose_project.as_deref() {
            Some(project) => projects.entry(project).or_default().push(row),
            None => loose.push(*row),
        }
    }
    let mut items = Vec::new();
    for (name, members) in projects {
        items.push(ListItem::Project {
            name: name.to_owned(),
            running: members.iter().filter(|c| c.state.is_running()).count(),
            total: members.len(),
        });
        items.extend(members.iter().map(item));
    }
    if !items.is_empty() && !loose.is_empty() {
        items.push(ListItem::Loose { total: loose.len() });
    }
    items.extend(loose.iter().map(item));
    items
}

/// The rows to show: running only unless `show_all`, matching `filter` (case-insensitive, on name, image, id,
/// state, ports and compose project), sorted. Ties keep the newest first so the order is stable.
pub fn visible<'a>(
    containers: &'a [ContainerSummary],
    show_all: bool,
    filter: &str,
    sort: Sort<ContainerColumn>,
) -> Vec<&'a ContainerSummary> {
    let needle = filter.trim().to_lowercase();
    let mut rows: Vec<&ContainerSummary> = containers
        .iter()
        .filter(|c| show_all || c.state.is_running())
        .filter(|c| needle.is_empty() || matches(c, &needle))
        .collect();
    rows.sort_by(|a, b| {
        let order = compare(a, b, sort.column);
        let order = if sort.descending {
            order.reverse()
        } else {
            order
        };
        order
            .then_with(|| b.created.cmp(&a.created))
            .then_with(|| a.id.cmp(&b.id))
    });
    rows
}

fn matches(container: &ContainerSummary, needle: &str) -> bool {
    container.name.to_lowercase().contains(needle)
        || container.image.to_lowercase().contains(needle)
        || container.id.starts_with(needle)
        || container.state.as_str().contains(needle)
        || container.ports_label().contains(needle)
        || container
            .compose_project
            .as_deref()
            .is_some_and(|p| p.to_lowercase().contains(needle))
}

fn compare(a: &ContainerSummary, b: &ContainerSummary, column: ContainerColumn) -> Ordering {
    match column {
        ContainerColumn::Name => a.name.to_lowercase().cmp(&b.name.to_lowercase()),
        ContainerColumn::Image => a.image.cmp(&b.image),
        ContainerColumn::State => a.state.as_str().cmp(b.state.as_str()),
        ContainerColumn::Status => a.status.cmp(&b.status),
        ContainerColumn::Ports => a.ports_label().cmp(&b.ports_label()),
        // Natural order for time is newest first, like `docker ps`.
        ContainerColumn::Created => b.created.cmp(&a.created),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::container::ContainerState;

    fn container(name: &str, state: ContainerState, created: i64) -> ContainerSummary {
        ContainerSummary {
            id: format!("{name:0>12}"),
            name: name.into(),
            image: "porthole-test/busybox:1".into(),
            image_id: "sha256:1".into(),
            command: "sleep 1d".into(),
            state,
            status: String::new(),
            ports: vec![],
            created,
            compose_project: None,
            compose_service: None,
        }
    }

    #[test]
    fn running_only_unless_all() {
        let list = vec![
            container("web", ContainerState::Running, 2),
            container("old", ContainerState::Exited, 1),
        ];
        let sort = Sort {
            column: ContainerColumn::Created,
            descending: false,
        };
        assert_eq!(visible(&list, false, "", sort).len(), 1);
        assert_eq!(visible(&list, true, "", sort).len(), 2);
    }

    #[test]
    fn filter_is_case_insensitive_and_covers_state() {
        let list = vec![
            container("Web", ContainerState::Running, 2),
            container("db", ContainerState::Exited, 1),
        ];
        let sort = Sort {
            column: ContainerColumn::Name,
            descending: false,
        };
        assert_eq!(visible(&list, true, "WEB", sort)[0].name, "Web");
        assert_eq!(visible(&list, true, "exited", sort)[0].name, "db");
        assert!(visible(&list, true, "nothing-like-it", sort).is_empty());
    }

    #[test]
    fn sorting_and_toggling() {
        let list = vec![
            container("b", ContainerState::Running, 1),
            container("a", ContainerState::Running, 2),
            container("c", ContainerState::Running, 3),
        ];
        let by_name = Sort {
            column: ContainerColumn::Name,
            descending: false,
        };
        let names = |s| {
            visible(&list, false, "", s)
                .iter()
                .map(|c| c.name.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(names(by_name), ["a", "b", "c"]);
        assert_eq!(
            names(by_name.toggled(ContainerColumn::Name)),
            ["c", "b", "a"]
        );
        assert_eq!(
            names(by_name.toggled(ContainerColumn::Created)),
            ["c", "a", "b"]
        );
    }

    #[test]
    fn projects_group_their_containers_and_loose_ones_follow() {
        let mut web = container("web", ContainerState::Running, 3);
        web.compose_project = Some("shop".into());
        let mut db = container("db", ContainerState::Exited, 2);
        db.compose_project = Some("shop".into());
        let loose = container("loose", ContainerState::Running, 1);
        let mut other = container("api", ContainerState::Running, 4);
        other.compose_project = Some("blog".into());
        let rows = [&loose, &web, &other, &db];
        let items = grouped(&rows, true);
        let keys: Vec<String> = items.iter().map(ListItem::key).collect();
        assert_eq!(
            keys,
            [
                "project:blog",
                other.id.as_str(),
                "project:shop",
                web.id.as_str(),
                db.id.as_str(),
                "loose",
                loose.id.as_str()
            ]
        );
        // Without projects, no heading at all.
        let alone = grouped(&[&loose], true);
        assert_eq!(
            alone,
            [ListItem::Container {
                id: loose.id.clone()
            }]
        );
        assert_eq!(
            items[2],
            ListItem::Project {
                name: "shop".into(),
                running: 1,
                total: 2
            }
        );
        assert_eq!(grouped(&rows, false).len(), 4);
    }
}
