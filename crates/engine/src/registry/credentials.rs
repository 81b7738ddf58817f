//! Registry logins stored exactly where the docker CLI stores them, so a `docker login` in a terminal is seen here
//! and a login made here is used by `docker pull` in a terminal.
//!
//! The store is the CLI's `config.json` in `$DOCKER_CONFIG` (default `~/.docker`): `credHelpers[registry]` names a
//! `docker-credential-<name>` program for one registry, else `credsStore` names one for all, else the login is
//! `auths[registry].auth`, base64 of `user:password`. Helpers speak the credential-helper protocol (`get`, `store`,
//! `erase`, `list` with JSON on stdin/stdout).
//!
//! Invariants: every other field of `config.json` is kept as it was; the file is replaced atomically and readable
//! only by its owner; secrets never appear in an error, a log or a `Debug` output.

use base64::Engine as _;
use porthole_model::registry::config_key;
use porthole_model::{ErrorKind, PortholeError};
use serde_json::{json, Map, Value};
use std::fmt;
use std::path::{Path, PathBuf};
use tokio::io::AsyncWriteExt;

/// Read-modify-write of config.json happens one at a time in this process, so a login and a logout at once cannot
/// lose each other's change.
static WRITES: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

/// How long a credential helper may take (one waiting for a passphrase or the network must not hang the app).
const HELPER_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(10);

/// A login as stored.
#[derive(Clone, PartialEq, Eq)]
pub struct Credential {
    pub username: String,
    pub secret: String,
}

/// The user name credential helpers store for an identity-token login (Docker Hub SSO, Docker Desktop).
pub const TOKEN_USER: &str = "<token>";

impl Credential {
    /// Whether `secret` is an identity token (sent as `identitytoken`, never as a password).
    pub fn is_identity_token(&self) -> bool {
        self.username == TOKEN_USER
    }
}

impl fmt::Debug for Credential {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "Credential {{ username: {:?}, secret: <hidden> }}",
            self.username
        )
    }
}

/// The docker CLI's configuration folder.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Store {
    pub dir: PathBuf,
}

/// Where one registry's login lives.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Place {
    File,
    Helper(String),
}

impl Place {
    pub fn describe(&self) -> String {
        match self {
            Self::File => "config.json".into(),
            Self::Helper(name) => format!("docker-credential-{name}"),
        }
    }
}

impl Store {
    /// `$DOCKER_CONFIG`, else `$HOME/.docker` — the docker CLI's rule.
    pub fn from_environment() -> Self {
        let dir = std::env::var_os("DOCKER_CONFIG")
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
            .unwrap_or_else(|| {
                Path::new(&std::env::var_os("HOME").unwrap_or_else(|| "/root".into()))
                    .join(".docker")
            });
        Self { dir }
    }

    pub fn at(dir: impl Into<PathBuf>) -> Self {
        Self { dir: dir.into() }
    }

    fn file(&self) -> PathBuf {
        self.dir.join("config.json")
    }

    async fn read(&self) -> Result<Map<String, Value>, PortholeError> {
        match tokio::fs::read(self.file()).await {
            Ok(bytes) if bytes.iter().all(u8::is_ascii_whitespace) => Ok(Map::new()),
            Ok(bytes) => match serde_json::from_slice::<Value>(&bytes) {
                Ok(Value::Object(map)) => Ok(map),
                _ => Err(self.failure(format!(
                    "{} is not valid JSON, so logins cannot be read or saved. Fix or move the file.",
                    self.file().display()
                ))),
            },
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Map::new()),
            Err(e) => Err(self.failure(format!("{} cannot be read: {e}", self.file().display()))),
        }
    }

    async fn write(&self, config: &Map<String, Value>) -> Result<(), PortholeError> {
        let failed = |e: std::io::Error| {
            self.failure(format!("{} cannot be written: {e}", self.file().display()))
        };
        if tokio::fs::metadata(&self.dir).await.is_err() {
            // Like the CLI: the folder holds secrets, so only its owner may read it.
            let mut folder = std::fs::DirBuilder::new();
            folder.recursive(true);
            #[cfg(unix)]
            std::os::unix::fs::DirBuilderExt::mode(&mut folder, 0o700);
            folder.create(&self.dir).map_err(failed)?;
        }
        // A symlinked config.json (dotfiles managers) is written through, not replaced by a plain file.
        let target = tokio::fs::canonicalize(self.file())
            .await
            .unwrap_or_else(|_| self.file());
        let folder = target
            .parent()
            .map(Path::to_path_buf)
            .unwrap_or_else(|| self.dir.clone());
        static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
        let temporary = folder.join(format!(
            "config.json.porthole-{}-{}",
            std::process::id(),
            NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
        ));
        let text = serde_json::to_vec_pretty(config).unwrap_or_default();
        let mut options = tokio::fs::OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        options.mode(0o600);
        let written = async {
            let mut file = options.open(&temporary).await?;
            file.write_all(&text).await?;
            file.sync_all().await?;
            tokio::fs::rename(&temporary, &target).await
        }
        .await;
        if written.is_err() {
            // The half-written copy holds secrets: it never stays behind.
            let _ = tokio::fs::remove_file(&temporary).await;
        }
        written.map_err(failed)
    }

    fn failure(&self, message: String) -> PortholeError {
        PortholeError::new(ErrorKind::Internal, message, "")
    }

    /// The stored login for `registry` (any address form), if any.
    pub async fn get(&self, registry: &str) -> Result<Option<Credential>, PortholeError> {
        let config = self.read().await?;
        let key = config_key(registry);
        match place_in(&config, &key) {
            Place::Helper(helper) => {
                let reply = run_helper(&helper, "get", &key).await?;
                let Some(reply) = reply else { return Ok(None) };
                let value: Value = serde_json::from_str(&reply).unwrap_or_default();
                Ok(Some(Credential {
                    username: value["Username"].as_str().unwrap_or_default().to_owned(),
                    secret: value["Secret"].as_str().unwrap_or_default().to_owned(),
                }))
            }
            Place::File => Ok(config
                .get("auths")
                .and_then(|auths| auths.get(&key))
                .and_then(from_entry)),
        }
    }

    /// Saves a login the way `docker login` does.
    pub async fn store(
        &self,
        registry: &str,
        credential: &Credential,
    ) -> Result<Place, PortholeError> {
        let _one_writer = WRITES.lock().await;
        let mut config = self.read().await?;
        let key = config_key(registry);
        let place = place_in(&config, &key);
        let entry = match &place {
            Place::Helper(helper) => {
                let payload = json!({ "ServerURL": key, "Username": credential.username, "Secret": credential.secret });
                run_helper(helper, "store", &payload.to_string()).await?;
                json!({})
            }
            Place::File => {
                let pair = format!("{}:{}", credential.username, credential.secret);
                json!({ "auth": base64::engine::general_purpose::STANDARD.encode(pair) })
            }
        };
        auths(&mut config).insert(key, entry);
        self.write(&config).await?;
        Ok(place)
    }

    /// Removes a login the way `docker logout` does. Not being logged in is not an error.
    pub async fn erase(&self, registry: &str) -> Result<(), PortholeError> {
        let _one_writer = WRITES.lock().await;
        let mut config = self.read().await?;
        let key = config_key(registry);
        if let Place::Helper(helper) = place_in(&config, &key) {
            run_helper(&helper, "erase", &key).await?;
        }
        if auths(&mut config).remove(&key).is_some() {
            self.write(&config).await?;
        }
        Ok(())
    }

    /// Every registry with a stored login, with the user name and where it is kept. Reads only what names the
    /// logins: config.json's own entries, and each credential helper's `list` (one call per helper, which answers
    /// server → user name). No secret is asked for — with a keyring, each `get` can be a password prompt.
    pub async fn list(&self) -> Result<Vec<(String, String, Place)>, PortholeError> {
        let config = self.read().await?;
        let mut logins = std::collections::BTreeMap::new();
        if let Some(auths) = config.get("auths").and_then(Value::as_object) {
            for (key, entry) in auths {
                if place_in(&config, key) == Place::File {
                    if let Some(credential) = from_entry(entry) {
                        logins.insert(key.clone(), (credential.username, Place::File));
                    }
                }
            }
        }
        let mut helpers: Vec<String> = config
            .get("credHelpers")
            .and_then(Value::as_object)
            .map(|helpers| {
                helpers
                    .values()
                    .filter_map(Value::as_str)
                    .map(str::to_owned)
                    .collect()
            })
            .unwrap_or_default();
        helpers.extend(
            config
                .get("credsStore")
                .and_then(Value::as_str)
                .map(str::to_owned),
        );
        helpers.sort();
        helpers.dedup();
        for helper in helpers.into_iter().filter(|h| !h.is_empty()) {
            // A helper that fails (locked keyring, removed program) hides its own entries, not the page.
            let Ok(Some(reply)) = run_helper(&helper, "list", "").await else {
                continue;
            };
            let Ok(Value::Object(listed)) = serde_json::from_str::<Value>(&reply) else {
                continue;
            };
            for (server, username) in listed {
                // Only the entries the config sends to this helper: another helper's are its own to list.
                if place_in(&config, &server) == Place::Helper(helper.clone()) {
                    let username = username.as_str().unwrap_or_default().to_owned();
                    logins.insert(server, (username, Place::Helper(helper.clone())));
                }
            }
        }
        Ok(logins
            .into_iter()
            .map(|(key, (username, place))| (key, username, place))
            .collect())
    }
}

fn place_in(config: &Map<String, Value>, key: &str) -> Place {
    let helper = config
        .get("credHelpers")
        .and_then(|helpers| helpers.get(key))
        .or_else(|| config.get("credsStore"))
        .and_then(Value::as_str)
        .filter(|name| !name.is_empty());
    match helper {
        Some(name) => Place::Helper(name.to_owned()),
        None => Place::File,
    }
}

fn auths(config: &mut Map<String, Value>) -> &mut Map<String, Value> {
    let entry = config
        .entry("auths")
        .or_insert_with(|| Value::Object(Map::new()));
    if !entry.is_object() {
        *entry = Value::Object(Map::new());
    }
    match entry {
        Value::Object(auths) => auths,
        _ => unreachable!("made an object just above"),
    }
}

/// An `auths` entry: `identitytoken` wins (as in the CLI), else `auth`.
fn from_entry(entry: &Value) -> Option<Credential> {
    if let Some(token) = entry
        .get("identitytoken")
        .and_then(Value::as_str)
        .filter(|t| !t.is_empty())
    {
        return Some(Credential {
            username: TOKEN_USER.to_owned(),
            secret: token.to_owned(),
        });
    }
    entry
        .get("auth")
        .and_then(Value::as_str)
        .and_then(decode_auth)
}

fn decode_auth(auth: &str) -> Option<Credential> {
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(auth.trim())
        .ok()?;
    let text = String::from_utf8(bytes).ok()?;
    let (username, secret) = text.split_once(':')?;
    Some(Credential {
        username: username.to_owned(),
        secret: secret.to_owned(),
    })
}

/// Runs `docker-credential-<helper> <verb>` with `input` on stdin. `Ok(None)` when the helper has no such entry.
async fn run_helper(
    helper: &str,
    verb: &str,
    input: &str,
) -> Result<Option<String>, PortholeError> {
    // The name comes from config.json and becomes part of a program name looked up on PATH: nothing but the
    // characters helper names use (`desktop`, `pass`, `ecr-login`, `osxkeychain`).
    let valid = !helper.is_empty()
        && helper
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'));
    if !valid {
        return Err(PortholeError::new(
            ErrorKind::InvalidInput,
            format!("The docker config names a credential helper {helper:?}, which is not a helper name."),
            "",
        ));
    }
    let program = format!("docker-credential-{helper}");
    let failed = |detail: String| {
        PortholeError::new(
            ErrorKind::Internal,
            format!(
                "The docker credential helper {program} failed ({verb}). Check that it is installed and unlocked, \
                 or remove credsStore/credHelpers from the docker config to keep logins in config.json."
            ),
            detail,
        )
    };
    let mut child = tokio::process::Command::new(&program)
        .arg(verb)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .kill_on_drop(true)
        .spawn()
        .map_err(|e| failed(e.to_string()))?;
    if let Some(mut stdin) = child.stdin.take() {
        stdin
            .write_all(input.as_bytes())
            .await
            .map_err(|e| failed(e.to_string()))?;
    }
    let output = tokio::time::timeout(HELPER_TIMEOUT, child.wait_with_output())
        .await
        .map_err(|_| failed(format!("no answer within {} s", HELPER_TIMEOUT.as_secs())))?
        .map_err(|e| failed(e.to_string()))?;
    let stdout = String::from_utf8_lossy(&output.stdout).trim().to_owned();
    if output.status.success() {
        return Ok(Some(stdout));
    }
    // The protocol's "not found" answer; anything else is a real failure. Only the helper's own words are kept,
    // never the input (which holds the secret on `store`).
    if matches!(verb, "get" | "erase") && stdout.contains("credentials not found") {
        return Ok(None);
    }
    Err(failed(format!("exit status {}: {stdout}", output.status)))
}

#[cfg(test)]
#[path = "credentials_tests.rs"]
mod tests;
