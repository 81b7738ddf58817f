//! The UI's live data: one store, provided as context, kept in sync by the engine stream.
//!
//! Invariants: lists are only ever replaced by a fresh fetch (events are invalidation, never patches); a kind is
//! fetched by at most one request at a time, and a change arriving during a fetch schedules exactly one more, so
//! results apply in order and a burst never piles up requests; a (re)connect refetches every kind.

use crate::api;
mod fetch;
use fetch::{fetch, CONTAINERS, IMAGES, INFO, NETWORKS, VOLUMES};
use leptos::prelude::*;
use leptos::task::spawn_local;
use porthole_model::{
    Action, ConnectionState, ContainerSummary, EngineInfo, ImageSummary, ObjectKind, Page,
    PortholeError, Settings, StreamMessage,
};
use std::time::Duration;

#[derive(Clone, Copy)]
pub struct Store {
    pub connection: RwSignal<ConnectionState>,
    pub containers: RwSignal<Vec<ContainerSummary>>,
    pub images: RwSignal<Vec<ImageSummary>>,
    pub volumes: RwSignal<Vec<porthole_model::VolumeSummary>>,
    pub networks: RwSignal<Vec<porthole_model::network::NetworkSummary>>,
    /// Bumped whenever Swarm objects (services, nodes) or containers changed: the Swarm page rereads on it.
    pub swarm_changed: RwSignal<u64>,
    /// Every engine the user has (contexts, DOCKER_HOST, default, Podman), with what a probe of each found.
    pub engines: RwSignal<Vec<porthole_model::system::context::EngineEntry>>,
    pub info: RwSignal<Option<EngineInfo>>,
    pub settings: RwSignal<Settings>,
    pub page: RwSignal<Page>,
    /// The last failed request, shown as a dismissable banner with the next step to offer, if any.
    pub error: RwSignal<Option<Failure>>,
    /// Containers with an action under way (by name), so their buttons show it and cannot be pressed twice.
    pub busy: RwSignal<Vec<String>>,
    /// Unix seconds, ticking every 15 s, so relative times age without refetching anything.
    pub now: RwSignal<i64>,
    /// When the container list was last fetched (Unix seconds): statuses age from there (`status::aged`).
    pub containers_fetched_at: RwSignal<i64>,
    /// Whether the lists have been fetched at least once since the app started.
    pub loaded: RwSignal<bool>,
    /// Whether the container list and the image list each arrived at least once (the tour decides nothing before:
    /// a list that has not arrived is not an empty one).
    pub containers_loaded: RwSignal<bool>,
    pub images_loaded: RwSignal<bool>,
    /// Registries with a stored login (from the docker CLI's credential store), fetched by the Registries page.
    pub registries: RwSignal<Vec<porthole_model::Registry>>,
    /// A registry whose login form should open (e.g. after a pull it refused), read by the Registries page.
    pub login_for: RwSignal<Option<String>>,
    /// The run dialog, open with the image it was opened for (`Some("")` for none).
    pub run_dialog: RwSignal<Option<String>>,
    /// The container whose page is shown over the list (its id), if any.
    pub open_container: RwSignal<Option<String>>,
    /// An image whose details the Images page should open (from a container's Overview), taken by that page.
    pub open_image: RwSignal<Option<String>>,
    /// The concept the Learn page shows (help buttons choose it).
    pub concept: RwSignal<porthole_model::learn::Concept>,
    /// The activity console, when open, and where it is docked.
    pub console: RwSignal<Option<Dock>>,
    /// Whether the window is hidden (minimized, another workspace): stats streams stop while nobody looks.
    pub hidden: RwSignal<bool>,
    /// Whether the user picked a page before the saved settings arrived; their choice wins over the saved one.
    navigated: RwSignal<bool>,
    /// Saving waits until the saved settings were read, so an early click cannot overwrite them with defaults.
    settings_ready: RwSignal<bool>,
}

/// Where the activity console is docked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dock {
    Bottom,
    Right,
}

impl Dock {
    pub fn name(self) -> &'static str {
        match self {
            Self::Bottom => "bottom",
            Self::Right => "right",
        }
    }
}

/// A failed request and, when there is one, the action that recovers from it (e.g. remove with force).
#[derive(Clone, Debug)]
pub struct Failure {
    pub error: PortholeError,
    pub follow_ups: Vec<Action>,
}

impl From<PortholeError> for Failure {
    fn from(error: PortholeError) -> Self {
        Self {
            error,
            follow_ups: Vec::new(),
        }
    }
}

pub(crate) fn now_secs() -> i64 {
    (js_sys::Date::now() / 1000.0) as i64
}

impl Store {
    pub fn new() -> Self {
        Self {
            connection: RwSignal::new(ConnectionState::Connecting {
                endpoint: String::new(),
            }),
            containers: RwSignal::new(Vec::new()),
            images: RwSignal::new(Vec::new()),
            volumes: RwSignal::new(Vec::new()),
            networks: RwSignal::new(Vec::new()),
            engines: RwSignal::new(Vec::new()),
            swarm_changed: RwSignal::new(0),
            info: RwSignal::new(None),
            settings: RwSignal::new(Settings::default()),
            page: RwSignal::new(Page::Containers),
            error: RwSignal::new(None),
            busy: RwSignal::new(Vec::new()),
            now: RwSignal::new(now_secs()),
            containers_fetched_at: RwSignal::new(now_secs()),
            loaded: RwSignal::new(false),
            containers_loaded: RwSignal::new(false),
            images_loaded: RwSignal::new(false),
            registries: RwSignal::new(Vec::new()),
            login_for: RwSignal::new(None),
            run_dialog: RwSignal::new(None),
            open_container: RwSignal::new(None),
            hidden: RwSignal::new(document().hidden()),
            console: RwSignal::new(None),
            concept: RwSignal::new(porthole_model::learn::Concept::Engine),
            open_image: RwSignal::new(None),
            navigated: RwSignal::new(false),
            settings_ready: RwSignal::new(false),
        }
    }

    /// Loads settings, opens the engine stream, and starts the clock. Called once by the app.
    pub fn start(self) {
        // Registered now, under the app's owner: a cleanup registered after an `.await` would have no owner.
        let subscription = StoredValue::new(None::<u64>);
        on_cleanup(move || {
            if let Some(id) = subscription.try_get_value().flatten() {
                spawn_local(async move {
                    let _ = api::unsubscribe(id).await;
                });
            }
        });
        spawn_local(async move {
            if let Ok(mut settings) = api::get_settings().await {
                let navigated = self.navigated.get_untracked();
                if navigated {
                    settings.last_page = self.page.get_untracked();
                } else {
                    self.page.set(settings.last_page);
                }
                self.settings.set(settings);
                self.settings_ready.set(true);
                if navigated {
                    self.save_settings();
                }
            } else {
                // Unreadable settings: run on defaults and save what the user changes from now on.
                self.settings_ready.set(true);
            }
            match api::subscribe_engine(move |message| self.handle(message)).await {
                Ok(id) => subscription.set_value(Some(id)),
                Err(error) => self.error.set(Some(error.into())),
            }
        });
        self.refresh_engines();
        set_interval(move || self.now.set(now_secs()), Duration::from_secs(15));
        // For the app's lifetime: the store lives as long as the page.
        let on_visibility = wasm_bindgen::closure::Closure::<dyn Fn()>::new(move || {
            self.hidden.try_set(document().hidden());
        });
        let _ = document().add_event_listener_with_callback(
            "visibilitychange",
            wasm_bindgen::JsCast::unchecked_ref(on_visibility.as_ref()),
        );
        on_visibility.forget();
    }

    fn handle(self, message: StreamMessage) {
        match message {
            StreamMessage::Connection { state } => {
                let connected = state.is_connected();
                if let ConnectionState::Connected { info } = &state {
                    self.info.set(Some((**info).clone()));
                }
                self.connection.set(state);
                if connected {
                    // A (re)connect may follow an engine restart: everything may have changed.
                    self.refresh(ObjectKind::Container);
                    self.refresh(ObjectKind::Image);
                    self.refresh(ObjectKind::Volume);
                    self.refresh(ObjectKind::Network);
                }
            }
            StreamMessage::Invalidated { kinds } => {
                let mut now = std::collections::BTreeSet::new();
                for kind in &kinds {
                    now.extend(kind.affects().iter().copied());
                }
                for kind in &now {
                    self.refresh(*kind);
                }
                let later = kinds.iter().flat_map(|k| k.counted_in().iter().copied());
                fetch::when_settled(self, later.filter(|k| !now.contains(k)).collect());
            }
        }
    }

    pub fn refresh(self, kind: ObjectKind) {
        match kind {
            ObjectKind::Container => fetch(&CONTAINERS, kind, self),
            ObjectKind::Image => fetch(&IMAGES, kind, self),
            ObjectKind::Engine => fetch(&INFO, kind, self),
            ObjectKind::Volume => fetch(&VOLUMES, kind, self),
            ObjectKind::Network => fetch(&NETWORKS, kind, self),
            ObjectKind::Swarm => self.swarm_changed.update(|n| *n += 1),
        }
    }

    /// Shows `page` and remembers it as the last page shown.
    pub fn go(self, page: Page) {
        if self.page.get_untracked() == page {
            return;
        }
        self.navigated.set(true);
        self.page.set(page);
        self.settings.update(|s| s.last_page = page);
        self.save_settings();
    }

    /// Performs a user action. Lists update from the engine's events, not from here — except for the few actions
    /// no event reports (`Action::unannounced`); a failure is shown with the follow-ups the model offers for it.
    pub fn perform(self, action: Action) {
        let target = action.target().unwrap_or_default().to_owned();
        self.error.set(None);
        self.busy.update(|b| b.push(target.clone()));
        spawn_local(async move {
            let result = api::perform(&action).await;
            self.busy.update(|b| b.retain(|t| t != &target));
            if let (Ok(()), Some(kind)) = (&result, action.unannounced()) {
                self.refresh(kind);
            }
            if let Err(error) = result {
                if error.kind == porthole_model::ErrorKind::NotFound {
                    self.refresh(ObjectKind::Container);
                    self.refresh(ObjectKind::Image);
                }
                if let Action::Image { image, .. } = &action {
                    if error.diagnosis == Some(porthole_model::diagnosis::Diagnosis::ImageInUse) {
                        self.tour_note(porthole_model::tour::TourSignal::ImageInUse, Some(image));
                    }
                }
                let follow_ups = action.follow_ups(&error);
                self.error.set(Some(Failure { error, follow_ups }));
            }
        });
    }

    /// Does `action` — or, when it deletes or moves work and the user wants confirmations, hands it to `pending`,
    /// the confirmation dialog that names what goes. The one place that choice is made.
    pub fn ask(self, pending: RwSignal<Option<Action>>, action: Action) {
        if action.is_destructive() && self.settings.with_untracked(|s| s.confirm_destructive) {
            pending.set(Some(action));
        } else {
            self.perform(action);
        }
    }

    /// Lists and probes every engine again (on start, after a switch or an add, on opening the Engine page).
    pub fn refresh_engines(self) {
        spawn_local(async move {
            if let Ok(list) = api::list_engines().await {
                self.engines.try_set(list);
            }
        });
    }

    /// Follows the engine `name`: what was shown of the previous one goes, and every list reloads when the new one
    /// answers (the connection stream says so). Each engine keeps the page it was left on: arriving shows it again.
    pub fn switch_engine(self, name: String) {
        let leaving = self
            .engines
            .with_untracked(|all| all.iter().find(|e| e.current).map(|e| e.name.clone()));
        if let Some(leaving) = leaving {
            let page = self.page.get_untracked();
            self.settings.update(|s| s.left_engine_on(&leaving, page));
            self.save_settings();
        }
        self.open_container.set(None);
        self.error.set(None);
        spawn_local(async move {
            match api::switch_engine(&name).await {
                Ok(_) => {
                    if let Some(page) = self.settings.with_untracked(|s| s.page_on(&name)) {
                        self.go(page);
                    }
                    self.refresh_engines();
                }
                Err(error) => {
                    self.error.try_set(Some(error.into()));
                }
            }
        });
    }

    /// Rereads the stored logins (after a login or logout here, or on opening the Registries page, since a
    /// terminal's `docker login` sends no event).
    pub fn refresh_registries(self) {
        spawn_local(async move {
            match api::list_registries().await {
                Ok(list) => {
                    self.registries.try_set(list);
                }
                Err(error) => {
                    self.error.try_set(Some(error.into()));
                }
            }
        });
    }

    /// Records something only the app sees for the guided tour (while a tour runs), when it concerns one of the
    /// tour's images — or no image at all (`None`).
    pub fn tour_note(self, signal: porthole_model::tour::TourSignal, reference: Option<&str>) {
        let concerns_tour = self.settings.with_untracked(|s| {
            s.tour.source.as_ref().is_some_and(|source| {
                reference.is_none_or(|reference| source.is_tour_image(reference))
            })
        });
        if concerns_tour && self.settings.try_update(|s| s.tour.note(signal)) == Some(true) {
            self.save_settings();
        }
    }

    /// Whether the saved settings have been read (before that, the defaults are shown and nothing is saved).
    pub fn settings_ready(self) -> bool {
        self.settings_ready.get()
    }

    /// Opens the Learn page on `concept` (the help buttons).
    pub fn learn(self, concept: porthole_model::learn::Concept) {
        self.concept.set(concept);
        self.go(Page::Learn);
    }

    /// Opens the Registries page with the login form for `registry`.
    pub fn ask_login(self, registry: String) {
        // A registry the user never added has no card yet: add it, so the form has somewhere to open.
        let registry = porthole_model::registry::address(&registry);
        if registry != porthole_model::registry::HUB {
            self.settings.update(|s| {
                if !s.registries.contains(&registry) {
                    s.registries.push(registry.clone());
                }
            });
            self.save_settings();
        }
        self.login_for.set(Some(registry));
        self.go(Page::Registries);
    }

    pub fn save_settings(self) {
        if !self.settings_ready.get_untracked() {
            return;
        }
        let settings = self.settings.get_untracked();
        spawn_local(async move {
            if let Err(error) = api::set_settings(&settings).await {
                self.error.set(Some(error.into()));
            }
        });
    }
}

pub fn use_store() -> Store {
    expect_context::<Store>()
}
