//! Builds the reports: scan once, walk `/proc` once, probe what looks
//! free (`look.rs`), then classify and explain each socket (`enrich.rs`).

mod beside;
pub(crate) use beside::start_at;
mod enrich;
mod life;

pub(crate) mod look;

use std::net::IpAddr;

use crate::i18n::{Msg, msg};
use crate::net::{Family, PortQuery, Selection};
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
        reachable_addresses(&self.interfaces().addresses, device)
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

/// Of `addresses` — (interface, address, up) — those other machines may
/// reach, sorted and once each: of `device` only when given, on an
/// interface that is up, not loopback or unspecified, not IPv6
/// link-local.
pub(crate) fn reachable_addresses(
    addresses: &[(String, IpAddr, bool)],
    device: Option<&str>,
) -> Vec<IpAddr> {
    crate::net::sorted_unique(
        addresses
            .iter()
            .filter(|(name, _, up)| *up && device.is_none_or(|d| d == name))
            .map(|(_, ip, _)| *ip)
            .filter(|ip| !ip.is_loopback() && !ip.is_unspecified() && !link_local(ip)),
    )
}

/// An IPv6 link-local address (`fe80::/10`): another machine reaches it
/// only with a scope (`%eth0`), which an address to paste does not carry.
/// IPv4's 169.254.0.0/16 needs none.
pub(crate) fn link_local(ip: &IpAddr) -> bool {
    matches!(ip, IpAddr::V6(v6) if (v6.segments()[0] & 0xffc0) == 0xfe80)
}

/// Whether a connection to this machine's `ip` reaches a socket of
/// `family` bound to a wildcard `address` (with IPV6_V6ONLY `v6only`):
/// IPv4 reaches an IPv4 socket, an IPv4-mapped wildcard (`::ffff:0.0.0.0`)
/// and a `::` socket not known to be V6ONLY (macOS does not say); IPv6
/// reaches an IPv6 socket that is not IPv4-mapped.
pub(crate) fn connects(
    family: Family,
    address: &IpAddr,
    v6only: Option<bool>,
    ip: &IpAddr,
) -> bool {
    let mapped = matches!(address, IpAddr::V6(v6) if v6.to_ipv4_mapped().is_some());
    match ip {
        IpAddr::V4(_) => family == Family::Ipv4 || v6only != Some(true) || mapped,
        IpAddr::V6(_) => family == Family::Ipv6 && !mapped,
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
        let elevate = crate::host::elevate();
        let note = match enricher.unreadable_of_mine() {
            mine if mine.is_empty() => msg!("inspect-note-other-users", elevate = elevate),
            mine => {
                let pids = mine.iter().map(u32::to_string).collect::<Vec<_>>().join(", ");
                msg!("inspect-note-not-dumpable", pids = pids, elevate = elevate)
            }
        };
        look.notes.push(note);
    }
    if ctx.host.ephemeral(q.port)
        && let Some(why) = crate::port::assumed_ephemeral()
    {
        look.notes.push(why);
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
        unknown: if look.in_use { None } else { look::unknown_reason(&look.unknown) },
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
        let count = snap.unreadable.len();
        notes.push(msg!(
            "inspect-note-uninspected",
            count = count,
            elevate = crate::host::elevate()
        ));
    }
    notes.extend(unlisted(scan::BLIND_SPOT, ctx.root));
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
fn unlisted(blind: scan::BlindSpot, root: bool) -> Option<Msg> {
    (blind == scan::BlindSpot::OtherUsers && !root).then(|| msg!("inspect-note-macos-unlisted"))
}

/// What the report must say about `/proc` itself.
fn proc_notes(ctx: &Context, snap: &Snapshot) -> Vec<Msg> {
    let mut notes = Vec::new();
    if let Some(err) = &snap.proc_error {
        notes.push(msg!("inspect-note-no-proc", error = err));
    }
    if snap.hidepid && !ctx.root {
        notes.push(msg!("inspect-note-hidepid"));
    }
    notes
}

/// `items` said as one list, "a; b; c" in English (None when empty).
pub(crate) fn joined(items: Vec<Msg>) -> Option<Msg> {
    items.into_iter().rev().reduce(|rest, first| msg!("inspect-joined", first = first, rest = rest))
}

// Test-only items come last: the catalog scan (src/i18n/tests.rs) reads a
// file up to its first `#[cfg(test)]`.
#[cfg(test)]
pub(crate) use enrich::process_report;

#[cfg(test)]
mod tests {
    use super::*;

    /// macOS without root: other users' sockets are not listed, and the
    /// listing says so (with sudo, or on Linux and Windows, nothing).
    #[test]
    fn a_listing_says_which_sockets_it_cannot_list() {
        let mac = unlisted(scan::BlindSpot::OtherUsers, false).unwrap().english();
        assert!(mac.contains("other users' processes") && mac.contains("run with sudo"), "{mac}");
        assert_eq!(unlisted(scan::BlindSpot::OtherUsers, true), None);
        assert_eq!(unlisted(scan::BlindSpot::None, false), None);
        assert_eq!(unlisted(scan::BlindSpot::BoundSockets, false), None);
    }

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    #[test]
    fn link_local_is_fe80_slash_10_only() {
        for yes in ["fe80::1", "fe80::abcd:1", "febf:ffff::1"] {
            assert!(link_local(&ip(yes)), "{yes}");
        }
        for no in ["fec0::1", "fe7f::1", "2001:db8::1", "::1", "169.254.1.1", "192.0.2.7"] {
            assert!(!link_local(&ip(no)), "{no}");
        }
    }

    /// Up, not loopback, not unspecified, not link-local; of the device
    /// when one is named; sorted, each address once.
    #[test]
    fn reachable_addresses_are_those_another_machine_can_use() {
        let at = |name: &str, a: &str, up| (name.to_string(), ip(a), up);
        let addresses = vec![
            at("lo", "127.0.0.1", true),
            at("lo", "::1", true),
            at("eth0", "2001:db8::7", true),
            at("eth0", "fe80::7", true),
            at("eth0", "192.0.2.7", true),
            at("eth1", "192.0.2.7", true),
            at("eth1", "169.254.3.4", true),
            at("wlan0", "198.51.100.3", false),
            at("tun0", "0.0.0.0", true),
        ];
        assert_eq!(
            reachable_addresses(&addresses, None),
            vec![ip("169.254.3.4"), ip("192.0.2.7"), ip("2001:db8::7")]
        );
        assert_eq!(
            reachable_addresses(&addresses, Some("eth0")),
            vec![ip("192.0.2.7"), ip("2001:db8::7")]
        );
        assert!(reachable_addresses(&addresses, Some("wlan0")).is_empty());
        assert!(reachable_addresses(&addresses, Some("lo")).is_empty());
    }

    /// Which of this machine's addresses connect to a wildcard socket.
    #[test]
    fn a_wildcard_is_reached_over_the_families_it_takes() {
        let (v4, v6) = (ip("192.0.2.7"), ip("2001:db8::7"));
        let (any4, any6, mapped) = (ip("0.0.0.0"), ip("::"), ip("::ffff:0.0.0.0"));
        let takes = |family, address, v6only| {
            (connects(family, address, v6only, &v4), connects(family, address, v6only, &v6))
        };
        assert_eq!(takes(Family::Ipv4, &any4, None), (true, false));
        assert_eq!(takes(Family::Ipv6, &any6, Some(false)), (true, true));
        assert_eq!(takes(Family::Ipv6, &any6, Some(true)), (false, true));
        // macOS does not say whether it set IPV6_V6ONLY: it may take IPv4.
        assert_eq!(takes(Family::Ipv6, &any6, None), (true, true));
        assert_eq!(takes(Family::Ipv6, &mapped, Some(false)), (true, false));
        assert_eq!(takes(Family::Ipv6, &mapped, Some(true)), (true, false));
    }

    /// The guide's words (../shared/glossary-ko.md) where the Korean
    /// messages of this area say the idea, ports as they are.
    #[test]
    fn korean_says_the_guides_terms_where_the_idea_is() {
        use crate::i18n::{Lang, scoped};
        let taken = msg!("look-taken", port = 5000_u16, reason = msg!("look-taken-appeared"));
        #[rustfmt::skip]
        let cases = [
            (msg!("inspect-dev-server-exposed"), "외부에 노출: 보안 취약"),
            (msg!("inspect-dev-server-exposed"), "루프백(localhost) 주소 127.0.0.1"),
            (msg!("port-denied-macos", port = 80_u16, start = 1024_u16), "모든 네트워크 인터페이스"),
            (msg!("port-denied-macos", port = 80_u16, start = 1024_u16), "루프백(localhost)"),
            (msg!("port-denied-linux", port = 80_u16, start = 1024_u16), "포트 80번"),
            (msg!("port-refused-denied-windows", port = 80_u16), "방화벽"),
            (taken, "포트 5000번은 사용 중입니다"),
            (msg!("look-unknown", port = 5000_u16), "포트 5000번이 사용 가능한지"),
            (msg!("look-time-wait", count = 2_usize), "TIME_WAIT 상태인 TCP 연결이 2개"),
            (msg!("look-unseen-other-users"), "점유"),
        ];
        for (m, term) in cases {
            let korean = scoped(Lang::Ko, || m.to_string());
            assert!(korean.contains(term), "{term:?} not in {korean}");
        }
    }
}
