//! What to do about the ports in use: the next steps at the end of a
//! report, from the same kill plan `--kill` would carry out and the same
//! search `--suggest` runs.

use crate::inspect::Context;
use crate::kill::{Me, plan};
use crate::net::Selection;
use crate::report::{NextSteps, PortsReport};

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
    report
        .ports
        .iter()
        .filter(|p| p.in_use)
        .take(MAX_PORTS)
        .map(|p| {
            let mut stop: Vec<String> = Vec::new();
            for holder in p.holders() {
                let refusal = plan.refused.iter().find(|a| a.pid == holder.pid);
                if let Some(s) = refusal.and_then(|a| a.stop.clone())
                    && !stop.contains(&s)
                {
                    stop.push(s);
                }
            }
            NextSteps {
                port: p.port,
                kill: plan.targets_of(p.port).map(|t| t.pid).collect(),
                free: crate::suggest::suggest(&ctx.host, select, p.port, 1).first().copied(),
                stop,
            }
        })
        .collect()
}
