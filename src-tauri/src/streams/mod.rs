//! Every live stream the backend sends to the window, each run as one subscription in the registry: the engine's
//! change stream, the activity console's feed, and a container's logs, stats, processes and terminal. Every stream
//! ends on its own when its source ends (the engine closes the stream, or the next `top` is refused), when its
//! channel's webview is gone (a send fails), or when the registry cancels it (view closed, window closed) —
//! dropping the engine request with it.

pub mod activity;
pub mod engine;
pub mod logs;
pub mod processes;
pub mod stats;
pub mod terminal;

#[cfg(test)]
mod cleanup_tests;
