//! A line chart of recent values (SVG), for the Stats tab: drawn from 0 up to a round top in the chart's unit
//! (`chart::scale`, in the model), with the scale labelled on the left, the time window it covers below, and the
//! value under the pointer.

use leptos::prelude::*;
use porthole_model::container::chart::{scale, window_label, ChartUnit};

const WIDTH: f64 = 300.0;
const HEIGHT: f64 = 60.0;
/// The stats stream's pace: one sample a second.
const SECONDS_PER_SAMPLE: f64 = 1.0;

/// `values` oldest first. The chart widens with the samples up to `capacity` slots, then scrolls.
#[component]
pub fn Sparkline(values: Signal<Vec<f64>>, unit: ChartUnit, capacity: usize) -> impl IntoView {
    let chart_scale = Memo::new(move |_| values.with(|v| scale(v, unit)));
    let slots = move || values.with(|v| v.len().clamp(10, capacity.max(10)));
    // Where sample `i` sits: the newest at the right edge, older ones leftwards.
    let x_of = move |i: usize, len: usize| {
        let slots = slots();
        let step = WIDTH / (slots - 1) as f64;
        (slots.saturating_sub(len) + i) as f64 * step
    };
    let points = move || {
        let top = chart_scale.with(|s| s.top).max(f64::EPSILON);
        values.with(|values| {
            values
                .iter()
                .enumerate()
                .map(|(i, v)| {
                    let y = HEIGHT - v.clamp(0.0, top) / top * (HEIGHT - 2.0);
                    format!("{:.1},{y:.1}", x_of(i, values.len()))
                })
                .collect::<Vec<_>>()
        })
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
    // The sample under the pointer, by index.
    let hovered = RwSignal::new(None::<usize>);
    let on_move = move |ev: leptos::ev::MouseEvent| {
        let Some(target) = ev
            .current_target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
        else {
            return;
        };
        let width = target.client_width().max(1) as f64;
        let fraction = (f64::from(ev.offset_x()) / width).clamp(0.0, 1.0);
        let slot = (fraction * (slots() - 1) as f64).round() as usize;
        let len = values.with(Vec::len);
        let first_slot = slots().saturating_sub(len);
        hovered.set(slot.checked_sub(first_slot).filter(|i| *i < len));
    };
    let hover_label = move || {
        let i = hovered.get()?;
        values.with(|v| {
            let value = v.get(i)?;
            let ago = ((v.len() - 1 - i) as f64 * SECONDS_PER_SAMPLE).round();
            let when = if ago == 0.0 {
                "now".to_owned()
            } else {
                format!("{ago} s ago")
            };
            Some(format!("{} · {when}", unit.label(*value)))
        })
    };
    view! {
        <div class="chart">
            <div class="chart-axis" aria-hidden="true">
                <span class="chart-top">{move || chart_scale.with(|s| s.top_label.clone())}</span>
                <span class="chart-middle">{move || chart_scale.with(|s| s.middle_label.clone())}</span>
                <span class="chart-zero">{unit.label(0.0)}</span>
            </div>
            <div class="chart-plot" on:mousemove=on_move on:mouseleave=move |_| hovered.set(None)>
                <svg class="sparkline" viewBox=format!("0 0 {WIDTH} {HEIGHT}") preserveAspectRatio="none" role="img">
                    <line class="sparkline-grid" x1="0" x2=WIDTH y1=HEIGHT / 2.0 y2=HEIGHT / 2.0></line>
                    <polygon class="sparkline-area" points=area></polygon>
                    <polyline class="sparkline-line" points=line></polyline>
                </svg>
                {move || hover_label().map(|label| view! { <span class="chart-hover">{label}</span> })}
            </div>
            <span class="chart-window">{move || window_label(values.with(Vec::len), SECONDS_PER_SAMPLE)}</span>
        </div>
    }
}
