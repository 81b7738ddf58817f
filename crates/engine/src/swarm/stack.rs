//! Stacks through the docker CLI itself (`docker stack deploy -c FILE NAME`, `docker stack rm NAME`) against this
//! engine: the compose-to-services conversion is the CLI's, never re-implemented here.

use porthole_model::swarm::StackCommand;
use porthole_model::{Action, PortholeError};
use tokio::process::Command;

/// Runs `command` with the docker CLI; `on_line` gets each output line and returns false to stop.
pub async fn run(
    engine: &crate::Engine,
    command: &StackCommand,
    mut on_line: impl FnMut(String) -> bool,
) -> Result<(), PortholeError> {
    command.validate().map_err(PortholeError::invalid_input)?;
    let recorded = Action::Stack {
        command: command.clone(),
    };
    crate::as_action(recorded, async move {
        let mut cli = Command::new("docker");
        cli.args(command.args())
            .env("DOCKER_HOST", &engine.endpoint.host);
        if let StackCommand::Deploy { file, .. } = command {
            cli.current_dir(porthole_model::compose::folder_of(file));
        }
        let what = match command {
            StackCommand::Deploy { .. } => "docker stack deploy",
            StackCommand::Remove { .. } => "docker stack rm",
        };
        crate::process::run_lines(cli, what, &mut on_line).await
    })
    .await
}
