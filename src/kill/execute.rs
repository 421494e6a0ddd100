//! Carrying out a plan: pin every target and find the fds it holds the
//! socket at, then signal them back to back — each checked right before
//! its own signal —, wait up to the grace period, and SIGKILL whatever
//! still holds the port, back to back, each checked again right before.

use std::time::{Duration, Instant};

use crate::report::{Action, Outcome, Refusal, Signal};

use super::KillOptions;
use super::plan::{Plan, Target};
use super::sys::{self, Holding, PinError, Pinned, Stopped, wait_any};

/// How long a SIGKILLed process gets to disappear.
const KILL_WAIT: Duration = Duration::from_secs(2);

/// A pinned target and what has happened to it so far.
struct Live {
    pinned: Pinned,
    /// Its parent when it was planned.
    ppid: Option<u32>,
    /// The fds its sockets were found at, for the check right before
    /// each of its signals.
    holding: Holding,
    action: Action,
}

/// Signals every target of `plan`; returns every action, refusals
/// included, sorted by pid. Each signal is decided at its moment: right
/// before a target's SIGTERM, and again right before its SIGKILL, a
/// `readlink` of the fds it held the socket at says whether it still
/// does (no other target's fd table is read in between). SIGINT, SIGTERM
/// or SIGHUP to portcheck once the signals go out stop the waiting: what
/// still runs is reported `interrupted`, and nothing more is sent.
pub(crate) fn execute(plan: &Plan, opts: &KillOptions) -> Executed {
    let mut actions = plan.refused.clone();
    if opts.dry_run {
        actions.extend(plan.targets.iter().map(|t| {
            let mut a = action(t);
            a.signal = sys::sent(opts.signal);
            a.method = sys::METHOD;
            a.result = Outcome::DryRun;
            a
        }));
        return Executed { actions, draining: Draining::default() };
    }
    // Pin and find the holding fds of every target first, then signal
    // them back to back: a reloader parent that stops its child on
    // SIGTERM must not make the child look like it let go before its own
    // turn came.
    let pinned = pin_all(&plan.targets, &mut actions);
    sys::catch_interrupts();
    let mut draining = Vec::new();
    // Windows has one way to stop a process (TerminateProcess).
    let first = sys::first_signal(opts.signal);
    let live = signal_each(pinned, first, &mut actions, &mut draining);
    let first_is_kill = first == Signal::KILL;
    let grace = if first_is_kill { KILL_WAIT } else { opts.grace };
    let deadline = Instant::now() + grace;
    wait_all(&live, deadline, !first_is_kill);
    let remaining = after_grace(live, first_is_kill, &mut actions);
    // Escalate every remaining holder, back to back: SIGKILL to a
    // reloader parent alone would orphan a child that keeps the port.
    let escalated = if sys::interrupted().is_some() {
        interrupted(remaining, &mut actions);
        Vec::new()
    } else {
        signal_each(remaining, Signal::KILL, &mut actions, &mut draining)
    };
    wait_all(&escalated, Instant::now() + KILL_WAIT, false);
    for mut l in escalated {
        l.action.result = match (l.pinned.alive(), sys::interrupted(), l.action.signal) {
            // Windows names no signal: TerminateProcess is its kill.
            (false, _, None | Some(Signal::KILL)) => Outcome::Killed,
            (false, ..) => Outcome::Exited,
            (true, Some(_), _) => Outcome::Interrupted,
            (true, None, _) => Outcome::TimedOut,
        };
        actions.push(l.action);
    }
    actions.sort_by_key(|a| a.pid);
    let until = Instant::now() + grace;
    Executed { actions, draining: Draining { pinned: draining, until: Some(until) } }
}

/// What `execute` did, and the targets still shutting down.
pub(crate) struct Executed {
    pub(crate) actions: Vec<Action>,
    pub(crate) draining: Draining,
}

/// The targets that let go of the port and are still shutting down
/// (closing thousands of connections takes a while): the port they
/// leave is waited for, up to the grace, before it is called held.
#[derive(Default)]
pub(crate) struct Draining {
    pinned: Vec<Pinned>,
    until: Option<Instant>,
}

impl Draining {
    /// Until when one of them is still shutting down: `None` once all
    /// have exited (or there were none).
    pub(crate) fn until(&self) -> Option<Instant> {
        self.pinned.iter().any(Pinned::alive).then_some(self.until).flatten()
    }
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
            Ok(Live { pinned: p, ppid: t.ppid, holding, action: action(t) })
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
        PinError::LetGo => (Outcome::Refused, Some(Refusal::LetGo)),
        PinError::PidReused => (Outcome::Refused, Some(Refusal::PidReused)),
        PinError::OtherNamespace => (Outcome::Refused, Some(Refusal::OtherNamespace)),
        PinError::ProcUnproven => (Outcome::Refused, Some(Refusal::ProcUnproven)),
        PinError::Denied => (Outcome::Denied, None),
        PinError::Unreadable(error) => (Outcome::Refused, Some(Refusal::NotPinned { error })),
    };
    action
}

/// The targets still running when portcheck was interrupted: reported,
/// not escalated.
fn interrupted(live: Vec<Live>, actions: &mut Vec<Action>) {
    for mut l in live {
        l.action.result = Outcome::Interrupted;
        actions.push(l.action);
    }
}

/// Sends `sig` to each target, deciding each at its moment: right
/// before its own signal, the fds it held the socket at are read again
/// (a `readlink` each). One that let go is not sent `sig`: before any
/// target was signalled in this pass it is `refused` (it let go), after
/// one was it is `exited`, naming the signalled target (its parent when
/// that was signalled). A stopped target is continued after a signal
/// other than SIGKILL. Those the signal reached stay live.
///
/// `let_go` keeps the pins of those that let go after a signal and still
/// run (shutting down).
fn signal_each(
    targets: Vec<Live>,
    sig: Signal,
    actions: &mut Vec<Action>,
    let_go: &mut Vec<Pinned>,
) -> Vec<Live> {
    let mut live: Vec<Live> = Vec::new();
    for mut l in targets {
        if !l.holding.still() {
            if let Some(p) = after_let_go(l, sig, &live, actions) {
                let_go.push(p);
            }
            continue;
        }
        match l.pinned.signal(sig) {
            Ok(()) => {
                l.action.signal = sys::sent(sig);
                l.action.method = sys::METHOD;
                if sig != Signal::KILL {
                    l.action.reason = match sys::wake(&l.pinned) {
                        Stopped::Running => l.action.reason,
                        Stopped::Continued => Some(Refusal::Continued),
                        Stopped::Traced(tracer) => Some(Refusal::Traced { tracer }),
                    };
                }
                live.push(l);
            }
            Err(Outcome::Denied) => {
                l.action.signal = sys::sent(sig);
                l.action.method = sys::METHOD;
                l.action.reason = Some(Refusal::Denied { pid: l.action.pid });
                l.action.result = Outcome::Denied;
                actions.push(l.action);
            }
            Err(Outcome::Refused) => {
                // The OS refused the signal for another reason than EPERM.
                let signal = sys::METHOD.map_or(sig.name, crate::report::Method::name);
                l.action.result = Outcome::Refused;
                l.action.reason = Some(Refusal::SignalFailed { signal });
                actions.push(l.action);
            }
            Err(_) => {
                // Gone between its check and the signal: it exited.
                l.action.result = Outcome::Exited;
                actions.push(l.action);
            }
        }
    }
    live
}

/// The action of a target found not holding the socket right before its
/// `sig`, after the targets of `signalled` were sent theirs; its pin when
/// it still runs.
fn after_let_go(
    mut l: Live,
    sig: Signal,
    signalled: &[Live],
    actions: &mut Vec<Action>,
) -> Option<Pinned> {
    if !l.pinned.alive() {
        l.action.result = Outcome::Exited;
        actions.push(l.action);
        return None;
    }
    let parent = signalled.iter().find(|s| Some(s.pinned.pid()) == l.ppid);
    let by = parent.or(signalled.last());
    l.action = match by {
        Some(by) => Action {
            result: Outcome::Exited,
            reason: Some(Refusal::LetGoAfter {
                pid: by.pinned.pid(),
                parent: parent.is_some(),
                signal: sys::METHOD.map_or(sig.name, crate::report::Method::name),
            }),
            ..l.action
        },
        // Before the first signal of the pass: nothing caused it. One
        // already sent a signal (the SIGKILL pass) let go after its own.
        None if l.action.signal.is_some() => {
            Action { result: Outcome::Exited, reason: Some(Refusal::ShuttingDown), ..l.action }
        }
        None => not_pinned(l.action, PinError::LetGo),
    };
    // Not signalled at all (it let go before any signal): not waited for.
    let shutting_down = l.action.result == Outcome::Exited;
    actions.push(l.action);
    shutting_down.then_some(l.pinned)
}

/// Sorts the targets after the first signal's wait: done, or still
/// running (returned, for SIGKILL, each checked again right before it).
fn after_grace(live: Vec<Live>, first_is_kill: bool, actions: &mut Vec<Action>) -> Vec<Live> {
    let mut remaining = Vec::new();
    for mut l in live {
        if !l.pinned.alive() {
            l.action.result = if first_is_kill { Outcome::Killed } else { Outcome::Exited };
            actions.push(l.action);
        } else if first_is_kill {
            l.action.result = Outcome::TimedOut;
            actions.push(l.action);
        } else {
            remaining.push(l);
        }
    }
    remaining
}

/// Waits until every target has exited or, with `released`, at least let
/// go of its sockets (the port is free then), or `deadline` passes, or
/// portcheck is interrupted (noticed within one 100 ms poll).
fn wait_all(live: &[Live], deadline: Instant, released: bool) {
    let holding = |l: &Live| l.pinned.alive() && (!released || l.holding.still());
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
            ppid: None,
        }
    }

    #[test]
    fn a_process_that_does_not_hold_the_socket_is_not_signalled() {
        let mut child = std::process::Command::new("sleep").arg("30").spawn().unwrap();
        let mut actions = Vec::new();
        let live = pin_all(&[target(&child, vec![u64::MAX])], &mut actions);
        assert!(live.is_empty());
        assert_eq!(actions[0].result, Outcome::Refused);
        assert_eq!(actions[0].reason, Some(Refusal::LetGo));
        child.kill().unwrap();
        child.wait().unwrap();
    }

    /// A pid whose start time is not the planned one names another
    /// process: not pinned, and said so by its own kind.
    #[test]
    fn a_pid_with_another_start_time_is_not_signalled() {
        let mut child = std::process::Command::new("sleep").arg("30").spawn().unwrap();
        let mut stale = target(&child, vec![]);
        stale.start = stale.start.map(|t| t + 1);
        let mut actions = Vec::new();
        assert!(pin_all(&[stale], &mut actions).is_empty());
        assert_eq!(actions[0].result, Outcome::Refused);
        assert_eq!(actions[0].reason, Some(Refusal::PidReused));
        child.kill().unwrap();
        child.wait().unwrap();
    }

    // Linux's mechanics find the socket by its inode (fstat of the socket
    // is its inode); macOS's ask libproc.
    #[cfg(target_os = "linux")]
    #[test]
    fn a_socket_closed_after_the_fd_table_read_is_not_signalled() {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let inode = rustix::fs::fstat(&listener).unwrap().st_ino;
        let me = Target {
            pid: std::process::id(),
            name: "test".into(),
            inodes: vec![inode],
            ports: vec![],
            start: super::super::sys::start_time(std::process::id()),
            ppid: None,
        };
        let mut actions = Vec::new();
        let live = pin_all(std::slice::from_ref(&me), &mut actions);
        assert_eq!(live.len(), 1, "{actions:?}");
        assert!(live[0].holding.still());
        drop(listener);
        // SIGCONT: harmless to this test, were it sent.
        let cont = Signal { number: 18, name: "SIGCONT" };
        assert!(signal_each(live, cont, &mut actions, &mut Vec::new()).is_empty());
        assert_eq!(actions[0].reason, Some(Refusal::LetGo));
    }
}
