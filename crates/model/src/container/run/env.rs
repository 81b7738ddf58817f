//! Environment variables (`-e KEY=VALUE`) and labels (`-l key=value`), one per line or pasted many at once.

use crate::input::{Input, InputError};

/// One `KEY=VALUE` line. Unlike the CLI, a bare `KEY` (take the value from this machine) is refused: the app's own
/// environment is not the user's shell.
pub fn parse_env(line: &str) -> Result<(String, String), InputError> {
    let line = line.trim_start();
    let Some((key, value)) = line.split_once('=') else {
        return Err(Input::Env.refuse(format!(
            "{line:?}: write KEY=VALUE (an empty value is KEY=)."
        )));
    };
    if key.is_empty() {
        return Err(Input::Env.refuse(format!("{line:?}: the name before = is missing.")));
    }
    if let Some(bad) = key.chars().find(|c| c.is_whitespace() || c.is_control()) {
        return Err(Input::Env.refuse(format!("{key:?}: a variable name cannot contain {bad:?}.")));
    }
    if value.contains('\0') {
        return Err(Input::Env.refuse(format!("{key}: the value cannot contain a NUL character.")));
    }
    Ok((
        key.to_owned(),
        value.trim_end_matches(['\r', '\n']).to_owned(),
    ))
}

/// Parsed variables as the engine takes them (`Env` of a container or a service's task): one `KEY=VALUE` each —
/// `parse_env`'s inverse.
pub fn env_lines(env: &[(String, String)]) -> Vec<String> {
    env.iter()
        .map(|(key, value)| format!("{key}={value}"))
        .collect()
}

/// Many lines at once (pasted, or an `--env-file`): blank lines and `#` comments are skipped; the first bad line
/// is reported with its line number.
pub fn parse_env_lines(text: &str) -> Result<Vec<(String, String)>, InputError> {
    text.lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty() && !line.trim_start().starts_with('#'))
        .map(|(number, line)| {
            parse_env(line)
                .map_err(|error| Input::Env.refuse(format!("Line {}: {error}", number + 1)))
        })
        .collect()
}

/// A label: like an environment variable, but keys are usually dotted (`com.example.team=web`).
pub fn parse_label(line: &str) -> Result<(String, String), InputError> {
    match line.split_once('=') {
        Some(_) => parse_env(line),
        None if !line.trim().is_empty() => parse_env(&format!("{}=", line.trim())),
        None => Err(Input::Label.refuse("A label needs a key.".into())),
    }
}
