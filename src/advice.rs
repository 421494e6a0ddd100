//! What to do about the ports in use: the next steps at the end of a
//! report, from the same kill plan `--kill` would carry out and the same
//! search `--suggest` runs.

use crate::inspect::Context;
use crate::kill::{Me, plan};
use crate::net::Selection;
use crate::remedy::{Holder, Remedy};
use crate::report::{NextSteps, PortReport, PortsReport};
use crate::shell::Step;

/// How many ports in use get next steps (each costs a `--suggest` search,
/// a few binds).
const MAX_PORTS: usize = 16;

/// For each port in use: what `--kill` would signal, what it would refuse
/// (with the command that stops it), and the nearest free port.
pub(crate) fn next_steps(ctx: &Context, select: Selection, report: &PortsReport) -> Vec<NextSteps> {
    if !report.ports.iter().any(|p| p.in_use) {
        // Nothing to advise; and who portcheck's ancestors are costs a
        // few reads per generation.
        return Vec::new();
    }
    let plan = plan(report, &Me::current(), ctx.root);
    // Where `--kill` would refuse to run, it is not advised: its reason is.
    let no_kill = crate::kill::unavailable();
    report
        .ports
        .iter()
        .filter(|p| p.in_use)
        .take(MAX_PORTS)
        .map(|p| {
            let mut stop: Vec<Step> = Vec::new();
            if let Some(why) = &no_kill {
                stop.push(Step::say(format!("portcheck --kill cannot work here: {why}")));
            }
            for holder in p.holders() {
                let refusal = plan.refused.iter().find(|a| a.pid == holder.pid);
                if let Some(s) = refusal.and_then(|a| a.stop.clone())
                    && !stop.contains(&s)
                {
                    stop.push(s);
                }
            }
            let free = crate::suggest::suggest(&ctx.host, select, p.port, 1).first().copied();
            NextSteps {
                port: p.port,
                kill: if no_kill.is_some() {
                    Vec::new()
                } else {
                    plan.targets_of(p.port).map(|t| t.pid).collect()
                },
                free,
                remedy: free.map(|n| remedy(p, n)),
                stop,
            }
        })
        .collect()
}

/// How to start a server on `port` instead of the one `p` holds: the way
/// its holder's framework takes a port, else the way the project in the
/// current directory does, else generic forms.
pub(crate) fn remedy(p: &PortReport, port: u16) -> Remedy {
    of_holders(p, port).or_else(|| here(port)).unwrap_or_else(|| crate::remedy::generic(port))
}

/// The remedy of the first recognised holder of `p`.
pub(crate) fn of_holders(p: &PortReport, port: u16) -> Option<Remedy> {
    p.holders().iter().find_map(|h| {
        let parents: Vec<String> = h.parents.iter().map(|a| a.name.clone()).collect();
        let holder = Holder { command: &h.command, hint: h.hint.as_deref(), parents: &parents };
        crate::remedy::for_holder(&holder, port)
    })
}

/// The remedy for the project in the current directory, if it says.
pub(crate) fn here(port: u16) -> Option<Remedy> {
    let dir = std::env::current_dir().ok()?;
    crate::project::remedy(&dir, port)
}
