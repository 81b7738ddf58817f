//! The user's settings, persisted by the backend with tauri-plugin-store.
//!
//! Invariant: every field has a default and unknown or malformed fields fall back to it, so a settings file written
//! by another version (or damaged) never stops the app from starting.

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Theme {
    /// Follow the operating system's light/dark preference.
    #[default]
    System,
    Light,
    Dark,
}

/// The app's screens. The sidebar, the router and the "last page" setting all use this one list.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Page {
    #[default]
    Containers,
    Images,
    Volumes,
    Networks,
    Compose,
    Swarm,
    Registries,
    Engine,
    /// Where the disk went (`docker system df`).
    Disk,
    Settings,
    /// The concept pages.
    Learn,
    /// The guided walk-through of the notes.
    Tour,
}

impl Page {
    pub const ALL: [Page; 12] = [
        Page::Containers,
        Page::Images,
        Page::Volumes,
        Page::Networks,
        Page::Compose,
        Page::Swarm,
        Page::Registries,
        Page::Engine,
        Page::Disk,
        Page::Learn,
        Page::Tour,
        Page::Settings,
    ];

    pub fn title(self) -> &'static str {
        match self {
            Self::Containers => "Containers",
            Self::Images => "Images",
            Self::Volumes => "Volumes",
            Self::Networks => "Networks",
            Self::Compose => "Compose",
            Self::Swarm => "Swarm",
            Self::Registries => "Registries",
            Self::Engine => "Engine",
            Self::Disk => "Disk usage",
            Self::Settings => "Settings",
            Self::Learn => "Learn",
            Self::Tour => "Guided tour",
        }
    }

    /// A stable id for the DOM and for tests.
    pub fn slug(self) -> &'static str {
        match self {
            Self::Containers => "containers",
            Self::Images => "images",
            Self::Volumes => "volumes",
            Self::Networks => "networks",
            Self::Compose => "compose",
            Self::Swarm => "swarm",
            Self::Registries => "registries",
            Self::Engine => "engine",
            Self::Disk => "disk",
            Self::Settings => "settings",
            Self::Learn => "learn",
            Self::Tour => "tour",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    pub theme: Theme,
    pub last_page: Page,
    /// Ask before removing, killing or pruning.
    pub confirm_destructive: bool,
    /// The containers page shows stopped containers too (`docker ps -a`); remembered between runs.
    pub show_all_containers: bool,
    /// Registries the user added on the Registries page (`host[:port]`), shown even when not logged in. Logins
    /// themselves live in the docker CLI's credential store, never here.
    pub registries: Vec<String>,
    /// The containers page groups containers by compose project (the `com.docker.compose.project` label).
    pub group_by_project: bool,
    /// How far the guided tour got, and where its images come from.
    pub tour: crate::tour::TourProgress,
    /// Compose files opened on the Compose page, most recent first (at most `RECENT_FILES`).
    pub compose_files: Vec<String>,
    /// The page last shown on each engine (by its name in the engine list), so switching back returns to it.
    pub engine_pages: Vec<(String, Page)>,
    /// Column widths the user dragged, in pixels, by `table.column` (e.g. `containers.name`); others keep the
    /// stylesheet's.
    pub column_widths: Vec<(String, u32)>,
    /// The engine last chosen in the switcher (its name in the engine list): followed again at the next start,
    /// while it is still listed — over `DOCKER_HOST` or the current context, since it was the user's own choice here.
    pub engine: Option<String>,
    /// Which desktop notifications are raised (container exits, long tasks), and containers left out of them.
    pub notifications: crate::notification::NotificationSettings,
}

/// How many recently opened compose files are remembered.
pub const RECENT_FILES: usize = 8;
/// How many engines' last pages are remembered (the least recently left go first).
pub const ENGINE_PAGES: usize = 16;
/// The narrowest and widest a dragged column may be: never so narrow its values cannot be told apart.
pub const COLUMN_WIDTHS: std::ops::RangeInclusive<u32> = 48..=900;

impl Settings {
    /// Puts `path` first among the recent compose files.
    pub fn opened_compose_file(&mut self, path: &str) {
        self.compose_files.retain(|p| p != path);
        self.compose_files.insert(0, path.to_owned());
        self.compose_files.truncate(RECENT_FILES);
    }

    /// Remembers that `page` was showing when the user left `engine`.
    pub fn left_engine_on(&mut self, engine: &str, page: Page) {
        self.engine_pages.retain(|(name, _)| name != engine);
        self.engine_pages.insert(0, (engine.to_owned(), page));
        self.engine_pages.truncate(ENGINE_PAGES);
    }

    /// The width the user gave the column `key`, if any.
    pub fn column_width(&self, key: &str) -> Option<u32> {
        self.column_widths
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, w)| *w)
    }

    /// Remembers a dragged width (kept within `COLUMN_WIDTHS`); `None` gives the column back its own.
    pub fn set_column_width(&mut self, key: &str, width: Option<u32>) {
        self.column_widths.retain(|(k, _)| k != key);
        if let Some(width) = width {
            let width = width.clamp(*COLUMN_WIDTHS.start(), *COLUMN_WIDTHS.end());
            self.column_widths.push((key.to_owned(), width));
        }
    }

    /// The page to show on arriving at `engine`: the one it was left on, if any.
    pub fn page_on(&self, engine: &str) -> Option<Page> {
        self.engine_pages
            .iter()
            .find(|(name, _)| name == engine)
            .map(|(_, page)| *page)
    }
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            theme: Theme::System,
            last_page: Page::Containers,
            confirm_destructive: true,
            show_all_containers: false,
            registries: Vec::new(),
            group_by_project: true,
            tour: Default::default(),
            compose_files: Vec::new(),
            engine_pages: Vec::new(),
            column_widths: Vec::new(),
            engine: None,
            notifications: Default::default(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_fields_take_defaults() {
        let settings: Settings = serde_json::from_str(r#"{"theme":"dark"}"#).unwrap();
        assert_eq!(settings.theme, Theme::Dark);
        assert!(settings.confirm_destructive);
        assert_eq!(settings.last_page, Page::Containers);
    }

    #[test]
    fn recent_compose_files_most_recent_first_without_repeats() {
        let mut settings = Settings::default();
        for i in 0..10 {
            settings.opened_compose_file(&format!("/p/{i}/compose.yaml"));
        }
        settings.opened_compose_file("/p/5/compose.yaml");
        assert_eq!(settings.compose_files.len(), RECENT_FILES);
        assert_eq!(settings.compose_files[0], "/p/5/compose.yaml");
        assert_eq!(
            settings
                .compose_files
                .iter()
                .filter(|p| p.as_str() == "/p/5/compose.yaml")
                .count(),
            1
        );
    }

    #[test]
    fn each_engine_keeps_the_page_it_was_left_on() {
        let mut settings = Settings::default();
        assert_eq!(settings.page_on("pi"), None);
        settings.left_engine_on("pi", Page::Volumes);
        settings.left_engine_on("default", Page::Images);
        settings.left_engine_on("pi", Page::Swarm);
        assert_eq!(settings.page_on("pi"), Some(Page::Swarm));
        assert_eq!(settings.page_on("default"), Some(Page::Images));
        for i in 0..40 {
            settings.left_engine_on(&format!("ctx{i}"), Page::Networks);
        }
        assert_eq!(settings.engine_pages.len(), ENGINE_PAGES);
        assert_eq!(
            settings.page_on("pi"),
            None,
            "the least recently left went first"
        );
    }

    #[test]
    fn dragged_column_widths_are_kept_within_bounds_and_can_be_reset() {
        let mut settings = Settings::default();
        assert_eq!(settings.column_width("containers.name"), None);
        settings.set_column_width("containers.name", Some(310));
        settings.set_column_width("containers.image", Some(3));
        settings.set_column_width("containers.name", Some(320));
        assert_eq!(settings.column_width("containers.name"), Some(320));
        assert_eq!(
            settings.column_width("containers.image"),
            Some(48),
            "never narrower than 48 px"
        );
        assert_eq!(settings.column_widths.len(), 2);
        settings.set_column_width("containers.name", None);
        assert_eq!(settings.column_width("containers.name"), None);
        let again: Settings =
            serde_json::from_str(&serde_json::to_string(&settings).unwrap()).unwrap();
        assert_eq!(again.column_width("containers.image"), Some(48));
    }

    #[test]
    fn slugs_are_unique() {
        let mut slugs: Vec<_> = Page::ALL.iter().map(|p| p.slug()).collect();
        slugs.dedup();
        assert_eq!(slugs.len(), Page::ALL.len());
    }
}
