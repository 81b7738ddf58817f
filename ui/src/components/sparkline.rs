//! A small line chart of recent values (SVG), for the Stats tab: no axes, a filled area and the latest value.

use leptos::prelude::*;

const WIDTH: f64 = 300.0;
const HEIGHT: f64 = 60.0;

/// `values` oldest first, drawn against `max` (at least the largest value). The chart widens with the samples up
/// to `capacity` slots, then scrolls.
#[component]
pub fn Sparkline(values: Signal<Vec<f64>>, max: Signal<f64>, capacity: usize) -> impl IntoView {
    let points = move || {
        let values = values.get();
        let top = values
            .iter()
            .copied()
            .fold(max.get(), f64::max)
            .max(f64::EPSILON);
        let slots = values.len().clamp(10, capacity.max(10));
        let step = WIDTH / (slots - 1) as f64;
        let offset = slots.saturating_sub(values.len()) as f64 * step;
        values
            .iter()
            .enumerate()
            .map(|(i, v)| {
                format!(
                    "{:.1},{:.1}",
                    offset + i as f64 * step,
                    HEIGHT - v / top * (HEIGHT - 2.0)
                )
            })
            .collect::<Vec<_>>()
    };
    let line = move || points().join(" ");
    let area = move || {
        let points = points();
        match (points.first(), points.last()) {
            (Some(first), Some(last)) => {
                let x0 = first.split(',').next().unwrap_or("0");
                let x1 = last.split(',').next().unwrap_or("0");
                format!("{x0},{HEIGHT} {} {x1},{HEIGHT}", points.join(" "))
            }
            _ => String::new(),
        }
    };
    view! {
        <svg class="sparkline" viewBox=format!("0 0 {WIDTH} {HEIGHT}") preserveAspectRatio="none" role="img">
            <polygon class="sparkline-area" points=area></polygon>
            <polyline class="sparkline-line" points=line></polyline>
        </svg>
    }
}
