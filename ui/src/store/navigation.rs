//! Navigation: where the user is — the page, what is open on it — and the panels over it. Going somewhere is a
//! `Route` handed to `Store::open`, never a signal set from afar: the route names the page, and the page finds what
//! it should open here.

use leptos::prelude::*;
use porthole_model::learn::Concept;
use porthole_model::Page;

/// A place in the app, as a link, a button or a follow-up names it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    Page(Page),
    /// A container's own page (by id), over the containers list.
    Container(String),
    /// An image's details (by reference) on the Images page.
    Image(String),
    /// The login form for a registry (by address) on the Registries page.
    Login(String),
    /// A concept on the Learn page.
    Concept(Concept),
    /// A compose file (by its path), opened on the Compose page.
    ComposeFile(String),
    /// A swarm service (by name), its tasks open on the Swarm page.
    Service(String),
}

impl Route {
    /// Where a clicked notification leads.
    pub fn of(opens: porthole_model::notification::Opens) -> Self {
        use porthole_model::notification::Opens;
        match opens {
            Opens::Container(id) => Self::Container(id),
            Opens::Image(reference) => Self::Image(reference),
            Opens::ComposeFile(path) => Self::ComposeFile(path),
            Opens::Page(page) => Self::Page(page),
        }
    }

    /// The page the route shows.
    pub fn page(&self) -> Page {
        match self {
            Self::Page(page) => *page,
            Self::Container(_) => Page::Containers,
            Self::Image(_) => Page::Images,
            Self::Login(_) => Page::Registries,
            Self::Concept(_) => Page::Learn,
            Self::ComposeFile(_) => Page::Compose,
            Self::Service(_) => Page::Swarm,
        }
    }
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

#[derive(Clone, Copy)]
pub struct Navigation {
    pub page: RwSignal<Page>,
    /// The container whose page is shown over the list (its id), if any.
    pub open_container: RwSignal<Option<String>>,
    /// An image whose details the Images page opens when it is next shown; taken by that page.
    pub open_image: RwSignal<Option<String>>,
    /// A registry whose login form the Registries page opens.
    pub login_for: RwSignal<Option<String>>,
    /// A compose file the Compose page opens when it is next shown; taken by that page.
    pub open_compose: RwSignal<Option<String>>,
    /// A service the Swarm page opens (its tasks); taken by that page.
    pub open_service: RwSignal<Option<String>>,
    /// The concept the Learn page shows.
    pub concept: RwSignal<Concept>,
    /// The run dialog, open with the image it was opened for (`Some("")` for none).
    pub run_dialog: RwSignal<Option<String>>,
    /// The activity console, when open, and where it is docked.
    pub console: RwSignal<Option<Dock>>,
    /// Whether the user picked a page before the saved settings arrived; their choice wins over the saved one.
    pub(super) navigated: RwSignal<bool>,
    /// The engine chosen in the switcher during this run (its name), set the moment it is chosen: the engine a
    /// later switch leaves, even before the engine list has been read again.
    pub(super) engine: RwSignal<Option<String>>,
}

impl Navigation {
    pub fn new() -> Self {
        Self {
            page: RwSignal::new(Page::Containers),
            open_container: RwSignal::new(None),
            open_image: RwSignal::new(None),
            login_for: RwSignal::new(None),
            open_compose: RwSignal::new(None),
            open_service: RwSignal::new(None),
            concept: RwSignal::new(Concept::Engine),
            run_dialog: RwSignal::new(None),
            console: RwSignal::new(None),
            navigated: RwSignal::new(false),
            engine: RwSignal::new(None),
        }
    }

    /// Puts what `route` opens in place (the page itself is shown by `Store::open`).
    pub(super) fn arrive(self, route: &Route) {
        match route {
            Route::Page(_) => {}
            Route::Container(id) => self.open_container.set(Some(id.clone())),
            Route::Image(reference) => self.open_image.set(Some(reference.clone())),
            Route::Login(registry) => self.login_for.set(Some(registry.clone())),
            Route::Concept(concept) => self.concept.set(*concept),
            Route::ComposeFile(path) => self.open_compose.set(Some(path.clone())),
            Route::Service(name) => self.open_service.set(Some(name.clone())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_route_shows_the_page_that_holds_what_it_names() {
        assert_eq!(Route::Page(Page::Volumes).page(), Page::Volumes);
        assert_eq!(Route::Container("c1".into()).page(), Page::Containers);
        assert_eq!(Route::Image("web:1".into()).page(), Page::Images);
        assert_eq!(
            Route::Login("127.0.0.1:5001".into()).page(),
            Page::Registries
        );
        assert_eq!(Route::Concept(Concept::Storage).page(), Page::Learn);
        assert_eq!(
            Route::ComposeFile("/tmp/porthole-tour/compose.yaml".into()).page(),
            Page::Compose
        );
        assert_eq!(Route::Service("web".into()).page(), Page::Swarm);
    }
}
