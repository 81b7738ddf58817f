//! Registries: which ones the user is logged in to, logging in (checked by the engine with the registry before
//! anything is saved) and out. Logins are kept by `credentials::Store`, shared with the docker CLI.
//!
//! Invariant: a password reaches only the engine's `/auth` request and the credential store; no reply or error
//! carries it.
//!
//! This folder holds registries: logins (here), the docker CLI's credential store and helpers (`credentials`) and
//! browsing a registry's catalog and tags over HTTP (`browse`).

pub mod browse;
pub mod credentials;

use crate::raw::{self, RegistryAuth};
use crate::registry::credentials::{Credential, Store};
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
            // An identity-token login (Docker Desktop, SSO) keeps no user name.
            username: Some(if username == crate::registry::credentials::TOKEN_USER {
                "a token".to_owned()
            } else {
                username
            }),
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
    crate::as_action(porthole_model::Action::Login { registry: login.registry.clone(), username: login.username.clone() }, async move {
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
            identitytoken: None,
        };
        let body = serde_json::to_vec(&auth).unwrap_or_default();
        let checked = match raw::send(engine, "POST", "/auth", &[], Some(body)).await {
            Err(error) => {
                let mut error = error.recognised();
                match ask_registry(engine, &registry, &error).await {
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
                if error.diagnosis.is_some() {
                    error = error.recognised_for(&registry);
                    error.message.push_str(" Nothing was saved.");
                    return error;
                }
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
    })
    .await
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
    if credential.is_identity_token() {
        return Some(bollard::auth::DockerCredentials {
            identitytoken: Some(credential.secret),
            serveraddress: Some(config_key(registry)),
            ..Default::default()
        });
    }
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

pub(crate) async fn ask_registry(
    engine: &Engine,
    registry: &str,
    error: &PortholeError,
) -> Option<RegistryAnswer> {
    if error.kind != ErrorKind::Internal || address(registry) == porthole_model::registry::HUB {
        return None;
    }
    // Only a registry answers with its API-version header: a TLS port's "400 plain HTTP to HTTPS" does not count.
    let status = raw::registry_status(registry).await?;
    if plain_http_allowed(engine, registry).await {
        (status == 401).then_some(RegistryAnswer::WantsLogin)
    } else {
        Some(RegistryAnswer::PlainHttp)
    }
}

/// Whether the engine talks plain HTTP to `registry`, by its own configuration: listed as insecure, or every address
/// the name resolves to inside one of its insecure CIDRs (loopback by default). Browsing follows the same rule, so
/// a login is never sent in clear to a registry the engine itself would only reach over HTTPS.
pub async fn plain_http_allowed(engine: &Engine, registry: &str) -> bool {
    let Ok(info) = engine.docker.info().await else {
        return false;
    };
    let config = info.registry_config.unwrap_or_default();
    let listed = config
        .index_configs
        .as_ref()
        .and_then(|indexes| indexes.get(registry))
        .and_then(|index| index.secure);
    if listed == Some(false) {
        return true;
    }
    let cidrs = config.insecure_registry_cidrs.unwrap_or_default();
    let with_port = if registry
        .rsplit_once(':')
        .is_some_and(|(_, p)| p.parse::<u16>().is_ok())
    {
        registry.to_owned()
    } else {
        format!("{registry}:443")
    };
    let Ok(addresses) = tokio::net::lookup_host(with_port).await else {
        return false;
    };
    let ips: Vec<std::net::IpAddr> = addresses.map(|a| a.ip()).collect();
    !ips.is_empty()
        && ips
            .iter()
            .all(|ip| cidrs.iter().any(|cidr| in_cidr(*ip, cidr)))
}

fn in_cidr(ip: std::net::IpAddr, cidr: &str) -> bool {
    use std::net::IpAddr;
    let Some((network, bits)) = cidr.split_once('/') else {
        return false;
    };
    let (Ok(network), Ok(bits)) = (network.parse::<IpAddr>(), bits.parse::<u32>()) else {
        return false;
    };
    let (ip, network, width) = match (ip, network) {
        (IpAddr::V4(ip), IpAddr::V4(net)) => (u32::from(ip) as u128, u32::from(net) as u128, 32),
        (IpAddr::V6(ip), IpAddr::V6(net)) => (u128::from(ip), u128::from(net), 128),
        _ => return false,
    };
    if bits > width {
        return false;
    }
    let mask = if bits == 0 {
        0
    } else {
        (u128::MAX << (width - bits)) & (u128::MAX >> (128 - width))
    };
    ip & mask == network & mask
}

/// Refines a pull's or push's failure with `ask_registry`; with no answer (HTTPS, down) the error stays.
pub(crate) async fn diagnose(
    engine: &Engine,
    registry: &str,
    mut error: PortholeError,
    doing: &str,
) -> PortholeError {
    let recognised = error.diagnosis.is_some();
    match ask_registry(engine, registry, &error).await {
        // A recognised case (no credentials, plain HTTP …) keeps its own sentence and fix; the kind still follows
        // the registry's status, so the UI offers a login.
        Some(RegistryAnswer::WantsLogin) if recognised => error.kind = ErrorKind::Unauthorized,
        Some(RegistryAnswer::PlainHttp) if recognised => {}
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
    if recognised {
        error = error.recognised_for(registry);
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

#[cfg(test)]
mod tests {
    use super::in_cidr;

    #[test]
    fn addresses_fall_in_the_engines_insecure_ranges() {
        let ip = |text: &str| text.parse().unwrap();
        assert!(in_cidr(ip("127.0.0.1"), "127.0.0.0/8"));
        assert!(in_cidr(ip("::1"), "::1/128"));
        assert!(!in_cidr(ip("10.123.0.1"), "127.0.0.0/8"));
        assert!(in_cidr(ip("10.123.0.1"), "10.0.0.0/8"));
        assert!(!in_cidr(ip("127.0.0.1"), "::1/128"));
        assert!(!in_cidr(ip("127.0.0.1"), "nonsense"));
    }
}
