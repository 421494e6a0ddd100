//! The kill plan: every holder of every port in use, as a target to
//! signal or a refusal with its reason.

use std::collections::BTreeMap;

use crate::i18n::{Msg, msg};
use crate::net::State;
use crate::report::{Action, KillPlan, Outcome, PortsReport, ProcessReport, Refusal, SocketReport};

use super::KillOptions;
use super::policy::{Me, Verdict, connection_only, decide};

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
    /// Its parent's pid when it was planned.
    pub(crate) ppid: Option<u32>,
}

/// The targets and refusals for the ports of a report.
#[derive(Clone, Debug, Default)]
pub(crate) struct Plan {
    pub(crate) targets: Vec<Target>,
    pub(crate) refused: Vec<Action>,
    /// Ports with a holder that cannot be seen, and why.
    pub(crate) unseen: Vec<(u16, Msg)>,
    /// What else a signal to the targets does or leaves (a debug
    /// session's other half).
    pub(crate) notes: Vec<Msg>,
    /// Ports the OS refuses to bind with no socket on them: no process
    /// to stop.
    pub(crate) cannot_bind: Vec<(u16, crate::port::Refused, Vec<crate::shell::Step>)>,
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
            notes: self.notes.clone(),
            cannot_bind: self.cannot_bind.clone(),
            dry_run: opts.dry_run,
            signal: opts.signal,
            grace: opts.grace,
            method: super::sys::METHOD,
        }
    }
}

/// Plans the kill of every holder of every in-use port of `before`.
/// With `root` false, a port that also has a holder portcheck cannot see
/// is not touched at all: killing the visible co-holders would not free
/// it, and would leave a half-killed service behind. A process whose only
/// tie to a port is a connection (a client) is refused.
/// What a signal to a debug session's processes means for the rest of
/// it, from how they were started: a debuggee's adapter exits with it; an
/// adapter's debuggee keeps running (forever, when it waits for a
/// client); VS Code's sessions are stopped cleanly with Shift+F5.
fn session_notes(before: &PortsReport, plan: &Plan) -> Vec<Msg> {
    let mut notes = Vec::new();
    let targets: Vec<&ProcessReport> = before
        .ports
        .iter()
        .flat_map(|p| p.holders())
        .filter(|h| plan.targets.iter().any(|t| t.pid == h.pid))
        .collect();
    for h in targets {
        let o = &h.origin;
        let note = if o.by_vscode() {
            msg!("plan-by-vscode", pid = h.pid)
        } else if o.debugpy_opt("--listen").is_some() {
            match o.debugpy_opt("--wait-for-client") {
                Some(_) => msg!("plan-under-debugpy-waiting", pid = h.pid),
                None => msg!("plan-under-debugpy", pid = h.pid),
            }
        } else if o.kind == crate::hint::Kind::DebugpyAdapter
            && h.role == crate::hint::Role::Debugger
        {
            adapter_note(h)
        } else {
            continue;
        };
        if !notes.contains(&note) {
            notes.push(note);
        }
    }
    notes
}

/// What killing debugpy's adapter leaves: the program it debugs, by pid
/// when a process runs under `debugpy --listen` on the adapter's port.
fn adapter_note(h: &ProcessReport) -> Msg {
    let port = crate::started::flag_value(&h.command, &["--port"]).and_then(|p| p.parse().ok());
    match port.and_then(crate::process::debuggee_of) {
        Some((pid, true)) => msg!("plan-adapter-waiting", pid = h.pid, debuggee = pid),
        Some((pid, false)) => msg!("plan-adapter", pid = h.pid, debuggee = pid),
        None => msg!("plan-adapter-unknown", pid = h.pid),
    }
}

pub(crate) fn plan(before: &PortsReport, me: &Me, root: bool) -> Plan {
    let mut plan = Plan::default();
    let mut targets: BTreeMap<u32, Target> = BTreeMap::new();
    let in_use = || before.ports.iter().filter(|p| p.in_use);
    // Servers first (listening, bound, UDP), over every port, so that a
    // process is planned by what makes it a holder.
    for port in in_use() {
        if let Some(why) = port.refused.filter(|_| port.sockets.is_empty()) {
            plan.cannot_bind.push((port.port, why, port.fix.clone()));
        }
        let blind = !root && port.sockets.iter().any(|s| s.processes.is_empty());
        for s in &port.sockets {
            if s.processes.is_empty() {
                let why = s.hidden.clone().unwrap_or_else(|| msg!("report-no-process"));
                plan.unseen.push((port.port, why));
            }
            if !binds(s) {
                continue;
            }
            for p in &s.processes {
                let verdict =
                    || if blind { blind_refusal(port.port) } else { decide(p, port.port, me) };
                add(&mut plan, &mut targets, p, s.inode, port.port, verdict);
            }
        }
    }
    spare_namespace_members(&mut plan, &mut targets, before);
    spare_co_holders(&mut plan, &mut targets, before, root);
    // Then the processes tied to a port by a connection only.
    for port in in_use() {
        for s in port.sockets.iter().filter(|s| !binds(s)) {
            // A server's own connections are not what it is checked by.
            for p in &s.processes {
                if targets.contains_key(&p.pid) {
                    continue;
                }
                let state = s.state;
                add(&mut plan, &mut targets, p, s.inode, port.port, || {
                    connection_only(p, port.port, state)
                });
            }
        }
    }
    plan.targets = targets.into_values().collect();
    plan.notes = session_notes(before, &plan);
    for t in &mut plan.targets {
        t.inodes = crate::net::sorted_unique(t.inodes.drain(..));
        t.ports = crate::net::sorted_unique(t.ports.drain(..));
    }
    plan
}

/// The targets that share a port with a refused namespace init (a
/// container's or sandbox's PID 1) and run inside its pid namespace: its
/// workers. Signalling them alone would half-stop the container and leave
/// the port held, so they are refused with the init's stop command.
fn spare_namespace_members(
    plan: &mut Plan,
    targets: &mut BTreeMap<u32, Target>,
    before: &PortsReport,
) {
    let mut spared = Vec::new();
    for port in before.ports.iter().filter(|p| p.in_use) {
        let holders = port.holders();
        let namespace = |pid: u32| holders.iter().find(|h| h.pid == pid).and_then(|h| h.pid_ns);
        let inits = plan
            .refused
            .iter()
            .filter(|a| holders.iter().any(|h| h.pid == a.pid && h.sandbox.is_some()));
        for init in inits {
            for t in targets.values().filter(|t| t.ports.contains(&port.port)) {
                if !spared.iter().any(|a: &Action| a.pid == t.pid)
                    && namespace(t.pid).is_some_and(|ns| namespace(init.pid) == Some(ns))
                {
                    spared.push(Action {
                        pid: t.pid,
                        name: t.name.clone(),
                        signal: None,
                        method: None,
                        result: Outcome::Refused,
                        reason: Some(Refusal::SparedInNamespace {
                            init: init.pid,
                            name: init.name.clone(),
                            port: port.port,
                        }),
                        stop: init.stop.clone(),
                    });
                }
            }
        }
    }
    for a in spared {
        targets.remove(&a.pid);
        plan.refused.push(a);
    }
}

/// A port that stays held: the port, why, and the command that stops the
/// holder that keeps it.
type Kept = (u16, Refusal, Option<crate::shell::Step>);

/// One verdict whatever the order of the ports: a port that stays held —
/// a holder that is not signalled has a listening, bound or UDP socket
/// there, or (without root) a holder cannot be seen — spares its other
/// holders, and each one spared keeps its own other ports held in turn.
/// A refused client (a connection only) keeps nothing held.
fn spare_co_holders(
    plan: &mut Plan,
    targets: &mut BTreeMap<u32, Target>,
    before: &PortsReport,
    root: bool,
) {
    loop {
        let kept = kept_ports(plan, targets, before, root);
        let spared: Vec<(u32, &Kept)> = targets
            .values()
            .filter_map(|t| kept.iter().find(|k| t.ports.contains(&k.0)).map(|k| (t.pid, k)))
            .collect();
        if spared.is_empty() {
            return;
        }
        for (pid, (_, why, stop)) in spared {
            let Some(t) = targets.remove(&pid) else { continue };
            plan.refused.push(Action {
                pid,
                name: t.name,
                signal: None,
                method: None,
                result: Outcome::Refused,
                reason: Some(why.clone()),
                stop: stop.clone(),
            });
        }
    }
}

/// The ports that stay held whatever is signalled, each with why and the
/// command that stops the holder that keeps it.
fn kept_ports(
    plan: &Plan,
    targets: &BTreeMap<u32, Target>,
    before: &PortsReport,
    root: bool,
) -> Vec<Kept> {
    let mut kept = Vec::new();
    for port in before.ports.iter().filter(|p| p.in_use) {
        if !root && port.sockets.iter().any(|s| s.processes.is_empty()) {
            kept.push((port.port, Refusal::SparedUnseen { port: port.port }, None));
            continue;
        }
        let keepers = port.sockets.iter().filter(|s| binds(s)).flat_map(|s| &s.processes);
        for p in keepers.filter(|p| !targets.contains_key(&p.pid)) {
            if let Some(a) = plan.refused.iter().find(|a| a.pid == p.pid) {
                let why = Refusal::Spared { pid: p.pid, name: a.name.clone(), port: port.port };
                kept.push((port.port, why, a.stop.clone()));
                break;
            }
        }
    }
    kept
}

/// A socket that makes its processes holders: a listener, a bound UDP
/// socket, a TCP socket bound without listening. The rest are
/// connections.
fn binds(s: &SocketReport) -> bool {
    s.state.is_listener() || s.state == State::BoundInactive
}

/// Without root, a port with a holder that cannot be seen: its visible
/// holders are spared.
fn blind_refusal(port: u16) -> Verdict {
    Verdict::Refuse { reason: Refusal::SparedUnseen { port }, stop: None }
}

/// Adds `p`, a holder of `inode` on `port`, to the plan: to its target if
/// it is one already, else as the `verdict` says (asked only for a
/// process not planned yet).
fn add(
    plan: &mut Plan,
    targets: &mut BTreeMap<u32, Target>,
    p: &ProcessReport,
    inode: u64,
    port: u16,
    verdict: impl FnOnce() -> Verdict,
) {
    if let Some(t) = targets.get_mut(&p.pid) {
        t.inodes.push(inode);
        t.ports.push(port);
        return;
    }
    if plan.refused.iter().any(|a| a.pid == p.pid) {
        return;
    }
    match verdict() {
        Verdict::Refuse { reason, stop } => plan.refused.push(Action {
            pid: p.pid,
            name: p.name.clone(),
            signal: None,
            method: None,
            result: Outcome::Refused,
            reason: Some(reason),
            stop,
        }),
        Verdict::Signal => {
            let target = Target {
                pid: p.pid,
                name: p.name.clone(),
                inodes: vec![inode],
                ports: vec![port],
                // The scan's, where the platform pins by it (Windows).
                start: p.created.or_else(|| super::sys::start_time(p.pid)),
                ppid: p.ppid,
            };
            targets.insert(p.pid, target);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::process::{Runtime, Sandbox, Unit};
    use crate::report::PortReport;
    use crate::report::text::tests::{port, socket};

    fn me() -> Me {
        Me { pid: 4242, ancestors: vec![4241, 1], unit: None }
    }

    /// A holder the scan found, with its start time (so nothing is read
    /// from the system for it).
    fn holder(pid: u32, name: &str) -> ProcessReport {
        ProcessReport { created: Some(1), ..ProcessReport::bare(pid, name) }
    }

    /// Port `n`, with one listening socket (inode 10n + i) per entry of
    /// `sockets`: its holders, none for a socket whose holder cannot be
    /// seen.
    fn at(n: u16, sockets: Vec<Vec<ProcessReport>>) -> PortReport {
        let sockets = sockets
            .into_iter()
            .enumerate()
            .map(|(i, processes)| {
                let hidden = processes.is_empty().then(|| "owned by another user".into());
                SocketReport {
                    port: n,
                    inode: u64::from(n) * 10 + i as u64,
                    hidden,
                    ..socket("0.0.0.0", processes)
                }
            })
            .collect();
        PortReport { port: n, ..port(sockets) }
    }

    fn plan_of(ports: Vec<PortReport>, root: bool) -> Plan {
        plan(&PortsReport { ports, notes: vec![] }, &me(), root)
    }

    fn targets(plan: &Plan) -> Vec<u32> {
        plan.targets.iter().map(|t| t.pid).collect()
    }

    /// Each refused pid with why.
    fn refused(plan: &Plan) -> Vec<(u32, Refusal)> {
        plan.refused.iter().map(|a| (a.pid, a.reason.clone().unwrap())).collect()
    }

    /// Without root, a socket with no process seen may hide another
    /// holder: the visible one is spared (killing it would not free the
    /// port). As root nothing is hidden, so the visible holder is the one
    /// to stop.
    #[test]
    fn a_holder_beside_an_unseen_one_is_spared_only_without_root() {
        let ports = || vec![at(5000, vec![vec![holder(500, "python3")], vec![]])];
        let user = plan_of(ports(), false);
        assert_eq!(targets(&user), Vec::<u32>::new());
        assert_eq!(refused(&user), vec![(500, Refusal::SparedUnseen { port: 5000 })]);
        assert_eq!(user.unseen, vec![(5000, "owned by another user".into())]);
        let root = plan_of(ports(), true);
        assert_eq!(targets(&root), vec![500]);
        assert_eq!(refused(&root), vec![]);
    }

    /// A target on two ports, the second of which also has an unseen
    /// holder (without root): signalling it would leave that port held and
    /// its service half-stopped, so it is spared for that port.
    #[test]
    fn a_second_port_with_an_unseen_holder_spares_the_target() {
        let ports = || {
            vec![
                at(5000, vec![vec![holder(500, "python3")]]),
                at(5001, vec![vec![holder(500, "python3")], vec![]]),
                at(5002, vec![vec![holder(600, "node")]]),
            ]
        };
        let user = plan_of(ports(), false);
        assert_eq!(targets(&user), vec![600]);
        assert_eq!(refused(&user), vec![(500, Refusal::SparedUnseen { port: 5001 })]);
        let root = plan_of(ports(), true);
        assert_eq!(targets(&root), vec![500, 600]);
    }

    /// A target whose second port is also held by a refused process (a
    /// systemd service's): that port stays held whatever is signalled, so
    /// the target is spared, with the refused one's stop command.
    #[test]
    fn a_second_port_kept_by_a_refused_holder_spares_the_target() {
        let nginx = ProcessReport {
            unit: Some(Unit { name: "nginx.service".into(), user: None }),
            ..holder(700, "nginx")
        };
        let ports = vec![
            at(5000, vec![vec![holder(500, "python3")]]),
            at(5001, vec![vec![holder(500, "python3")], vec![nginx]]),
            at(5002, vec![vec![holder(600, "node")]]),
        ];
        for root in [false, true] {
            let plan = plan_of(ports.clone(), root);
            assert_eq!(targets(&plan), vec![600], "root {root}");
            let spared = plan.refused.iter().find(|a| a.pid == 500).unwrap();
            assert_eq!(
                spared.reason,
                Some(Refusal::Spared { pid: 700, name: "nginx".into(), port: 5001 }),
                "root {root}"
            );
            let stop = spared.stop.as_ref().map(|s| s.shown());
            assert_eq!(stop.as_deref(), Some("sudo systemctl stop nginx.service"));
        }
    }

    /// A container's init is refused; its workers (same pid namespace)
    /// are spared with the container's stop command, while a process of
    /// another namespace on the same port is spared because the init keeps
    /// the port held.
    #[test]
    fn workers_in_a_refused_inits_namespace_are_spared_with_its_stop() {
        let sandbox = Sandbox { runtime: Some(Runtime::Docker), id: Some("3f4e8c0a9b1d".into()) };
        let init =
            ProcessReport { sandbox: Some(sandbox), pid_ns: Some(77), ..holder(900, "nginx") };
        let worker = ProcessReport { pid_ns: Some(77), ..holder(901, "nginx") };
        let host = ProcessReport { pid_ns: Some(1), ..holder(950, "python3") };
        let ports = vec![at(80, vec![vec![init, worker], vec![host]])];
        for root in [false, true] {
            let plan = plan_of(ports.clone(), root);
            assert_eq!(targets(&plan), Vec::<u32>::new(), "root {root}");
            let why = |pid| plan.refused.iter().find(|a| a.pid == pid).unwrap();
            assert!(matches!(why(900).reason, Some(Refusal::NamespaceInit { .. })));
            let worker = why(901);
            assert_eq!(
                worker.reason,
                Some(Refusal::SparedInNamespace { init: 900, name: "nginx".into(), port: 80 })
            );
            let stop = worker.stop.as_ref().map(|s| s.shown());
            assert_eq!(stop.as_deref(), Some("docker stop 3f4e8c0a9b1d"));
            assert_eq!(
                why(950).reason,
                Some(Refusal::Spared { pid: 900, name: "nginx".into(), port: 80 })
            );
        }
    }
}
