//! Which Compose tool this machine has: the `docker compose` plugin (v2) first, as Docker Desktop users have it,
//! else the standalone `docker-compose` (Debian 12 ships 1.29). Looked up once per process and remembered.

use porthole_model::compose::ComposeTool;
use tokio::process::Command;
use tokio::sync::OnceCell;

/// The tool, looked up on first use with the process's own `PATH`.
pub async fn find() -> Option<ComposeTool> {
    static FOUND: OnceCell<Option<ComposeTool>> = OnceCell::const_new();
    FOUND.get_or_init(|| find_on(None)).await.clone()
}

/// The tool found on `path` (a `PATH` value; `None`: the process's own). Tests pass a `PATH` without one to see
/// the app's state when none is installed.
pub async fn find_on(path: Option<&str>) -> Option<ComposeTool> {
    for program in PROGRAMS {
        if let Some(tool) = probe(program, path).await {
            return Some(tool);
        }
    }
    None
}

/// Every tool found on `path`, in the order `find_on` prefers them: the app drives the first, the tests drive each.
pub async fn find_all(path: Option<&str>) -> Vec<ComposeTool> {
    let mut found = Vec::new();
    for program in PROGRAMS {
        found.extend(probe(program, path).await);
    }
    found
}

const PROGRAMS: [&[&str]; 2] = [&["docker", "compose"], &["docker-compose"]];

/// `program` as a tool, when it runs and says its version.
async fn probe(program: &[&str], path: Option<&str>) -> Option<ComposeTool> {
    let mut command = Command::new(program[0]);
    command.args(&program[1..]).args(["version", "--short"]);
    if let Some(path) = path {
        command.env("PATH", path);
    }
    let output = command.kill_on_drop(true).output().await.ok()?;
    let version = String::from_utf8_lossy(&output.stdout)
        .trim()
        .trim_start_matches('v')
        .to_owned();
    (output.status.success() && !version.is_empty()).then(|| ComposeTool {
        program: program.iter().map(|w| (*w).to_owned()).collect(),
        version,
    })
}

/// The tool's command for `args`, against `engine`'s endpoint, in `folder`.
pub(crate) fn command(
    tool: &ComposeTool,
    engine: &crate::Engine,
    folder: &str,
    args: &[String],
) -> Command {
    let mut command = Command::new(&tool.program[0]);
    command
        .args(&tool.program[1..])
        .args(args)
        .current_dir(folder)
        .env("DOCKER_HOST", &engine.endpoint.host)
        // Plain lines: no colours, no progress bars redrawn in place.
        .env("COMPOSE_ANSI", "never")
        .env("NO_COLOR", "1")
        .env("COMPOSE_INTERACTIVE_NO_CLI", "1")
        .stdin(std::process::Stdio::null())
        .kill_on_drop(true);
    command
}
