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

/// What is known about one queried port while its report is built.
#[derive(Default)]
struct Look {
    /// Sockets holding the port (listeners from the first look, anything
    /// that blocks a server from the second).
    held: Vec<Socket>,
    in_use: bool,
    /// The exclusive bind failed: something is bound.
    bound: bool,
    /// Binding was not permitted (a privileged port without root).
    denied: bool,
    time_wait: usize,
    notes: Vec<String>,
}

/// Reports on each port of `queries`.
///
/// First look: the listeners of every port, in one scan (and one `/proc`
/// walk when any matched). A port without one is bound exclusively (no
/// SO_REUSEADDR): success means nothing at all is bound — free, with no
/// further cost. Second look, only for the ports where that bind failed
/// (or was not permitted): every socket of those ports in any state —
/// bound-inactive sockets, connections, TIME_WAIT — in one more scan and
/// walk, and a server-style bind (with SO_REUSEADDR) for each. A bind that
/// fails with nothing to show is looked at again a few times (a socket in
/// flight).
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
    let relevant = |q: &PortQuery, s: &Socket| {
        s.port == q.port
            && q.protocols().contains(&s.protocol)
            && select.families().any(|f| s.covers(f))
    };
    let mut by_port: HashMap<u16, Vec<&Socket>> = HashMap::new();
    for s in &snap.sockets {
        by_port.entry(s.port).or_default().push(s);
    }
    let mut looks: Vec<Look> = queries
        .iter()
        .map(|q| {
            let held: Vec<Socket> = by_port
                .get(&q.port)
                .into_iter()
                .flatten()
                .filter(|s| relevant(q, s) && s.state.holds_port())
                .map(|s| (*s).clone())
                .collect();
            if held.is_empty() {
                exclusive_bind(select, q)
            } else {
                Look { held, in_use: true, ..Look::default() }
            }
        })
        .collect();
    drop(by_port);

    const ATTEMPTS: usize = 3;
    let mut pending: Vec<usize> =
        (0..looks.len()).filter(|&i| looks[i].bound || looks[i].denied).collect();
    for attempt in 0..ATTEMPTS {
        if pending.is_empty() {
            break;
        }
        if attempt > 0 {
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        let mut second_ports: Vec<u16> = pending.iter().map(|&i| queries[i].port).collect();
        second_ports.sort_unstable();
        second_ports.dedup();
        let second = scan::snapshot(scan_select, Scope::AnyState(&second_ports), true)?;
        snap.unreadable.extend(&second.unreadable);
        snap.unreadable.sort_unstable();
        snap.unreadable.dedup();
        for n in second.notes {
            if !snap.notes.contains(&n) {
                snap.notes.push(n);
            }
        }
        pending.retain(|&i| {
            let (q, look) = (&queries[i], &mut looks[i]);
            let (tw, other): (Vec<Socket>, Vec<Socket>) = second
                .sockets
                .iter()
                .filter(|s| relevant(q, s))
                .cloned()
                .partition(|s| s.state == State::TimeWait);
            look.time_wait = tw.len();
            let server_blocked = !look.denied
                && q.protocols()
                    .iter()
                    .any(|&p| select.families().any(|f| probe(p, f, q.port) == Probe::InUse));
            look.in_use = server_blocked
                || other.iter().any(|s| s.state == State::BoundInactive)
                || (look.denied && !other.is_empty());
            let found = !other.is_empty() || look.time_wait > 0;
            if look.in_use {
                look.held = other;
            }
            // Retry only a bind that failed with nothing to show.
            look.in_use && !found
        });
    }
    for (q, look) in queries.iter().zip(&mut looks) {
        if look.bound || look.denied {
            explain(ctx, q, look);
        }
    }

    let mut pids: Vec<u32> =
        looks.iter().flat_map(|l| l.held.iter().flat_map(|s| s.pids.iter().copied())).collect();
    pids.sort_unstable();
    pids.dedup();
    let details = process::describe(&pids);
    let mut users = Users::default();
    let reports = queries
        .iter()
        .zip(looks)
        .map(|(q, mut look)| {
            let sockets: Vec<SocketReport> = look
                .held
                .iter()
                .map(|s| socket_report(ctx, s, &snap, &details, &mut users))
                .collect();
            if !ctx.root
                && !snap.unreadable.is_empty()
                && sockets.iter().any(|s| s.processes.is_empty())
            {
                look.notes.push(
                    "some holders belong to other users: run with sudo to see the processes".into(),
                );
            }
            let protocols = q.protocols();
            PortReport {
                port: q.port,
                class: Class::of(q.port),
                ephemeral: ctx.host.ephemeral(q.port),
                privileged: ctx.host.privileged(q.port),
                services: ctx.services.names(q.port, &protocols),
                in_use: look.in_use,
                protocols,
                sockets,
                time_wait: look.time_wait,
                bind_checked: !look.denied,
                notes: look.notes,
            }
        })
        .collect();
    let mut notes = snap.notes.clone();
    notes.extend(proc_notes(ctx, &snap));
    Ok(Query { ports: reports, notes })
}

/// Binds a port with no listener exclusively, for each protocol and family.
fn exclusive_bind(select: Selection, q: &PortQuery) -> Look {
    let mut look = Look::default();
    for protocol in q.protocols() {
        for family in select.families() {
            match probe_exclusive(protocol, family, q.port) {
                Probe::Free => {}
                Probe::InUse => look.bound = true,
                Probe::Denied => look.denied = true,
                Probe::Unsupported => {
                    let note = format!(
                        "{} is not available on this host; it was not checked",
                        family_name(family)
                    );
                    if !look.notes.contains(&note) {
                        look.notes.push(note);
                    }
                }
                Probe::Failed(e) => look.notes.push(format!(
                    "could not check {} over {}: {e}",
                    protocol.name(),
                    family_name(family)
                )),
            }
        }
    }
    look
}

/// The notes of a port that needed the second look.
fn explain(ctx: &Context, q: &PortQuery, look: &mut Look) {
    let held = &look.held;
    if look.in_use {
        let connections = held
            .iter()
            .any(|s| !matches!(s.state, State::Listen | State::BoundInactive | State::Unconn));
        let reason = if held.iter().any(|s| s.state == State::BoundInactive) {
            "a socket below is bound to it without listening; a server cannot take it"
        } else if connections {
            "it is bound by the connection(s) below, not by a listener"
        } else if !held.is_empty() {
            "a holder appeared while portcheck looked (below)"
        } else if look.time_wait > 0 {
            "TIME_WAIT connections left by a socket that did not set SO_REUSEADDR still block it; they expire within a minute"
        } else {
            "in use by a socket portcheck cannot see: one being opened or closed right now, or held in another way; try again"
        };
        look.notes.push(format!("port {} is taken: {reason}", q.port));
    }
    let tw = look.time_wait;
    if tw > 0 && (!look.in_use || !held.is_empty()) {
        look.notes.push(format!(
            "{tw} TCP connection{} in TIME_WAIT on this port (recently closed){}",
            if tw == 1 { "" } else { "s" },
            if look.in_use {
                ""
            } else {
                "; they do not block a server that sets SO_REUSEADDR, as servers do"
            }
        ));
    }
    if look.denied && !look.in_use {
        look.notes.push(format!(
            "binding port {} needs root or CAP_NET_BIND_SERVICE (ports below {} are privileged), so portcheck could not bind it; no socket is bound to it",
            q.port, ctx.host.unprivileged_start
        ));
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
