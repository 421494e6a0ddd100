//! What is said of each socket: its processes (with what they are and
//! where they came from), how far it reaches, why no process is shown
//! when none is, and whether it deserves a warning.

use std::collections::HashMap;
use std::net::IpAddr;

use crate::net::{Family, State};
use crate::process::{self, ProcessInfo, Users};
use crate::report::{Ancestor, Exposure, ProcessReport, SocketReport};
use crate::scan::{Snapshot, Socket};

use super::Context;

/// The warning for a development server other machines can reach.
pub(crate) const DEV_SERVER_EXPOSED: &str = "a development server is reachable from the network; bind it to 127.0.0.1 unless you mean to share it";

/// Turns sockets into socket reports, with the process details read once
/// for every pid of the scan.
pub(super) struct Enricher<'a> {
    ctx: &'a Context,
    snap: &'a Snapshot,
    details: HashMap<u32, ProcessInfo>,
    users: Users,
}

impl<'a> Enricher<'a> {
    pub(super) fn new(ctx: &'a Context, snap: &'a Snapshot, pids: &[u32]) -> Enricher<'a> {
        Enricher { ctx, snap, details: process::describe(pids), users: Users::default() }
    }

    /// Processes of other users could not be read.
    pub(super) fn some_unreadable(&self) -> bool {
        !self.snap.unreadable.is_empty()
    }

    pub(super) fn socket(&mut self, s: &Socket) -> SocketReport {
        let holders: Vec<&ProcessInfo> =
            s.pids.iter().filter_map(|pid| self.details.get(pid)).collect();
        let processes: Vec<ProcessReport> =
            holders.iter().map(|p| process_report(p, &holders)).collect();
        let user = s.uid.and_then(|u| self.users.name(u));
        let exposure = Exposure::of(&s.address);
        let dev =
            processes.iter().any(|p| p.hint.as_deref().is_some_and(crate::hint::is_dev_server));
        let hidden = processes.is_empty().then(|| self.hidden(s, user.as_deref()));
        SocketReport {
            protocol: s.protocol,
            family: s.family,
            address: s.address.to_string(),
            port: s.port,
            state: s.state,
            exposure,
            inode: s.inode,
            uid: s.uid,
            user,
            v6only: s.v6only,
            reachable_at: self.reachable_at(s),
            processes,
            hidden,
            warning: (dev && exposure != Exposure::Loopback).then(|| DEV_SERVER_EXPOSED.into()),
        }
    }

    /// Why no process is shown for `s`.
    fn hidden(&self, s: &Socket, user: Option<&str>) -> String {
        let (ctx, snap) = (self.ctx, self.snap);
        let who = match (user, s.uid) {
            (Some(name), Some(uid)) => format!("uid {uid} ({name})"),
            (None, Some(uid)) => format!("uid {uid}"),
            _ => "another user".into(),
        };
        if let Some(why) = &snap.unnamed {
            why.clone()
        } else if let Some(err) = &snap.proc_error {
            format!("owned by {who}; /proc could not be read ({err}), so no process can be named")
        } else if snap.hidepid && !ctx.root {
            format!(
                "owned by {who}; /proc is mounted with hidepid, which hides other users' processes: run with sudo to see the process"
            )
        } else if !ctx.root && !snap.unreadable.is_empty() {
            format!("owned by {who}: run with sudo to see the process")
        } else if !snap.unreadable.is_empty() {
            let pids: Vec<String> = snap.unreadable.iter().take(5).map(u32::to_string).collect();
            format!(
                "owned by {who}; probably held by a process whose descriptors even root may not read (pid {})",
                pids.join(", ")
            )
        } else if s.state == State::TimeWait {
            "a closed connection; no process holds it".into()
        } else {
            format!(
                "owned by {who}, but no process in this PID namespace has it open (a container, or a socket in flight)"
            )
        }
    }

    /// Where other machines reach `s`: this machine's interface addresses
    /// for a wildcard socket, the address itself for a specific one.
    fn reachable_at(&self, s: &Socket) -> Vec<String> {
        let fmt = |ip: &IpAddr| match ip {
            IpAddr::V4(v4) => format!("{v4}:{}", s.port),
            IpAddr::V6(v6) => format!("[{v6}]:{}", s.port),
        };
        if !s.state.is_listener() {
            return Vec::new();
        }
        match Exposure::of(&s.address) {
            Exposure::Loopback => Vec::new(),
            Exposure::Specific => vec![fmt(&s.address)],
            Exposure::AllInterfaces => self
                .ctx
                .addresses()
                .iter()
                .filter(|ip| match ip {
                    IpAddr::V4(_) => s.family == Family::Ipv4 || s.v6only == Some(false),
                    IpAddr::V6(_) => s.family == Family::Ipv6,
                })
                .map(fmt)
                .collect(),
        }
    }
}

/// One holder as reported: its details, what it is (from it and the other
/// holders of the socket) and its ancestors.
fn process_report(p: &ProcessInfo, holders: &[&ProcessInfo]) -> ProcessReport {
    let peers: Vec<&ProcessInfo> = holders.iter().copied().filter(|q| q.pid != p.pid).collect();
    ProcessReport {
        pid: p.pid,
        ppid: p.ppid,
        name: p.name.clone(),
        user: p.user.clone(),
        command: p.command.clone(),
        started: p.started.map(process::rfc3339),
        hint: crate::hint::hint(p, &peers),
        parent_name: p.parent_name.clone(),
        parents: p
            .ancestors
            .iter()
            .map(|(pid, name)| Ancestor { pid: *pid, name: name.clone() })
            .collect(),
        unit: p.unit.clone(),
    }
}
