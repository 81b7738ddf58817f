//! Settings (theme, last page, confirmations, notifications), and the clicks on the notifications they allow.

use crate::state::AppState;
use crate::subscriptions::Topic;
use porthole_model::contract::{command as c, Answer, Args, Message};
use tauri::ipc::Channel;
use tauri::{AppHandle, State};

#[tauri::command]
pub fn get_settings(app: AppHandle, args: Args<c::get_settings>) -> Answer<c::get_settings> {
    let () = args;
    Ok(crate::settings::load(&app))
}

#[tauri::command]
pub fn set_settings(
    app: AppHandle,
    state: State<'_, AppState>,
    args: Args<c::set_settings>,
) -> Answer<c::set_settings> {
    state
        .notifications()
        .set_settings(args.notifications.clone());
    crate::settings::save(&app, &args)
}

#[tauri::command]
pub fn subscribe_notifications(
    state: State<'_, AppState>,
    args: Args<c::subscribe_notifications>,
    on_message: Channel<Message<c::subscribe_notifications>>,
) -> Answer<c::subscribe_notifications> {
    let () = args;
    let opened = state.notifications().opened.subscribe();
    Ok(state.subscriptions.spawn(
        Topic::Notifications,
        crate::streams::notifications::follow(opened, on_message),
    ))
}
