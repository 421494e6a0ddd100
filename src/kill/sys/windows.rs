//! Kill mechanics on Windows. There are no signals: a target is pinned by
//! an open process handle (OpenProcess; while it is open the pid cannot
//! be reused, like a pidfd), its start time is checked against the plan,
//! and "signalling" it is TerminateProcess on that handle; waiting is
//! WaitForMultipleObjects on the handles. `--signal` and `--grace` are
//! usage errors here (`cli/windows.rs`); `--force` and `-y` work as
//! elsewhere. The Win32 calls themselves are in `crate::win32`.

use std::time::Duration;

use windows_sys::Win32::Foundation::ERROR_ACCESS_DENIED;

use super::PinError;
use crate::i18n::{msg, t};
use crate::report::{Outcome, Signal};
use crate::win32::{self, Process};

/// How a target is ended: TerminateProcess.
pub(crate) const METHOD: Option<crate::report::Method> =
    Some(crate::report::Method::TerminateProcess);

/// The signal an action records: none, there are no signals (JSON
/// `signal` null, `method` says how).
pub(crate) fn sent(_sig: Signal) -> Option<Signal> {
    None
}

/// TerminateProcess is immediate and final, like SIGKILL: the first
/// "signal" is the last, with no grace (and `--grace` is refused).
pub(crate) fn first_signal(_asked: Signal) -> Signal {
    Signal::KILL
}

/// The command that ends `pids` by hand as `--kill` does:
/// `taskkill /PID 2993 /PID 3079 /F` (TerminateProcess; without /F it asks a window to close, which a console server has not).
pub(crate) fn end_pids(pids: &[u32], _sig: Signal) -> crate::shell::Command {
    let mut argv = vec!["taskkill".to_string()];
    for pid in pids {
        argv.extend(["/PID".to_string(), pid.to_string()]);
    }
    argv.push("/F".into());
    crate::shell::Command::new(argv)
}

/// How to find the holders of `ports` by hand: `netstat -ano`, whose
/// lines with `:5000` end with the PID (no pipe: a command is words).
pub(crate) fn find_holders(ports: &[u16]) -> crate::shell::Step {
    let at: Vec<String> = ports.iter().map(|p| format!(":{p}")).collect();
    crate::shell::Step::explained(
        msg!("kill-find-them-netstat", ports = at.join(&t!("kill-list-or"))),
        crate::shell::Command::new(["netstat", "-ano"]),
    )
}

/// The words for a holder out of reach (sudo here, an Administrator
/// terminal on Windows) are host facts the report reads too.
pub(crate) use crate::host::{denied_hint, hidden_hint};

/// The creation time of `pid` (FILETIME), the unit of the plan's start.
pub(crate) fn start_time(pid: u32) -> Option<u64> {
    win32::process_created(pid)
}

/// A target pinned by an open handle.
pub(crate) struct Pinned {
    pid: u32,
    handle: Process,
}

fn denied_or(code: u32, otherwise: Outcome) -> Outcome {
    if code == ERROR_ACCESS_DENIED { Outcome::Denied } else { otherwise }
}

/// OpenProcess's failure as a pin error: access denied, or gone.
fn pin_error(code: u32) -> PinError {
    if code == ERROR_ACCESS_DENIED { PinError::Denied } else { PinError::Exited }
}

impl Pinned {
    /// Opens `pid`, whose creation time the scan read as `planned`
    /// (FILETIME); with the handle open, checks that the handle's process
    /// was created then (the pid was not reused since the scan).
    /// (A handle always pins: `_pidfd`, the fd budget of Linux, does not
    /// apply.)
    pub(crate) fn pin(pid: u32, planned: Option<u64>, _pidfd: bool) -> Result<Pinned, PinError> {
        let handle = win32::open_process(pid).map_err(pin_error)?;
        if handle.exited() {
            return Err(PinError::Exited);
        }
        if planned.is_some() && handle.created() != planned {
            return Err(PinError::PidReused);
        }
        Ok(Pinned { pid, handle })
    }

    /// No fd is spent on a handle from Linux's budget.
    pub(crate) fn has_pidfd(&self) -> bool {
        false
    }

    pub(crate) fn pid(&self) -> u32 {
        self.pid
    }

    /// Whether the pinned process still runs.
    pub(crate) fn alive(&self) -> bool {
        !self.handle.exited()
    }

    /// Ends the pinned process (every "signal" is TerminateProcess).
    pub(crate) fn signal(&self, _sig: Signal) -> Result<(), Outcome> {
        if !self.alive() {
            return Err(Outcome::Exited);
        }
        self.handle.terminate().map_err(|e| {
            if self.alive() { denied_or(e, Outcome::Refused) } else { Outcome::Exited }
        })
    }
}

/// Waits until one of `pinned` exits or `limit` passes.
pub(crate) fn wait_any<'a>(pinned: impl Iterator<Item = &'a Pinned>, limit: Duration) {
    let handles: Vec<&Process> = pinned.map(|p| &p.handle).collect();
    win32::wait_any(&handles, limit);
}

/// Ctrl-C ends portcheck on Windows as it always does: no signal is
/// caught (the targets already terminated stay terminated).
pub(crate) fn catch_interrupts() {}

/// Never: see [`catch_interrupts`].
pub(crate) fn interrupted() -> Option<Signal> {
    None
}

#[cfg(test)]
mod tests {
    use std::process::{Command, Stdio};
    use std::time::Instant;

    use super::*;

    /// A process that waits for its stdin: `cmd /c pause`.
    fn child() -> std::process::Child {
        Command::new("cmd")
            .args(["/c", "pause"])
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .spawn()
            .unwrap()
    }

    /// The mechanics on a real child: pinned by its handle, alive, ended
    /// by TerminateProcess, seen to exit by waiting on the handle, and
    /// never "signalled" again once gone.
    #[test]
    fn a_pinned_child_is_terminated_and_waited_for() {
        let mut c = child();
        let pinned = Pinned::pin(c.id(), start_time(c.id()), true).unwrap();
        assert!(pinned.alive());
        pinned.signal(Signal::TERM).unwrap();
        let began = Instant::now();
        while pinned.alive() && began.elapsed() < Duration::from_secs(30) {
            wait_any(std::iter::once(&pinned), Duration::from_millis(500));
        }
        assert!(!pinned.alive(), "TerminateProcess did not end the child");
        assert_eq!(pinned.signal(Signal::KILL), Err(Outcome::Exited));
        c.wait().unwrap();
    }

    /// The re-check: a start time that differs from the plan's is not
    /// pinned (the pid names another process now).
    #[test]
    fn a_changed_start_time_is_not_pinned() {
        let mut c = child();
        let now = start_time(c.id()).unwrap();
        assert!(matches!(Pinned::pin(c.id(), Some(now + 1), true), Err(PinError::PidReused)));
        assert!(Pinned::pin(c.id(), Some(now), true).is_ok());
        c.kill().unwrap();
        c.wait().unwrap();
    }

    /// The handle keeps the process object: after it exits the pin says
    /// so instead of failing or naming a reused pid.
    #[test]
    fn an_exited_child_is_not_alive_while_pinned() {
        let mut c = child();
        let pinned = Pinned::pin(c.id(), None, true).unwrap();
        c.kill().unwrap();
        c.wait().unwrap();
        assert!(!pinned.alive());
        assert!(matches!(Pinned::pin(c.id(), None, true), Err(PinError::Exited)));
    }
}
