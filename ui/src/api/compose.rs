//! The Compose commands: the tool, opening a file, the projects on the engine, the file picker, one run of the
//! tool as a subscription, and the guided tour's file.

use super::{call, subscribe};
use porthole_model::compose::{ComposeCommand, ComposeFile, ComposeProject, ComposeTool};
use porthole_model::contract::{command as c, OpenComposeArgs};
use porthole_model::tool::ToolMessage;
use porthole_model::PortholeError;

pub async fn compose_tool() -> Result<Option<ComposeTool>, PortholeError> {
    call::<c::compose_tool>(&()).await
}

pub async fn open_compose_file(path: &str, project: &str) -> Result<ComposeFile, PortholeError> {
    let args = OpenComposeArgs {
        path: path.to_owned(),
        project: project.to_owned(),
    };
    call::<c::open_compose_file>(&args).await
}

pub async fn list_compose_projects() -> Result<Vec<ComposeProject>, PortholeError> {
    call::<c::list_compose_projects>(&()).await
}

pub async fn choose_compose_file() -> Result<Option<String>, PortholeError> {
    super::choose_file(&porthole_model::contract::FileChoice {
        title: "Open a compose file".into(),
        filter: "Compose files".into(),
        extensions: vec!["yaml".into(), "yml".into()],
    })
    .await
}

/// Writes the guided tour's compose file; its path.
pub async fn write_tour_compose(
    source: &porthole_model::tour::TourSource,
) -> Result<String, PortholeError> {
    call::<c::write_tour_compose>(source).await
}

pub async fn compose_run(
    command: &ComposeCommand,
    on_message: impl FnMut(ToolMessage) + 'static,
) -> Result<u64, PortholeError> {
    subscribe::<c::compose_run>(command, on_message).await
}

/// A project's merged logs, read from the engine (`SERVICE | TEXT` lines).
pub async fn project_logs(
    project: &str,
    on_message: impl FnMut(ToolMessage) + 'static,
) -> Result<u64, PortholeError> {
    subscribe::<c::project_logs>(&project.to_owned(), on_message).await
}

/// `docker stack deploy|rm` through the docker CLI, its output streamed.
pub async fn stack_run(
    command: &porthole_model::swarm::StackCommand,
    on_message: impl FnMut(ToolMessage) + 'static,
) -> Result<u64, PortholeError> {
    subscribe::<c::stack_run>(command, on_message).await
}

/// `docker service logs -f SERVICE` through the docker CLI.
pub async fn service_logs(
    service: &str,
    on_message: impl FnMut(ToolMessage) + 'static,
) -> Result<u64, PortholeError> {
    subscribe::<c::service_logs>(&service.to_owned(), on_message).await
}
