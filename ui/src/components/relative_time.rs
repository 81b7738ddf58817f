//! A time shown relative to now ("3 minutes ago"), with the exact local time on hover.

use crate::store::use_store;
use chrono::{Local, TimeZone};
use leptos::prelude::*;
use porthole_model::time::{exact_utc, relative};

#[component]
pub fn RelativeTime(unix: i64) -> impl IntoView {
    let store = use_store();
    let exact = Local
        .timestamp_opt(unix, 0)
        .single()
        .map(|t| t.format("%Y-%m-%d %H:%M:%S %Z").to_string())
        .unwrap_or_else(|| exact_utc(unix));
    view! { <time title=exact>{move || relative(unix, store.now.get())}</time> }
}
