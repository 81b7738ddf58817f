//! The IPC contract: every command the window may call, declared once with its name, what it takes and what it
//! answers (and, for a subscription, what its channel carries). The UI calls a command only through
//! `call::<command::NAME>` / `subscribe::<command::NAME>`; the backend's handler for `NAME` takes `Args<NAME>` and
//! answers `Answer<NAME>`; `build.rs` grants the window exactly `NAMES`; a test in the backend fails when a command
//! is declared here but not registered there, or the reverse.
//!
//! Invariants: a command's marker type is spelled exactly like the command (`list_containers`), so one grep finds
//! the declaration, the UI's call and the backend's handler; every command takes one argument, `args` (unit when it
//! needs nothing), and a subscription also takes `onMessage`, its channel; domain values cross as their own types
//! (`ImageReference` is parsed — and so validated — on the way in).

mod args;
pub mod command;

pub use args::*;
use serde::de::DeserializeOwned;
use serde::Serialize;

/// One command: its name, its argument and its reply.
pub trait Command {
    const NAME: &'static str;
    type Args: Serialize + DeserializeOwned;
    type Reply: Serialize + DeserializeOwned;
}

/// A command that opens a stream: it answers the subscription id, and `Message`s arrive on its channel until the
/// subscription is cancelled (`unsubscribe`) or ends.
pub trait Subscription: Command<Reply = u64> {
    type Message: Serialize + DeserializeOwned;
}

/// What a command takes, by command: `Args<command::list_containers>`.
pub type Args<C> = <C as Command>::Args;
/// What a command's handler returns: its reply, or the one error type.
pub type Answer<C> = Result<<C as Command>::Reply, crate::PortholeError>;
/// What a subscription's channel carries.
pub type Message<C> = <C as Subscription>::Message;

pub use command::NAMES;

/// The permission Tauri derives for a command (`list_containers` → `allow-list-containers`).
pub fn permission(name: &str) -> String {
    format!("allow-{}", name.replace('_', "-"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_and_spelled_like_their_markers() {
        let mut names = NAMES.to_vec();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), NAMES.len(), "a command declared twice");
        assert_eq!(command::list_containers::NAME, "list_containers");
        assert!(NAMES.contains(&"report_page_error"));
        assert_eq!(permission("list_containers"), "allow-list-containers");
    }

    #[test]
    fn a_unit_argument_crosses_as_null() {
        let json = serde_json::to_string(&()).unwrap();
        assert_eq!(json, "null");
        let _: Args<command::engine_info> = serde_json::from_str("null").unwrap();
    }
}
