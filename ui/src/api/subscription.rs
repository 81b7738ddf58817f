//! A view's hold on one backend subscription at a time (a tab's logs, stats, processes or terminal, the list's
//! stats columns): opening a new one closes the old, replies that arrive for a closed one are dropped, and the
//! subscription is cancelled when the view is cleaned up — so closing views leaves no stream behind.

use leptos::prelude::*;
use leptos::task::spawn_local;

#[derive(Clone, Copy)]
pub struct Slot {
    id: StoredValue<Option<u64>>,
    generation: StoredValue<u32>,
}

impl Slot {
    /// A slot whose subscription is cancelled when the view that made it is cleaned up.
    pub fn new() -> Self {
        let slot = Self {
            id: StoredValue::new(None),
            generation: StoredValue::new(0),
        };
        on_cleanup(move || slot.close());
        slot
    }

    /// Cancels the current subscription, if any; from now on its late replies are ignored.
    pub fn close(self) {
        self.generation.try_update_value(|g| *g += 1);
        if let Some(Some(id)) = self.id.try_get_value() {
            self.id.set_value(None);
            spawn_local(async move {
                let _ = super::unsubscribe(id).await;
            });
        }
    }

    /// Closes the current subscription and returns the ticket of the next one: its messages and its id are
    /// wanted only while `is_current(ticket)`.
    pub fn renew(self) -> u32 {
        self.close();
        self.generation.get_value()
    }

    /// The current ticket, without closing anything (for a reply that belongs to the current subscription).
    pub fn renew_peek(self) -> u32 {
        self.generation.get_value()
    }

    pub fn is_current(self, ticket: u32) -> bool {
        self.generation.try_get_value() == Some(ticket)
    }

    /// Keeps `id` as the slot's subscription while `ticket` is current; otherwise (closed meanwhile) cancels it.
    pub async fn keep(self, ticket: u32, id: u64) {
        if self.is_current(ticket) {
            self.id.set_value(Some(id));
        } else {
            let _ = super::unsubscribe(id).await;
        }
    }

    /// The current subscription's id.
    pub fn id(self) -> Option<u64> {
        self.id.try_get_value().flatten()
    }
}
