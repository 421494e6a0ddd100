//! Safe termination of a port's holders (docs/kill.md).
//!
//! - `policy.rs`: may this holder be signalled? ([`policy::decide`] → a
//!   [`policy::Verdict`]) — PID 1, portcheck and its ancestors, container
//!   forwarders and systemd services are refused with the command that
//!   stops them for good.
//! - `plan.rs`: every holder of every port in use, as a target or a
//!   refusal, from the port reports.
//! - `execute.rs`: pin and re-check every target, signal them back to
//!   back, wait up to the grace period, SIGKILL what remains together.
//! - `settle.rs`: the ports afterwards, watched for respawns.
//! - `sys/`: the platform's mechanics — pin, alive, signal, wait — one
//!   module per OS, no `cfg` in the logic.

mod execute;
mod holders;
mod plan;
mod policy;
mod settle;
mod sys;

use std::time::Duration;

pub(crate) use execute::{Draining, execute};
pub(crate) use plan::{Plan, plan};
pub(crate) use policy::Me;
pub(crate) use settle::{respawns, settle};

use crate::i18n::{Msg, msg, t};
use crate::inspect::Context;
use crate::net::{PortQuery, Selection};
use crate::report::{KillReport, Outcome, PortsReport};
use crate::shell::{Command, Step};

/// How `--kill` was asked to behave: the command line's words, read here.
pub(crate) use crate::cli::KillOptions;

/// The manual way for a plan's targets, shown once before the question
/// and in a dry run: the command that ends them (`kill 2993 3079`,
/// `taskkill /PID 2993 /PID 3079 /F`) and how to find them
/// (`lsof -i :5000`, `netstat -ano`). `None` with no target.
pub(crate) fn by_hand(plan: &crate::report::KillPlan) -> Option<(Command, Step)> {
    let pids: Vec<u32> = plan.targets.iter().map(|t| t.0).collect();
    (!pids.is_empty()).then(|| {
        (sys::end_pids(&pids, sys::first_signal(plan.signal)), sys::find_holders(&plan.ports))
    })
}

/// What `--kill` did, and what it could not do.
pub(crate) struct Killed {
    pub(crate) report: KillReport,
    /// Without root, ports with a holder portcheck cannot see.
    hidden: Vec<u16>,
}

impl Killed {
    /// The permission problem that makes the run exit 3, in words.
    pub(crate) fn permission_problem(&self) -> Option<String> {
        let denied: Vec<String> = self
            .report
            .actions
            .iter()
            .filter(|a| a.result == Outcome::Denied)
            .map(|a| a.pid.to_string())
            .collect();
        if !denied.is_empty() {
            let (who, hint) =
                (crate::host::denied_who().to_string(), sys::denied_hint().to_string());
            return Some(t!(
                "kill-problem-denied",
                pids = denied.join(", "),
                who = who,
                hint = hint
            ));
        }
        if !self.hidden.is_empty() {
            let ports: Vec<String> = self.hidden.iter().map(u16::to_string).collect();
            let hint = sys::hidden_hint().to_string();
            return Some(t!("kill-problem-hidden", ports = ports.join(", "), hint = hint));
        }
        None
    }
}

/// Why `--kill` would refuse to run here at all (a `/proc` of another pid
/// namespace), so that no report advises it.
pub(crate) fn unavailable() -> Option<Msg> {
    sys::proc_is_ours().err()
}

/// What `--kill` needs before it looks at anything: a `/proc` of its own
/// pid namespace (else a pid read there names another process here: exit
/// 3), and the hard limit of open files, to pin a large group by pidfds.
pub(crate) fn prepare() -> anyhow::Result<()> {
    sys::proc_is_ours().map_err(anyhow::Error::msg)?;
    sys::raise_fd_limit();
    Ok(())
}

/// Carries out `plan` (unless the question was `declined`) and looks at
/// the ports again, watching freed ones for respawns.
pub(crate) fn carry_out(
    ctx: &Context,
    select: Selection,
    queries: &[PortQuery],
    before: PortsReport,
    plan: &Plan,
    opts: &KillOptions,
    declined: bool,
) -> anyhow::Result<Killed> {
    let (actions, draining) = if declined {
        (plan.refused.clone(), Draining::default())
    } else {
        let done = execute(plan, opts);
        (done.actions, done.draining)
    };
    let interrupted = sys::interrupted();
    // Interrupted: one look at the ports, no settle window.
    let window = if interrupted.is_some() { Duration::ZERO } else { opts.settle };
    let after = if opts.dry_run || declined || plan.targets.is_empty() {
        before.clone()
    } else {
        settle(ctx, select, queries, window, &draining)?
    };
    let hidden = if ctx.root {
        Vec::new()
    } else {
        crate::net::sorted_unique(plan.unseen.iter().map(|(p, _)| *p))
    };
    let mut notes: Vec<Msg> = after.notes.clone();
    // Interrupted during the settle window: the watch was cut short, and
    // the exit status says so as it does for the grace.
    let settle_cut = interrupted.is_none() && sys::interrupted().is_some();
    let interrupted = match (interrupted, sys::interrupted()) {
        (None, Some(sig)) => {
            let settle = format!("{:?}", opts.settle);
            notes.push(msg!("kill-note-settle-cut", signal = sig.name, settle = settle));
            Some(sig)
        }
        (before, _) => before,
    };
    let (respawns, received) = respawns(&before, &after);
    let was_free = before.ports.iter().filter(|p| !p.in_use).map(|p| p.port).collect();
    let report = KillReport {
        was_free,
        settle_cut,
        respawns,
        received,
        interrupted,
        ports: after.ports,
        actions,
        declined,
        notes,
        signal: opts.signal,
        grace: opts.grace,
        dry_run: opts.dry_run,
    };
    Ok(Killed { report, hidden })
}
