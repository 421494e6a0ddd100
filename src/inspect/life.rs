//! A holder's [`Life`]: its run state (read with its details by
//! `process`, once per run), whether the reloader that
//! started it has exited, and its start in local time (jiff: TZ, else the
//! system's zone; docs/architecture.md says why a crate).

use crate::process::{Halt, ProcessInfo};
use crate::report::{Life, RunState};

/// The life of `p` at `now` (seconds since the Unix epoch).
pub(super) fn life(p: &ProcessInfo, now: u64) -> Life {
    Life {
        state: run_state(p),
        parent_exited: parent_exited(p),
        local_start: p.started.and_then(local_time),
        age: p.started.map(|s| now.saturating_sub(s)),
    }
}

/// Stopped (`T`) or traced (`t`), as the scan read it; `None` for any
/// state that runs.
fn run_state(p: &ProcessInfo) -> Option<RunState> {
    p.halt.map(|h| match h {
        Halt::Stopped => RunState::Stopped,
        Halt::Traced => RunState::Traced,
    })
}

/// A Werkzeug server child whose reloader has exited: it was re-parented
/// to init or a subreaper (a supervisor such as systemd), where a live
/// reloader is its parent (`flask`, `python3`); on Windows, where nothing
/// re-parents, its parent is gone (the ancestor chain is empty: it stops
/// at a parent pid that is gone or younger than the child).
fn parent_exited(p: &ProcessInfo) -> bool {
    let parent = p.ancestors.first();
    p.werkzeug_child
        && (p.ppid == Some(1) || parent.is_none_or(|(pid, name)| is_supervisor(*pid, name)))
}

fn is_supervisor(pid: u32, name: &str) -> bool {
    pid == 1 || ["systemd", "init", "launchd", "tini", "dumb-init"].contains(&name)
}

/// `secs` since the Unix epoch in this machine's time zone:
/// `2026-12-01 20:55:07 CET`; `None` if the zone cannot be read.
pub(crate) fn local_time(secs: u64) -> Option<String> {
    let at = jiff::Timestamp::from_second(i64::try_from(secs).ok()?).ok()?;
    let zone = jiff::tz::TimeZone::try_system().ok()?;
    Some(at.to_zoned_datetime(zone).strftime("%Y-%m-%d %H:%M:%S %Z").to_string())
}

#[cfg(test)]
mod tests {
    #[test]
    fn local_time_reads_the_zone() {
        // The process's TZ is not changed here (tests run in parallel):
        // the CLI tests pin TZ; this checks the shape.
        let t = super::local_time(1_764_618_907).unwrap();
        assert_eq!(t.len(), "2025-12-01 19:55:07".len() + 1 + t.split(' ').nth(2).unwrap().len());
    }
}
