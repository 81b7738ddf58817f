//! A pull's progress as the pull dialog shows it: one entry per layer (waiting, downloading with bytes, extracting,
//! done) and an overall figure, folded from the engine's stream of status lines.
//!
//! Invariant: `apply` accepts any status line in any order without panicking; unknown statuses keep the layer's
//! previous state, and bytes never run backwards past the layer's total.

use crate::input::{Input, InputError};

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LayerState {
    Waiting,
    Downloading,
    /// Being sent to a registry (push).
    Uploading,
    Verifying,
    Extracting,
    /// Pulled and unpacked.
    Done,
    /// Already on this engine: nothing to download.
    Exists,
}

impl LayerState {
    pub fn label(self) -> &'static str {
        match self {
            Self::Waiting => "waiting",
            Self::Downloading => "downloading",
            Self::Uploading => "uploading",
            Self::Verifying => "verifying",
            Self::Extracting => "extracting",
            Self::Done => "done",
            Self::Exists => "already here",
        }
    }

    pub fn is_finished(self) -> bool {
        matches!(self, Self::Done | Self::Exists)
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LayerProgress {
    /// The short layer id the engine reports.
    pub id: String,
    pub state: LayerState,
    /// Bytes of the current phase (download or extraction) done so far, and the layer's size when known.
    pub current: u64,
    pub total: u64,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PullProgress {
    pub layers: Vec<LayerProgress>,
    /// The latest line that is not about one layer (`Pulling from library/nginx`, `Digest: sha256:…`,
    /// `Status: Downloaded newer image for nginx:latest`).
    pub status: String,
}

impl PullProgress {
    /// Folds one line of the engine's pull stream in.
    pub fn apply(
        &mut self,
        id: Option<&str>,
        status: &str,
        current: Option<i64>,
        total: Option<i64>,
    ) {
        let layer_state = match status {
            "Pulling fs layer" | "Waiting" => Some(LayerState::Waiting),
            "Downloading" => Some(LayerState::Downloading),
            "Verifying Checksum" | "Download complete" => Some(LayerState::Verifying),
            "Extracting" => Some(LayerState::Extracting),
            "Pull complete" | "Pushed" => Some(LayerState::Done),
            "Already exists" | "Layer already exists" => Some(LayerState::Exists),
            // Push lines: the same fold serves `docker push`.
            "Preparing" => Some(LayerState::Waiting),
            "Pushing" => Some(LayerState::Uploading),
            mounted if mounted.starts_with("Mounted from") => Some(LayerState::Exists),
            _ => None,
        };
        let (Some(id), Some(state)) = (id.filter(|id| !id.is_empty()), layer_state) else {
            if !status.is_empty() {
                self.status =
                    match id.filter(|id| !id.is_empty() && status.starts_with("Pulling from")) {
                        Some(id) => format!("{status} ({id})"),
                        None => status.to_owned(),
                    };
            }
            return;
        };
        let index = match self.layers.iter().position(|l| l.id == id) {
            Some(index) => index,
            None => {
                self.layers.push(LayerProgress {
                    id: id.to_owned(),
                    state,
                    current: 0,
                    total: 0,
                });
                self.layers.len() - 1
            }
        };
        let layer = &mut self.layers[index];
        if let Some(total) = total.filter(|t| *t > 0) {
            layer.total = total as u64;
        }
        match state {
            LayerState::Downloading | LayerState::Uploading | LayerState::Extracting => {
                if layer.state != state {
                    layer.current = 0;
                }
                if let Some(current) = current.filter(|c| *c >= 0) {
                    layer.current = if layer.total > 0 {
                        (current as u64).min(layer.total)
                    } else {
                        current as u64
                    };
                }
            }
            LayerState::Verifying | LayerState::Done => layer.current = layer.total,
            LayerState::Waiting | LayerState::Exists => {}
        }
        layer.state = state;
    }

    /// Overall progress from 0.0 to 1.0: a finished layer counts whole, a downloading one by its bytes (half of
    /// its weight, extraction being the other half).
    pub fn fraction(&self) -> f64 {
        if self.layers.is_empty() {
            return 0.0;
        }
        let per_layer: f64 = self
            .layers
            .iter()
            .map(|layer| {
                let bytes = if layer.total > 0 {
                    layer.current as f64 / layer.total as f64
                } else {
                    0.0
                };
                match layer.state {
                    LayerState::Waiting => 0.0,
                    LayerState::Downloading => 0.5 * bytes,
                    // A push has no extraction: the upload is the whole layer.
                    LayerState::Uploading => bytes,
                    LayerState::Verifying => 0.5,
                    LayerState::Extracting => 0.5 + 0.5 * bytes,
                    LayerState::Done | LayerState::Exists => 1.0,
                }
            })
            .sum();
        per_layer / self.layers.len() as f64
    }

    /// Bytes downloaded so far across layers (for the speed figure).
    pub fn downloaded(&self) -> u64 {
        self.layers
            .iter()
            .map(|l| match l.state {
                LayerState::Downloading | LayerState::Uploading => l.current,
                LayerState::Verifying | LayerState::Extracting | LayerState::Done => l.total,
                LayerState::Waiting | LayerState::Exists => 0,
            })
            .sum()
    }
}

/// Checks a `--platform` value: `os/arch` or `os/arch/variant` in lower case (`linux/arm64/v8`); empty means the
/// engine's own platform.
pub fn parse_platform(text: &str) -> Result<Option<String>, InputError> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let parts: Vec<&str> = text.split('/').collect();
    let valid = (2..=3).contains(&parts.len())
        && parts.iter().all(|p| {
            !p.is_empty()
                && p.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        });
    if valid {
        Ok(Some(text.to_owned()))
    } else {
        Err(Input::Platform.refuse(format!(
            "{text} is not a platform: write os/arch, like linux/amd64 or linux/arm64/v8."
        )))
    }
}

/// A message on a pull's channel.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum PullMessage {
    Progress {
        progress: PullProgress,
    },
    Done {
        reference: String,
        progress: PullProgress,
    },
    Failed {
        error: crate::PortholeError,
    },
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pull_as_the_engine_reports_it() {
        let mut pull = PullProgress::default();
        pull.apply(Some("1"), "Pulling from porthole/web", None, None);
        pull.apply(Some("a1"), "Pulling fs layer", None, None);
        pull.apply(Some("b2"), "Already exists", None, None);
        assert_eq!(pull.status, "Pulling from porthole/web (1)");
        pull.apply(Some("a1"), "Downloading", Some(500), Some(1000));
        assert_eq!(pull.layers[0].state, LayerState::Downloading);
        assert_eq!(pull.downloaded(), 500);
        assert!((pull.fraction() - (0.25 + 1.0) / 2.0).abs() < 1e-9);
        pull.apply(Some("a1"), "Download complete", None, None);
        pull.apply(Some("a1"), "Extracting", Some(1000), Some(1000));
        pull.apply(Some("a1"), "Pull complete", None, None);
        pull.apply(None, "Digest: sha256:abc", None, None);
        pull.apply(
            None,
            "Status: Downloaded newer image for 127.0.0.1:5000/porthole/web:1",
            None,
            None,
        );
        assert_eq!(pull.fraction(), 1.0);
        assert!(pull.layers.iter().all(|l| l.state.is_finished()));
        assert!(pull.status.starts_with("Status: Downloaded newer image"));
    }

    #[test]
    fn odd_lines_do_not_break_it() {
        let mut pull = PullProgress::default();
        pull.apply(Some("x"), "Downloading", Some(5000), Some(10));
        assert_eq!(pull.layers[0].current, 10, "bytes never pass the total");
        pull.apply(Some("x"), "Something new", Some(-1), Some(-1));
        pull.apply(Some(""), "Downloading", Some(1), Some(2));
        assert_eq!(parse_platform(" "), Ok(None));
        assert_eq!(
            parse_platform("linux/arm64/v8"),
            Ok(Some("linux/arm64/v8".into()))
        );
        for bad in [
            "linux",
            "Linux/amd64",
            "linux//amd64",
            "a/b/c/d",
            "linux/amd 64",
        ] {
            assert!(parse_platform(bad).is_err(), "{bad}");
        }
        let mut push = PullProgress::default();
        push.apply(Some("p1"), "Preparing", None, None);
        push.apply(Some("p1"), "Pushing", Some(5), Some(10));
        assert_eq!(push.layers[0].state, LayerState::Uploading);
        assert_eq!(push.downloaded(), 5);
        push.apply(Some("p2"), "Mounted from porthole/hello", None, None);
        assert_eq!(push.layers[1].state, LayerState::Exists);
        push.apply(Some("p1"), "Pushed", None, None);
        assert_eq!(push.fraction(), 1.0);
        pull.apply(None, "", None, None);
        assert_eq!(pull.layers.len(), 1);
        assert!(pull.fraction() <= 1.0);
    }
}
