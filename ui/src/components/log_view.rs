//! The Logs tab: a bounded tail first (default 1,000 lines), then the followed stream; older lines fetched on
//! scroll-back; stdout and stderr told apart; timestamps, wrap and follow toggles; ANSI colours; search with
//! highlight and jumps; download of the whole log. The toolbar (`log_toolbar`) and the status line (`log_status`)
//! are their own pieces over the same `LogState`.
//!
//! Invariants: the lines, what is held back while paused, their heights and search live in the model's
//! `LogBuffer` (bounded, unit-tested); only the rows in view are in the DOM, placed by a prefix sum of row heights
//! (`log_buffer::place`; one row per line, or per wrapped line when wrapping); the subscription is cancelled when
//! the tab closes.

use crate::api;
use crate::components::error_notice::ErrorNotice;
use crate::components::log_line::LogRow;
use crate::components::log_status::LogStatus;
use crate::components::log_toolbar::LogToolbar;
use crate::components::viewport::Viewport;
use leptos::prelude::*;
use leptos::task::spawn_local;
use porthole_model::container::log_buffer::LogBuffer;
use porthole_model::container::logs::DEFAULT_TAIL;
use porthole_model::LogMessage;

pub const LINE_HEIGHT: f64 = 18.0;
/// Monospace character width at the log's font size, for estimating wrapped heights.
const CHAR_WIDTH: f64 = 7.25;
/// Rows rendered beyond the view on each side: enough for smooth scrolling, few enough that a followed stream
/// (which moves the window by a whole batch) re-renders little.
const MARGIN: usize = 8;

#[derive(Clone, PartialEq)]
pub enum Status {
    Loading,
    Following,
    Ended,
    Failed(porthole_model::PortholeError),
}

/// Everything the log's pieces share: the buffer and the view's choices (tail, follow, wrap, search), where the
/// view is scrolled, and the subscription's slot. All of it is signals: the struct is `Copy`.
#[derive(Clone, Copy)]
pub struct LogState {
    pub container: StoredValue<String>,
    /// The kept lines (sequence numbers are the rows' keys); `version` says when they changed.
    pub buffer: StoredValue<LogBuffer>,
    pub version: RwSignal<u64>,
    pub waiting: RwSignal<usize>,
    pub status: RwSignal<Status>,
    pub tail: RwSignal<u32>,
    pub follow: RwSignal<bool>,
    pub timestamps: RwSignal<bool>,
    pub wrap: RwSignal<bool>,
    pub search: RwSignal<String>,
    pub current_match: RwSignal<usize>,
    pub loading_older: RwSignal<bool>,
    pub no_older: RwSignal<bool>,
    pub saved: RwSignal<Option<String>>,
    /// Bumped to subscribe again (Reload).
    pub restarts: RwSignal<u32>,
    viewport: Viewport,
    slot: api::Slot,
    /// Row heights in line units and their prefix sums, for placing the window of rows.
    prefix: Memo<Vec<usize>>,
    /// The indexes of the lines that match the search, case-insensitively.
    pub matches: Memo<Vec<usize>>,
}

impl LogState {
    fn new(container: String) -> Self {
        let buffer = StoredValue::new(LogBuffer::default());
        let version = RwSignal::new(0u64);
        let timestamps = RwSignal::new(false);
        let wrap = RwSignal::new(false);
        let search = RwSignal::new(String::new());
        let viewport = Viewport::new();
        let prefix = Memo::new(move |_| {
            version.track();
            let stamp = if timestamps.get() { 31 } else { 0 };
            let columns = ((viewport.width() - 24.0) / CHAR_WIDTH).max(20.0) as usize;
            buffer.with_value(|b| b.height_sums(wrap.get(), stamp, columns))
        });
        let matches = Memo::new(move |_| {
            version.track();
            let needle = search.get();
            buffer.with_value(|b| b.matches(&needle))
        });
        Self {
            container: StoredValue::new(container),
            buffer,
            version,
            waiting: RwSignal::new(0),
            status: RwSignal::new(Status::Loading),
            tail: RwSignal::new(DEFAULT_TAIL),
            follow: RwSignal::new(true),
            timestamps,
            wrap,
            search,
            current_match: RwSignal::new(0),
            loading_older: RwSignal::new(false),
            no_older: RwSignal::new(false),
            saved: RwSignal::new(None),
            restarts: RwSignal::new(0),
            viewport,
            slot: api::Slot::new(),
            prefix,
            matches,
        }
    }

    fn changed(self) {
        self.version.update(|v| *v += 1);
    }

    /// Opens the log stream afresh: the tail first, then what follows.
    fn subscribe(self) {
        let this = self.slot.renew();
        self.buffer.set_value(LogBuffer::default());
        self.waiting.set(0);
        self.no_older.set(false);
        self.changed();
        self.status.set(Status::Loading);
        let on_message = move |message: LogMessage| {
            if !self.slot.is_current(this) {
                return;
            }
            match message {
                LogMessage::Lines { batch } => {
                    let batch = batch.into_lines();
                    if self.status.get_untracked() == Status::Loading {
                        self.status.set(Status::Following);
                    }
                    if self.follow.get_untracked() {
                        self.buffer.update_value(|b| b.append(batch));
                        self.changed();
                    } else {
                        self.buffer.update_value(|b| b.hold(batch));
                        self.waiting.set(self.buffer.with_value(LogBuffer::held));
                    }
                }
                LogMessage::Ended => self.status.set(Status::Ended),
                LogMessage::Failed { error } => self.status.set(Status::Failed(error)),
            }
        };
        let (container, tail) = (self.container.get_value(), self.tail.get_untracked());
        spawn_local(async move {
            match api::subscribe_logs(&container, tail, on_message).await {
                Ok(id) => self.slot.keep(this, id).await,
                Err(error) => {
                    self.status.try_set(Status::Failed(error));
                }
            }
        });
    }

    /// Scrolls line `index` to the middle of the view.
    pub fn reveal(self, index: usize) {
        if let Some(el) = self.viewport.node.get_untracked() {
            let top =
                self.prefix
                    .with_untracked(|s| s.get(index).copied().unwrap_or(0)) as f64
                    * LINE_HEIGHT;
            el.set_scroll_top((top - el.client_height() as f64 / 2.0).max(0.0) as i32);
        }
    }

    /// Moves to the next (`1`) or previous (`-1`) match, round the ends.
    pub fn jump(self, step: isize) {
        let count = self.matches.with_untracked(Vec::len);
        if count == 0 {
            return;
        }
        self.follow.set(false);
        let next = (self.current_match.get_untracked() as isize + step).rem_euclid(count as isize)
            as usize;
        self.current_match.set(next);
        self.reveal(self.matches.with_untracked(|m| m[next]));
    }

    /// Shows what was held back while paused, and follows again.
    pub fn resume(self) {
        self.buffer.update_value(LogBuffer::release);
        self.waiting.set(0);
        self.follow.set(true);
        self.changed();
    }

    /// Saves the whole log to a file the user picks.
    pub fn save(self) {
        let container = self.container.get_value();
        spawn_local(async move {
            if let Ok(Some(path)) = api::save_logs(&container).await {
                self.saved.try_set(Some(path));
            }
        });
    }

    fn window(self) -> (usize, usize, usize, usize) {
        self.prefix
            .with(|sums| self.viewport.place(sums, LINE_HEIGHT, MARGIN))
    }
}

#[component]
pub fn LogView(container: String) -> impl IntoView {
    let log = LogState::new(container);
    Effect::new(move |_| {
        log.tail.track();
        log.restarts.track();
        log.subscribe();
    });
    // Keep the newest line in view while following.
    Effect::new(move |_| {
        log.version.track();
        if log.follow.get_untracked() {
            if let Some(el) = log.viewport.node.get_untracked() {
                request_animation_frame(move || el.set_scroll_top(el.scroll_height()));
            }
        }
    });
    // The view's size: on mount and whenever the window is resized.
    Effect::new(move |_| {
        if log.viewport.node.get().is_some() {
            log.viewport.measure();
        }
    });
    let resized = window_event_listener(leptos::ev::resize, move |_| log.viewport.measure());
    on_cleanup(move || resized.remove());
    let on_scroll = move |_| {
        let Some(el) = log.viewport.node.get_untracked() else {
            return;
        };
        log.viewport.on_scroll();
        let at_bottom = el.scroll_top() + el.client_height() >= el.scroll_height() - 4;
        if !at_bottom && log.follow.get_untracked() && log.status.get_untracked() != Status::Loading
        {
            log.follow.set(false);
        }
        if el.scroll_top() == 0 && !log.buffer.with_value(LogBuffer::is_empty) {
            load_older(log);
        }
    };
    let rows = move || {
        let (first, end, _, _) = log.window();
        log.buffer.with_value(|b| b.rows(first, end))
    };
    let padding = move |above: bool| {
        let (_, _, units_above, units_below) = log.window();
        let units = if above { units_above } else { units_below };
        format!("{}px", units as f64 * LINE_HEIGHT)
    };
    let empty = move || {
        log.status.get() != Status::Loading
            && log
                .version
                .with(|_| log.buffer.with_value(LogBuffer::is_empty))
    };
    view! {
        <div class="log-view" id="log-view" class:wrap=move || log.wrap.get() class:timestamps=move || log.timestamps.get()>
            <LogToolbar log=log />
            <div class="log-lines mono" id="log-lines" node_ref=log.viewport.node on:scroll=on_scroll tabindex="0">
                {move || log.loading_older.get().then(|| view! { <div class="log-note">"Loading older lines…"</div> })}
                // A container that has written nothing yet: say so, rather than show an empty black box.
                {move || empty().then(|| view! { <div class="log-note" id="log-empty">"Nothing written to stdout or stderr yet."</div> })}
                <div class="spacer" style:height=move || padding(true)></div>
                <For each=rows key=|(seq, _)| *seq let:row>
                    <LogRow line=row.1 search=log.search />
                </For>
                <div class="spacer" style:height=move || padding(false)></div>
            </div>
            {move || match log.status.get() {
                Status::Failed(error) => Some(view! { <ErrorNotice error=error id="log-failed" /> }),
                _ => None,
            }}
            <LogStatus log=log />
        </div>
    }
}

/// Scrolled back to the top: fetches the lines before the first one kept, and keeps the line that was at the top
/// where it was.
fn load_older(log: LogState) {
    if log.loading_older.get_untracked() || log.no_older.get_untracked() {
        return;
    }
    let Some(first) = log
        .buffer
        .with_value(|b| b.first_timestamp().map(str::to_owned))
    else {
        return;
    };
    log.loading_older.set(true);
    let container = log.container.get_value();
    let this = log.slot.renew_peek();
    spawn_local(async move {
        let older = api::logs_before(&container, &first, DEFAULT_TAIL).await;
        log.loading_older.try_set(false);
        let Ok(older) = older else { return };
        if !log.slot.is_current(this) {
            return;
        }
        if older.is_empty() {
            log.no_older.set(true);
            return;
        }
        let before = log
            .prefix
            .with_untracked(|s| s.last().copied().unwrap_or(0));
        // Scrolled back past the limit: the newest lines go, and following stops until resumed.
        if log
            .buffer
            .try_update_value(|b| b.prepend(older))
            .unwrap_or(false)
        {
            log.follow.set(false);
        }
        log.changed();
        let added = log
            .prefix
            .with_untracked(|s| s.last().copied().unwrap_or(0))
            .saturating_sub(before);
        // After the DOM has the new rows; before, the old height would clamp the position.
        if let Some(el) = log.viewport.node.get_untracked() {
            request_animation_frame(move || {
                el.set_scroll_top(el.scroll_top() + (added as f64 * LINE_HEIGHT) as i32)
            });
        }
    });
}
