//! Image references (`nginx`, `nginx:1.12-alpine-perl`, `docker-local-registry:4000/team/app@sha256:…`): the one
//! parser every form uses, following the grammar of the docker CLI's reference library.
//!
//! Invariants: parsing never panics, whatever the input (a property test feeds it arbitrary strings); a
//! `host:port/…` prefix is a registry, never a tag; a name without a registry is on Docker Hub (`docker.io`), and a
//! single-component Hub name is in `library/`; formatting a parsed reference and parsing it again gives it back.

use serde::{Deserialize, Serialize};
use std::fmt;

pub const DOCKER_HUB: &str = "docker.io";
const MAX_NAME: usize = 255;
const MAX_TAG: usize = 128;

/// Crosses IPC as the text a user would type (`localhost:5000/app:1.0`), parsed — and so validated — on the way in:
/// a reference that does not parse never reaches a command.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct ImageReference {
    /// `docker.io`, `ghcr.io`, `localhost:5000`, `docker-local-registry:4000`.
    pub registry: String,
    /// The path within the registry: `library/nginx`, `team/app`.
    pub repository: String,
    pub tag: Option<String>,
    /// `sha256:` followed by 64 hex digits.
    pub digest: Option<String>,
}

/// Why a reference is not valid, as a sentence for the form.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ReferenceError {
    Empty,
    TooLong,
    Uppercase,
    BadRegistry(String),
    BadComponent(String),
    BadTag(String),
    BadDigest(String),
}

impl fmt::Display for ReferenceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Empty => write!(f, "Enter an image name, like nginx or nginx:1.25."),
            Self::TooLong => write!(f, "An image name can be at most {MAX_NAME} characters long."),
            Self::Uppercase => write!(f, "Repository names must be lowercase."),
            Self::BadRegistry(r) => write!(f, "\"{r}\" is not a registry address (host or host:port)."),
            Self::BadComponent(c) => write!(
                f,
                "\"{c}\" is not a valid name part: use lowercase letters, digits, and . _ - between them."
            ),
            Self::BadTag(t) => write!(
                f,
                "\"{t}\" is not a valid tag: up to {MAX_TAG} letters, digits, _ . or -, not starting with . or -."
            ),
            Self::BadDigest(d) => write!(f, "\"{d}\" is not a digest like sha256: followed by 64 hex digits."),
        }
    }
}

impl std::error::Error for ReferenceError {}

impl ImageReference {
    pub fn parse(input: &str) -> Result<Self, ReferenceError> {
        let input = input.trim();
        if input.is_empty() {
            return Err(ReferenceError::Empty);
        }
        let (rest, digest) = match input.split_once('@') {
            Some((rest, digest)) => (rest, Some(parse_digest(digest)?)),
            None => (input, None),
        };
        // A tag follows the last colon only if no slash comes after it: `host:4000/app` has a port, not a tag.
        let (name, tag) = match rest.rfind(':') {
            Some(i) if !rest[i + 1..].contains('/') => {
                (&rest[..i], Some(parse_tag(&rest[i + 1..])?))
            }
            _ => (rest, None),
        };
        if name.is_empty() {
            return Err(ReferenceError::Empty);
        }
        if name.len() > MAX_NAME {
            return Err(ReferenceError::TooLong);
        }
        let (registry, path) = split_registry(name);
        if let Some(registry) = registry {
            check_registry(registry)?;
        }
        for component in path.split('/') {
            check_component(component)?;
        }
        let registry = registry.unwrap_or(DOCKER_HUB).to_owned();
        let repository = if registry == DOCKER_HUB && !path.contains('/') {
            format!("library/{path}")
        } else {
            path.to_owned()
        };
        Ok(Self {
            registry,
            repository,
            tag,
            digest,
        })
    }

    /// The tag to pull when none was given, as `docker pull` does.
    pub fn tag_or_latest(&self) -> &str {
        match (&self.tag, &self.digest) {
            (Some(tag), _) => tag,
            (None, Some(_)) => "",
            (None, None) => "latest",
        }
    }

    /// The short form users type and `docker image ls` shows: `nginx`, `team/app`, `localhost:5000/app`.
    pub fn familiar_name(&self) -> String {
        if self.registry == DOCKER_HUB {
            // Only `library/name` shortens to `name`; `library/a/b` is a different repository from `a/b`.
            match self.repository.strip_prefix("library/") {
                Some(name) if !name.contains('/') => name.to_owned(),
                _ => self.repository.clone(),
            }
        } else {
            format!("{}/{}", self.registry, self.repository)
        }
    }

    /// The full form: `docker.io/library/nginx:latest`.
    pub fn canonical(&self) -> String {
        let mut text = format!("{}/{}", self.registry, self.repository);
        if self.tag.is_some() || self.digest.is_none() {
            text.push(':');
            text.push_str(self.tag_or_latest());
        }
        if let Some(digest) = &self.digest {
            text.push('@');
            text.push_str(digest);
        }
        text
    }

    pub fn is_docker_hub(&self) -> bool {
        self.registry == DOCKER_HUB
    }
}

/// A repository path within a registry (`team/app`), each component checked as in a reference; for building a
/// registry URL from it, it holds nothing but lowercase letters, digits, `. _ -` and `/`.
pub fn parse_repository(text: &str) -> Result<String, ReferenceError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(ReferenceError::Empty);
    }
    if text.len() > MAX_NAME {
        return Err(ReferenceError::TooLong);
    }
    for component in text.split('/') {
        check_component(component)?;
    }
    Ok(text.to_owned())
}

impl TryFrom<String> for ImageReference {
    type Error = ReferenceError;

    fn try_from(text: String) -> Result<Self, Self::Error> {
        Self::parse(&text)
    }
}

impl From<ImageReference> for String {
    fn from(reference: ImageReference) -> String {
        reference.to_string()
    }
}

impl fmt::Display for ImageReference {
    /// The familiar form with the tag and digest as given.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.familiar_name())?;
        if let Some(tag) = &self.tag {
            write!(f, ":{tag}")?;
        }
        if let Some(digest) = &self.digest {
            write!(f, "@{digest}")?;
        }
        Ok(())
    }
}

/// The first component is a registry when it looks like a host: it has a dot or a port, or is `localhost`.
fn split_registry(name: &str) -> (Option<&str>, &str) {
    match name.split_once('/') {
        Some((first, rest)) if first.contains(['.', ':']) || first == "localhost" => {
            (Some(first), rest)
        }
        _ => (None, name),
    }
}

fn check_registry(registry: &str) -> Result<(), ReferenceError> {
    let bad = || ReferenceError::BadRegistry(registry.to_owned());
    let (host, port) = match registry.rsplit_once(':') {
        Some((host, port)) => (host, Some(port)),
        None => (registry, None),
    };
    if let Some(port) = port {
        if port.is_empty() || port.len() > 5 || !port.bytes().all(|b| b.is_ascii_digit()) {
            return Err(bad());
        }
    }
    let label_ok = |label: &str| {
        !label.is_empty()
            && label
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-')
            && !label.starts_with('-')
            && !label.ends_with('-')
    };
    if host.is_empty() || !host.split('.').all(label_ok) {
        return Err(bad());
    }
    Ok(())
}

/// `[a-z0-9]+` runs joined by `.`, `_`, `__` or one or more `-`.
fn check_component(component: &str) -> Result<(), ReferenceError> {
    let bad = || ReferenceError::BadComponent(component.to_owned());
    if component.bytes().any(|b| b.is_ascii_uppercase()) {
        return Err(ReferenceError::Uppercase);
    }
    let bytes = component.as_bytes();
    if bytes.is_empty()
        || !bytes[0].is_ascii_alphanumeric()
        || !bytes[bytes.len() - 1].is_ascii_alphanumeric()
    {
        return Err(bad());
    }
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii_lowercase() || b.is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() && matches!(bytes[i], b'.' | b'_' | b'-') {
            i += 1;
        }
        let separator = &component[start..i];
        let dashes = separator.bytes().all(|b| b == b'-');
        if separator.is_empty() || !(matches!(separator, "." | "_" | "__") || dashes) {
            return Err(bad());
        }
    }
    Ok(())
}

fn parse_tag(tag: &str) -> Result<String, ReferenceError> {
    let valid = !tag.is_empty()
        && tag.len() <= MAX_TAG
        && tag
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.' | b'-'))
        && !tag.starts_with(['.', '-']);
    if valid {
        Ok(tag.to_owned())
    } else {
        Err(ReferenceError::BadTag(tag.to_owned()))
    }
}

fn parse_digest(digest: &str) -> Result<String, ReferenceError> {
    let valid = digest.strip_prefix("sha256:").is_some_and(|hex| {
        hex.len() == 64
            && hex
                .bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
    });
    if valid {
        Ok(digest.to_owned())
    } else {
        Err(ReferenceError::BadDigest(digest.to_owned()))
    }
}

#[cfg(test)]
#[path = "reference_tests.rs"]
mod tests;
