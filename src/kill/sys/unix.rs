//! Kill mechanics by pid and start time, for macOS: a target is pinned by
//! its pid and start time, and both are checked again right before each
//! signal. Linux builds this module too, for what the two share (`send`,
//! the interrupt catcher, `--signal` parsing, the manual commands); its
//! own pin is `linux.rs`'s, and the pin here runs on Linux only in its
//! unit tests. Nothing here reads `/proc`.

use std::time::Duration;

use super::PinError;
use crate::i18n::msg;
use crate::report::{Outcome, Signal};

/// Targets get signals: no other method.
pub(crate) const METHOD: Option<crate::report::Method> = None;

/// The signal an action records: the one sent.
pub(crate) fn sent(sig: Signal) -> Option<Signal> {
    Some(sig)
}

/// The first signal is the one asked for (SIGTERM unless `--signal` or
/// `--force`).
pub(crate) fn first_signal(asked: Signal) -> Signal {
    asked
}

/// The command that ends `pids` by hand with the signal `--kill` sends
/// first: `kill 2993 3079` for SIGTERM, `kill -s KILL 2993` otherwise.
pub(crate) fn end_pids(pids: &[u32], sig: Signal) -> crate::shell::Command {
    let mut argv = vec!["kill".to_string()];
    let bare = sig.name.strip_prefix("SIG").filter(|n| n.bytes().all(|b| b.is_ascii_uppercase()));
    match bare {
        _ if sig == Signal::TERM => {}
        Some(name) => argv.extend(["-s".to_string(), name.to_string()]),
        None => argv.push(format!("-{}", sig.number)),
    }
    argv.extend(pids.iter().map(u32::to_string));
    crate::shell::Command::new(argv)
}

/// How to find the holders of `ports` by hand: `lsof -i :5000` (lsof
/// lists what matches any of several `-i`).
pub(crate) fn find_holders(ports: &[u16]) -> crate::shell::Step {
    let mut argv = vec!["lsof".to_string()];
    for p in ports {
        argv.extend(["-i".to_string(), format!(":{p}")]);
    }
    crate::shell::Step::explained(msg!("kill-find-them"), crate::shell::Command::new(argv))
}

/// The words for a holder out of reach (sudo here, an Administrator
/// terminal on Windows) are host facts the report reads too.
pub(crate) use crate::host::{denied_hint, hidden_hint};

/// The start time from `process` (sysinfo's, on macOS; Linux's pin reads
/// its own in `linux.rs`, Windows's is the FILETIME in `windows.rs`).
pub(crate) use crate::process::start_time;

/// A target pinned by pid and start time.
pub(crate) struct Pinned {
    pid: u32,
    start: Option<u64>,
}

impl Pinned {
    /// Pins `pid`, which was `planned` when the plan was made (there are
    /// no pidfds to ask for here). `Err` says why it will not be
    /// signalled.
    pub(crate) fn pin(pid: u32, planned: Option<u64>, _pidfd: bool) -> Result<Pinned, PinError> {
        let now = start_time(pid).ok_or(PinError::Exited)?;
        if planned.is_some_and(|t| t != now) {
            return Err(PinError::PidReused);
        }
        Ok(Pinned { pid, start: Some(now) })
    }

    pub(crate) fn has_pidfd(&self) -> bool {
        false
    }

    pub(crate) fn pid(&self) -> u32 {
        self.pid
    }

    /// Whether the pinned process still runs: same pid, same start time,
    /// not a zombie.
    pub(crate) fn alive(&self) -> bool {
        let now = start_time(self.pid);
        now.is_some() && now == self.start
    }

    /// Sends `sig` to the pinned process, if it is still the one pinned.
    pub(crate) fn signal(&self, sig: Signal) -> Result<(), Outcome> {
        if !self.alive() {
            return Err(Outcome::Exited);
        }
        send(self.pid, sig)
    }
}

/// The signal (SIGINT, SIGTERM, SIGHUP) that interrupted `--kill`, 0 when
/// none did.
static INTERRUPTED: std::sync::atomic::AtomicI32 = std::sync::atomic::AtomicI32::new(0);

/// From now on SIGINT, SIGTERM and SIGHUP do not end portcheck: they are
/// blocked in this thread (and in the threads it starts) and taken by a
/// thread of their own, which notes the first (see [`interrupted`]) so
/// `--kill` stops waiting and reports. A second one ends portcheck at
/// once, with the same status.
pub(crate) fn catch_interrupts() {
    use nix::sys::signal::{SIGHUP, SIGINT, SIGTERM, SigSet};
    use std::sync::atomic::Ordering;
    let mut set = SigSet::empty();
    for sig in [SIGINT, SIGTERM, SIGHUP] {
        set.add(sig);
    }
    if set.thread_block().is_err() {
        return;
    }
    let spawned = std::thread::Builder::new().name("interrupts".into()).spawn(move || {
        while let Ok(sig) = set.wait() {
            if INTERRUPTED.swap(sig as i32, Ordering::SeqCst) != 0 {
                std::process::exit(128 + sig as i32);
            }
        }
    });
    if spawned.is_err() {
        // No thread to take them: let them end portcheck as before.
        let _ = set.thread_unblock();
    }
}

/// The signal that interrupted `--kill`, once one has.
pub(crate) fn interrupted() -> Option<Signal> {
    let n = INTERRUPTED.load(std::sync::atomic::Ordering::SeqCst);
    if n == 0 {
        return None;
    }
    let sig = nix::sys::signal::Signal::try_from(n).ok()?;
    Some(Signal { number: n, name: sig.as_str() })
}

/// `kill(2)`, its errors as outcomes.
pub(super) fn send(pid: u32, sig: Signal) -> Result<(), Outcome> {
    use nix::errno::Errno;
    let sig = nix::sys::signal::Signal::try_from(sig.number).map_err(|_| Outcome::Refused)?;
    let pid = i32::try_from(pid).map_err(|_| Outcome::Refused)?;
    match nix::sys::signal::kill(nix::unistd::Pid::from_raw(pid), sig) {
        Ok(()) => Ok(()),
        Err(Errno::ESRCH) => Err(Outcome::Exited),
        Err(Errno::EPERM) => Err(Outcome::Denied),
        Err(_) => Err(Outcome::Refused),
    }
}

/// Sleeps a short while: without pidfds there is nothing to wait on.
pub(crate) fn wait_any<'a>(_pinned: impl Iterator<Item = &'a Pinned>, limit: Duration) {
    std::thread::sleep(limit.min(Duration::from_millis(20)));
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The pid-and-start-time mechanics (macOS's) on a real child:
    /// alive while it runs, not once it is a zombie or reaped, and never
    /// signalled then.
    #[test]
    fn a_pinned_child_is_alive_until_it_exits() {
        let mut child = std::process::Command::new("sleep").arg("30").spawn().unwrap();
        let pinned = Pinned::pin(child.id(), None, false).unwrap();
        assert!(pinned.alive());
        send(child.id(), Signal::KILL).unwrap();
        // A zombie until reaped: not alive.
        let mut zombie = false;
        for _ in 0..500 {
            if !pinned.alive() {
                zombie = true;
                break;
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        assert!(zombie, "a killed child still counts as alive");
        child.wait().unwrap();
        assert!(!pinned.alive());
        assert_eq!(pinned.signal(Signal::TERM), Err(Outcome::Exited));
    }

    #[test]
    fn a_changed_start_time_is_not_pinned() {
        let mut child = std::process::Command::new("sleep").arg("30").spawn().unwrap();
        let now = start_time(child.id()).unwrap();
        assert!(matches!(Pinned::pin(child.id(), Some(now + 1), false), Err(PinError::PidReused)));
        child.kill().unwrap();
        child.wait().unwrap();
    }
}
