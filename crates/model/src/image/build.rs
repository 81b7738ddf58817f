//! Building an image from a folder with a Dockerfile (`docker build`): the form's request, its validation, and the
//! build's progress folded from the engine's output into steps (`Step 2/4 : RUN …`) with their output, so the UI
//! can show each step live and highlight the one that failed.
//!
//! Invariant: `apply` accepts any text in any order without panicking; output before the first step is kept as
//! the preamble, never dropped.

use crate::input::{Input, InputError};

use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BuildRequest {
    /// The build context: a folder on this machine.
    pub folder: String,
    /// The Dockerfile's path inside the folder.
    pub dockerfile: String,
    /// `name:tag` for the result; empty leaves the image untagged.
    pub tag: String,
    /// `--build-arg KEY=VALUE`, in the order given.
    pub build_args: Vec<(String, String)>,
    pub no_cache: bool,
}

impl BuildRequest {
    /// `docker build`, every word shell-quoted (a folder with a space stays one word); `mask` leaves build-arg values out.
    pub fn cli(&self, mask: bool) -> String {
        let mut words: Vec<String> = vec!["docker".into(), "build".into()];
        if !self.tag.trim().is_empty() {
            words.extend(["-t".into(), self.tag.trim().to_owned()]);
        }
        if self.dockerfile.trim() != "Dockerfile" {
            words.extend(["-f".into(), self.dockerfile.trim().to_owned()]);
        }
        for (key, value) in &self.build_args {
            let arg = if mask {
                key.clone()
            } else {
                format!("{key}={value}")
            };
            words.extend(["--build-arg".into(), arg]);
        }
        if self.no_cache {
            words.push("--no-cache".into());
        }
        let folder = self.folder.trim();
        words.push(if folder.is_empty() {
            "FOLDER".into()
        } else {
            folder.to_owned()
        });
        crate::container::run::join(&words)
    }

    /// Checks what can be checked without the engine: a folder given, a relative Dockerfile path, a valid name.
    pub fn validate(&self) -> Result<(), InputError> {
        if self.folder.trim().is_empty() {
            return Err(Input::BuildRequest.refuse(
                "Choose the folder that holds the Dockerfile (the build context).".into(),
            ));
        }
        if !self.folder.trim().starts_with('/') {
            return Err(Input::BuildRequest
                .refuse("The build folder must be an absolute path, like /home/me/app.".into()));
        }
        let typed: Vec<String> = self
            .build_args
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect();
        parse_build_args(&typed.join("\n"))?;
        if self.build_args.iter().any(|(_, v)| v.contains('\n')) {
            return Err(
                Input::BuildRequest.refuse("A build argument's value cannot span lines.".into())
            );
        }
        let dockerfile = self.dockerfile.trim();
        if dockerfile.is_empty()
            || dockerfile.starts_with('/')
            || dockerfile.split('/').any(|p| p == "..")
        {
            return Err(Input::BuildRequest.refuse("The Dockerfile is named relative to the folder, like Dockerfile or docker/app.Dockerfile.".into()));
        }
        if !self.tag.trim().is_empty() {
            let reference = crate::ImageReference::parse(self.tag.trim())
                .map_err(|e| Input::BuildRequest.refuse(e.to_string()))?;
            if reference.digest.is_some() {
                return Err(
                    Input::BuildRequest.refuse("Name the result with a tag, not a digest.".into())
                );
            }
        }
        Ok(())
    }
}

/// `KEY=VALUE` lines (blank lines ignored) into build arguments; the first bad line is named.
pub fn parse_build_args(text: &str) -> Result<Vec<(String, String)>, InputError> {
    text.lines()
        .map(str::trim)
        .enumerate()
        .filter(|(_, line)| !line.is_empty())
        .map(|(index, line)| {
            let (key, value) = line.split_once('=').ok_or_else(|| {
                Input::BuildArgs.refuse(format!("Line {}: write KEY=VALUE.", index + 1))
            })?;
            let valid = !key.is_empty()
                && !key.starts_with(|c: char| c.is_ascii_digit())
                && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
            if !valid {
                return Err(Input::BuildArgs.refuse(format!(
                    "Line {}: {key:?} is not a name (letters, digits, _).",
                    index + 1
                )));
            }
            Ok((key.to_owned(), value.to_owned()))
        })
        .collect()
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StepState {
    Running,
    Done,
    Failed,
}

/// The most output lines kept per step (and before the first step): the last ones, which hold the error when a
/// step fails. Between `LINES_KEPT` and twice that many are held, so dropping the oldest is amortised.
pub const LINES_KEPT: usize = 500;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BuildStep {
    /// 1-based, as the engine counts.
    pub number: u32,
    pub total: u32,
    /// `RUN echo hi`
    pub instruction: String,
    pub output: Vec<String>,
    /// How many earlier output lines were dropped to keep the last `LINES_KEPT`.
    #[serde(default)]
    pub omitted: usize,
    pub state: StepState,
}

/// Adds a line, dropping the oldest once more than twice `LINES_KEPT` are held.
fn keep_line(lines: &mut Vec<String>, omitted: &mut usize, line: &str) {
    lines.push(line.to_owned());
    if lines.len() > 2 * LINES_KEPT {
        let drop = lines.len() - LINES_KEPT;
        lines.drain(..drop);
        *omitted += drop;
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BuildProgress {
    /// Output before the first step (sending the context, …).
    pub preamble: Vec<String>,
    #[serde(default)]
    pub preamble_omitted: usize,
    pub steps: Vec<BuildStep>,
    /// Set once the engine reports the built image.
    pub image_id: Option<String>,
}

impl BuildProgress {
    /// Folds one chunk of the engine's build output in (it may hold several lines, or part of one).
    pub fn apply(&mut self, text: &str) {
        for line in text
            .lines()
            .map(str::trim_end)
            .filter(|l| !l.trim().is_empty())
        {
            if let Some((number, total, instruction)) = parse_step(line) {
                if let Some(previous) = self.steps.last_mut() {
                    previous.state = StepState::Done;
                }
                self.steps.push(BuildStep {
                    number,
                    total,
                    instruction,
                    output: Vec::new(),
                    omitted: 0,
                    state: StepState::Running,
                });
            } else {
                match self.steps.last_mut() {
                    Some(step) => keep_line(&mut step.output, &mut step.omitted, line),
                    None => keep_line(&mut self.preamble, &mut self.preamble_omitted, line),
                }
            }
        }
    }

    /// The build finished with `image_id`: every step is done.
    pub fn finish(&mut self, image_id: String) {
        for step in &mut self.steps {
            step.state = StepState::Done;
        }
        self.image_id = Some(image_id);
    }

    /// The build stopped with `message`: the step under way failed, with the message as its last line.
    pub fn fail(&mut self, message: &str) {
        match self.steps.last_mut() {
            Some(step) => {
                step.state = StepState::Failed;
                step.output.push(message.trim_end().to_owned());
            }
            None => self.preamble.push(message.trim_end().to_owned()),
        }
    }

    pub fn failed_step(&self) -> Option<&BuildStep> {
        self.steps.iter().find(|s| s.state == StepState::Failed)
    }

    /// What a reader that has `seen` lacks: the steps from the last one it has (which may have grown) on, and the
    /// preamble if it changed. Bounded by the lines kept, however much the build printed before.
    pub fn since(&self, seen: &BuildSeen) -> BuildUpdate {
        let from = seen.steps.saturating_sub(1).min(self.steps.len());
        let preamble_now = self.preamble.len() + self.preamble_omitted;
        BuildUpdate {
            from,
            steps: self.steps[from..].to_vec(),
            preamble: (preamble_now != seen.preamble)
                .then(|| (self.preamble.clone(), self.preamble_omitted)),
            image_id: self.image_id.clone(),
        }
    }

    /// How much of this progress a reader has once it merged it.
    pub fn seen(&self) -> BuildSeen {
        BuildSeen {
            steps: self.steps.len(),
            preamble: self.preamble.len() + self.preamble_omitted,
        }
    }

    /// Applies an update made by `since`: the reader's copy becomes the sender's.
    pub fn merge(&mut self, update: BuildUpdate) {
        self.steps.truncate(update.from);
        self.steps.extend(update.steps);
        if let Some((preamble, omitted)) = update.preamble {
            self.preamble = preamble;
            self.preamble_omitted = omitted;
        }
        if update.image_id.is_some() {
            self.image_id = update.image_id;
        }
    }
}

/// How much of a build's progress a reader already has (see `BuildProgress::since`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct BuildSeen {
    pub steps: usize,
    pub preamble: usize,
}

/// The part of a build's progress a reader lacks: steps from `from` on replace the reader's, the preamble when it
/// changed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BuildUpdate {
    pub from: usize,
    pub steps: Vec<BuildStep>,
    pub preamble: Option<(Vec<String>, usize)>,
    pub image_id: Option<String>,
}

/// `Step 2/4 : RUN echo hi` → (2, 4, `RUN echo hi`).
fn parse_step(line: &str) -> Option<(u32, u32, String)> {
    let rest = line.strip_prefix("Step ")?;
    let (counts, instruction) = rest.split_once(" : ")?;
    let (number, total) = counts.split_once('/')?;
    Some((
        number.parse().ok()?,
        total.parse().ok()?,
        instruction.trim().to_owned(),
    ))
}

/// A message on a build's channel.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum BuildMessage {
    /// What changed since the last message: merge it into the copy kept so far (`BuildProgress::merge`).
    Progress {
        update: BuildUpdate,
    },
    Done {
        update: BuildUpdate,
    },
    Failed {
        update: BuildUpdate,
        error: crate::PortholeError,
    },
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_verbose_build_keeps_the_last_lines_and_sends_only_what_changed() {
        let mut sender = BuildProgress::default();
        let mut reader = BuildProgress::default();
        let mut seen = BuildSeen::default();
        let mut largest = 0;
        sender.apply("Sending build context\nStep 1/2 : RUN make\n");
        for i in 0..100_000 {
            sender.apply(&format!("compiling unit {i}\n"));
            if i % 1000 == 0 {
                let update = sender.since(&seen);
                largest = largest.max(update.steps.iter().map(|s| s.output.len()).sum::<usize>());
                reader.merge(update);
                seen = reader.seen();
            }
        }
        sender.apply("Step 2/2 : CMD run\n");
        sender.finish("sha256:abc".into());
        reader.merge(sender.since(&seen));
        assert_eq!(reader, sender, "the merged copy is the sender's");
        let step = &reader.steps[0];
        assert!(step.output.len() <= 2 * LINES_KEPT && step.output.len() >= LINES_KEPT);
        assert_eq!(step.output.len() + step.omitted, 100_000);
        assert_eq!(
            step.output.last().map(String::as_str),
            Some("compiling unit 99999")
        );
        assert!(
            largest <= 2 * LINES_KEPT,
            "no message carries more than the kept lines: {largest}"
        );
        assert_eq!(reader.image_id.as_deref(), Some("sha256:abc"));
    }

    #[test]
    fn steps_collect_their_output_and_the_failure_is_marked() {
        let mut build = BuildProgress::default();
        build.apply("Sending build context to Docker daemon  2.048kB\r\n");
        build.apply(
            "Step 1/3 : FROM porthole-test/busybox:1\n ---> 25bb4560b8cd\nStep 2/3 : ENV A=b\n",
        );
        build.apply(" ---> Running in 1234\n");
        build.apply("Step 3/3 : RUN false\n");
        build.fail("The command '/bin/sh -c false' returned a non-zero code: 1");
        assert_eq!(build.preamble.len(), 1);
        assert_eq!(build.steps.len(), 3);
        assert_eq!(build.steps[0].state, StepState::Done);
        assert_eq!(build.steps[1].output, [" ---> Running in 1234"]);
        let failed = build.failed_step().unwrap();
        assert_eq!(
            (failed.number, failed.instruction.as_str()),
            (3, "RUN false")
        );
        assert!(failed.output.last().unwrap().contains("non-zero code"));
    }

    #[test]
    fn build_args_and_requests_are_checked_before_the_engine() {
        assert_eq!(
            parse_build_args("A=1\n\n B_2=x=y \n"),
            Ok(vec![("A".into(), "1".into()), ("B_2".into(), "x=y".into())])
        );
        assert!(parse_build_args("NOEQUALS")
            .unwrap_err()
            .message
            .contains("Line 1"));
        assert!(parse_build_args("1A=x").is_err());
        let request = |folder: &str, dockerfile: &str, tag: &str| BuildRequest {
            folder: folder.into(),
            dockerfile: dockerfile.into(),
            tag: tag.into(),
            ..Default::default()
        };
        assert!(request("/tmp/app", "Dockerfile", "me/app:1")
            .validate()
            .is_ok());
        assert!(request("", "Dockerfile", "").validate().is_err());
        assert!(request("/tmp/app", "../Dockerfile", "").validate().is_err());
        assert!(request("/tmp/app", "Dockerfile", "Bad Name")
            .validate()
            .is_err());
    }
}
