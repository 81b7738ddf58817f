//! The Stats tab: CPU, memory, network, block I/O and PIDs as live charts over the last few minutes, from the
//! engine's stats stream (one sample a second), computed in the backend. The stream runs only while the tab is open.

use crate::api;
use crate::components::sparkline::Sparkline;
use crate::components::stream_ending::{Ending, StreamEnding};
use leptos::prelude::*;
use leptos::task::spawn_local;
use porthole_model::container::chart::ChartUnit;
use porthole_model::container::stats::{bytes, History};
use porthole_model::StatsMessage;

#[component]
pub fn StatsView(container: String) -> impl IntoView {
    let history = RwSignal::new(History::default());
    let ended = RwSignal::new(None::<Ending>);
    let slot = api::Slot::new();
    // Sampled only while the window is visible: hidden, the stream stops; shown again, it resumes.
    let store = crate::store::use_store();
    Effect::new(move |_| {
        let hidden = store.hidden.get();
        let ticket = slot.renew();
        if hidden {
            return;
        }
        ended.set(None);
        let container = container.clone();
        spawn_local(async move {
            let on_message = move |message: StatsMessage| {
                if !slot.is_current(ticket) {
                    return;
                }
                match message {
                    StatsMessage::Sample { sample } => {
                        history.try_update(|h| h.push(sample));
                    }
                    StatsMessage::Ended => {
                        ended.try_set(Some(Ending::Note("The container stopped.".into())));
                    }
                    StatsMessage::Failed { error } => {
                        ended.try_set(Some(Ending::Failed(error)));
                    }
                    StatsMessage::Round { .. } => {}
                }
            };
            if let Ok(id) = api::subscribe_stats(&container, on_message).await {
                slot.keep(ticket, id).await;
            }
        });
    });
    let latest = move || history.with(|h| h.samples.back().cloned().unwrap_or_default());
    let series = move |get: fn(&porthole_model::StatsSample) -> f64| {
        Signal::derive(move || history.with(|h| h.samples.iter().map(get).collect::<Vec<_>>()))
    };
    let rate = move |get: fn(&porthole_model::StatsSample) -> u64| {
        Signal::derive(move || history.with(|h| h.rate(get)))
    };
    let cap = History::CAPACITY;
    let card = move |id: &'static str,
                     title: &'static str,
                     value: Signal<String>,
                     note: Signal<String>,
                     chart: AnyView| {
        view! {
            <div class="stat-card" id=id>
                <div class="stat-head"><span class="stat-title">{title}</span><span class="stat-value">{value}</span></div>
                {chart}
                <div class="stat-note">{note}</div>
            </div>
        }
    };
    view! {
        <div class="stats-view" id="stats-view">
            <StreamEnding ending=ended />
            {move || history.with(|h| h.samples.is_empty()).then(|| view! { <div class="log-note">"Waiting for the first sample…"</div> })}
            <div class="stat-grid">
                {card("stat-cpu", "CPU", Signal::derive(move || format!("{:.1} %", latest().cpu_percent)),
                    Signal::derive(move || format!("100 % is one full core; this container may use {} cores ({} %).", latest().cpus, latest().cpus * 100)),
                    view! { <Sparkline values=series(|s| s.cpu_percent) unit=ChartUnit::Percent capacity=cap /> }.into_any())}
                {card("stat-memory", "Memory", Signal::derive(move || { let s = latest(); format!("{} / {}", bytes(s.memory_used), bytes(s.memory_limit)) }),
                    Signal::derive(move || format!("{:.1} % of the limit, page cache not counted (as docker stats).", latest().memory_percent())),
                    view! { <Sparkline values=series(|s| s.memory_used as f64) unit=ChartUnit::Bytes capacity=cap /> }.into_any())}
                {card("stat-network", "Network", Signal::derive(move || { let s = latest(); format!("↓ {}  ↑ {}", bytes(s.net_rx), bytes(s.net_tx)) }),
                    Signal::derive(|| "Received and sent since the container started; the chart is bytes per second received.".to_owned()),
                    view! { <Sparkline values=rate(|s| s.net_rx) unit=ChartUnit::BytesPerSecond capacity=cap /> }.into_any())}
                {card("stat-block", "Block I/O", Signal::derive(move || { let s = latest(); format!("read {}  written {}", bytes(s.block_read), bytes(s.block_write)) }),
                    Signal::derive(|| "Disk reads and writes; the chart is bytes per second written.".to_owned()),
                    view! { <Sparkline values=rate(|s| s.block_write) unit=ChartUnit::BytesPerSecond capacity=cap /> }.into_any())}
                {card("stat-pids", "Processes", Signal::derive(move || latest().pids.to_string()),
                    Signal::derive(|| "PIDs: processes and threads running in the container.".to_owned()),
                    view! { <Sparkline values=series(|s| s.pids as f64) unit=ChartUnit::Count capacity=cap /> }.into_any())}
            </div>
        </div>
    }
}
