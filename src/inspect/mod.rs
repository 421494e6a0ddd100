//! Builds the reports: scan once, walk `/proc` once, probe what looks
//! free (`look.rs`), then classify and explain each socket (`enrich.rs`).

mod beside;
pub(crate) use beside::start_at;
mod enrich;
mod life;

#[cfg(test)]
pub(crate) use enrich::process_report;
pub(crate) mod look;

use std::net::IpAddr;

use crate::net::{PortQuery, Selection};
use crate::port::{Class, HostPorts};
use crate::report::{Exposure, Listing, PortReport, PortsReport};
use crate::scan::{self, Scope, Snapshot};
use crate::services::Services;

use look::Look;

/// Everything the reports need from the host, read once per run.
pub(crate) struct Context {
    pub(crate) host: HostPorts,
    pub(crate) services: Services,
    /// Whether portcheck runs as root (sees every process).
    pub(crate) root: bool,
    /// This machine's interfaces and their addresses, read on first use.
    interfaces: std::cell::OnceCell<crate::host::Interfaces>,
}

impl Context {
    pub(crate) fn new(services: Services) -> Context {
        Context {
            host: HostPorts::read(),
            services,
            root: crate::host::is_root(),
            interfaces: std::cell::OnceCell::new(),
        }
    }

    fn interfaces(&self) -> &crate::host::Interfaces {
        self.interfaces.get_or_init(crate::host::interfaces)
    }

    /// The addresses of this machine's interfaces (of `device` only, when
    /// given) that other machines may reach: up, not loopback, and for
    /// IPv6 not link-local (those need a scope to be of use).
    fn addresses(&self, device: Option<&str>) -> Vec<IpAddr> {
        crate::net::sorted_unique(
            self.interfaces()
                .addresses
                .iter()
                .filter(|(name, _, up)| *up && device.is_none_or(|d| d == name))
                .map(|(_, ip, _)| *ip)
                .filter(|ip| !ip.is_loopback() && !ip.is_unspecified())
                .filter(|ip| match ip {
                    IpAddr::V6(v6) => (v6.segments()[0] & 0xffc0) != 0xfe80,
                    IpAddr::V4(_) => true,
                }),
        )
    }

    /// The name of interface `index`.
    fn device(&self, index: u32) -> Option<String> {
        self.interfaces().names.iter().find(|(i, _)| *i == index).map(|(_, n)| n.clone())
    }

    /// Whether `ip` is an address some interface has (or a broadcast or
    /// multicast address, which a UDP socket binds to receive).
    fn assigned(&self, ip: &IpAddr) -> bool {
        let ip = match ip {
            IpAddr::V6(v6) => v6.to_ipv4_mapped().map_or(*ip, IpAddr::V4),
            v4 => *v4,
        };
        let ifs = self.interfaces();
        ip.is_multicast()
            || ip == IpAddr::V4(std::net::Ipv4Addr::BROADCAST)
            || ifs.broadcast.contains(&ip)
            || ifs.addresses.iter().any(|(_, a, _)| *a == ip)
    }
}

/// Reports on each port of `queries`: see [`look::looks`] for how each
/// port is decided, and [`enrich`] for what is said of each holder.
pub(crate) fn ports(
    ctx: &Context,
    select: Selection,
    queries: &[PortQuery],
) -> anyhow::Result<PortsReport> {
    let (looks, snap) = look::looks(ctx, select, queries)?;
    let pids = crate::net::sorted_unique(
        looks.iter().flat_map(|l| l.held.iter().flat_map(|s| s.pids.iter().copied())),
    );
    let mut enricher = enrich::Enricher::new(ctx, &snap, &pids);
    let reports = queries.iter().zip(looks).map(|(q, look)| report(ctx, q, look, &mut enricher));
    let reports = reports.collect();
    let mut notes = snap.notes.clone();
    notes.extend(proc_notes(ctx, &snap));
    Ok(PortsReport { ports: reports, notes })
}

fn report(
    ctx: &Context,
    q: &PortQuery,
    mut look: Look,
    enricher: &mut enrich::Enricher<'_>,
) -> PortReport {
    let sockets: Vec<_> = look.held.iter().map(|s| enricher.socket(s)).collect();
    if enricher.some_unreadable()
        && !ctx.root
        && sockets.iter().any(|s: &crate::report::SocketReport| s.processes.is_empty())
    {
        // A server that dropped root to portcheck's own user is not
        // dumpable: its fds stay root's, and it is no other user's.
        let note = match enricher.unreadable_of_mine() {
            mine if mine.is_empty() => format!(
                "some holders belong to other users: {} to see the processes",
                crate::host::ELEVATE
            ),
            mine => format!(
                "a holder could not be read: another user's process, or one of your own that changed user (from root, so it is not dumpable: pid {}): {} to see it",
                mine.iter().map(u32::to_string).collect::<Vec<_>>().join(", "),
                crate::host::ELEVATE
            ),
        };
        look.notes.push(note);
    }
    if ctx.host.ephemeral(q.port)
        && let Some(why) = crate::port::ASSUMED_EPHEMERAL
    {
        look.notes.push(why.into());
    }
    let protocols = q.protocols();
    let beside = beside::beside(ctx, q.port, &sockets);
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
        bind_checked: look.probed && !look.denied && look.unknown.is_empty(),
        refused: look.refused,
        unknown: (!look.in_use && !look.unknown.is_empty())
            .then(|| look::unknown_reason(&look.unknown)),
        notes: look.notes,
        fix: look.fix,
        unbound: look.unsupported,
        beside,
    }
}

/// Lists every listening TCP and unconnected UDP socket with its owners.
pub(crate) fn listing(ctx: &Context, select: Selection) -> anyhow::Result<Listing> {
    // With -4, an IPv6 socket that also takes IPv4 connections belongs in
    // the listing (and in an --exposed audit) too.
    let mut snap = scan::snapshot(select.widened(), Scope::Listening, true)?;
    snap.sockets.retain(|s| s.covers(select));
    let pids = crate::net::sorted_unique(snap.sockets.iter().flat_map(|s| s.pids.iter().copied()));
    let mut enricher = enrich::Enricher::new(ctx, &snap, &pids);
    let sockets = snap.sockets.iter().map(|s| enricher.socket(s)).collect();
    let mut notes = snap.notes.clone();
    notes.extend(proc_notes(ctx, &snap));
    if !snap.unreadable.is_empty() && !ctx.root {
        notes.push(format!(
            "{} processes of other users could not be inspected: {} to see every owner",
            snap.unreadable.len(),
            crate::host::ELEVATE
        ));
    }
    notes.extend(unlisted(scan::BLIND_SPOT, ctx.root).map(String::from));
    Ok(Listing { sockets, notes })
}

/// The listing, only the sockets other machines can reach.
pub(crate) fn exposed(ctx: &Context, select: Selection) -> anyhow::Result<Listing> {
    let mut listing = listing(ctx, select)?;
    listing.sockets.retain(|s| !matches!(s.exposure, Exposure::Loopback | Exposure::Unassigned));
    Ok(listing)
}

/// What a listing must say it cannot list: on macOS without root, the
/// sockets of other users' processes (libproc reads only processes
/// portcheck may inspect), never skipped silently.
fn unlisted(blind: scan::BlindSpot, root: bool) -> Option<&'static str> {
    (blind == scan::BlindSpot::OtherUsers && !root).then_some(
        "sockets of other users' processes are not listed: macOS shows portcheck only the processes it may inspect; run with sudo to list every socket",
    )
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

#[cfg(test)]
mod tests {
    use super::*;

    /// macOS without root: other users' sockets are not listed, and the
    /// listing says so (with sudo, or on Linux and Windows, nothing).
    #[test]
    fn a_listing_says_which_sockets_it_cannot_list() {
        let mac = unlisted(scan::BlindSpot::OtherUsers, false).unwrap();
        assert!(mac.contains("other users' processes") && mac.contains("run with sudo"), "{mac}");
        assert_eq!(unlisted(scan::BlindSpot::OtherUsers, true), None);
        assert_eq!(unlisted(scan::BlindSpot::None, false), None);
        assert_eq!(unlisted(scan::BlindSpot::BoundSockets, false), None);
    }
}
