//! Reusable pieces of the UI, one per file.

pub mod build_dialog;
pub mod cli_hint;
pub mod confirm_dialog;
pub mod container_actions;
pub mod error_banner;
pub mod filter_box;
pub mod hub_search;
pub mod icon;
pub mod image_details;
pub mod image_tag;
pub mod list_keys;
pub mod login_form;
pub mod prose;
pub mod prune_dialog;
pub mod pull_panel;
pub mod push_panel;
pub mod registry_browser;
pub mod relative_time;
pub mod sidebar;
pub mod sort_header;
pub mod state_badge;
pub mod status_bar;
pub mod transfer_progress;
pub mod viewport;
