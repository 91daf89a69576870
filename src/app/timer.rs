//! The timebox: a countdown the facilitator sets, starts, pauses and resets.
//!
//! Time comes in as elapsed durations from the runtime (`Msg::Tick`), so the timer is
//! exact in tests and never reads the clock itself.

use std::time::Duration;

/// A countdown of whole minutes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Timer {
    /// The time set.
    pub set: Duration,
    /// What is left.
    pub remaining: Duration,
    /// Counting down now.
    pub running: bool,
}

impl Default for Timer {
    fn default() -> Self {
        Timer::minutes(10)
    }
}

/// The longest timebox that can be set.
const MAX_MINUTES: u64 = 180;

impl Timer {
    /// A stopped timer set to `minutes`.
    pub fn minutes(minutes: u64) -> Self {
        let set = Duration::from_secs(60 * minutes.clamp(1, MAX_MINUTES));
        Timer { set, remaining: set, running: false }
    }

    /// Start, or pause when running. Starting a timer that ran out starts it afresh.
    pub fn start_or_pause(&mut self) {
        if self.is_up() {
            self.remaining = self.set;
        }
        self.running = !self.running;
    }

    /// Back to the time set, stopped.
    pub fn reset(&mut self) {
        *self = Timer { running: false, remaining: self.set, set: self.set };
    }

    /// One minute more (or less) on the time set, and on what is left.
    pub fn adjust(&mut self, longer: bool) {
        let minute = Duration::from_secs(60);
        let set = if longer { self.set + minute } else { self.set.saturating_sub(minute) };
        if set < minute || set > Duration::from_secs(60 * MAX_MINUTES) {
            return;
        }
        self.set = set;
        self.remaining =
            if longer { self.remaining + minute } else { self.remaining.saturating_sub(minute) };
    }

    /// Lets `elapsed` pass.
    pub fn tick(&mut self, elapsed: Duration) {
        if self.running {
            self.remaining = self.remaining.saturating_sub(elapsed);
            if self.remaining.is_zero() {
                self.running = false;
            }
        }
    }

    /// Time is up.
    pub fn is_up(&self) -> bool {
        self.remaining.is_zero()
    }

    /// What is left as "mm:ss", rounded up so 0:00 means really up.
    pub fn text(&self) -> String {
        let secs = self.remaining.as_millis().div_ceil(1000) as u64;
        format!("{:02}:{:02}", secs / 60, secs % 60)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_down_only_while_running_and_stops_at_zero() {
        let mut t = Timer::minutes(1);
        t.tick(Duration::from_secs(5));
        assert_eq!(t.text(), "01:00");
        t.start_or_pause();
        t.tick(Duration::from_millis(5500));
        assert_eq!(t.text(), "00:55");
        t.start_or_pause();
        t.tick(Duration::from_secs(30));
        assert_eq!(t.text(), "00:55", "paused");
        t.start_or_pause();
        t.tick(Duration::from_secs(100));
        assert!(t.is_up() && !t.running);
        assert_eq!(t.text(), "00:00");
        t.start_or_pause();
        assert_eq!((t.text(), t.running), ("01:00".into(), true), "a new start after time is up");
    }

    #[test]
    fn minutes_can_be_added_and_taken_off_and_reset() {
        let mut t = Timer::minutes(10);
        t.adjust(true);
        assert_eq!(t.text(), "11:00");
        for _ in 0..20 {
            t.adjust(false);
        }
        assert_eq!(t.text(), "01:00", "never below one minute");
        t.start_or_pause();
        t.tick(Duration::from_secs(20));
        t.reset();
        assert_eq!((t.text(), t.running), ("01:00".into(), false));
    }
}
