//! The UI's state, one store provided as context, in three parts: the `cache` of engine objects (kept in sync by the
//! engine stream), `nav` (where the user is; routes), and `prefs` (the user's settings, saved on every change) — plus
//! the actions that span them (perform, ask, open a route, switch engine).
//!
//! Invariants: lists are only ever changed by a fresh read (events are invalidation, never patches: a container an
//! event names is read again by id, the whole list once the burst settles); a kind is fetched by at most one
//! request at a time, and a change arriving during a fetch schedules exactly one more, so
//! results apply in order and a burst never piles up requests; a (re)connect refetches every kind.

use crate::api;
mod cache;
mod fetch;
mod navigation;
mod preferences;
pub use cache::Cache;
use fetch::{fetch, Fetches};
use leptos::prelude::*;
use leptos::task::spawn_local;
pub use navigation::{Dock, Navigation, Route};
use porthole_model::{Action, ConnectionState, ObjectKind, Page, PortholeError, StreamMessage};
pub use preferences::Preferences;
use std::time::Duration;

/// The UI's state in three parts — the `cache` of engine objects, `nav` (where the user is) and `prefs` (what the
/// user chose, saved) — and the few signals about the app itself.
#[derive(Clone, Copy)]
pub struct Store {
    pub cache: Cache,
    pub nav: Navigation,
    pub prefs: Preferences,
    pub connection: RwSignal<ConnectionState>,
    /// The last failed request, shown as a dismissable banner with the next step to offer, if any.
    pub error: RwSignal<Option<Failure>>,
    /// Containers with an action under way (by name), so their buttons show it and cannot be pressed twice.
    pub busy: RwSignal<Vec<String>>,
    /// Unix seconds, ticking every 15 s, so relative times age without refetching anything.
    pub now: RwSignal<i64>,
    /// Whether the window is hidden (minimized, another workspace): stats streams stop while nobody looks.
    pub hidden: RwSignal<bool>,
    /// Whether another window has the focus (the page heard `blur`, and no `focus` since): the samples Porthole takes
    /// on its own (the list's CPU and memory columns) stop; a view the user opened for them (a container's Stats
    /// tab) keeps its stream while visible.
    pub unfocused: RwSignal<bool>,
    fetches: Fetches,
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
        let error = RwSignal::new(None);
        Self {
            cache: Cache::new(),
            nav: Navigation::new(),
            prefs: Preferences::new(error),
            connection: RwSignal::new(ConnectionState::Connecting {
                endpoint: String::new(),
            }),
            error,
            busy: RwSignal::new(Vec::new()),
            now: RwSignal::new(now_secs()),
            hidden: RwSignal::new(document().hidden()),
            unfocused: RwSignal::new(!document().has_focus().unwrap_or(true)),
            fetches: Fetches::new(),
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
        // The engine stream is opened beside the settings read, not after it: reading the lists needs no setting
        // (the page filters them itself), and the first list waits for nothing it does not need.
        spawn_local(async move {
            match api::subscribe_engine(move |message| self.handle(message)).await {
                Ok(id) => subscription.set_value(Some(id)),
                Err(error) => self.error.set(Some(error.into())),
            }
        });
        // Clicked desktop notifications: the backend has raised the window; the page goes where it leads. For the
        // page's lifetime, like the engine stream (a reload cancels both in the backend).
        spawn_local(async move {
            let opened = api::subscribe_notifications(move |opens| self.open(Route::of(opens)));
            if let Err(error) = opened.await {
                self.error.set(Some(error.into()));
            }
        });
        spawn_local(async move {
            if let Ok(settings) = api::get_settings().await {
                let navigated = self.nav.navigated.get_untracked();
                if !navigated {
                    self.nav.page.set(settings.last_page);
                }
                self.prefs.loaded(Some(settings));
                if navigated {
                    let page = self.nav.page.get_untracked();
                    self.prefs.update(|s| s.last_page = page);
                }
            } else {
                // Unreadable settings: run on defaults and save what the user changes from now on.
                self.prefs.loaded(None);
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
        for (event, unfocused) in [("blur", true), ("focus", false)] {
            let on_focus = wasm_bindgen::closure::Closure::<dyn Fn()>::new(move || {
                self.unfocused.try_set(unfocused);
            });
            let _ = window().add_event_listener_with_callback(
                event,
                wasm_bindgen::JsCast::unchecked_ref(on_focus.as_ref()),
            );
            on_focus.forget();
        }
    }

    fn handle(self, message: StreamMessage) {
        match message {
            StreamMessage::Connection { state } => {
                let connected = state.is_connected();
                if let ConnectionState::Connected { info } = &state {
                    crate::timeline::mark_once("porthole:connected");
                    self.cache.info.set(Some((**info).clone()));
                }
                self.connection.set(state);
                if connected {
                    // A (re)connect may follow an engine restart: everything may have changed. The containers
                    // first — the other lists' reads each count containers on the engine and would slow the one
                    // the user waits for most — and the others as soon as it is in.
                    fetch::after_containers(
                        self,
                        &[ObjectKind::Image, ObjectKind::Volume, ObjectKind::Network],
                    );
                    fetch::containers_reconnected(self);
                }
            }
            StreamMessage::Invalidated(batch) => {
                let mut now = std::collections::BTreeSet::new();
                for kind in &batch.kinds {
                    now.extend(kind.affects().iter().copied());
                }
                let mut later: std::collections::BTreeSet<ObjectKind> = batch
                    .kinds
                    .iter()
                    .flat_map(|k| k.counted_in().iter().copied())
                    .collect();
                if let Some(changes) = batch.named_containers() {
                    // Only the containers the burst named are read now; the whole list once it has settled, a
                    // check that what was read by id adds up.
                    now.remove(&ObjectKind::Container);
                    fetch::containers_named(self, changes);
                    later.insert(ObjectKind::Container);
                }
                for kind in &now {
                    self.refresh(*kind);
                }
                fetch::when_settled(
                    self,
                    later.into_iter().filter(|k| !now.contains(k)).collect(),
                );
            }
        }
    }

    pub fn refresh(self, kind: ObjectKind) {
        match kind {
            ObjectKind::Container
            | ObjectKind::Image
            | ObjectKind::Engine
            | ObjectKind::Volume
            | ObjectKind::Network => fetch(kind, self),
            ObjectKind::Swarm => self.cache.swarm_changed.update(|n| *n += 1),
        }
    }

    /// Shows `page` and remembers it as the last page shown.
    pub fn go(self, page: Page) {
        if self.nav.page.get_untracked() == page {
            return;
        }
        self.nav.navigated.set(true);
        self.nav.page.set(page);
        self.prefs.update(|s| s.last_page = page);
    }

    /// Goes to `route`: its page, with what it names open there.
    pub fn open(self, route: Route) {
        let route = match route {
            Route::Login(registry) => Route::Login(porthole_model::registry::address(&registry)),
            other => other,
        };
        if let Route::Login(registry) = &route {
            // A registry the user never added has no card yet: add it, so the form has somewhere to open.
            if registry != porthole_model::registry::HUB {
                self.prefs.update_if(|s| {
                    let new = !s.registries.contains(registry);
                    if new {
                        s.registries.push(registry.clone());
                    }
                    new
                });
            }
        }
        self.nav.arrive(&route);
        self.go(route.page());
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
        if action.is_destructive() && self.prefs.with_untracked(|s| s.confirm_destructive) {
            pending.set(Some(action));
        } else {
            self.perform(action);
        }
    }

    /// Lists and probes every engine again (on start, after a switch or an add, on opening the Engine page).
    pub fn refresh_engines(self) {
        spawn_local(async move {
            if let Ok(list) = api::list_engines().await {
                self.cache.engines.try_set(list);
                self.cache.engines_read.try_update(|n| *n += 1);
            }
        });
    }

    /// The engine shown now, by name: the one chosen in this run, else the one the engine list reads as current.
    /// The list's `current` flag is only as fresh as its last read, which a quick second switch can outrun; the
    /// choice made here is known at once.
    pub fn shown_engine(self) -> Option<String> {
        self.nav.engine.get().or_else(|| {
            self.cache
                .engines
                .with(|all| all.iter().find(|e| e.current).map(|e| e.name.clone()))
        })
    }

    fn shown_engine_untracked(self) -> Option<String> {
        untrack(|| self.shown_engine())
    }

    /// Follows the engine `name`: what was shown of the previous one goes, and every list reloads when the new one
    /// answers (the connection stream says so). Each engine keeps the page it was left on: arriving shows it again.
    pub fn switch_engine(self, name: String) {
        let leaving = self.shown_engine_untracked();
        self.nav.engine.set(Some(name.clone()));
        if let Some(leaving) = &leaving {
            let page = self.nav.page.get_untracked();
            self.prefs.update(|s| s.left_engine_on(leaving, page));
        }
        self.nav.open_container.set(None);
        self.error.set(None);
        spawn_local(async move {
            match api::switch_engine(&name).await {
                Ok(_) => {
                    self.prefs.update(|s| s.engine = Some(name.clone()));
                    if let Some(page) = self.prefs.with_untracked(|s| s.page_on(&name)) {
                        self.go(page);
                    }
                    self.refresh_engines();
                }
                Err(error) => {
                    // Not switched: the engine shown is still the one left (unless another switch came since).
                    if self.nav.engine.get_untracked().as_deref() == Some(name.as_str()) {
                        self.nav.engine.try_set(leaving);
                    }
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
                    self.cache.registries.try_set(list);
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
        let concerns_tour = self.prefs.with_untracked(|s| {
            s.tour.source.as_ref().is_some_and(|source| {
                reference.is_none_or(|reference| source.is_tour_image(reference))
            })
        });
        if concerns_tour {
            self.prefs.update_if(|s| s.tour.note(signal));
        }
    }
}

pub fn use_store() -> Store {
    expect_context::<Store>()
}
