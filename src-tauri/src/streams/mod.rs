//! The container page's live streams, each run as one subscription in the registry: logs, stats, processes and a
//! terminal. Every stream ends on its own when its container stops or goes away (the engine closes the stream, or
//! the next `top` is refused), when its channel's webview is gone (a send fails), or when the registry cancels it
//! (view closed, window closed) — dropping the engine request with it.

pub mod logs;
pub mod processes;
pub mod stats;
pub mod terminal;

#[cfg(test)]
mod cleanup_tests;
