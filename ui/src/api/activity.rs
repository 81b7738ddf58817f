//! The activity console's commands: the recorded requests, one request's detail, clearing, the live feed.

use super::{call, subscribe};
use porthole_model::contract::command as c;
use porthole_model::{ActivityDetail, ActivityEntry, ActivityMessage, PortholeError};

pub async fn list_activity() -> Result<Vec<ActivityEntry>, PortholeError> {
    call::<c::list_activity>(&()).await
}

/// `None` once the request has left the log.
pub async fn activity_detail(id: u64) -> Result<Option<ActivityDetail>, PortholeError> {
    call::<c::activity_detail>(&id).await
}

pub async fn clear_activity() -> Result<(), PortholeError> {
    call::<c::clear_activity>(&()).await
}

/// New requests as they are made, until `unsubscribe(id)`.
pub async fn subscribe_activity(
    on_message: impl FnMut(ActivityMessage) + 'static,
) -> Result<u64, PortholeError> {
    subscribe::<c::subscribe_activity>(&(), on_message).await
}
