//! Registries: which ones the user is logged in to, logging in (checked by the engine with the registry before
//! anything is saved) and out. Logins are kept by `credentials::Store`, shared with the docker CLI.
//!
//! Invariant: a password reaches only the engine's `/auth` request and the credential store; no reply or error
//! carries it.

use crate::credentials::{Credential, Store};
use crate::raw::{self, RegistryAuth};
use crate::Engine;
use porthole_model::registry::{address, config_key};
use porthole_model::{ErrorKind, Login, PortholeError, Registry};

/// Every registry with a stored login (Docker Hub's under `docker.io`).
pub async fn list(store: &Store) -> Result<Vec<Registry>, PortholeError> {
    Ok(store
        .list()
        .await?
        .into_iter()
        .map(|(key, username, place)| Registry {
            address: address(&key),
            username: Some(username),
            stored_in: Some(place.describe()),
        })
        .collect())
}

/// `docker login`: asks the engine to check the credentials with the registry, then stores them. Returns the
/// registry as it now stands.
pub async fn login(
    engine: &Engine,
    store: &Store,
    login: &Login,
) -> Result<Registry, PortholeError> {
    let registry = porthole_model::registry::parse_address(&login.registry)
        .map_err(PortholeError::invalid_input)?;
    if login.username.trim().is_empty() || login.password.is_empty() {
        return Err(PortholeError::invalid_input(
            "Type the user name and the password (or access token).",
        ));
    }
    let key = config_key(&registry);
    let auth = RegistryAuth {
        username: login.username.trim(),
        password: &login.password,
        serveraddress: &key,
    };
    let body = serde_json::to_vec(&auth).unwrap_or_default();
    let checked = match raw::send(engine, "POST", "/auth", &[], Some(body)).await {
        Err(mut error) => {
            match ask_registry(&registry, &error).await {
                Some(RegistryAnswer::WantsLogin) => error.kind = ErrorKind::Unauthorized,
                Some(RegistryAnswer::PlainHttp) => error.kind = ErrorKind::InvalidInput,
                None => {}
            }
            Err(error)
        }
        ok => ok,
    };
    checked
        .map_err(|mut error| {
            error.message = match error.kind {
                ErrorKind::Unauthorized | ErrorKind::Forbidden => format!(
                    "{registry} did not accept user {} with that password. Check both (for Docker Hub, an access \
                     token works as the password); nothing was saved.",
                    login.username.trim()
                ),
                ErrorKind::EngineUnavailable => error.message,
                ErrorKind::InvalidInput => plain_http(&registry) + " Nothing was saved.",
                _ => format!(
                    "The engine could not check the login with {registry}. The detail says why: often the registry \
                     cannot be reached from the engine, or it speaks plain HTTP and is not listed under \
                     insecure-registries in the engine's daemon.json. Nothing was saved."
                ),
            };
            error
        })?;
    let credential = Credential {
        username: login.username.trim().to_owned(),
        secret: login.password.clone(),
    };
    let place = store.store(&registry, &credential).await?;
    Ok(Registry {
        address: registry,
        username: Some(credential.username),
        stored_in: Some(place.describe()),
    })
}

/// `docker logout`.
pub async fn logout(store: &Store, registry: &str) -> Result<(), PortholeError> {
    store.erase(registry).await
}

/// The stored login for `registry` as bollard sends it, if any. A failing helper counts as no login: the engine
/// then says the registry wants one, which the user can act on.
pub async fn credentials_for(
    store: &Store,
    registry: &str,
) -> Option<bollard::auth::DockerCredentials> {
    let credential = store.get(registry).await.ok().flatten()?;
    Some(bollard::auth::DockerCredentials {
        username: Some(credential.username),
        password: Some(credential.secret),
        serveraddress: Some(config_key(registry)),
        ..Default::default()
    })
}

/// What the registry itself says when the engine reported a failure with it as a plain server error (Docker 20.10
/// reports most registry trouble as 500): asked over plain HTTP, so the kind still comes from a status code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum RegistryAnswer {
    /// 401: it wants a login (or a different one).
    WantsLogin,
    /// It answers plain HTTP, which the engine refuses for a registry not on loopback and not listed as insecure.
    PlainHttp,
}

pub(crate) async fn ask_registry(registry: &str, error: &PortholeError) -> Option<RegistryAnswer> {
    if error.kind != ErrorKind::Internal || address(registry) == porthole_model::registry::HUB {
        return None;
    }
    match raw::registry_status(registry).await? {
        401 => Some(RegistryAnswer::WantsLogin),
        _ => Some(RegistryAnswer::PlainHttp),
    }
}

/// Refines a pull's or push's failure with `ask_registry`; with no answer (HTTPS, down) the error stays.
pub(crate) async fn diagnose(
    registry: &str,
    mut error: PortholeError,
    doing: &str,
) -> PortholeError {
    match ask_registry(registry, &error).await {
        Some(RegistryAnswer::WantsLogin) => {
            error.kind = ErrorKind::Unauthorized;
            error.message = format!(
                "{registry} wants a login before {doing}: log in to it first (`docker login {registry}`). If you \
                 are logged in, the account may not have access to this repository."
            );
        }
        Some(RegistryAnswer::PlainHttp) => error.message = plain_http(registry),
        None => {}
    }
    error
}

fn plain_http(registry: &str) -> String {
    format!(
        "{registry} speaks plain HTTP, and the engine only talks HTTPS to a registry that is not on this machine \
         unless it is listed as insecure. If you trust it, add it to the engine's daemon.json \
         (`/etc/docker/daemon.json`, or Docker Desktop → Settings → Docker Engine) as \
         `{{\"insecure-registries\": [\"{registry}\"]}}` and restart the engine."
    )
}
