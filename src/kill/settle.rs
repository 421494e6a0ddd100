//! After the signals: the ports as they are now, watched for the settle
//! window so a supervisor that starts the holder again is caught and named.

use std::time::{Duration, Instant};

use crate::i18n::msg;
use crate::inspect::{self, Context};
use crate::net::{PortQuery, Selection, State};
use crate::report::{PortReport, PortsReport, ProcessReport, Respawn};
use crate::scan::{self, Scope};
use crate::shell::{Command, Step};

/// How often the ports are looked at while settling.
const POLL: Duration = Duration::from_millis(50);

/// The ports after the kill. A port still held while a target that let
/// go of it is shutting down (`draining`) is looked at again until that
/// target exits, up to the grace: shutting down is not holding. A port
/// that came free is watched for the settle window: a holder that
/// appears meanwhile is a respawn.
pub(crate) fn settle(
    ctx: &Context,
    select: Selection,
    queries: &[PortQuery],
    window: Duration,
    draining: &super::Draining,
) -> anyhow::Result<PortsReport> {
    let deadline = Instant::now() + window;
    // Whether a target was shutting down when the look began: its exit
    // during a long look must not leave the port called held by it.
    let mut shutting_down = draining.until();
    let mut first = inspect::ports(ctx, select, queries)?;
    // A port held by a socket with no visible process right after the
    // kill is most likely a respawn caught mid-start: look again.
    let unseen = |q: &PortsReport| {
        q.ports.iter().any(|p| p.in_use && p.sockets.iter().all(|s| s.processes.is_empty()))
    };
    let look_again = |q: &PortsReport, shutting_down: Option<Instant>| {
        let held = q.ports.iter().any(|p| p.in_use);
        shutting_down.filter(|_| held).max(unseen(q).then_some(deadline))
    };
    while let Some(until) = look_again(&first, shutting_down)
        && Instant::now() < until
        && super::sys::interrupted().is_none()
    {
        std::thread::sleep(POLL.min(until.saturating_duration_since(Instant::now())));
        shutting_down = draining.until();
        first = inspect::ports(ctx, select, queries)?;
    }
    let free = crate::net::sorted_unique(first.ports.iter().filter(|p| !p.in_use).map(|p| p.port));
    if free.is_empty() || window.is_zero() {
        return Ok(first);
    }
    while Instant::now() < deadline && super::sys::interrupted().is_none() {
        std::thread::sleep(POLL.min(deadline.saturating_duration_since(Instant::now())));
        // The query that follows decides what counts.
        let snap = scan::snapshot(select.widened(), Scope::Ports(&free), false)?;
        if snap.sockets.iter().any(|s| s.state.holds_port()) {
            return inspect::ports(ctx, select, queries);
        }
    }
    Ok(first)
}

/// Holders after the kill that were not holders before: respawns, and
/// processes that were already running and now hold the socket — it was
/// passed to them (SCM_RIGHTS), which is no restart. "Already running"
/// is started at least one clock tick (10 ms on Linux, a second
/// elsewhere) before portcheck; within that tick it counts as a respawn.
/// Only a server's socket (listening, bound, UDP) makes one: a process
/// tied to the port by a connection only (a client, which the report
/// before the kill may not list beside a listener) is neither.
pub(crate) fn respawns(before: &PortsReport, after: &PortsReport) -> (Vec<Respawn>, Vec<Respawn>) {
    let old = before.pids();
    let mine = super::sys::start_time(std::process::id());
    let (mut respawned, mut received) = (Vec::new(), Vec::new());
    for port in &after.ports {
        for p in port.holders() {
            if old.binary_search(&p.pid).is_ok() || !serves(port, p.pid) {
                continue;
            }
            let running_before = match (super::sys::start_time(p.pid), mine) {
                (Some(t), Some(me)) => t < me,
                _ => false,
            };
            let forked_from = (!running_before).then(|| forked_from(before, p)).flatten();
            let stop = if running_before || forked_from.is_some() {
                Step::explained(
                    msg!("settle-end-holder", pid = p.pid),
                    super::sys::end_pids(&[p.pid], crate::report::Signal::TERM),
                )
            } else {
                supervisor_stop(p)
            };
            let found = Respawn {
                port: port.port,
                pid: p.pid,
                name: p.name.clone(),
                ppid: p.ppid,
                parent_name: p.parent_name.clone(),
                forked_from,
                stop,
            };
            if running_before { received.push(found) } else { respawned.push(found) }
        }
    }
    (respawned, received)
}

/// The holder before the kill that forked `p` on SIGTERM and handed it
/// the socket: the same command line (a fork without exec), but another
/// parent (it was adopted by init or a subreaper when the holder exited).
/// A supervisor's restart has the supervisor, the old holder's parent,
/// as its parent.
fn forked_from(before: &PortsReport, p: &ProcessReport) -> Option<u32> {
    let old = before.ports.iter().flat_map(PortReport::holders);
    old.filter(|o| o.command == p.command && o.ppid != p.ppid).map(|o| o.pid).next()
}

/// Whether `pid` holds `port` through a server's socket: listening, bound
/// without listening, or UDP.
fn serves(port: &PortReport, pid: u32) -> bool {
    port.sockets.iter().any(|s| {
        (s.state.is_listener() || s.state == State::BoundInactive)
            && s.processes.iter().any(|p| p.pid == pid)
    })
}

/// How to stop whatever restarts `p`: its systemd service when it runs in
/// one, else its parent.
fn supervisor_stop(p: &ProcessReport) -> Step {
    if let Some(unit) = &p.unit {
        return super::policy::unit_stop(unit);
    }
    match p.ppid {
        Some(1) | None => Step::explained(
            msg!("settle-find-service"),
            Command::new(["systemctl".to_string(), "status".into(), p.pid.to_string()]),
        ),
        // The parent first, so it does not start the server again, then
        // the server it started, which ending the parent alone leaves
        // holding the port.
        Some(pp) => Step::explained(
            msg!("settle-end-parent", parent = pp, pid = p.pid),
            super::sys::end_pids(&[pp, p.pid], crate::report::Signal::TERM),
        ),
    }
}
