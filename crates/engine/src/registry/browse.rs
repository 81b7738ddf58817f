//! One registry's own HTTP API, for browsing: its repositories (`/v2/_catalog`) and a repository's tags, with the
//! stored login when the registry asks for one — HTTP basic, or the token flow (`WWW-Authenticate: Bearer realm=…`,
//! then the realm's token) that Docker Hub and most hosted registries use — and Docker Hub search through the
//! engine (`docker search`).
//!
//! Invariants: anonymous first, credentials only when the registry answers 401, so "public vs private" is what the
//! registry said; HTTPS first, plain HTTP only for a registry that does not speak TLS (as the engine does for
//! insecure registries); the password goes only into the request's `Authorization` header.

use crate::error::from_bollard;
use crate::registry::credentials::{Credential, Store};
use crate::Engine;
use porthole_model::registry::{address, HUB};
use porthole_model::{Catalog, ErrorKind, PortholeError, SearchResult, Tags};
use reqwest::header::{HeaderMap, AUTHORIZATION, WWW_AUTHENTICATE};
use reqwest::StatusCode;
use std::time::Duration;

pub async fn catalog(
    engine: &Engine,
    store: &Store,
    registry: &str,
) -> Result<Catalog, PortholeError> {
    let registry = checked_address(registry)?;
    if registry == HUB {
        return Err(PortholeError::invalid_input(
            "Docker Hub does not list its repositories: search it instead.",
        ));
    }
    let (body, private) = get(engine, store, &registry, "/v2/_catalog?n=1000").await?;
    let mut repositories: Vec<String> = strings(&body["repositories"]);
    repositories.sort();
    Ok(Catalog {
        repositories,
        private,
    })
}

pub async fn tags(
    engine: &Engine,
    store: &Store,
    registry: &str,
    repository: &str,
) -> Result<Tags, PortholeError> {
    let registry = checked_address(registry)?;
    // Checked before it becomes part of the URL: `../` or `?` would send the request somewhere else.
    let repository = porthole_model::image::reference::parse_repository(repository)
        .map_err(|e| PortholeError::invalid_input(e.to_string()))?;
    let path = format!("/v2/{repository}/tags/list");
    let (body, private) = get(engine, store, &registry, &path).await?;
    let mut tags = strings(&body["tags"]);
    tags.sort();
    Ok(Tags {
        repository,
        tags,
        private,
    })
}

/// The registry's address, checked as the form checks it (host or host:port), then in its canonical form.
fn checked_address(registry: &str) -> Result<String, PortholeError> {
    porthole_model::registry::parse_address(registry).map_err(PortholeError::invalid_input)?;
    Ok(address(registry))
}

/// `docker search` through the engine, which is the one that needs to reach Docker Hub.
pub async fn search(engine: &Engine, term: &str) -> Result<Vec<SearchResult>, PortholeError> {
    crate::as_action(porthole_model::Action::SearchHub { term: term.to_owned() }, async move {
        let options = bollard::query_parameters::SearchImagesOptions {
            term: term.trim().to_owned(),
            limit: Some(25),
            ..Default::default()
        };
        let found = engine.docker.search_images(options).await.map_err(|e| {
            let mut error = from_bollard(e);
            // The engine answers 500 when it cannot reach Docker Hub; other statuses keep their own sentence.
            if error.kind == ErrorKind::Internal {
                error.message = "The engine cannot reach Docker Hub: this machine looks offline (or behind a proxy the \
                                 engine does not use). Local and self-hosted registries still work."
                    .into();
            }
            error
        })?;
        Ok(found
            .into_iter()
            .map(|item| SearchResult {
                name: item.name.unwrap_or_default(),
                description: item.description.unwrap_or_default(),
                stars: item.star_count.unwrap_or_default(),
                official: item.is_official.unwrap_or_default(),
            })
            .collect())
    })
    .await
}

/// `realm="https://auth",service="registry",scope="repository:a:pull,push"` → its key/value pairs; commas inside
/// quotes belong to the value.
fn challenge_fields(parameters: &str) -> Vec<(String, String)> {
    let mut fields = Vec::new();
    let mut rest = parameters.trim();
    while let Some((key, after)) = rest.split_once('=') {
        let key = key.trim().trim_start_matches(',').trim().to_owned();
        let (value, remaining) = if let Some(quoted) = after.strip_prefix('"') {
            match quoted.split_once('"') {
                Some((value, remaining)) => (value.to_owned(), remaining),
                None => (quoted.to_owned(), ""),
            }
        } else {
            match after.split_once(',') {
                Some((value, remaining)) => (value.trim().to_owned(), remaining),
                None => (after.trim().to_owned(), ""),
            }
        };
        fields.push((key, value));
        rest = remaining.trim_start_matches(|c: char| c == ',' || c.is_whitespace());
    }
    fields
}

fn strings(value: &serde_json::Value) -> Vec<String> {
    value
        .as_array()
        .map(|items| {
            items
                .iter()
                .filter_map(|i| i.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

/// GETs `path` from the registry: anonymously, then with the stored login if it answers 401. Returns the JSON body
/// and whether a login was needed.
async fn get(
    engine: &Engine,
    store: &Store,
    registry: &str,
    path: &str,
) -> Result<(serde_json::Value, bool), PortholeError> {
    let plain_allowed = crate::registry::plain_http_allowed(engine, registry).await;
    let client = reqwest::Client::builder()
        .timeout(Duration::from_secs(15))
        .build()
        .map_err(|e| PortholeError::of_kind(ErrorKind::Internal, e.to_string()))?;
    let activity = &engine.activity;
    let (url, response) = first_answer(activity, &client, registry, path, plain_allowed).await?;
    if response.status() != StatusCode::UNAUTHORIZED {
        return Ok((json(registry, response).await?, false));
    }
    let challenge = response
        .headers()
        .get(WWW_AUTHENTICATE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    let credential = store.get(registry).await.ok().flatten();
    let authorization = authorize(
        activity,
        &client,
        &challenge,
        credential.as_ref(),
        plain_allowed,
    )
    .await?;
    let Some(authorization) = authorization else {
        return Err(needs_login(registry));
    };
    let mut headers = HeaderMap::new();
    headers.insert(
        AUTHORIZATION,
        authorization.parse().map_err(|_| needs_login(registry))?,
    );
    let started = crate::activity::now_ms();
    let response = client.get(&url).headers(headers).send().await;
    activity.record_registry(&url, started, true, response.as_ref());
    let response = response.map_err(|e| unreachable(registry, &e))?;
    if response.status() == StatusCode::UNAUTHORIZED {
        return Err(needs_login(registry));
    }
    Ok((json(registry, response).await?, true))
}

/// The registry's first answer to `path` and the URL that gave it: over HTTPS, or over plain HTTP only for a
/// registry the engine itself talks plain HTTP to (loopback, or listed as insecure), so a login never travels in
/// clear where the engine would not send it.
async fn first_answer(
    activity: &crate::Activity,
    client: &reqwest::Client,
    registry: &str,
    path: &str,
    plain_allowed: bool,
) -> Result<(String, reqwest::Response), PortholeError> {
    let https = format!("https://{registry}{path}");
    let started = crate::activity::now_ms();
    let answer = client.get(&https).send().await;
    activity.record_registry(&https, started, false, answer.as_ref());
    match answer {
        Ok(response) => Ok((https, response)),
        Err(error) if !plain_allowed => Err(unreachable(registry, &error)),
        Err(_) => {
            let http = format!("http://{registry}{path}");
            let started = crate::activity::now_ms();
            let answer = client.get(&http).send().await;
            activity.record_registry(&http, started, false, answer.as_ref());
            let response = answer.map_err(|e| unreachable(registry, &e))?;
            Ok((http, response))
        }
    }
}

/// The `Authorization` value answering `challenge` with `credential`: `Basic …`, or for `Bearer realm=…` a token
/// fetched from the realm (anonymously when there is no login, as public repositories allow).
async fn authorize(
    activity: &crate::Activity,
    client: &reqwest::Client,
    challenge: &str,
    credential: Option<&Credential>,
    plain_allowed: bool,
) -> Result<Option<String>, PortholeError> {
    use base64::Engine as _;
    // An identity token is not a password: it cannot answer a Basic challenge or a token service here.
    let basic = credential.filter(|c| !c.is_identity_token()).map(|c| {
        let pair = format!("{}:{}", c.username, c.secret);
        format!(
            "Basic {}",
            base64::engine::general_purpose::STANDARD.encode(pair)
        )
    });
    let Some(parameters) = challenge
        .split_once(' ')
        .filter(|(scheme, _)| scheme.eq_ignore_ascii_case("bearer"))
        .map(|(_, parameters)| parameters)
    else {
        return Ok(basic);
    };
    let fields = challenge_fields(parameters);
    let field = |name: &str| {
        fields
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.clone())
    };
    let Some(realm) = field("realm") else {
        return Ok(basic);
    };
    // The token service gets the login too: only over HTTPS, unless the registry itself is plain-HTTP by the
    // engine's own rule.
    if !realm.starts_with("https://") && !plain_allowed {
        return Ok(None);
    }
    let mut request = client.get(&realm).query(
        &[("service", field("service")), ("scope", field("scope"))]
            .into_iter()
            .filter_map(|(k, v)| v.map(|v| (k, v)))
            .collect::<Vec<_>>(),
    );
    if let Some(basic) = &basic {
        request = request.header(AUTHORIZATION, basic.as_str());
    }
    let started = crate::activity::now_ms();
    let answer = request.send().await;
    let url = answer
        .as_ref()
        .map(|r| r.url().to_string())
        .unwrap_or_else(|_| realm.clone());
    activity.record_registry(&url, started, basic.is_some(), answer.as_ref());
    let response = answer.map_err(|e| unreachable(&realm, &e))?;
    if !response.status().is_success() {
        return Ok(None);
    }
    let body: serde_json::Value =
        serde_json::from_slice(&response.bytes().await.unwrap_or_default()).unwrap_or_default();
    Ok(body["token"]
        .as_str()
        .or(body["access_token"].as_str())
        .map(|t| format!("Bearer {t}")))
}

async fn json(
    registry: &str,
    response: reqwest::Response,
) -> Result<serde_json::Value, PortholeError> {
    let status = response.status();
    let bytes = response
        .bytes()
        .await
        .map_err(|e| unreachable(registry, &e))?;
    if !status.is_success() {
        let detail = String::from_utf8_lossy(&bytes).trim().to_owned();
        let kind = ErrorKind::from_status(status.as_u16());
        let message = match kind {
            ErrorKind::NotFound => {
                format!("{registry} has no such repository, or does not offer a catalog.")
            }
            _ => format!("{registry} answered {status}."),
        };
        return Err(PortholeError::new(kind, message, detail));
    }
    serde_json::from_slice(&bytes)
        .map_err(|e| PortholeError::of_kind(ErrorKind::Internal, e.to_string()))
}

fn needs_login(registry: &str) -> PortholeError {
    PortholeError::new(
        ErrorKind::Unauthorized,
        format!("{registry} lists its contents only after a login: log in to it first (`docker login {registry}`)."),
        "",
    )
}

fn unreachable(registry: &str, error: &reqwest::Error) -> PortholeError {
    PortholeError::new(
        ErrorKind::EngineUnavailable,
        format!("{registry} cannot be reached from this machine. Check the address and that the registry runs."),
        error.to_string(),
    )
}

#[cfg(test)]
mod tests {
    use super::challenge_fields;

    #[test]
    fn challenges_keep_commas_inside_quotes() {
        let fields = challenge_fields(
            r#"realm="https://auth.example/token",service="registry.example",scope="repository:team/app:pull,push""#,
        );
        assert_eq!(
            fields,
            [
                ("realm".to_owned(), "https://auth.example/token".to_owned()),
                ("service".to_owned(), "registry.example".to_owned()),
                (
                    "scope".to_owned(),
                    "repository:team/app:pull,push".to_owned()
                ),
            ]
        );
        assert_eq!(
            challenge_fields(r#"realm="porthole-test""#),
            [("realm".to_owned(), "porthole-test".to_owned())]
        );
        assert!(challenge_fields("").is_empty());
    }
}
