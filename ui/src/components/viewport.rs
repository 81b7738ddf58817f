//! Virtual scrolling for everything long — the tables and the logs: only the rows in view (plus a margin) are in the
//! DOM, with spacers above and below keeping the scrollbar true. Table rows have a fixed height (`ROW_HEIGHT`,
//! matched by `tr` in styles.css, `window`); a log's rows vary with wrapping and are placed by the prefix sums of
//! their heights (`place`, the model's `log_buffer::place`).

use leptos::html::Div;
use leptos::prelude::*;
use porthole_model::container::log_buffer;

pub const ROW_HEIGHT: f64 = 36.0;
const MARGIN_ROWS: usize = 12;

#[derive(Clone, Copy)]
pub struct Viewport {
    pub node: NodeRef<Div>,
    scroll_top: RwSignal<f64>,
    height: RwSignal<f64>,
    width: RwSignal<f64>,
}

impl Viewport {
    pub fn new() -> Self {
        Self {
            node: NodeRef::new(),
            scroll_top: RwSignal::new(0.0),
            height: RwSignal::new(900.0),
            width: RwSignal::new(900.0),
        }
    }

    /// The scroll container, while the view exists. A frame callback or timer can run after the view is gone
    /// (a panel closed in between): then there is none, and nothing is read from the disposed view.
    pub fn element(self) -> Option<web_sys::HtmlDivElement> {
        self.node.try_get_untracked().flatten()
    }

    /// Call from the scroll container's `on:scroll`.
    pub fn on_scroll(self) {
        if let Some(node) = self.element() {
            self.scroll_top.try_set(node.scroll_top() as f64);
            self.measure();
        }
    }

    /// Reads the view's size (on mount, on a window resize): what is in view, and where wrapped lines break,
    /// depend on it. A size that did not change wakes nothing.
    pub fn measure(self) {
        if let Some(node) = self.element() {
            let height = (node.client_height() as f64).max(ROW_HEIGHT);
            let width = node.client_width() as f64;
            if self.height.try_get_untracked() != Some(height) {
                self.height.try_set(height);
            }
            if self.width.try_get_untracked() != Some(width) {
                self.width.try_set(width);
            }
        }
    }

    /// The view's width in pixels, tracked.
    pub fn width(self) -> f64 {
        self.width.get()
    }

    /// For rows of varying height: `(first, end)` and the height in units above and below them, from the prefix
    /// sums of the rows' heights in units of `unit` pixels, with `margin` rows more on each side.
    pub fn place(self, sums: &[usize], unit: f64, margin: usize) -> (usize, usize, usize, usize) {
        log_buffer::place(sums, self.scroll_top.get(), self.height.get(), unit, margin)
    }

    /// The rows to render for a list of `len` table rows: `(first, end)` as a half-open range.
    pub fn window(self, len: usize) -> (usize, usize) {
        self.window_of(len, ROW_HEIGHT)
    }

    /// The same for rows of `row_height` pixels each (a merged log's lines).
    pub fn window_of(self, len: usize, row_height: f64) -> (usize, usize) {
        let first = (self.scroll_top.get() / row_height) as usize;
        let visible = (self.height.get() / row_height).ceil() as usize;
        let start = first.saturating_sub(MARGIN_ROWS).min(len);
        let end = (first + visible + MARGIN_ROWS).min(len);
        (start, end)
    }

    pub fn padding_above(self, len: usize) -> String {
        self.padding_above_of(len, ROW_HEIGHT)
    }

    pub fn padding_below(self, len: usize) -> String {
        self.padding_below_of(len, ROW_HEIGHT)
    }

    pub fn padding_above_of(self, len: usize, row_height: f64) -> String {
        format!(
            "{}px",
            self.window_of(len, row_height).0 as f64 * row_height
        )
    }

    pub fn padding_below_of(self, len: usize, row_height: f64) -> String {
        format!(
            "{}px",
            (len - self.window_of(len, row_height).1) as f64 * row_height
        )
    }

    /// Scrolls so that row `index` is fully visible (keyboard navigation).
    pub fn reveal(self, index: usize) {
        let Some(node) = self.element() else {
            return;
        };
        let top = index as f64 * ROW_HEIGHT;
        let header = ROW_HEIGHT;
        let view_top = node.scroll_top() as f64;
        let view_height = node.client_height() as f64 - header;
        if top < view_top {
            node.set_scroll_top(top as i32);
        } else if top + ROW_HEIGHT > view_top + view_height {
            node.set_scroll_top((top + ROW_HEIGHT - view_height) as i32);
        }
        self.on_scroll();
    }
}
