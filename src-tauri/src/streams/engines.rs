//! The Engines overview's feed: every listed engine followed at once (`porthole_engine::system::overview`), each
//! change of one's look sent as an `EngineUpdate`. It follows every engine, not the one shown, so a switch leaves it
//! running; it ends when the overview closes (unsubscribe) or its webview is gone (a send fails).

use porthole_engine::system::endpoint::Endpoint;
use porthole_engine::system::overview;
use porthole_model::system::overview::EngineUpdate;
use tauri::ipc::Channel;

pub async fn follow(engines: Vec<(String, Endpoint)>, on_message: Channel<EngineUpdate>) {
    let followers = engines.into_iter().map(|(name, endpoint)| {
        let channel = on_message.clone();
        async move {
            overview::follow(&endpoint, |probe| {
                channel
                    .send(EngineUpdate {
                        name: name.clone(),
                        probe,
                    })
                    .is_ok()
            })
            .await
        }
    });
    futures_util::future::join_all(followers).await;
}
