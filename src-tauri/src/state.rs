//! The app's shared state: the endpoint, the current engine connection (if any), the connection state and
//! invalidations as the watcher publishes them, and the subscription registry.
//!
//! Invariant: `engine` is `Some` exactly while `connection` says `Connected`; commands never block on reconnecting,
//! they fail fast with `EngineUnavailable`.

use crate::first_list::FirstList;
use crate::notifications::Notifications;
use crate::subscriptions::Subscriptions;
use porthole_engine::registry::credentials::Store;
use porthole_engine::{Activity, Endpoint, Engine};
use porthole_model::system::event::Invalidation;
use porthole_model::{ConnectionState, ErrorKind, PortholeError};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, RwLock};
use tokio::sync::{broadcast, watch, Notify};

pub struct Shared {
    /// The engine Porthole follows; changed by a switch.
    pub endpoint: RwLock<Endpoint>,
    /// Wakes the connection loop when the user switched engines: it leaves the current one at once.
    pub switched: Notify,
    pub engine: RwLock<Option<Engine>>,
    pub connection: watch::Sender<ConnectionState>,
    pub invalidations: broadcast::Sender<Invalidation>,
    /// Wakes the reconnect loop before its backoff ends ("Retry now").
    pub retry: Notify,
    /// Every request sent to the engine, across reconnects (the activity console).
    pub activity: Activity,
    /// How many invalidation batches have been forwarded: a read begun at one count and handed out at another may
    /// have missed a change.
    pub forwarded: AtomicU64,
    /// The container list read ahead on the first connection, for the page's first ask.
    pub first_list: FirstList,
    /// Desktop notifications, fed the engine's container moments by the connection watcher.
    pub notifications: Arc<Notifications>,
}

pub struct AppState {
    shared: Arc<Shared>,
    pub subscriptions: Arc<Subscriptions>,
    /// Input to the open terminals, keyed by their subscription id.
    pub terminals: Arc<crate::streams::terminal::Terminals>,
    /// The docker CLI's credential store (`$DOCKER_CONFIG`), shared with `docker login` in a terminal.
    pub credentials: Store,
}

impl Shared {
    /// How many invalidation batches have been forwarded so far.
    pub fn changes(&self) -> u64 {
        self.forwarded.load(Ordering::SeqCst)
    }

    /// Sends a batch to every open engine stream.
    pub fn forward(&self, batch: Invalidation) {
        self.forwarded.fetch_add(1, Ordering::SeqCst);
        let _ = self.invalidations.send(batch);
    }

    /// The engine's address now.
    pub fn endpoint(&self) -> Endpoint {
        self.endpoint
            .read()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .clone()
    }
}

impl AppState {
    pub fn new(endpoint: Endpoint, notifications: Arc<Notifications>) -> Self {
        let (connection, _) = watch::channel(ConnectionState::Connecting {
            endpoint: endpoint.host.clone(),
        });
        let (invalidations, _) = broadcast::channel(64);
        let shared = Shared {
            endpoint: RwLock::new(endpoint),
            switched: Notify::new(),
            engine: RwLock::new(None),
            connection,
            invalidations,
            retry: Notify::new(),
            activity: Activity::default(),
            forwarded: AtomicU64::new(0),
            first_list: FirstList::default(),
            notifications,
        };
        Self {
            shared: Arc::new(shared),
            subscriptions: Arc::new(Subscriptions::default()),
            terminals: Arc::default(),
            credentials: Store::from_environment(),
        }
    }

    pub fn notifications(&self) -> &Arc<Notifications> {
        &self.shared.notifications
    }

    pub fn activity(&self) -> &Activity {
        &self.shared.activity
    }

    pub fn shared(&self) -> Arc<Shared> {
        self.shared.clone()
    }

    /// Follows `endpoint` from now on: every stream of the engine being left is cancelled, commands fail fast until
    /// the new one answers, and the connection loop moves over at once. Returns how many streams were cancelled.
    pub fn switch(&self, endpoint: Endpoint) -> usize {
        *self
            .shared
            .endpoint
            .write()
            .unwrap_or_else(|poisoned| poisoned.into_inner()) = endpoint;
        *self
            .shared
            .engine
            .write()
            .unwrap_or_else(|poisoned| poisoned.into_inner()) = None;
        self.shared.first_list.forget();
        let cancelled = self.subscriptions.cancel_engine_streams();
        self.shared.switched.notify_one();
        cancelled
    }

    /// The connected engine, or the error the UI shows while Porthole reconnects.
    pub fn engine(&self) -> Result<Engine, PortholeError> {
        self.shared
            .engine
            .read()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .clone()
            .ok_or_else(|| {
                PortholeError::of_kind(ErrorKind::EngineUnavailable, self.shared.endpoint().host)
            })
    }
}
