//! The activity console's commands: the recorded requests, one request's detail, clearing, the live feed.

use super::{invoke, no_args, subscribe, to_js};
use porthole_model::{ActivityDetail, ActivityEntry, ActivityMessage, PortholeError};
use serde::Serialize;

pub async fn list_activity() -> Result<Vec<ActivityEntry>, PortholeError> {
    invoke("list_activity", no_args()).await
}

#[derive(Serialize)]
struct DetailArgs {
    id: u64,
}

/// `None` once the request has left the log.
pub async fn activity_detail(id: u64) -> Result<Option<ActivityDetail>, PortholeError> {
    invoke("activity_detail", to_js(&DetailArgs { id })).await
}

pub async fn clear_activity() -> Result<(), PortholeError> {
    invoke("clear_activity", no_args()).await
}

/// New requests as they are made, until `unsubscribe(id)`.
pub async fn subscribe_activity(
    on_message: impl FnMut(ActivityMessage) + 'static,
) -> Result<u64, PortholeError> {
    subscribe("subscribe_activity", js_sys::Object::new(), on_message).await
}
