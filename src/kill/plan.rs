//! The kill plan: every holder of every port in use, as a target to
//! signal or a refusal with its reason.

use std::collections::BTreeMap;

use crate::report::{Action, KillPlan, Outcome, PortsReport, Reason};

use super::KillOptions;
use super::policy::{Me, Verdict, decide};

/// A process to signal, with the sockets that make it a holder.
#[derive(Clone, Debug)]
pub(crate) struct Target {
    pub(crate) pid: u32,
    pub(crate) name: String,
    /// The sockets that make it a holder, sorted.
    pub(crate) inodes: Vec<u64>,
    /// The ports they are bound to, sorted.
    pub(crate) ports: Vec<u16>,
    /// Its start time when it was planned (platform units), so a pid
    /// reused meanwhile is never signalled.
    pub(crate) start: Option<u64>,
}

/// The targets and refusals for the ports of a report.
#[derive(Clone, Debug, Default)]
pub(crate) struct Plan {
    pub(crate) targets: Vec<Target>,
    pub(crate) refused: Vec<Action>,
    /// Ports with a holder that cannot be seen, and why.
    pub(crate) unseen: Vec<(u16, String)>,
}

impl Plan {
    /// The ports the targets hold.
    pub(crate) fn ports(&self) -> Vec<u16> {
        crate::net::sorted_unique(self.targets.iter().flat_map(|t| t.ports.iter().copied()))
    }

    /// The targets holding `port`.
    pub(crate) fn targets_of(&self, port: u16) -> impl Iterator<Item = &Target> {
        self.targets.iter().filter(move |t| t.ports.contains(&port))
    }

    /// What people are shown before anything is signalled.
    pub(crate) fn summary(&self, opts: &KillOptions) -> KillPlan {
        KillPlan {
            targets: self.targets.iter().map(|t| (t.pid, t.name.clone())).collect(),
            ports: self.ports(),
            refused: self.refused.clone(),
            unseen: self.unseen.clone(),
            dry_run: opts.dry_run,
            signal: opts.signal,
            grace: opts.grace,
        }
    }
}

/// Plans the kill of every holder of every in-use port of `before`.
/// With `root` false, a port that also has a holder portcheck cannot see
/// is not touched at all: killing the visible co-holders would not free
/// it, and would leave a half-killed service behind.
pub(crate) fn plan(before: &PortsReport, me: &Me, root: bool) -> Plan {
    let mut plan = Plan::default();
    let mut targets: BTreeMap<u32, Target> = BTreeMap::new();
    for port in before.ports.iter().filter(|p| p.in_use) {
        let blind = !root && port.sockets.iter().any(|s| s.processes.is_empty());
        for s in &port.sockets {
            if s.processes.is_empty() {
                let why = s.hidden.clone().unwrap_or_else(|| "no process found".into());
                plan.unseen.push((port.port, why));
            }
            for p in &s.processes {
                if let Some(t) = targets.get_mut(&p.pid) {
                    t.inodes.push(s.inode);
                    t.ports.push(port.port);
                    continue;
                }
                if plan.refused.iter().any(|a| a.pid == p.pid) {
                    continue;
                }
                let verdict = if blind {
                    Verdict::Refuse {
                        reason: format!(
                            "port {} also has a holder that cannot be seen without root; run with sudo to stop them all",
                            port.port
                        ),
                        stop: None,
                    }
                } else {
                    decide(p, port.port, me)
                };
                match verdict {
                    Verdict::Refuse { reason, stop } => plan.refused.push(Action {
                        pid: p.pid,
                        name: p.name.clone(),
                        signal: None,
                        result: Outcome::Refused,
                        reason: Some(Reason::Policy(reason)),
                        stop,
                    }),
                    Verdict::Signal => {
                        let target = Target {
                            pid: p.pid,
                            name: p.name.clone(),
                            inodes: vec![s.inode],
                            ports: vec![port.port],
                            start: super::sys::start_time(p.pid),
                        };
                        targets.insert(p.pid, target);
                    }
                }
            }
        }
    }
    plan.targets = targets.into_values().collect();
    for t in &mut plan.targets {
        t.inodes = crate::net::sorted_unique(t.inodes.drain(..));
        t.ports = crate::net::sorted_unique(t.ports.drain(..));
    }
    plan
}
