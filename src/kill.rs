//! Safe termination of a port's holders (design §5, "Killing is safe").
//!
//! The flow: plan from the report (every process holding one of the
//! port's sockets is a target, or a refusal with the reason and the
//! command that stops it for good); pin each target (`pidfd_open` on
//! Linux) and re-check through `/proc/PID/fd` that this very process
//! still holds the socket; send the first signal to all of them; wait up
//! to the grace period; SIGKILL whatever remains, all together; then
//! look at the port again (`app.rs` does that, with a settle window for
//! respawns).

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use serde::Serialize;

use crate::process::{Unit, read_cgroup, unit_of};
use crate::report::{ProcessReport, Query};

/// How `--kill` was asked to behave.
#[derive(Clone, Debug)]
pub(crate) struct KillOptions {
    /// The first signal (SIGTERM unless `--signal` or `--force`).
    pub(crate) signal: nix::sys::signal::Signal,
    /// How long holders get to exit before SIGKILL.
    pub(crate) grace: Duration,
    /// How long the port is watched after it is freed, to catch a respawn.
    pub(crate) settle: Duration,
    /// Show what would be signalled; signal nothing.
    pub(crate) dry_run: bool,
    /// Skip the question on a terminal.
    pub(crate) yes: bool,
}

/// What happened to one process.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum Outcome {
    /// It exited after the first signal.
    Exited,
    /// It needed SIGKILL (or `--force` sent SIGKILL first).
    Killed,
    /// The OS refused the signal (EPERM): another user's process.
    Denied,
    /// portcheck refused to signal it (PID 1, itself, a supervisor, a
    /// process that no longer holds the socket…).
    Refused,
    /// `--dry-run`: it would have been signalled.
    DryRun,
    /// Still alive after SIGKILL and the wait that follows it.
    TimedOut,
}

/// Why a target that outlived the grace period got no SIGKILL.
pub(crate) const RELEASED: &str =
    "let go of the port after the first signal and is still shutting down; not killed";

/// Why a pinned target was not signalled after all.
pub(crate) const LET_GO: &str = "it let go of the socket before the signal (or its pid now names another process); not signalled";

/// One line of `actions` in the JSON.
#[derive(Clone, Debug, Serialize)]
pub(crate) struct Action {
    pub(crate) pid: u32,
    pub(crate) name: String,
    /// The last signal sent (`SIGTERM`, `SIGKILL`), or the one that would be.
    pub(crate) signal: Option<String>,
    pub(crate) result: Outcome,
    /// Why it was refused or denied.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) reason: Option<String>,
    /// The command that stops a refused holder for good.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) stop: Option<String>,
}

/// A process to signal, with the sockets that make it a holder.
#[derive(Clone, Debug)]
pub(crate) struct Target {
    pub(crate) pid: u32,
    pub(crate) name: String,
    pub(crate) inodes: Vec<u64>,
    pub(crate) ports: Vec<u16>,
    /// Start time in clock ticks since boot (`/proc/PID/stat` field 22),
    /// read when the target was planned.
    pub(crate) start: Option<u64>,
}

/// Why a holder is not signalled, and what stops it instead.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Refusal {
    pub(crate) reason: String,
    pub(crate) stop: Option<String>,
}

/// The targets and refusals for the ports in `before`.
#[derive(Clone, Debug, Default)]
pub(crate) struct Plan {
    pub(crate) targets: Vec<Target>,
    pub(crate) refused: Vec<Action>,
    /// Ports with a holder that cannot be seen, and why.
    pub(crate) unseen: Vec<(u16, String)>,
}

/// Who portcheck is, for the rules that protect it and its caller.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Me {
    pub(crate) pid: u32,
    pub(crate) parent: u32,
}

impl Me {
    pub(crate) fn current() -> Me {
        Me { pid: std::process::id(), parent: nix::unistd::getppid().as_raw() as u32 }
    }
}

/// Plans the kill of every holder of every in-use port of `before`.
/// With `root` false, a port that also has a holder portcheck cannot see
/// is not touched at all: killing the visible co-holders would not free
/// it, and would leave a half-killed service behind.
pub(crate) fn plan(before: &Query, me: Me, root: bool) -> Plan {
    let my_unit = read_cgroup(me.pid).as_deref().and_then(unit_of);
    let mut plan = Plan::default();
    let blind: Vec<u16> = if root {
        Vec::new()
    } else {
        before
            .ports
            .iter()
            .filter(|p| p.in_use && p.sockets.iter().any(|s| s.processes.is_empty()))
            .map(|p| p.port)
            .collect()
    };
    let mut targets: BTreeMap<u32, Target> = BTreeMap::new();
    for port in before.ports.iter().filter(|p| p.in_use) {
        for s in &port.sockets {
            if s.processes.is_empty() {
                let why = s.hidden.clone().unwrap_or_else(|| "no process found".into());
                plan.unseen.push((port.port, why));
            }
            for p in &s.processes {
                if targets.contains_key(&p.pid) || plan.refused.iter().any(|a| a.pid == p.pid) {
                    if let Some(t) = targets.get_mut(&p.pid) {
                        t.inodes.push(s.inode);
                        t.ports.push(port.port);
                    }
                    continue;
                }
                let cgroup = read_cgroup(p.pid);
                let verdict = if blind.contains(&port.port) {
                    Some(Refusal {
                        reason: format!(
                            "port {} also has a holder that cannot be seen without root; run with sudo to stop them all",
                            port.port
                        ),
                        stop: None,
                    })
                } else {
                    decide(p, cgroup.as_deref(), my_unit.as_ref(), port.port, me)
                };
                match verdict {
                    Some(r) => plan.refused.push(Action {
                        pid: p.pid,
                        name: p.name.clone(),
                        signal: None,
                        result: Outcome::Refused,
                        reason: Some(r.reason),
                        stop: r.stop,
                    }),
                    None => {
                        targets.insert(
                            p.pid,
                            Target {
                                pid: p.pid,
                                name: p.name.clone(),
                                inodes: vec![s.inode],
                                ports: vec![port.port],
                                start: start_ticks(p.pid),
                            },
                        );
                    }
                }
            }
        }
    }
    plan.targets = targets.into_values().collect();
    for t in &mut plan.targets {
        t.inodes.sort_unstable();
        t.inodes.dedup();
        t.ports.sort_unstable();
        t.ports.dedup();
    }
    plan
}

/// Processes that exist to forward a container's published port: killing
/// them breaks the container's networking (and the engine restarts them).
const CONTAINER_FORWARDERS: &[&str] =
    &["docker-proxy", "rootlessport", "rootlessport-child", "pasta", "slirp4netns"];

/// The one decision function for "may portcheck signal this holder?".
/// `None` means yes. `--force` does not override a refusal.
pub(crate) fn decide(
    p: &ProcessReport,
    cgroup: Option<&str>,
    my_unit: Option<&Unit>,
    port: u16,
    me: Me,
) -> Option<Refusal> {
    if p.pid == 1 {
        let stop = match socket_unit(port) {
            Some(unit) => format!("sudo systemctl stop {unit}"),
            None => format!(
                "systemctl list-sockets | grep ':{port}'   # then: sudo systemctl stop <unit>.socket"
            ),
        };
        return Some(Refusal {
            reason: "PID 1 (the init system) holds it: systemd socket activation".into(),
            stop: Some(stop),
        });
    }
    if p.pid == me.pid {
        return Some(Refusal { reason: "this is portcheck itself".into(), stop: None });
    }
    if p.pid == me.parent {
        return Some(Refusal {
            reason: "this is portcheck's parent (the shell or program that ran portcheck)".into(),
            stop: None,
        });
    }
    if CONTAINER_FORWARDERS.iter().any(|f| p.name.starts_with(f)) {
        let engine = if p.name == "docker-proxy" { "docker" } else { "podman" };
        return Some(Refusal {
            reason: format!("{} forwards the port of a container", p.name),
            stop: Some(format!(
                "{engine} ps --filter publish={port}   # then: {engine} stop <container>"
            )),
        });
    }
    if let Some(unit) = cgroup.and_then(unit_of)
        && my_unit != Some(&unit)
    {
        let sudo = if unit.user { "" } else { "sudo " };
        let scope = if unit.user { "--user " } else { "" };
        return Some(Refusal {
            reason: format!("part of systemd unit {}: systemd would restart it", unit.name),
            stop: Some(format!("{sudo}systemctl {scope}stop {}", unit.name)),
        });
    }
    None
}

/// The systemd socket unit listening on `port`, from `systemctl
/// list-sockets` (asked only when PID 1 holds a port).
fn socket_unit(port: u16) -> Option<String> {
    let out = std::process::Command::new("systemctl")
        .args(["list-sockets", "--all", "--no-legend", "--no-pager", "--plain"])
        .stderr(std::process::Stdio::null())
        .output()
        .ok()?;
    socket_unit_in(&String::from_utf8_lossy(&out.stdout), port)
}

/// Finds the unit of `port` in `systemctl list-sockets` output:
/// `[::]:631  cups.socket  cups.service`.
fn socket_unit_in(listing: &str, port: u16) -> Option<String> {
    let suffix = format!(":{port}");
    listing.lines().find_map(|line| {
        let mut f = line.split_whitespace();
        let listen = f.next()?;
        let unit = f.next()?;
        (listen.ends_with(&suffix) && unit.ends_with(".socket")).then(|| unit.to_string())
    })
}

/// How to stop whatever restarts `pid`: its systemd service when it runs
/// in one, else its parent.
pub(crate) fn supervisor_stop(pid: u32, ppid: Option<u32>) -> String {
    if let Some(unit) = read_cgroup(pid).as_deref().and_then(unit_of) {
        return if unit.user {
            format!("systemctl --user stop {}", unit.name)
        } else {
            format!("sudo systemctl stop {}", unit.name)
        };
    }
    match ppid {
        Some(1) | None => {
            "find the service that starts it: systemctl status PID".replace("PID", &pid.to_string())
        }
        Some(pp) => format!("kill {pp}   # the parent that restarts it"),
    }
}

/// The process's start time: `/proc/PID/stat` field 22 (clock ticks since
/// boot) on Linux, sysinfo's start time (seconds) elsewhere.
pub(crate) fn start_ticks(pid: u32) -> Option<u64> {
    #[cfg(target_os = "linux")]
    {
        let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
        let after = stat.rsplit_once(')')?.1;
        // Fields after the name start at field 3 (state); 22 is index 19.
        after.split_whitespace().nth(19)?.parse().ok()
    }
    #[cfg(not(target_os = "linux"))]
    {
        use sysinfo::{Pid, ProcessRefreshKind, ProcessesToUpdate, System};
        let mut sys = System::new().ok()?;
        let pid = Pid::from_u32(pid);
        sys.refresh_processes_specifics(
            ProcessesToUpdate::Some(&[pid]),
            true,
            ProcessRefreshKind::nothing(),
        );
        sys.process(pid).map(|p| p.start_time())
    }
}

/// Whether `pid` has any of `inodes` open right now. Without `/proc`
/// (other platforms) sockets have no inode to compare: the start-time
/// check stands alone.
#[cfg(not(target_os = "linux"))]
pub(crate) fn holds_any(_pid: u32, _inodes: &[u64]) -> bool {
    true
}

/// Whether `pid` has any of `inodes` open right now.
#[cfg(target_os = "linux")]
pub(crate) fn holds_any(pid: u32, inodes: &[u64]) -> bool {
    let Ok(dir) = std::fs::read_dir(format!("/proc/{pid}/fd")) else { return false };
    dir.flatten().any(|e| {
        std::fs::read_link(e.path()).ok().is_some_and(|l| {
            let l = l.to_string_lossy();
            l.strip_prefix("socket:[")
                .and_then(|r| r.strip_suffix(']'))
                .and_then(|n| n.parse::<u64>().ok())
                .is_some_and(|n| inodes.contains(&n))
        })
    })
}

/// Signals every target: the first signal to all, a wait of up to the
/// grace period, then SIGKILL to all that remain.
pub(crate) fn execute(plan: &Plan, opts: &KillOptions) -> Vec<Action> {
    let mut actions = plan.refused.clone();
    if opts.dry_run {
        actions.extend(plan.targets.iter().map(|t| Action {
            pid: t.pid,
            name: t.name.clone(),
            signal: Some(signal_name(opts.signal)),
            result: Outcome::DryRun,
            reason: None,
            stop: None,
        }));
        return actions;
    }
    // Pin and check every target first, then signal them back to back: a
    // reloader parent that stops its child on SIGTERM must not make the
    // child look like it let go before its own turn came.
    let mut pinned_targets: Vec<(Pinned, Action)> = Vec::new();
    for t in &plan.targets {
        let mut action = Action {
            pid: t.pid,
            name: t.name.clone(),
            signal: None,
            result: Outcome::Exited,
            reason: None,
            stop: None,
        };
        match Pinned::pin(t) {
            Err(outcome) => {
                if outcome == Outcome::Refused {
                    action.reason = Some(LET_GO.into());
                }
                action.result = outcome;
                actions.push(action);
            }
            Ok(pinned) => pinned_targets.push((pinned, action)),
        }
    }
    let mut live: Vec<(Pinned, Action)> = Vec::new();
    for (pinned, mut action) in pinned_targets {
        match pinned.signal(opts.signal) {
            Ok(()) => {
                action.signal = Some(signal_name(opts.signal));
                live.push((pinned, action));
            }
            Err(outcome) => {
                if outcome == Outcome::Denied {
                    action.signal = Some(signal_name(opts.signal));
                    action.reason = Some(format!(
                        "permission denied: pid {} belongs to another user; run with sudo",
                        action.pid
                    ));
                }
                action.result = outcome;
                actions.push(action);
            }
        }
    }
    let first_is_kill = opts.signal == nix::sys::signal::Signal::SIGKILL;
    let first_grace = if first_is_kill { Duration::from_secs(2) } else { opts.grace };
    wait_all(&live, first_grace, !first_is_kill);
    let mut remaining = Vec::new();
    for (pinned, mut action) in live {
        if !pinned.alive() {
            action.result = if first_is_kill { Outcome::Killed } else { Outcome::Exited };
            actions.push(action);
        } else if first_is_kill {
            action.result = Outcome::TimedOut;
            actions.push(action);
        } else if !pinned.holds_socket() {
            // It let go of the port and is still shutting down: not a
            // holder any more, so no SIGKILL.
            action.result = Outcome::Exited;
            action.reason = Some(RELEASED.into());
            actions.push(action);
        } else {
            remaining.push((pinned, action));
        }
    }
    // Escalate every remaining holder together: SIGKILL to a reloader
    // parent alone would orphan a child that keeps the port.
    let mut escalated = Vec::new();
    for (pinned, mut action) in remaining {
        match pinned.signal(nix::sys::signal::Signal::SIGKILL) {
            Ok(()) => {
                action.signal = Some("SIGKILL".into());
                escalated.push((pinned, action));
            }
            Err(Outcome::Denied) => {
                action.result = Outcome::Denied;
                actions.push(action);
            }
            Err(_) => {
                action.result = Outcome::Exited;
                actions.push(action);
            }
        }
    }
    wait_all(&escalated, Duration::from_secs(2), false);
    for (pinned, mut action) in escalated {
        action.result = if pinned.alive() { Outcome::TimedOut } else { Outcome::Killed };
        actions.push(action);
    }
    actions.sort_by_key(|a| a.pid);
    actions
}

/// `SIGTERM` for people and JSON.
pub(crate) fn signal_name(sig: nix::sys::signal::Signal) -> String {
    sig.as_str().to_string()
}

/// Parses `--signal`: a name with or without `SIG` (any case) or a number.
pub(crate) fn parse_signal(arg: &str) -> Option<nix::sys::signal::Signal> {
    use std::str::FromStr;
    if let Ok(n) = arg.parse::<i32>() {
        return nix::sys::signal::Signal::try_from(n).ok();
    }
    let upper = arg.to_ascii_uppercase();
    let name = if upper.starts_with("SIG") { upper } else { format!("SIG{upper}") };
    nix::sys::signal::Signal::from_str(&name).ok()
}

/// Waits until every pinned process has exited or, with `released`,
/// at least let go of its sockets (the port is free then), or `limit`.
fn wait_all(live: &[(Pinned, Action)], limit: Duration, released: bool) {
    let deadline = Instant::now() + limit;
    let holding = |p: &Pinned| p.alive() && (!released || p.holds_socket());
    while live.iter().any(|(p, _)| holding(p)) {
        let now = Instant::now();
        if now >= deadline {
            return;
        }
        // Only the living: an exited pidfd polls readable at once.
        Pinned::wait_any(
            live.iter().map(|(p, _)| p).filter(|p| p.alive()),
            (deadline - now).min(Duration::from_millis(100)),
        );
    }
}

/// A target pinned for signalling: a pidfd where the kernel has them,
/// else the pid and its start time, re-checked before each signal.
pub(crate) struct Pinned {
    pid: u32,
    start: Option<u64>,
    /// The sockets that make it a holder.
    inodes: Vec<u64>,
    #[cfg(target_os = "linux")]
    pidfd: Option<std::os::fd::OwnedFd>,
}

impl Pinned {
    /// Pins `t` and checks that this very process still holds one of its
    /// sockets. `Err` says why it will not be signalled.
    pub(crate) fn pin(t: &Target) -> Result<Pinned, Outcome> {
        #[cfg(target_os = "linux")]
        let pidfd = {
            use rustix::io::Errno;
            use rustix::process::{Pid, PidfdFlags, pidfd_open};
            let pid = Pid::from_raw(t.pid as i32).ok_or(Outcome::Exited)?;
            match pidfd_open(pid, PidfdFlags::empty()) {
                Ok(fd) => Some(fd),
                Err(Errno::SRCH) => return Err(Outcome::Exited),
                Err(_) => None,
            }
        };
        // After pinning, the pid cannot be reused by another process while
        // the pidfd is open: a check now holds until the signal.
        let now = start_ticks(t.pid);
        if now.is_none() {
            return Err(Outcome::Exited);
        }
        if t.start.is_some() && now != t.start {
            return Err(Outcome::Refused);
        }
        if !t.inodes.is_empty() && !holds_any(t.pid, &t.inodes) {
            return Err(Outcome::Refused);
        }
        Ok(Pinned {
            pid: t.pid,
            start: now,
            inodes: t.inodes.clone(),
            #[cfg(target_os = "linux")]
            pidfd,
        })
    }

    /// Sends `sig` to the pinned process and nothing else.
    pub(crate) fn signal(&self, sig: nix::sys::signal::Signal) -> Result<(), Outcome> {
        #[cfg(target_os = "linux")]
        if let Some(fd) = &self.pidfd {
            use rustix::io::Errno;
            let sig =
                rustix::process::Signal::from_named_raw(sig as i32).ok_or(Outcome::Refused)?;
            return match rustix::process::pidfd_send_signal(fd, sig) {
                Ok(()) => Ok(()),
                Err(Errno::SRCH) => Err(Outcome::Exited),
                Err(Errno::PERM) => Err(Outcome::Denied),
                Err(_) => Err(Outcome::Refused),
            };
        }
        // No pidfd: the start time must still match right before the kill.
        if start_ticks(self.pid) != self.start {
            return Err(Outcome::Exited);
        }
        match nix::sys::signal::kill(nix::unistd::Pid::from_raw(self.pid as i32), sig) {
            Ok(()) => Ok(()),
            Err(nix::errno::Errno::ESRCH) => Err(Outcome::Exited),
            Err(nix::errno::Errno::EPERM) => Err(Outcome::Denied),
            Err(_) => Err(Outcome::Refused),
        }
    }

    /// Whether the pinned process still has one of its sockets open.
    fn holds_socket(&self) -> bool {
        self.inodes.is_empty() || holds_any(self.pid, &self.inodes)
    }

    /// Whether the pinned process is still running (a zombie is not).
    pub(crate) fn alive(&self) -> bool {
        #[cfg(target_os = "linux")]
        if let Some(fd) = &self.pidfd {
            use rustix::event::{PollFd, PollFlags, Timespec, poll};
            let mut fds = [PollFd::new(fd, PollFlags::IN)];
            let zero = Timespec { tv_sec: 0, tv_nsec: 0 };
            return matches!(poll(&mut fds, Some(&zero)), Ok(0));
        }
        match std::fs::read_to_string(format!("/proc/{}/stat", self.pid)) {
            Ok(stat) => {
                let state = stat.rsplit_once(')').and_then(|x| x.1.split_whitespace().next());
                state != Some("Z") && start_ticks(self.pid) == self.start
            }
            Err(_) => false,
        }
    }

    /// Sleeps until one of `pinned` exits or `limit` passes.
    fn wait_any<'a>(pinned: impl Iterator<Item = &'a Pinned>, limit: Duration) {
        #[cfg(target_os = "linux")]
        {
            use rustix::event::{PollFd, PollFlags, Timespec, poll};
            let mut polls: Vec<PollFd<'_>> = pinned
                .filter_map(|p| p.pidfd.as_ref())
                .map(|fd| PollFd::new(fd, PollFlags::IN))
                .collect();
            if !polls.is_empty() {
                let t = Timespec {
                    tv_sec: limit.as_secs() as i64,
                    tv_nsec: i64::from(limit.subsec_nanos()),
                };
                let _ = poll(&mut polls, Some(&t));
                return;
            }
        }
        #[cfg(not(target_os = "linux"))]
        let _ = pinned;
        std::thread::sleep(limit.min(Duration::from_millis(20)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn proc(pid: u32, name: &str) -> ProcessReport {
        ProcessReport {
            pid,
            ppid: Some(1),
            name: name.into(),
            user: None,
            command: vec![name.into()],
            started: None,
            hint: None,
            parent_name: None,
            parents: vec![],
        }
    }

    const ME: Me = Me { pid: 4242, parent: 4241 };

    #[test]
    fn refuses_pid_1_itself_and_its_parent() {
        assert!(decide(&proc(1, "systemd"), None, None, 80, ME).unwrap().reason.contains("PID 1"));
        assert!(decide(&proc(4242, "portcheck"), None, None, 80, ME).is_some());
        assert!(decide(&proc(4241, "bash"), None, None, 80, ME).is_some());
        assert_eq!(decide(&proc(5000, "python3"), None, None, 80, ME), None);
    }

    #[test]
    fn refuses_container_forwarders_with_the_stop_command() {
        let r = decide(&proc(900, "docker-proxy"), None, None, 5432, ME).unwrap();
        assert!(r.stop.unwrap().contains("docker ps --filter publish=5432"));
        assert!(decide(&proc(901, "rootlessport"), None, None, 8080, ME).is_some());
    }

    #[test]
    fn refuses_systemd_services_but_not_scopes() {
        let nginx = "0::/system.slice/nginx.service\n";
        let r = decide(&proc(700, "nginx"), Some(nginx), None, 80, ME).unwrap();
        assert_eq!(r.stop.as_deref(), Some("sudo systemctl stop nginx.service"));
        let user = "0::/user.slice/user-1000.slice/user@1000.service/app.slice/dev.service\n";
        let r = decide(&proc(701, "node"), Some(user), None, 3000, ME).unwrap();
        assert_eq!(r.stop.as_deref(), Some("systemctl --user stop dev.service"));
        let term = "0::/user.slice/user-1000.slice/user@1000.service/app.slice/app-gnome-Terminal.slice/vte-spawn-1.scope\n";
        assert_eq!(decide(&proc(702, "python3"), Some(term), None, 5000, ME), None);
        let v1 = "9:name=systemd:/system.slice/cups.service\n0::/\n";
        assert_eq!(unit_of(v1).unwrap().name, "cups.service");
        // A holder in portcheck's own unit (a CI job's service) is fair game.
        let ci = "0::/system.slice/ci-runner.service\n";
        let mine = unit_of(ci);
        assert_eq!(decide(&proc(703, "python3"), Some(ci), mine.as_ref(), 5000, ME), None);
    }

    #[test]
    fn finds_the_socket_unit_of_a_port() {
        let listing = "[::]:631 cups.socket cups.service\n0.0.0.0:80 nginx.socket nginx.service\n/run/x.sock x.socket x.service\n";
        assert_eq!(socket_unit_in(listing, 631).as_deref(), Some("cups.socket"));
        assert_eq!(socket_unit_in(listing, 80).as_deref(), Some("nginx.socket"));
        assert_eq!(socket_unit_in(listing, 8080), None);
    }

    #[test]
    fn parses_signals() {
        use nix::sys::signal::Signal;
        assert_eq!(parse_signal("TERM"), Some(Signal::SIGTERM));
        assert_eq!(parse_signal("sigint"), Some(Signal::SIGINT));
        assert_eq!(parse_signal("9"), Some(Signal::SIGKILL));
        assert_eq!(parse_signal("HUP"), Some(Signal::SIGHUP));
        assert_eq!(parse_signal("NOPE"), None);
        assert_eq!(parse_signal("0"), None);
        assert_eq!(parse_signal("99"), None);
    }

    #[test]
    fn an_exited_process_is_never_signalled() {
        let mut child = std::process::Command::new("sleep").arg("30").spawn().unwrap();
        let pid = child.id();
        let target = Target {
            pid,
            name: "sleep".into(),
            inodes: vec![],
            ports: vec![],
            start: start_ticks(pid),
        };
        let pinned = Pinned::pin(&target).unwrap();
        assert!(pinned.alive());
        child.kill().unwrap();
        child.wait().unwrap();
        // Reaped: the pid may now be reused, but the pidfd still names the
        // dead process, so the signal reaches no one.
        assert!(!pinned.alive());
        assert_eq!(pinned.signal(nix::sys::signal::Signal::SIGTERM), Err(Outcome::Exited));
        assert!(matches!(Pinned::pin(&target), Err(Outcome::Exited | Outcome::Refused)));
    }

    #[test]
    fn a_process_that_does_not_hold_the_socket_is_not_pinned() {
        let mut child = std::process::Command::new("sleep").arg("30").spawn().unwrap();
        let pid = child.id();
        let target = Target {
            pid,
            name: "sleep".into(),
            inodes: vec![u64::MAX],
            ports: vec![],
            start: start_ticks(pid),
        };
        assert!(matches!(Pinned::pin(&target), Err(Outcome::Refused)));
        child.kill().unwrap();
        child.wait().unwrap();
    }
}
