//! The Learn section's concept pages: what Docker's objects are, the docker commands for them, and where Porthole
//! manages them — static, typed text the UI renders as it is.
//!
//! Owns: the `Concept` list (in learning order), each page's title, summary, sections and commands (one file per
//! concept), the link between concepts and app pages (`manages`, `for_page`), and the Dockerfile example.
//!
//! Invariants (checked by the tests):
//! - Every concept and every command of the learner's notes is covered, in Porthole's own words.
//! - A section's `body` is paragraphs separated by `"\n\n"`; a paragraph is either one line of prose or only
//!   bullet lines (`"- "`); backticks mark code and come in pairs within a paragraph.
//! - Every `Command::cli` is a command a learner can type: it starts with `docker ` or `curl `.
//! - Every page but Help names the app page where its objects are managed, and every app page's help button opens a
//!   concept that manages that page (Settings opens Help).
//! - `DOCKERFILE_EXAMPLE` builds offline on busybox; the Dockerfile page explains its very lines.

use crate::Page;

mod compose;
mod containers;
mod dockerfile;
mod engine;
mod help;
mod images;
mod networks;
mod registries;
mod storage;
mod swarm;
#[cfg(test)]
mod tests;

/// One page of the Learn section.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Concept {
    Engine,
    Images,
    Containers,
    Dockerfile,
    Storage,
    Networks,
    Registries,
    Compose,
    Swarm,
    Help,
}

/// A heading and its text. `body`: paragraphs separated by `"\n\n"`; `backticks` mark code; lines starting with
/// `"- "` are bullets.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Section {
    pub heading: &'static str,
    pub body: &'static str,
}

/// A docker CLI command (or a `curl` against the engine) and one sentence on what it does.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Command {
    pub cli: &'static str,
    pub what: &'static str,
}

/// Everything one concept page says; each concept's file holds one.
struct Content {
    title: &'static str,
    summary: &'static str,
    gui: &'static str,
    sections: &'static [Section],
    commands: &'static [Command],
}

impl Concept {
    /// In learning order: the engine first, help last.
    pub const ALL: [Concept; 10] = [
        Concept::Engine,
        Concept::Images,
        Concept::Containers,
        Concept::Dockerfile,
        Concept::Storage,
        Concept::Networks,
        Concept::Registries,
        Concept::Compose,
        Concept::Swarm,
        Concept::Help,
    ];

    fn content(self) -> &'static Content {
        match self {
            Self::Engine => &engine::CONTENT,
            Self::Images => &images::CONTENT,
            Self::Containers => &containers::CONTENT,
            Self::Dockerfile => &dockerfile::CONTENT,
            Self::Storage => &storage::CONTENT,
            Self::Networks => &networks::CONTENT,
            Self::Registries => &registries::CONTENT,
            Self::Compose => &compose::CONTENT,
            Self::Swarm => &swarm::CONTENT,
            Self::Help => &help::CONTENT,
        }
    }

    /// A stable id for the DOM and for tests; the same as the serde name.
    pub fn slug(self) -> &'static str {
        match self {
            Self::Engine => "engine",
            Self::Images => "images",
            Self::Containers => "containers",
            Self::Dockerfile => "dockerfile",
            Self::Storage => "storage",
            Self::Networks => "networks",
            Self::Registries => "registries",
            Self::Compose => "compose",
            Self::Swarm => "swarm",
            Self::Help => "help",
        }
    }

    pub fn title(self) -> &'static str {
        self.content().title
    }

    /// One or two sentences, shown under the title and in the list of concepts.
    pub fn summary(self) -> &'static str {
        self.content().summary
    }

    pub fn sections(self) -> &'static [Section] {
        self.content().sections
    }

    pub fn commands(self) -> &'static [Command] {
        self.content().commands
    }

    /// The app page where these objects are managed; `None` for Help.
    pub fn manages(self) -> Option<Page> {
        match self {
            Self::Engine => Some(Page::Engine),
            Self::Images | Self::Dockerfile => Some(Page::Images),
            Self::Containers => Some(Page::Containers),
            Self::Compose => Some(Page::Compose),
            Self::Swarm => Some(Page::Swarm),
            Self::Storage => Some(Page::Volumes),
            Self::Networks => Some(Page::Networks),
            Self::Registries => Some(Page::Registries),
            Self::Help => None,
        }
    }

    /// The concept a page's help button opens.
    pub fn for_page(page: Page) -> Concept {
        match page {
            Page::Containers => Self::Containers,
            Page::Images => Self::Images,
            Page::Volumes => Self::Storage,
            Page::Networks => Self::Networks,
            Page::Compose => Self::Compose,
            Page::Swarm => Self::Swarm,
            Page::Registries => Self::Registries,
            Page::Engine => Self::Engine,
            // Where data lives, and what removing it loses.
            Page::Disk => Self::Storage,
            Page::Settings | Page::Learn => Self::Help,
            // The tour walks through the containers part of the notes.
            Page::Tour => Self::Containers,
        }
    }

    /// One sentence: where in Porthole you do what this page explains.
    pub fn gui(self) -> &'static str {
        self.content().gui
    }
}

/// The Dockerfile example, building on a local image: replace `{base}` with the image reference (see
/// `dockerfile_example`). ENV is used by RUN at build time and is still set in the container; CMD runs at start.
pub const DOCKERFILE_EXAMPLE: &str = "FROM {base}\n\
    ENV GREETING=hello\n\
    RUN echo \"$GREETING from a Porthole build\" > /greeting\n\
    CMD [\"cat\", \"/greeting\"]\n";

/// What a container of the example image prints when it starts.
pub const DOCKERFILE_EXAMPLE_OUTPUT: &str = "hello from a Porthole build";

/// `DOCKERFILE_EXAMPLE` building on `base` (an image reference such as `busybox:1.36`).
pub fn dockerfile_example(base: &str) -> String {
    DOCKERFILE_EXAMPLE.replace("{base}", base)
}
