//! Preferences: the user's settings (theme, confirmations, the last page, the tour's progress, …), saved by the
//! backend's settings store. Invariants: every change goes through `update` (or `update_if`), which saves it — no
//! view remembers to save; nothing is saved before the saved settings were read, so an early click cannot overwrite
//! them with defaults.

use crate::api;
use crate::store::Failure;
use leptos::prelude::*;
use leptos::task::spawn_local;
use porthole_model::Settings;

#[derive(Clone, Copy)]
pub struct Preferences {
    settings: RwSignal<Settings>,
    /// Whether the saved settings have been read.
    ready: RwSignal<bool>,
    /// Where a failed save is reported (the store's banner).
    error: RwSignal<Option<Failure>>,
}

impl Preferences {
    pub fn new(error: RwSignal<Option<Failure>>) -> Self {
        Self {
            settings: RwSignal::new(Settings::default()),
            ready: RwSignal::new(false),
            error,
        }
    }

    /// Reads the settings, tracked: a view reading them follows their changes.
    pub fn with<R>(self, read: impl FnOnce(&Settings) -> R) -> R {
        self.settings.with(read)
    }

    pub fn with_untracked<R>(self, read: impl FnOnce(&Settings) -> R) -> R {
        self.settings.with_untracked(read)
    }

    /// Changes the settings and saves them.
    pub fn update(self, change: impl FnOnce(&mut Settings)) {
        self.settings.update(change);
        self.save();
    }

    /// Changes the settings and saves them when `change` says it changed something.
    pub fn update_if(self, change: impl FnOnce(&mut Settings) -> bool) {
        if self.settings.try_update(change) == Some(true) {
            self.save();
        }
    }

    /// The saved settings arrived (`None`: unreadable, so the defaults stay): from now on changes are saved.
    pub(super) fn loaded(self, settings: Option<Settings>) {
        if let Some(settings) = settings {
            self.settings.set(settings);
        }
        self.ready.set(true);
    }

    /// Whether the saved settings have been read (before that, the defaults are shown and nothing is saved).
    pub fn ready(self) -> bool {
        self.ready.get()
    }

    fn save(self) {
        if !self.ready.get_untracked() {
            return;
        }
        let settings = self.settings.get_untracked();
        let error = self.error;
        spawn_local(async move {
            if let Err(failure) = api::set_settings(&settings).await {
                error.set(Some(failure.into()));
            }
        });
    }
}
