//! Names of engine objects as the engine allows them: a letter or digit, then letters, digits, `_ . -`; two or more.
//! Its own module so that the run form (container names, volume sources) and volumes both use the rule without
//! depending on each other.

use crate::input::{Input, InputError};

/// Checks a volume name as the engine would: a letter or digit first, then letters, digits, `_`, `.` or `-`, at
/// least two characters.
pub fn volume_name(text: &str) -> Result<String, InputError> {
    let name = text.trim();
    let mut chars = name.chars();
    let valid = name.len() >= 2
        && chars.next().is_some_and(|c| c.is_ascii_alphanumeric())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-'));
    if valid {
        Ok(name.to_owned())
    } else {
        Err(Input::VolumeName.refuse(format!(
            "{name:?} is not a volume name: start with a letter or digit, then letters, digits, _ . or - (2 or more)."
        )))
    }
}
