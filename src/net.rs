//! The vocabulary every layer shares: protocols, families, socket states,
//! the `-t/-u/-4/-6` selection and the port a command asks about. Scan,
//! probe, inspect, kill, wait and report all speak it; it imports nothing
//! of the crate.

use std::net::IpAddr;

use serde::Serialize;

/// A transport protocol.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum Protocol {
    Tcp,
    Udp,
}

impl Protocol {
    pub(crate) fn parse(s: &str) -> Option<Protocol> {
        match s.to_ascii_lowercase().as_str() {
            "tcp" => Some(Protocol::Tcp),
            "udp" => Some(Protocol::Udp),
            _ => None,
        }
    }

    pub(crate) fn name(self) -> &'static str {
        match self {
            Protocol::Tcp => "tcp",
            Protocol::Udp => "udp",
        }
    }
}

/// An address family.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum Family {
    Ipv4,
    Ipv6,
}

impl Family {
    pub(crate) fn of(addr: &IpAddr) -> Family {
        if addr.is_ipv4() { Family::Ipv4 } else { Family::Ipv6 }
    }

    /// `IPv4`, `IPv6`: for people.
    pub(crate) fn label(self) -> &'static str {
        match self {
            Family::Ipv4 => "IPv4",
            Family::Ipv6 => "IPv6",
        }
    }
}

/// A socket state, named as `ss` names it (lowercase, snake_case).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum State {
    Listen,
    /// Unconnected UDP (kernel state TCP_CLOSE on a UDP socket).
    Unconn,
    /// TCP bound with bind(2) but neither listening nor connecting
    /// (TCP_BOUND_INACTIVE, reported by Linux 6.5 and later).
    BoundInactive,
    Established,
    SynSent,
    SynRecv,
    FinWait1,
    FinWait2,
    TimeWait,
    CloseWait,
    LastAck,
    Closing,
    Unknown,
}

impl State {
    /// A TCP state of a connection being closed, which the kernel keeps
    /// after its process let go (inode 0: an orphan).
    pub(crate) fn is_closing(self) -> bool {
        matches!(self, State::FinWait1 | State::FinWait2 | State::Closing | State::LastAck)
    }

    /// Maps a kernel state number (include/net/tcp_states.h). A TCP socket
    /// the kernel reports in TCP_CLOSE is one that is bound and nothing
    /// more (sock_diag lists unbound sockets nowhere), the state Linux 6.5
    /// calls TCP_BOUND_INACTIVE when it filters on it.
    #[cfg_attr(not(target_os = "linux"), allow(dead_code))]
    pub(crate) fn from_kernel(protocol: Protocol, state: u8) -> State {
        match (protocol, state) {
            (Protocol::Udp, 7) => State::Unconn,
            (Protocol::Tcp, 7) => State::BoundInactive,
            (_, 1) => State::Established,
            (_, 2) => State::SynSent,
            (_, 3) => State::SynRecv,
            (_, 4) => State::FinWait1,
            (_, 5) => State::FinWait2,
            (_, 6) => State::TimeWait,
            (_, 8) => State::CloseWait,
            (_, 9) => State::LastAck,
            (_, 10) => State::Listen,
            (_, 11) => State::Closing,
            (_, 13) => State::BoundInactive,
            _ => State::Unknown,
        }
    }

    pub(crate) fn as_str(self) -> &'static str {
        match self {
            State::Listen => "listen",
            State::Unconn => "unconn",
            State::BoundInactive => "bound_inactive",
            State::Established => "established",
            State::SynSent => "syn_sent",
            State::SynRecv => "syn_recv",
            State::FinWait1 => "fin_wait1",
            State::FinWait2 => "fin_wait2",
            State::TimeWait => "time_wait",
            State::CloseWait => "close_wait",
            State::LastAck => "last_ack",
            State::Closing => "closing",
            State::Unknown => "unknown",
        }
    }

    /// Whether a socket in this state holds its port against a new server:
    /// a TIME_WAIT connection does not by itself (the bind probe decides).
    pub(crate) fn holds_port(self) -> bool {
        self != State::TimeWait
    }

    /// A listener: a listening TCP socket or a bound UDP socket.
    pub(crate) fn is_listener(self) -> bool {
        matches!(self, State::Listen | State::Unconn)
    }
}

impl Serialize for State {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// Which protocols and families a command looks at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Selection {
    pub(crate) tcp: bool,
    pub(crate) udp: bool,
    pub(crate) v4: bool,
    pub(crate) v6: bool,
}

impl Selection {
    pub(crate) fn families(&self) -> impl Iterator<Item = Family> + Clone {
        [(self.v4, Family::Ipv4), (self.v6, Family::Ipv6)].into_iter().filter(|x| x.0).map(|x| x.1)
    }

    pub(crate) fn protocols(&self) -> impl Iterator<Item = Protocol> {
        [(self.tcp, Protocol::Tcp), (self.udp, Protocol::Udp)]
            .into_iter()
            .filter(|x| x.0)
            .map(|x| x.1)
    }

    /// What to ask the socket table for to answer this selection: an IPv6
    /// wildcard socket without IPV6_V6ONLY holds the IPv4 port too, so an
    /// IPv4 question also looks at IPv6 sockets (and [`Selection::covers`]
    /// then decides which count).
    pub(crate) fn widened(self) -> Selection {
        Selection { v6: self.v6 || self.v4, ..self }
    }

    /// Whether a socket of `family` bound to `address` (with `v6only`)
    /// takes the port from a server of one of the selected families.
    pub(crate) fn covers(&self, family: Family, address: &IpAddr, v6only: Option<bool>) -> bool {
        self.families().any(|f| covers(family, address, v6only, f))
    }
}

/// Whether a socket of `family` bound to `address` takes the port from
/// servers of `wanted`: an IPv6 wildcard socket without IPV6_V6ONLY also
/// takes the IPv4 port — and so does one whose IPV6_V6ONLY is unknown
/// (`None`: macOS's and Windows's tables, Linux's `/proc/net` fallback do
/// not say), which may: a dual-stack listener must not be missed by `-4`
/// — and so does an IPv6 socket bound to an IPv4-mapped address
/// (`::ffff:127.0.0.1`), which only IPv4 clients can reach.
pub(crate) fn covers(
    family: Family,
    address: &IpAddr,
    v6only: Option<bool>,
    wanted: Family,
) -> bool {
    let mapped = match address {
        IpAddr::V6(v6) => v6.to_ipv4_mapped().is_some(),
        IpAddr::V4(_) => false,
    };
    if mapped {
        // An IPv4 holder in an IPv6 socket: IPv6 servers never meet it.
        return wanted == Family::Ipv4;
    }
    family == wanted
        || (wanted == Family::Ipv4
            && family == Family::Ipv6
            && v6only != Some(true)
            && address.is_unspecified())
}

/// An IPv6 wildcard socket whose IPV6_V6ONLY is unknown: it is counted
/// as taking IPv4 too, and the report says it may.
pub(crate) fn may_take_ipv4(family: Family, address: &IpAddr, v6only: Option<bool>) -> bool {
    family == Family::Ipv6 && address.is_unspecified() && v6only.is_none()
}

/// One port to report on, with the protocols asked for it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct PortQuery {
    pub(crate) port: u16,
    pub(crate) tcp: bool,
    pub(crate) udp: bool,
}

impl PortQuery {
    pub(crate) fn protocols(&self) -> Vec<Protocol> {
        let mut v = Vec::with_capacity(2);
        if self.tcp {
            v.push(Protocol::Tcp);
        }
        if self.udp {
            v.push(Protocol::Udp);
        }
        v
    }
}

/// The sorted, unique port numbers of `queries`.
pub(crate) fn port_numbers(queries: &[PortQuery]) -> Vec<u16> {
    sorted_unique(queries.iter().map(|q| q.port))
}

/// The items of `iter`, sorted and without repeats.
pub(crate) fn sorted_unique<T: Ord>(iter: impl IntoIterator<Item = T>) -> Vec<T> {
    let mut v: Vec<T> = iter.into_iter().collect();
    v.sort_unstable();
    v.dedup();
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dual_stack_wildcard_covers_ipv4() {
        let any6: IpAddr = "::".parse().unwrap();
        assert!(covers(Family::Ipv6, &any6, Some(false), Family::Ipv4));
        assert!(covers(Family::Ipv6, &any6, Some(false), Family::Ipv6));
        assert!(!covers(Family::Ipv6, &any6, Some(true), Family::Ipv4));
        let mapped: IpAddr = "::ffff:127.0.0.1".parse().unwrap();
        assert!(covers(Family::Ipv6, &mapped, Some(true), Family::Ipv4));
        assert!(!covers(Family::Ipv6, &mapped, Some(false), Family::Ipv6));
        assert!(!covers(Family::Ipv6, &mapped, None, Family::Ipv6));
        let v4 = Selection { tcp: true, udp: true, v4: true, v6: false };
        assert!(v4.covers(Family::Ipv6, &any6, Some(false)));
        assert!(v4.widened().v6);
    }

    /// macOS's table (and Windows's) does not say whether a `::` socket
    /// set IPV6_V6ONLY: unknown counts as taking IPv4, so `-4 --exposed`
    /// and `-4 --wait-listen` see a dual-stack listener. A specific IPv6
    /// address never takes IPv4.
    #[test]
    fn an_unknown_v6only_wildcard_may_take_ipv4() {
        let any6: IpAddr = "::".parse().unwrap();
        let v4 = Selection { tcp: true, udp: true, v4: true, v6: false };
        assert!(covers(Family::Ipv6, &any6, None, Family::Ipv4));
        assert!(v4.covers(Family::Ipv6, &any6, None));
        let one6: IpAddr = "2001:db8::1".parse().unwrap();
        assert!(!v4.covers(Family::Ipv6, &one6, None));
        assert!(may_take_ipv4(Family::Ipv6, &any6, None));
        assert!(!may_take_ipv4(Family::Ipv6, &any6, Some(false)), "known: it does");
        assert!(!may_take_ipv4(Family::Ipv6, &one6, None));
    }

    #[test]
    fn udp_close_is_unconn() {
        assert_eq!(State::from_kernel(Protocol::Udp, 7).as_str(), "unconn");
        assert_eq!(State::from_kernel(Protocol::Tcp, 7).as_str(), "bound_inactive");
        assert_eq!(State::from_kernel(Protocol::Tcp, 13).as_str(), "bound_inactive");
    }

    #[test]
    fn sorted_unique_sorts_and_dedups() {
        assert_eq!(sorted_unique([3, 1, 3, 2]), vec![1, 2, 3]);
    }
}
