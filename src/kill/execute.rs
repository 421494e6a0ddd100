//! Carrying out a plan: pin and check every target first, then signal
//! them back to back, wait up to the grace period, and SIGKILL whatever
//! still holds the port, all together.

use std::time::{Duration, Instant};

use crate::report::{Action, Outcome, Reason, Signal};

use super::KillOptions;
use super::plan::{Plan, Target};
use super::sys::{self, Holding, PinError, Pinned, wait_any};

/// How long a SIGKILLed process gets to disappear.
const KILL_WAIT: Duration = Duration::from_secs(2);

/// A pinned target and what has happened to it so far.
struct Live {
    pinned: Pinned,
    inodes: Vec<u64>,
    /// The ports its sockets are bound to (the re-check where sockets
    /// have no inode).
    ports: Vec<u16>,
    /// The fds its sockets were found at, for the last check.
    holding: Holding,
    action: Action,
}

impl Live {
    /// Whether it still has one of its sockets open.
    fn holds_socket(&self) -> bool {
        self.inodes.is_empty()
            || crate::scan::holds_any(self.pinned.pid(), &self.inodes, &self.ports)
    }
}

/// Signals every target of `plan`; returns every action, refusals
/// included, sorted by pid. SIGINT, SIGTERM or SIGHUP to portcheck once
/// the signals go out stop the waiting: what still runs is reported
/// `interrupted`, and nothing more is sent.
pub(crate) fn execute(plan: &Plan, opts: &KillOptions) -> Vec<Action> {
    let mut actions = plan.refused.clone();
    if opts.dry_run {
        actions.extend(plan.targets.iter().map(|t| {
            let mut a = action(t);
            a.signal = sys::sent(opts.signal);
            a.method = sys::METHOD;
            a.result = Outcome::DryRun;
            a
        }));
        return actions;
    }
    // Pin and check every target first, then signal them back to back: a
    // reloader parent that stops its child on SIGTERM must not make the
    // child look like it let go before its own turn came.
    let pinned = pin_all(&plan.targets, &mut actions);
    sys::catch_interrupts();
    let checked = last_check(pinned, &mut actions);
    let first = sys::first_signal(opts.signal);
    let live = signal_all(checked, first, &mut actions);
    let first_is_kill = first == Signal::KILL;
    let grace = if first_is_kill { KILL_WAIT } else { opts.grace };
    wait_all(&live, grace, !first_is_kill);
    let remaining = after_grace(live, first_is_kill, &mut actions);
    // Escalate every remaining holder together: SIGKILL to a reloader
    // parent alone would orphan a child that keeps the port.
    let escalated = if sys::interrupted().is_some() {
        interrupted(remaining, &mut actions);
        Vec::new()
    } else {
        signal_all(remaining, Signal::KILL, &mut actions)
    };
    wait_all(&escalated, KILL_WAIT, false);
    for mut l in escalated {
        l.action.result = match (l.pinned.alive(), sys::interrupted()) {
            (false, _) => Outcome::Killed,
            (true, Some(_)) => Outcome::Interrupted,
            (true, None) => Outcome::TimedOut,
        };
        actions.push(l.action);
    }
    actions.sort_by_key(|a| a.pid);
    actions
}

fn action(t: &Target) -> Action {
    Action {
        pid: t.pid,
        name: t.name.clone(),
        signal: None,
        method: None,
        result: Outcome::Exited,
        reason: None,
        stop: None,
    }
}

/// Pins each target (by a pidfd while there are fds to spare, by start
/// time after that) and finds, in one read of its fd table, the fds that
/// hold its sockets; the others become actions at once, saying why.
fn pin_all(targets: &[Target], actions: &mut Vec<Action>) -> Vec<Live> {
    let mut live = Vec::new();
    let mut budget = sys::fd_budget();
    for t in targets {
        let pinned = Pinned::pin(t.pid, t.start, budget > 0).and_then(|p| {
            let holding = sys::holding(t.pid, &t.inodes, &t.ports)?;
            let (inodes, ports) = (t.inodes.clone(), t.ports.clone());
            Ok(Live { pinned: p, inodes, ports, holding, action: action(t) })
        });
        match pinned {
            Ok(l) => {
                budget -= usize::from(l.pinned.has_pidfd());
                live.push(l);
            }
            Err(e) => actions.push(not_pinned(action(t), e)),
        }
    }
    live
}

/// The action of a target that could not be pinned and checked.
fn not_pinned(mut action: Action, e: PinError) -> Action {
    (action.result, action.reason) = match e {
        PinError::Exited => (Outcome::Exited, None),
        PinError::LetGo => (Outcome::Refused, Some(Reason::LetGo)),
        PinError::OtherNamespace => (Outcome::Refused, Some(Reason::OtherNamespace)),
        PinError::Denied => (Outcome::Denied, None),
        PinError::Unreadable(why) => (Outcome::Refused, Some(Reason::NotPinned(why))),
    };
    action
}

/// The last check before the signals, right before them: each target
/// still holds one of its sockets at the fd it was found at (a
/// `readlink` per fd; no fd table is read from here to the signals).
fn last_check(pinned: Vec<Live>, actions: &mut Vec<Action>) -> Vec<Live> {
    let mut live = Vec::with_capacity(pinned.len());
    for l in pinned {
        if l.holding.still() {
            live.push(l);
        } else {
            actions.push(not_pinned(l.action, PinError::LetGo));
        }
    }
    live
}

/// The targets still running when portcheck was interrupted: reported,
/// not escalated.
fn interrupted(live: Vec<Live>, actions: &mut Vec<Action>) {
    for mut l in live {
        l.action.result = Outcome::Interrupted;
        actions.push(l.action);
    }
}

/// Sends `sig` to each; those the signal reached stay live.
fn signal_all(targets: Vec<Live>, sig: Signal, actions: &mut Vec<Action>) -> Vec<Live> {
    let mut live = Vec::new();
    for mut l in targets {
        match l.pinned.signal(sig) {
            Ok(()) => {
                l.action.signal = sys::sent(sig);
                l.action.method = sys::METHOD;
                live.push(l);
            }
            Err(Outcome::Denied) => {
                l.action.signal = sys::sent(sig);
                l.action.method = sys::METHOD;
                l.action.reason = Some(Reason::Denied { pid: l.action.pid });
                l.action.result = Outcome::Denied;
                actions.push(l.action);
            }
            Err(outcome) => {
                // Gone between its check and the signal: it exited.
                l.action.result =
                    if outcome == Outcome::Refused { Outcome::Refused } else { Outcome::Exited };
                actions.push(l.action);
            }
        }
    }
    live
}

/// Sorts the targets after the first signal's wait: done, or still
/// holding the port (returned, for SIGKILL).
fn after_grace(live: Vec<Live>, first_is_kill: bool, actions: &mut Vec<Action>) -> Vec<Live> {
    let mut remaining = Vec::new();
    for mut l in live {
        if !l.pinned.alive() {
            l.action.result = if first_is_kill { Outcome::Killed } else { Outcome::Exited };
            actions.push(l.action);
        } else if first_is_kill {
            l.action.result = Outcome::TimedOut;
            actions.push(l.action);
        } else if !l.holds_socket() {
            // It let go of the port and is still shutting down: not a
            // holder any more, so no SIGKILL.
            l.action.result = Outcome::Exited;
            l.action.reason = Some(Reason::Released);
            actions.push(l.action);
        } else {
            remaining.push(l);
        }
    }
    remaining
}

/// Waits until every target has exited or, with `released`, at least let
/// go of its sockets (the port is free then), or `limit` passes, or
/// portcheck is interrupted (noticed within one 100 ms poll).
fn wait_all(live: &[Live], limit: Duration, released: bool) {
    let deadline = Instant::now() + limit;
    let holding = |l: &Live| l.pinned.alive() && (!released || l.holds_socket());
    while live.iter().any(holding) {
        let now = Instant::now();
        if now >= deadline || sys::interrupted().is_some() {
            return;
        }
        // Only the living: an exited pidfd polls readable at once.
        wait_any(
            live.iter().map(|l| &l.pinned).filter(|p| p.alive()),
            (deadline - now).min(Duration::from_millis(100)),
        );
    }
}

// The test spawns `sleep`; the Windows mechanics are tested in
// kill/sys/windows.rs.
#[cfg(all(test, unix))]
mod tests {
    use super::*;

    fn target(child: &std::process::Child, inodes: Vec<u64>) -> Target {
        Target {
            pid: child.id(),
            name: "sleep".into(),
            inodes,
            ports: vec![],
            start: super::super::sys::start_time(child.id()),
        }
    }

    #[test]
    fn a_process_that_does_not_hold_the_socket_is_not_signalled() {
        let mut child = std::process::Command::new("sleep").arg("30").spawn().unwrap();
        let mut actions = Vec::new();
        let live = pin_all(&[target(&child, vec![u64::MAX])], &mut actions);
        assert!(live.is_empty());
        assert_eq!(actions[0].result, Outcome::Refused);
        assert_eq!(actions[0].reason, Some(Reason::LetGo));
        child.kill().unwrap();
        child.wait().unwrap();
    }

    // The socket's inode from Linux's /proc (there is none on macOS).
    #[cfg(target_os = "linux")]
    #[test]
    fn a_socket_closed_after_the_fd_table_read_fails_the_last_check() {
        use std::os::unix::fs::MetadataExt;
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let fd = std::os::fd::AsRawFd::as_raw_fd(&listener);
        let inode = std::fs::metadata(format!("/proc/self/fd/{fd}")).unwrap().ino();
        let me = Target {
            pid: std::process::id(),
            name: "test".into(),
            inodes: vec![inode],
            ports: vec![],
            start: super::super::sys::start_time(std::process::id()),
        };
        let mut actions = Vec::new();
        let live = pin_all(std::slice::from_ref(&me), &mut actions);
        assert_eq!(live.len(), 1, "{actions:?}");
        assert!(live[0].holding.still());
        drop(listener);
        assert!(last_check(live, &mut actions).is_empty());
        assert_eq!(actions[0].reason, Some(Reason::LetGo));
    }
}
