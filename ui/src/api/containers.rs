//! The container commands: the list, `docker run`, one container's details, the container page's streams (logs,
//! stats, processes, terminal) and the small requests around them.

use super::{call, subscribe};
use porthole_model::contract::{
    command as c, LogsArgs, LogsBeforeArgs, TerminalArgs, TerminalInputArgs, TerminalResizeArgs,
};
use porthole_model::{
    ContainerDetails, ContainerSummary, LogLine, LogMessage, PortholeError, ProcessesMessage,
    RunRequest, StatsMessage, TerminalMessage,
};

/// `docker ps` (`all` false) or `docker ps -a`.
pub async fn list_containers(all: bool) -> Result<Vec<ContainerSummary>, PortholeError> {
    call::<c::list_containers>(&all).await
}

pub async fn list_named_containers(ids: &[String]) -> Result<Vec<ContainerSummary>, PortholeError> {
    call::<c::list_named_containers>(&ids.to_vec()).await
}

/// Runs the container (pulling its image first when needed); its id on success.
pub async fn run_container(request: &RunRequest) -> Result<String, PortholeError> {
    call::<c::run_container>(request).await
}

pub async fn container_details(container: &str) -> Result<ContainerDetails, PortholeError> {
    call::<c::container_details>(&container.to_owned()).await
}

/// The list's CPU and memory columns for the visible running `containers`, a round every few seconds.
pub async fn subscribe_list_stats(
    containers: &[String],
    on_message: impl FnMut(StatsMessage) + 'static,
) -> Result<u64, PortholeError> {
    subscribe::<c::subscribe_list_stats>(&containers.to_vec(), on_message).await
}

/// Asks where to save the whole log and writes it; the path, or `None` when cancelled.
pub async fn save_logs(container: &str) -> Result<Option<String>, PortholeError> {
    call::<c::save_logs>(&container.to_owned()).await
}

/// Scroll-back: up to `count` lines written before the line stamped `before`.
pub async fn logs_before(
    container: &str,
    before: &str,
    count: u32,
) -> Result<Vec<LogLine>, PortholeError> {
    let args = LogsBeforeArgs {
        container: container.to_owned(),
        before: before.to_owned(),
        count,
    };
    call::<c::logs_before>(&args).await
}

pub async fn subscribe_logs(
    container: &str,
    tail: u32,
    on_message: impl FnMut(LogMessage) + 'static,
) -> Result<u64, PortholeError> {
    let args = LogsArgs {
        container: container.to_owned(),
        tail,
    };
    subscribe::<c::subscribe_logs>(&args, on_message).await
}

pub async fn subscribe_stats(
    container: &str,
    on_message: impl FnMut(StatsMessage) + 'static,
) -> Result<u64, PortholeError> {
    subscribe::<c::subscribe_stats>(&container.to_owned(), on_message).await
}

pub async fn subscribe_processes(
    container: &str,
    on_message: impl FnMut(ProcessesMessage) + 'static,
) -> Result<u64, PortholeError> {
    subscribe::<c::subscribe_processes>(&container.to_owned(), on_message).await
}

/// Opens a terminal running `command` in the container; output arrives on `on_message`, keys go in with
/// `terminal_input`, and `unsubscribe(id)` hangs it up.
pub async fn open_terminal(
    container: &str,
    command: &[String],
    cols: u16,
    rows: u16,
    on_message: impl FnMut(TerminalMessage) + 'static,
) -> Result<u64, PortholeError> {
    let args = TerminalArgs {
        container: container.to_owned(),
        command: command.to_vec(),
        cols,
        rows,
    };
    subscribe::<c::open_terminal>(&args, on_message).await
}

pub async fn terminal_input(id: u64, keys: &str) -> Result<bool, PortholeError> {
    call::<c::terminal_input>(&TerminalInputArgs {
        id,
        keys: keys.to_owned(),
    })
    .await
}

pub async fn terminal_resize(id: u64, cols: u16, rows: u16) -> Result<bool, PortholeError> {
    call::<c::terminal_resize>(&TerminalResizeArgs { id, cols, rows }).await
}

/// Opens a published port in the user's browser (`curl http://localhost:8080`, visually).
pub async fn open_url(url: &str) -> Result<(), PortholeError> {
    call::<c::open_url>(&url.to_owned()).await
}

pub async fn recreate_plan(
    container: &str,
) -> Result<porthole_model::container::recreate::RecreatePlan, PortholeError> {
    call::<c::recreate_plan>(&container.to_owned()).await
}

/// Pulls the container's image reference again.
pub async fn check_image(
    container: &str,
) -> Result<porthole_model::container::recreate::NewerImage, PortholeError> {
    call::<c::check_image>(&container.to_owned()).await
}

pub async fn recreate_container(
    plan: &porthole_model::container::recreate::RecreatePlan,
) -> Result<porthole_model::container::recreate::Recreated, PortholeError> {
    call::<c::recreate_container>(plan).await
}
