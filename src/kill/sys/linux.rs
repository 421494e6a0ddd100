//! Linux's kill mechanics: a pidfd pins the target (its pid cannot name
//! another process while the pidfd is open) and `pidfd_send_signal`
//! reaches it and nothing else. Without pidfds (Linux before 5.3) the
//! pid and its start time are checked before each signal, as elsewhere.

use std::os::fd::OwnedFd;
use std::time::Duration;

use rustix::event::{PollFd, PollFlags, Timespec, poll};
use rustix::io::Errno;

use crate::report::{Outcome, Signal};

/// `/proc/PID/stat`: the state letter and the start time (field 22,
/// clock ticks since boot).
fn stat(pid: u32) -> Option<(char, u64)> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    let after = stat.rsplit_once(')')?.1;
    let mut fields = after.split_whitespace();
    let state = fields.next()?.chars().next()?;
    // Fields after the name start at field 3 (state); 22 is 19 further.
    let start = fields.nth(18)?.parse().ok()?;
    Some((state, start))
}

/// The process's start time in clock ticks since boot.
pub(crate) fn start_time(pid: u32) -> Option<u64> {
    stat(pid).map(|s| s.1)
}

/// A target pinned by a pidfd, or by pid and start time without one.
pub(crate) struct Pinned {
    pid: u32,
    start: Option<u64>,
    pidfd: Option<OwnedFd>,
}

impl Pinned {
    /// Pins `pid`, which was `planned` when the plan was made. `Err` says
    /// why it will not be signalled.
    pub(crate) fn pin(pid: u32, planned: Option<u64>) -> Result<Pinned, Outcome> {
        let raw = i32::try_from(pid).ok().and_then(rustix::process::Pid::from_raw);
        let raw = raw.ok_or(Outcome::Exited)?;
        let pidfd = match rustix::process::pidfd_open(raw, rustix::process::PidfdFlags::empty()) {
            Ok(fd) => Some(fd),
            Err(Errno::SRCH) => return Err(Outcome::Exited),
            Err(_) => None,
        };
        // Pinned: a check from now on holds until the signal.
        let now = start_time(pid).ok_or(Outcome::Exited)?;
        if planned.is_some_and(|t| t != now) {
            return Err(Outcome::Refused);
        }
        Ok(Pinned { pid, start: Some(now), pidfd })
    }

    pub(crate) fn pid(&self) -> u32 {
        self.pid
    }

    /// Whether the pinned process is still running (a zombie is not).
    pub(crate) fn alive(&self) -> bool {
        if let Some(fd) = &self.pidfd {
            let mut fds = [PollFd::new(fd, PollFlags::IN)];
            let zero = Timespec { tv_sec: 0, tv_nsec: 0 };
            return matches!(poll(&mut fds, Some(&zero)), Ok(0));
        }
        stat(self.pid).is_some_and(|(state, start)| state != 'Z' && Some(start) == self.start)
    }

    /// Sends `sig` to the pinned process and nothing else.
    pub(crate) fn signal(&self, sig: Signal) -> Result<(), Outcome> {
        let Some(fd) = &self.pidfd else {
            if start_time(self.pid) != self.start {
                return Err(Outcome::Exited);
            }
            return super::unix::send(self.pid, sig);
        };
        let sig = rustix::process::Signal::from_named_raw(sig.number).ok_or(Outcome::Refused)?;
        match rustix::process::pidfd_send_signal(fd, sig) {
            Ok(()) => Ok(()),
            Err(Errno::SRCH) => Err(Outcome::Exited),
            Err(Errno::PERM) => Err(Outcome::Denied),
            Err(_) => Err(Outcome::Refused),
        }
    }
}

/// Sleeps until one of `pinned` exits or `limit` passes.
pub(crate) fn wait_any<'a>(pinned: impl Iterator<Item = &'a Pinned>, limit: Duration) {
    let mut polls: Vec<PollFd<'_>> =
        pinned.filter_map(|p| p.pidfd.as_ref()).map(|fd| PollFd::new(fd, PollFlags::IN)).collect();
    if polls.is_empty() {
        std::thread::sleep(limit.min(Duration::from_millis(20)));
        return;
    }
    let t = Timespec {
        tv_sec: i64::try_from(limit.as_secs()).unwrap_or(i64::MAX),
        tv_nsec: i64::from(limit.subsec_nanos()),
    };
    let _ = poll(&mut polls, Some(&t));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_exited_process_is_never_signalled() {
        let mut child = std::process::Command::new("sleep").arg("30").spawn().unwrap();
        let pid = child.id();
        let start = start_time(pid);
        let pinned = Pinned::pin(pid, start).unwrap();
        assert!(pinned.pidfd.is_some());
        assert!(pinned.alive());
        child.kill().unwrap();
        child.wait().unwrap();
        // Reaped: the pid may now be reused, but the pidfd still names the
        // dead process, so the signal reaches no one.
        assert!(!pinned.alive());
        assert_eq!(pinned.signal(Signal::TERM), Err(Outcome::Exited));
        assert!(matches!(Pinned::pin(pid, start), Err(Outcome::Exited | Outcome::Refused)));
    }

    #[test]
    fn without_a_pidfd_a_zombie_is_not_alive() {
        let mut child = std::process::Command::new("sleep").arg("30").spawn().unwrap();
        let pid = child.id();
        let pinned = Pinned { pid, start: start_time(pid), pidfd: None };
        assert!(pinned.alive());
        super::super::unix::send(pid, Signal::KILL).unwrap();
        let mut dead = false;
        for _ in 0..500 {
            if !pinned.alive() {
                dead = true;
                break;
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        assert!(dead);
        child.wait().unwrap();
        assert_eq!(pinned.signal(Signal::TERM), Err(Outcome::Exited));
    }
}
