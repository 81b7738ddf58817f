//! The app's processes as the kernel sees them: when one started, its WebKit children, their memory and CPU time.

/// When the process started, in Unix milliseconds: boot time plus its start time in clock ticks (10 ms each).
pub fn process_start_ms(pid: u32) -> f64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap();
    let ticks: f64 = stat
        .rsplit(')')
        .next()
        .unwrap()
        .split_whitespace()
        .nth(19)
        .unwrap()
        .parse()
        .unwrap();
    boot_ms() + ticks * 10.0
}

/// When the machine booted, in ms since the epoch, to 10 ms: now less the uptime, read together. `btime` in
/// /proc/stat is whole seconds, which put every start up to a second early (until 2026-12-01 the launch rows read
/// about 230 ms long that way: the app's `main` seemed to run 260 ms after its process began).
fn boot_ms() -> f64 {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs_f64();
    let uptime: f64 = std::fs::read_to_string("/proc/uptime")
        .unwrap()
        .split_whitespace()
        .next()
        .unwrap()
        .parse()
        .unwrap();
    (now - uptime) * 1000.0
}

#[derive(Debug, Default)]
pub struct Memory {
    pub pss_kib: u64,
    pub rss_kib: u64,
    pub processes: usize,
}

/// Porthole and its WebKit helper processes, by PSS and RSS.
pub fn app_memory() -> Memory {
    memory_of(app_pid())
}

/// A process and its WebKit helper processes (its children), by PSS and RSS from smaps_rollup.
pub fn memory_of(app: u32) -> Memory {
    let mut pids = vec![app];
    for entry in std::fs::read_dir("/proc").unwrap().flatten() {
        let Ok(pid) = entry.file_name().to_string_lossy().parse::<u32>() else {
            continue;
        };
        if parent_of(pid) == Some(app) {
            pids.push(pid);
        }
    }
    let mut memory = Memory {
        processes: pids.len(),
        ..Default::default()
    };
    for pid in pids {
        let rollup =
            std::fs::read_to_string(format!("/proc/{pid}/smaps_rollup")).unwrap_or_default();
        for line in rollup.lines() {
            let mut parts = line.split_whitespace();
            match (
                parts.next(),
                parts.next().and_then(|v| v.parse::<u64>().ok()),
            ) {
                (Some("Pss:"), Some(kib)) => memory.pss_kib += kib,
                (Some("Rss:"), Some(kib)) => memory.rss_kib += kib,
                _ => {}
            }
        }
    }
    memory
}

/// The running Porthole (`PORTHOLE_APP`).
pub fn app_pid() -> u32 {
    pid_of(&std::env::var("PORTHOLE_APP").expect("PORTHOLE_APP"))
}

/// The running process started as `program` (its path, as launched).
pub fn pid_of(program: &str) -> u32 {
    let app = program;
    for entry in std::fs::read_dir("/proc").unwrap().flatten() {
        let Ok(pid) = entry.file_name().to_string_lossy().parse::<u32>() else {
            continue;
        };
        let cmdline = std::fs::read(format!("/proc/{pid}/cmdline")).unwrap_or_default();
        if cmdline.split(|b| *b == 0).next() == Some(app.as_bytes()) {
            return pid;
        }
    }
    panic!("{program} is not running");
}

pub fn parent_of(pid: u32) -> Option<u32> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    stat.rsplit(')')
        .next()?
        .split_whitespace()
        .nth(1)?
        .parse()
        .ok()
}

pub fn cpu_ticks(pid: u32) -> u64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    let fields: Vec<&str> = stat
        .rsplit(')')
        .next()
        .unwrap_or("")
        .split_whitespace()
        .collect();
    // utime and stime are fields 14 and 15 of /proc/PID/stat, i.e. 11 and 12 after the command name.
    fields
        .get(11)
        .and_then(|v| v.parse::<u64>().ok())
        .unwrap_or(0)
        + fields
            .get(12)
            .and_then(|v| v.parse::<u64>().ok())
            .unwrap_or(0)
}

/// CPU ticks (1/100 s) the app and its WebKit processes have used so far — not the tools it runs (a Compose
/// tool's process is its child too, and its time goes to the app's children's count only when it ends).
pub fn window_ticks(app: u32) -> u64 {
    let mut ticks = cpu_ticks(app);
    for entry in std::fs::read_dir("/proc").unwrap().flatten() {
        let Ok(pid) = entry.file_name().to_string_lossy().parse::<u32>() else {
            continue;
        };
        let name = std::fs::read_to_string(format!("/proc/{pid}/comm")).unwrap_or_default();
        if parent_of(pid) == Some(app) && name.starts_with("WebKit") {
            ticks += cpu_ticks(pid);
        }
    }
    ticks
}
