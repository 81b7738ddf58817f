//! A Stats chart's scale: from 0 up to a round top just above the largest value — so memory moving between 600 and
//! 780 KiB is a gentle line under 1 MiB, not a storm, and 0.2 % CPU is visible against a 1 % top — labelled in the
//! chart's unit, and the time window its samples cover ("last 3 min").

use super::stats::bytes;

/// What a chart's values are.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChartUnit {
    /// Percent of one core (CPU) or of a limit.
    Percent,
    Bytes,
    BytesPerSecond,
    /// A plain count (processes).
    Count,
}

impl ChartUnit {
    /// `value` written in this unit, as the chart's labels show it.
    pub fn label(self, value: f64) -> String {
        match self {
            Self::Percent if value > 0.0 && value < 10.0 => format!("{value:.1} %"),
            Self::Percent => format!("{value:.0} %"),
            Self::Bytes => bytes(value.max(0.0) as u64),
            Self::BytesPerSecond => format!("{}/s", bytes(value.max(0.0) as u64)),
            Self::Count if value.fract() == 0.0 => format!("{}", value.max(0.0)),
            Self::Count => format!("{value:.1}"),
        }
    }

    /// The smallest top a chart of this unit gets, so that near-idle values do not fill it.
    pub fn least_top(self) -> f64 {
        match self {
            Self::Percent => 1.0,
            Self::Bytes => 1024.0 * 1024.0,
            Self::BytesPerSecond => 1024.0,
            Self::Count => 4.0,
        }
    }

    /// The round number at or above `value`: 1, 2, 5 × 10ⁿ for percents and counts; a power of two times 1024ⁿ
    /// for bytes, so labels read 1 MiB, 2 MiB, 512 KiB.
    fn round_up(self, value: f64) -> f64 {
        let value = value.max(f64::MIN_POSITIVE);
        match self {
            Self::Bytes | Self::BytesPerSecond => {
                let mut top = 1.0;
                while top < value {
                    top *= 2.0;
                }
                top
            }
            Self::Percent | Self::Count => {
                let magnitude = 10f64.powf(value.log10().floor());
                [1.0, 2.0, 5.0, 10.0]
                    .into_iter()
                    .map(|step| step * magnitude)
                    .find(|top| *top >= value * (1.0 - 1e-9))
                    .unwrap_or(10.0 * magnitude)
            }
        }
    }
}

/// The scale a chart is drawn against: 0 at the bottom, `top` at the top.
#[derive(Clone, Debug, PartialEq)]
pub struct ChartScale {
    pub top: f64,
    pub top_label: String,
    pub middle_label: String,
}

/// The scale for `values` in `unit`: a round top at or above the largest value, never below the unit's least top.
pub fn scale(values: &[f64], unit: ChartUnit) -> ChartScale {
    let largest = values
        .iter()
        .copied()
        .filter(|v| v.is_finite())
        .fold(0.0, f64::max);
    let top = unit.round_up(largest.max(unit.least_top()));
    ChartScale {
        top,
        top_label: unit.label(top),
        middle_label: unit.label(top / 2.0),
    }
}

/// The time the chart's `samples` cover, one every `seconds_per_sample`: "last 45 s", "last 3 min".
pub fn window_label(samples: usize, seconds_per_sample: f64) -> String {
    let seconds = (samples.saturating_sub(1) as f64 * seconds_per_sample).round() as u64;
    if seconds < 120 {
        format!("last {seconds} s")
    } else {
        format!("last {} min", seconds / 60)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn memory_that_barely_moves_is_drawn_against_a_round_top_from_zero() {
        let kib = 1024.0;
        let s = scale(&[600.0 * kib, 780.0 * kib, 700.0 * kib], ChartUnit::Bytes);
        assert_eq!(s.top, 1024.0 * kib);
        assert_eq!(s.top_label, "1.0 MiB");
        assert_eq!(s.middle_label, "512.0 KiB");
        assert_eq!(
            scale(&[1.3 * 1024.0 * kib], ChartUnit::Bytes).top_label,
            "2.0 MiB"
        );
    }

    #[test]
    fn idle_cpu_shows_against_one_percent_and_busy_cpu_gets_a_round_top() {
        let idle = scale(&[0.2, 0.1], ChartUnit::Percent);
        assert_eq!((idle.top, idle.top_label.as_str()), (1.0, "1.0 %"));
        assert_eq!(scale(&[37.0], ChartUnit::Percent).top, 50.0);
        assert_eq!(scale(&[150.0], ChartUnit::Percent).top_label, "200 %");
        assert_eq!(
            scale(&[], ChartUnit::Count).top,
            5.0,
            "at least 4, rounded up"
        );
        assert_eq!(
            scale(&[2048.0], ChartUnit::BytesPerSecond).top_label,
            "2.0 KiB/s"
        );
    }

    #[test]
    fn the_window_is_said_in_seconds_then_minutes() {
        assert_eq!(window_label(1, 1.0), "last 0 s");
        assert_eq!(window_label(46, 1.0), "last 45 s");
        assert_eq!(window_label(180, 1.0), "last 2 min");
        assert_eq!(window_label(181, 1.0), "last 3 min");
    }

    #[test]
    fn a_value_is_labelled_in_its_unit() {
        assert_eq!(ChartUnit::Percent.label(0.24), "0.2 %");
        assert_eq!(ChartUnit::Count.label(3.0), "3");
        assert_eq!(
            ChartUnit::Count.label(2.5),
            "2.5",
            "the middle of a top of 5 is not rounded to 3"
        );
        assert_eq!(ChartUnit::BytesPerSecond.label(0.0), "0 B/s");
    }
}
