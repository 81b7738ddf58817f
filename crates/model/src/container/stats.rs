//! Live resource usage (`docker stats`), computed in the backend from two consecutive engine samples.
//!
//! CPU % follows the docker CLI: 100% is one full core, so a container using two cores shows 200% (of `cpus`×100).
//! Memory "used" excludes the page cache (cgroup v2 `inactive_file`, v1 `total_inactive_file`), as `docker stats`.

use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct StatsSample {
    /// RFC 3339, the engine's read time.
    pub read: String,
    /// Percent where 100 is one core.
    pub cpu_percent: f64,
    /// Cores the container may use (online CPUs).
    pub cpus: u32,
    pub memory_used: u64,
    pub memory_limit: u64,
    pub net_rx: u64,
    pub net_tx: u64,
    pub block_read: u64,
    pub block_write: u64,
    pub pids: u64,
    /// The raw CPU counters (ns) this sample was read with, so two one-shot samples give a CPU % (`cpu_since`).
    pub cpu_total: u64,
    pub system_total: u64,
}

/// What a stats subscription sends.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum StatsMessage {
    Sample {
        sample: StatsSample,
    },
    /// One round of the list's columns, by id: a sample for each visible running container whose cells changed.
    Round {
        samples: Vec<(String, StatsSample)>,
    },
    /// The container is not running (any more).
    Ended,
    Failed {
        error: crate::PortholeError,
    },
}

/// CPU %, from the deltas of container and host CPU time between two samples (nanoseconds).
pub fn cpu_percent(container_delta: u64, system_delta: u64, cpus: u32) -> f64 {
    if system_delta == 0 || container_delta == 0 {
        return 0.0;
    }
    container_delta as f64 / system_delta as f64 * f64::from(cpus.max(1)) * 100.0
}

impl StatsSample {
    /// This sample with its CPU % computed from an earlier one of the same container (one-shot samples carry no
    /// previous reading of their own).
    pub fn cpu_since(mut self, earlier: &StatsSample) -> StatsSample {
        self.cpu_percent = cpu_percent(
            self.cpu_total.saturating_sub(earlier.cpu_total),
            self.system_total.saturating_sub(earlier.system_total),
            self.cpus,
        );
        self
    }

    /// What the containers list shows of this sample: CPU (`0.4 %`) and memory used (`12.3 MiB`). A round of the
    /// list's sampling carries a container only when these changed, so an idle container adds nothing to a round.
    pub fn list_cells(&self) -> (String, String) {
        (
            format!("{:.1} %", self.cpu_percent),
            bytes(self.memory_used),
        )
    }

    pub fn memory_percent(&self) -> f64 {
        if self.memory_limit == 0 {
            0.0
        } else {
            self.memory_used as f64 / self.memory_limit as f64 * 100.0
        }
    }
}

/// Bytes as `12.3 MiB`.
pub fn bytes(value: u64) -> String {
    const UNITS: [&str; 5] = ["B", "KiB", "MiB", "GiB", "TiB"];
    let mut size = value as f64;
    let mut unit = 0;
    while size >= 1024.0 && unit < UNITS.len() - 1 {
        size /= 1024.0;
        unit += 1;
    }
    if unit == 0 {
        format!("{value} B")
    } else {
        format!("{size:.1} {}", UNITS[unit])
    }
}

/// A few minutes of samples for the charts: at most `capacity`, oldest dropped first.
#[derive(Clone, Debug, Default)]
pub struct History {
    pub samples: std::collections::VecDeque<StatsSample>,
}

impl History {
    pub const CAPACITY: usize = 180;

    pub fn push(&mut self, sample: StatsSample) {
        if self.samples.len() == Self::CAPACITY {
            self.samples.pop_front();
        }
        self.samples.push_back(sample);
    }

    /// Bytes per second between the last two samples of a counter (network, block I/O); counters that go back
    /// (a restart) read as 0.
    pub fn rate(&self, counter: impl Fn(&StatsSample) -> u64) -> Vec<f64> {
        let seconds = |s: &StatsSample| {
            chrono::DateTime::parse_from_rfc3339(&s.read)
                .ok()
                .map(|t| t.timestamp_millis())
        };
        self.samples
            .iter()
            .zip(self.samples.iter().skip(1))
            .map(|(a, b)| match (seconds(a), seconds(b)) {
                (Some(ta), Some(tb)) if tb > ta => {
                    counter(b).saturating_sub(counter(a)) as f64 * 1000.0 / (tb - ta) as f64
                }
                _ => 0.0,
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cpu_is_per_core() {
        assert_eq!(cpu_percent(0, 100, 4), 0.0);
        assert_eq!(cpu_percent(10, 0, 4), 0.0);
        assert!(
            (cpu_percent(50, 200, 4) - 100.0).abs() < 1e-9,
            "a quarter of 4 cores is one core"
        );
        assert!((cpu_percent(200, 200, 2) - 200.0).abs() < 1e-9);
    }

    #[test]
    fn sizes_and_rates() {
        assert_eq!(bytes(512), "512 B");
        assert_eq!(bytes(1536), "1.5 KiB");
        assert_eq!(bytes(5 << 30), "5.0 GiB");
        let mut history = History::default();
        for (second, rx) in [(0, 0), (1, 1000), (2, 500)] {
            history.push(StatsSample {
                read: format!("2024-01-01T00:00:0{second}Z"),
                net_rx: rx,
                ..Default::default()
            });
        }
        assert_eq!(history.rate(|s| s.net_rx), vec![1000.0, 0.0]);
        for _ in 0..500 {
            history.push(StatsSample::default());
        }
        assert_eq!(history.samples.len(), History::CAPACITY);
        let earlier = StatsSample {
            cpu_total: 100,
            system_total: 1000,
            cpus: 2,
            ..Default::default()
        };
        let later = StatsSample {
            cpu_total: 350,
            system_total: 2000,
            cpus: 2,
            ..Default::default()
        };
        assert!((later.cpu_since(&earlier).cpu_percent - 50.0).abs() < 1e-9);
        let half = StatsSample {
            memory_used: 50,
            memory_limit: 200,
            ..Default::default()
        };
        assert_eq!(half.memory_percent(), 25.0);
    }

    #[test]
    fn list_cells_change_only_with_what_they_show() {
        let sample = |cpu_percent, memory_used| StatsSample {
            cpu_percent,
            memory_used,
            ..Default::default()
        };
        assert_eq!(
            sample(0.04, 3 << 20).list_cells(),
            ("0.0 %".to_owned(), "3.0 MiB".to_owned())
        );
        // Below a tenth of a percent and a tenth of a MiB, the cells read the same: such a sample is not sent again.
        assert_eq!(
            sample(0.01, 3 << 20).list_cells(),
            sample(0.04, (3 << 20) + 4096).list_cells()
        );
        assert_ne!(
            sample(0.04, 3 << 20).list_cells(),
            sample(0.06, 3 << 20).list_cells()
        );
    }
}
