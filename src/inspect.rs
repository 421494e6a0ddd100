//! Builds the reports: scan once, walk `/proc` once, probe what looks
//! free, then classify and explain.

use std::collections::HashMap;
use std::net::IpAddr;

use crate::cli::PortQuery;
use crate::port::{Class, HostPorts};
use crate::probe::{Probe, probe, probe_exclusive};
use crate::process::{self, ProcessInfo, Users};
use crate::report::{Ancestor, Exposure, Listing, PortReport, ProcessReport, Query, SocketReport};
use crate::scan::{self, Family, Scope, Selection, Snapshot, Socket, State};
use crate::services::Services;

/// Everything the reports need from the host, read once per run.
pub(crate) struct Context {
    pub(crate) host: HostPorts,
    pub(crate) services: Services,
    /// Whether portcheck runs as root (sees every process).
    pub(crate) root: bool,
    /// This machine's non-loopback addresses, read on first use.
    addresses: std::cell::OnceCell<Vec<IpAddr>>,
}

impl Context {
    pub(crate) fn new(services: Services) -> Context {
        Context {
            host: HostPorts::read(),
            services,
            root: nix::unistd::geteuid().is_root(),
            addresses: std::cell::OnceCell::new(),
        }
    }

    /// The addresses of this machine's interfaces that other machines may
    /// reach: up, not loopback, and for IPv6 not link-local (those need a
    /// scope to be of use).
    fn addresses(&self) -> &[IpAddr] {
        self.addresses.get_or_init(|| {
            let Ok(ifs) = nix::ifaddrs::getifaddrs() else { return Vec::new() };
            let mut out: Vec<IpAddr> = ifs
                .filter(|i| i.flags.contains(nix::net::if_::InterfaceFlags::IFF_UP))
                .filter_map(|i| {
                    let a = i.address?;
                    if let Some(v4) = a.as_sockaddr_in() {
                        return Some(IpAddr::V4(v4.ip()));
                    }
                    a.as_sockaddr_in6().map(|v6| IpAddr::V6(v6.ip()))
                })
                .filter(|ip| !ip.is_loopback() && !ip.is_unspecified())
                .filter(|ip| match ip {
                    IpAddr::V6(v6) => (v6.segments()[0] & 0xffc0) != 0xfe80,
                    IpAddr::V4(_) => true,
                })
                .collect();
            out.sort();
            out.dedup();
            out
        })
    }

    /// Where other machines reach a socket bound to `addr:port`.
    fn reachable_at(&self, s: &Socket) -> Vec<String> {
        let fmt = |ip: &IpAddr| match ip {
            IpAddr::V4(v4) => format!("{v4}:{}", s.port),
            IpAddr::V6(v6) => format!("[{v6}]:{}", s.port),
        };
        if !matches!(s.state, State::Listen | State::Unconn) {
            return Vec::new();
        }
        match Exposure::of(&s.address) {
            Exposure::Loopback => Vec::new(),
            Exposure::Specific => vec![fmt(&s.address)],
            Exposure::AllInterfaces => self
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

/// Reports on each port of `queries`.
pub(crate) fn query(
    ctx: &Context,
    select: Selection,
    queries: &[PortQuery],
) -> anyhow::Result<Query> {
    let mut ports: Vec<u16> = queries.iter().map(|q| q.port).collect();
    ports.sort_unstable();
    ports.dedup();
    // An IPv6 wildcard socket without IPV6_V6ONLY holds the IPv4 port too,
    // so an IPv4 question also looks at IPv6 sockets (filtered by `covers`).
    let scan_select = Selection { v6: select.v6 || select.v4, ..select };
    let mut snap = scan::snapshot(scan_select, Scope::Ports(&ports), true)?;
    let mut details = describe(&snap);
    let mut users = Users::default();
    let mut reports = Vec::with_capacity(queries.len());
    let mut by_port: HashMap<u16, Vec<&Socket>> = HashMap::new();
    for s in &snap.sockets {
        by_port.entry(s.port).or_default().push(s);
    }
    for q in queries {
        let mut sockets: Vec<&Socket> = by_port
            .get(&q.port)
            .map(|v| {
                v.iter()
                    .copied()
                    .filter(|s| q.protocols().contains(&s.protocol))
                    .filter(|s| select.families().any(|f| s.covers(f)))
                    .collect()
            })
            .unwrap_or_default();
        sockets.retain(|s| s.state.holds_port());
        let mut notes = Vec::new();
        let mut extra: Vec<Socket> = Vec::new();
        let mut in_use = !sockets.is_empty();
        let mut time_wait = 0;
        let mut bind_checked = true;
        if !in_use {
            (in_use, time_wait, bind_checked) =
                probe_port(ctx, select, q, &mut extra, &mut snap.unreadable, &mut notes)?;
            let mut missing: Vec<u32> = extra
                .iter()
                .flat_map(|s| s.pids.iter().copied())
                .filter(|p| !details.contains_key(p))
                .collect();
            missing.sort_unstable();
            missing.dedup();
            details.extend(process::describe(&missing));
        }
        let socket_reports: Vec<SocketReport> = sockets
            .iter()
            .copied()
            .chain(extra.iter())
            .map(|s| socket_report(ctx, s, &snap, &details, &mut users))
            .collect();
        if socket_reports.iter().any(|s| s.processes.is_empty()) && !ctx.root {
            notes.push(
                "some holders belong to other users: run with sudo to see the processes".into(),
            );
        }
        let mut report = port_report(ctx, q, in_use, socket_reports, time_wait, notes);
        report.bind_checked = bind_checked;
        reports.push(report);
    }
    let mut notes = snap.notes.clone();
    notes.extend(proc_notes(ctx, &snap));
    Ok(Query { ports: reports, notes })
}

/// Probes a port with no listener in the socket table.
///
/// First an exclusive bind (no SO_REUSEADDR) on each protocol and family:
/// when it succeeds nothing at all is bound to the port — the common free
/// case, answered without asking the kernel to walk its connection
/// tables. When it fails, something is bound: every socket of the port is
/// fetched in any state (bound-inactive sockets, connections, TIME_WAIT),
/// and the server-style bind (with SO_REUSEADDR) decides whether a server
/// could still start there. A bound-inactive socket counts as in use; a
/// failure with nothing to show is retried a few times (a socket in flight).
fn probe_port(
    ctx: &Context,
    select: Selection,
    q: &PortQuery,
    extra: &mut Vec<Socket>,
    unreadable: &mut Vec<u32>,
    notes: &mut Vec<String>,
) -> anyhow::Result<(bool, usize, bool)> {
    const ATTEMPTS: usize = 3;
    let mut denied = false;
    let mut bound = false;
    for protocol in q.protocols() {
        for family in select.families() {
            match probe_exclusive(protocol, family, q.port) {
                Probe::Free => {}
                Probe::InUse => bound = true,
                Probe::Denied => denied = true,
                Probe::Unsupported => {
                    let note = format!(
                        "{} is not available on this host; it was not checked",
                        family_name(family)
                    );
                    if !notes.contains(&note) {
                        notes.push(note);
                    }
                }
                Probe::Failed(e) => notes.push(format!(
                    "could not check {} over {}: {e}",
                    protocol.name(),
                    family_name(family)
                )),
            }
        }
    }
    if !bound && !denied {
        return Ok((false, 0, true));
    }
    // Without the right to bind a privileged port, the bind proves
    // nothing: the socket table alone answers, in every state.
    let mut in_use = false;
    let mut time_wait = 0;
    for attempt in 0..ATTEMPTS {
        let snap = scan::snapshot(select, Scope::AnyState(&[q.port]), true)?;
        let (tw, other): (Vec<Socket>, Vec<Socket>) = snap
            .sockets
            .into_iter()
            .filter(|s| q.protocols().contains(&s.protocol))
            .filter(|s| select.families().any(|f| s.covers(f)))
            .partition(|s| s.state == State::TimeWait);
        time_wait = tw.len();
        let server_blocked = !denied
            && q.protocols()
                .iter()
                .any(|&p| select.families().any(|f| probe(p, f, q.port) == Probe::InUse));
        in_use = server_blocked
            || other.iter().any(|s| s.state == State::BoundInactive)
            || (denied && !other.is_empty());
        unreadable.extend(snap.unreadable);
        unreadable.sort_unstable();
        unreadable.dedup();
        notes.extend(snap.notes);
        let found = !other.is_empty() || time_wait > 0;
        if in_use {
            *extra = other;
        }
        if found || !in_use {
            break;
        }
        if attempt + 1 < ATTEMPTS {
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
    }
    let plural = |n: usize| if n == 1 { "" } else { "s" };
    if in_use {
        let connections = extra
            .iter()
            .any(|s| !matches!(s.state, State::Listen | State::BoundInactive | State::Unconn));
        let reason = if extra.iter().any(|s| s.state == State::BoundInactive) {
            "a socket below is bound to it without listening; a server cannot take it"
        } else if connections {
            "it is bound by the connection(s) below, not by a listener"
        } else if !extra.is_empty() {
            "a holder appeared while portcheck looked (below)"
        } else if time_wait > 0 {
            "TIME_WAIT connections left by a socket that did not set SO_REUSEADDR still block it; they expire within a minute"
        } else {
            "in use by a socket portcheck cannot see: one being opened or closed right now, or held in another way; try again"
        };
        notes.push(format!("port {} is taken: {reason}", q.port));
    }
    if time_wait > 0 && (!in_use || !extra.is_empty()) {
        notes.push(format!(
            "{time_wait} TCP connection{} in TIME_WAIT on this port (recently closed){}",
            plural(time_wait),
            if in_use {
                ""
            } else {
                "; they do not block a server that sets SO_REUSEADDR, as servers do"
            }
        ));
    }
    if denied && !in_use {
        notes.push(format!(
            "binding port {} needs root or CAP_NET_BIND_SERVICE (ports below {} are privileged), so portcheck could not bind it; no socket is bound to it",
            q.port, ctx.host.unprivileged_start
        ));
    }
    Ok((in_use, time_wait, !denied))
}

fn port_report(
    ctx: &Context,
    q: &PortQuery,
    in_use: bool,
    sockets: Vec<SocketReport>,
    time_wait: usize,
    notes: Vec<String>,
) -> PortReport {
    let protocols = q.protocols();
    PortReport {
        port: q.port,
        class: Class::of(q.port),
        ephemeral: ctx.host.ephemeral(q.port),
        privileged: ctx.host.privileged(q.port),
        services: ctx.services.names(q.port, &protocols),
        in_use,
        protocols,
        sockets,
        time_wait,
        bind_checked: true,
        notes,
    }
}

/// Lists every listening TCP and unconnected UDP socket with its owners.
pub(crate) fn listing(ctx: &Context, select: Selection) -> anyhow::Result<Listing> {
    // With -4, an IPv6 socket that also takes IPv4 connections belongs in
    // the listing (and in an --exposed audit) too.
    let scan_select = Selection { v6: select.v6 || select.v4, ..select };
    let mut snap = scan::snapshot(scan_select, Scope::Listening, true)?;
    snap.sockets.retain(|s| select.families().any(|f| s.covers(f)));
    let details = describe(&snap);
    let mut users = Users::default();
    let sockets =
        snap.sockets.iter().map(|s| socket_report(ctx, s, &snap, &details, &mut users)).collect();
    let mut notes = snap.notes.clone();
    notes.extend(proc_notes(ctx, &snap));
    if !snap.unreadable.is_empty() && !ctx.root {
        notes.push(format!(
            "{} processes of other users could not be inspected: run with sudo to see every owner",
            snap.unreadable.len()
        ));
    }
    Ok(Listing { sockets, notes })
}

/// What the report must say about `/proc` itself.
fn proc_notes(ctx: &Context, snap: &Snapshot) -> Vec<String> {
    let mut notes = Vec::new();
    if let Some(err) = &snap.proc_error {
        notes.push(format!(
            "/proc could not be read ({err}): the sockets are shown, their processes are not"
        ));
    }
    if snap.hidepid && !ctx.root {
        notes.push(
            "/proc is mounted with hidepid: other users' processes are invisible; run with sudo to see every owner".into(),
        );
    }
    notes
}

fn describe(snap: &Snapshot) -> HashMap<u32, ProcessInfo> {
    let mut pids: Vec<u32> = snap.sockets.iter().flat_map(|s| s.pids.iter().copied()).collect();
    pids.sort_unstable();
    pids.dedup();
    process::describe(&pids)
}

fn socket_report(
    ctx: &Context,
    s: &Socket,
    snap: &Snapshot,
    details: &HashMap<u32, ProcessInfo>,
    users: &mut Users,
) -> SocketReport {
    let holders: Vec<&ProcessInfo> = s.pids.iter().filter_map(|pid| details.get(pid)).collect();
    let processes: Vec<ProcessReport> = holders
        .iter()
        .map(|p| {
            let peers: Vec<&ProcessInfo> =
                holders.iter().copied().filter(|q| q.pid != p.pid).collect();
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
            }
        })
        .collect();
    let user = s.uid.and_then(|u| users.name(u));
    let hidden = processes.is_empty().then(|| {
        let who = match (&user, s.uid) {
            (Some(name), Some(uid)) => format!("uid {uid} ({name})"),
            (None, Some(uid)) => format!("uid {uid}"),
            _ => "another user".into(),
        };
        if let Some(err) = &snap.proc_error {
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
    });
    SocketReport {
        protocol: s.protocol,
        family: s.family,
        address: s.address.to_string(),
        port: s.port,
        state: s.state,
        exposure: Exposure::of(&s.address),
        inode: s.inode,
        uid: s.uid,
        user,
        v6only: s.v6only,
        reachable_at: ctx.reachable_at(s),
        processes,
        hidden,
    }
}

/// Families' display names.
pub(crate) fn family_name(f: Family) -> &'static str {
    match f {
        Family::Ipv4 => "IPv4",
        Family::Ipv6 => "IPv6",
    }
}
