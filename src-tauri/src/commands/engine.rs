//! The engine connection and `docker info`.

use crate::state::AppState;
use porthole_model::contract::{command as c, Answer, Args};
use tauri::State;

/// "Retry now" on the unreachable page: ends the current wait before the next try.
#[tauri::command]
pub fn retry_connection(
    state: State<'_, AppState>,
    args: Args<c::retry_connection>,
) -> Answer<c::retry_connection> {
    let () = args;
    state.shared().retry.notify_one();
    Ok(())
}

#[tauri::command]
pub async fn engine_info(
    state: State<'_, AppState>,
    args: Args<c::engine_info>,
) -> Answer<c::engine_info> {
    let () = args;
    porthole_engine::system::info(&state.engine()?).await
}

fn environment(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.is_empty())
}

/// Every engine the user has, each probed (reachable, version, counts) at the same time.
#[tauri::command]
pub async fn list_engines(
    state: State<'_, AppState>,
    args: Args<c::list_engines>,
) -> Answer<c::list_engines> {
    let () = args;
    let mut engines =
        porthole_engine::system::context::list(environment, &state.shared().endpoint());
    let probes =
        futures_util::future::join_all(engines.iter().map(porthole_engine::system::context::probe))
            .await;
    for (engine, probe) in engines.iter_mut().zip(probes) {
        engine.probe = Some(probe);
    }
    Ok(engines)
}

/// Follows the engine named `args` from now on; answers how many streams of the previous engine were cancelled.
#[tauri::command]
pub fn switch_engine(
    state: State<'_, AppState>,
    args: Args<c::switch_engine>,
) -> Answer<c::switch_engine> {
    let engines = porthole_engine::system::context::list(environment, &state.shared().endpoint());
    let entry = engines.iter().find(|e| e.name == args).ok_or_else(|| {
        porthole_model::PortholeError::new(
            porthole_model::ErrorKind::NotFound,
            format!("There is no engine called {args} (any more)."),
            "",
        )
    })?;
    Ok(state.switch(porthole_engine::system::context::endpoint_of(entry)))
}

/// `docker context create`, through the docker CLI.
#[tauri::command]
pub async fn add_engine(args: Args<c::add_engine>) -> Answer<c::add_engine> {
    porthole_engine::system::context::create(None, &args).await
}
