//! `docker push`: sends a tagged image to its registry with the stored login, folding the engine's per-layer
//! progress into the same `PullProgress` the pull dialog uses (uploading instead of downloading).
//!
//! Invariant: dropping the future cancels the push (the engine stops when the request goes away); an error line
//! in the stream ends it with a `PortholeError` naming the registry and the way out.

use crate::raw::{self, RegistryAuth};
use crate::registry::credentials::Store;
use crate::Engine;
use futures_util::StreamExt;
use porthole_model::image::pull::PullProgress;
use porthole_model::registry::config_key;
use porthole_model::{ErrorKind, ImageReference, PortholeError};
use serde::Deserialize;

#[derive(Deserialize, Default)]
struct Line {
    #[serde(default)]
    id: Option<String>,
    #[serde(default)]
    status: Option<String>,
    #[serde(default, rename = "progressDetail")]
    progress_detail: Option<Detail>,
    #[serde(default, rename = "errorDetail")]
    error_detail: Option<ErrorDetail>,
    #[serde(default)]
    error: Option<String>,
}

#[derive(Deserialize, Default)]
struct Detail {
    current: Option<i64>,
    total: Option<i64>,
}

#[derive(Deserialize, Default)]
struct ErrorDetail {
    message: Option<String>,
}

pub async fn push(
    engine: &Engine,
    store: &Store,
    reference: &ImageReference,
    mut on_progress: impl FnMut(&PullProgress),
) -> Result<PullProgress, PortholeError> {
    crate::as_action(porthole_model::Action::Push { reference: reference.to_string() }, async move {
        if reference.digest.is_some() {
            return Err(PortholeError::invalid_input(
                "Push a name with a tag, not a digest.",
            ));
        }
        let registry = &reference.registry;
        let credential = store.get(registry).await.ok().flatten();
        let key = config_key(registry);
        // The engine wants the header even without a login (an empty JSON object).
        let header = match &credential {
            Some(credential) if credential.is_identity_token() => RegistryAuth {
                username: "",
                password: "",
                serveraddress: &key,
                identitytoken: Some(&credential.secret),
            }
            .header(),
            Some(credential) => RegistryAuth {
                username: &credential.username,
                password: &credential.secret,
                serveraddress: &key,
                identitytoken: None,
            }
            .header(),
            None => base64_of_empty_object(),
        };
        let name = format!("{}/{}", reference.registry, reference.repository);
        let path = format!("/images/{name}/push?tag={}", reference.tag_or_latest());
        let response = raw::send(engine, "POST", &path, &[("x-registry-auth", header)], None)
            .await
            .map_err(|error| {
                let mut error = error.recognised_for(registry);
                if error.kind == ErrorKind::NotFound && error.diagnosis.is_none() {
                    error.message = format!(
                        "There is no image named {} here. Tag the image with that name first (`docker tag`).",
                        reference.familiar_name()
                    );
                }
                error
            })?;
        let mut lines = Box::pin(raw::json_lines::<Line>(response));
        let mut progress = PullProgress::default();
        while let Some(line) = lines.next().await {
            let line = line?;
            if let Some(message) = line.error_detail.and_then(|d| d.message).or(line.error) {
                let error = PortholeError::new(
                    ErrorKind::Internal,
                    format!(
                        "{registry} did not take the push. If it wants a login, log in to it first (`docker login \
                         {registry}`); if it cannot be reached or speaks plain HTTP, the detail below says so."
                    ),
                    message,
                )
                .recognised();
                return Err(crate::registry::diagnose(engine, registry, error, "pushing").await);
            }
            let detail = line.progress_detail.unwrap_or_default();
            progress.apply(
                line.id.as_deref(),
                line.status.as_deref().unwrap_or_default(),
                detail.current,
                detail.total,
            );
            on_progress(&progress);
        }
        Ok(progress)
    })
    .await
}

fn base64_of_empty_object() -> String {
    use base64::Engine as _;
    base64::engine::general_purpose::URL_SAFE.encode("{}")
}
