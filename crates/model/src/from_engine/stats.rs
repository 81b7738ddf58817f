//! One `GET /containers/{id}/stats` sample → `StatsSample`. The engine sends the previous CPU reading
//! (`precpu_stats`) with each sample, so CPU % comes from one message; the first message of a stream has an empty
//! previous reading and reads as 0%.

use crate::container::stats::{cpu_percent, StatsSample};
use bollard::models as engine;

impl From<engine::ContainerStatsResponse> for StatsSample {
    fn from(stats: engine::ContainerStatsResponse) -> Self {
        let cpu = stats.cpu_stats.unwrap_or_default();
        let previous = stats.precpu_stats.unwrap_or_default();
        let total = |c: &engine::ContainerCpuStats| {
            c.cpu_usage
                .as_ref()
                .and_then(|u| u.total_usage)
                .unwrap_or(0)
        };
        // cgroup v1 reports per-CPU usage instead of online_cpus on old kernels.
        let cpus = cpu
            .online_cpus
            .filter(|n| *n > 0)
            .or_else(|| {
                cpu.cpu_usage
                    .as_ref()
                    .and_then(|u| u.percpu_usage.as_ref())
                    .map(|p| p.len() as u32)
            })
            .unwrap_or(1);
        let cpu_percent = if previous.system_cpu_usage.is_none() {
            0.0
        } else {
            cpu_percent(
                total(&cpu).saturating_sub(total(&previous)),
                cpu.system_cpu_usage
                    .unwrap_or(0)
                    .saturating_sub(previous.system_cpu_usage.unwrap_or(0)),
                cpus,
            )
        };
        let memory = stats.memory_stats.unwrap_or_default();
        let detail = memory.stats.unwrap_or_default();
        // What `docker stats` subtracts: the page cache that the kernel can drop (v2, then v1 names).
        let cache = ["inactive_file", "total_inactive_file"]
            .iter()
            .find_map(|key| detail.get(*key).copied())
            .unwrap_or(0);
        let (net_rx, net_tx) = stats
            .networks
            .unwrap_or_default()
            .values()
            .fold((0, 0), |(rx, tx), n| {
                (rx + n.rx_bytes.unwrap_or(0), tx + n.tx_bytes.unwrap_or(0))
            });
        let (block_read, block_write) = stats
            .blkio_stats
            .and_then(|b| b.io_service_bytes_recursive)
            .unwrap_or_default()
            .iter()
            .fold((0, 0), |(read, write), entry| {
                match entry.op.as_deref().map(str::to_ascii_lowercase).as_deref() {
                    Some("read") => (read + entry.value.unwrap_or(0), write),
                    Some("write") => (read, write + entry.value.unwrap_or(0)),
                    _ => (read, write),
                }
            });
        StatsSample {
            read: stats.read.map(|t| t.to_string()).unwrap_or_default(),
            cpu_percent,
            cpus,
            memory_used: memory.usage.unwrap_or(0).saturating_sub(cache),
            memory_limit: memory.limit.unwrap_or(0),
            net_rx,
            net_tx,
            block_read,
            block_write,
            pids: stats.pids_stats.and_then(|p| p.current).unwrap_or(0),
            cpu_total: total(&cpu),
            system_total: cpu.system_cpu_usage.unwrap_or(0),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cgroup_v2_sample() {
        let json = r#"{
            "read": "2024-01-01T00:00:01Z",
            "cpu_stats": {"cpu_usage": {"total_usage": 3000}, "system_cpu_usage": 20000, "online_cpus": 2},
            "precpu_stats": {"cpu_usage": {"total_usage": 1000}, "system_cpu_usage": 10000, "online_cpus": 2},
            "memory_stats": {"usage": 5000, "limit": 100000, "stats": {"inactive_file": 1000}},
            "networks": {"eth0": {"rx_bytes": 10, "tx_bytes": 20}, "eth1": {"rx_bytes": 1, "tx_bytes": 2}},
            "blkio_stats": {"io_service_bytes_recursive": [{"op": "read", "value": 7}, {"op": "Write", "value": 9}]},
            "pids_stats": {"current": 3}
        }"#;
        let sample = StatsSample::from(
            serde_json::from_str::<engine::ContainerStatsResponse>(json).unwrap(),
        );
        assert!(
            (sample.cpu_percent - 40.0).abs() < 1e-9,
            "2000 of 10000 ns on 2 cores = 40% of one core"
        );
        assert_eq!(sample.memory_used, 4000);
        assert_eq!((sample.net_rx, sample.net_tx), (11, 22));
        assert_eq!((sample.block_read, sample.block_write), (7, 9));
        assert_eq!(sample.pids, 3);
    }

    #[test]
    fn a_cgroup_v1_first_sample_without_previous_reading() {
        let json = r#"{
            "cpu_stats": {"cpu_usage": {"total_usage": 3000, "percpu_usage": [1, 2, 3, 4]}, "system_cpu_usage": 1},
            "precpu_stats": {},
            "memory_stats": {"usage": 5000, "limit": 100000, "stats": {"total_inactive_file": 500, "cache": 800}}
        }"#;
        let sample = StatsSample::from(
            serde_json::from_str::<engine::ContainerStatsResponse>(json).unwrap(),
        );
        assert_eq!(sample.cpu_percent, 0.0);
        assert_eq!(sample.cpus, 4);
        assert_eq!(sample.memory_used, 4500);
        let empty = StatsSample::from(engine::ContainerStatsResponse::default());
        assert_eq!(empty.memory_used, 0);
    }
}
