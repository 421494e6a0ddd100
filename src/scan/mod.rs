//! The socket snapshot: which TCP and UDP sockets are bound to which ports,
//! and which processes hold them.
//!
//! One function, [`snapshot`], hides the platform. On Linux it asks the
//! kernel through sock_diag netlink for exactly the states and ports wanted
//! (`linux.rs`) and maps socket inodes to processes with one walk of
//! `/proc/*/fd` (`owners.rs`); when sock_diag is unavailable it reads
//! `/proc/net/*` instead (`procnet.rs`, since netstat2 on Linux needs
//! sock_diag too). Elsewhere netstat2 is the portable backend
//! (`portable.rs`), which a Linux unit test checks against sock_diag.

#[cfg(target_os = "linux")]
mod linux;
#[cfg(target_os = "linux")]
pub(crate) mod owners;
mod portable;
#[cfg(target_os = "linux")]
mod procnet;

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
    /// Maps a kernel state number (include/net/tcp_states.h). A TCP socket
    /// the kernel reports in TCP_CLOSE is one that is bound and nothing
    /// more (sock_diag lists unbound sockets nowhere), the state Linux 6.5
    /// calls TCP_BOUND_INACTIVE when it filters on it.
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
}

impl Serialize for State {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// One socket bound to a local port.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Socket {
    pub(crate) protocol: Protocol,
    pub(crate) family: Family,
    pub(crate) address: IpAddr,
    pub(crate) port: u16,
    pub(crate) state: State,
    /// The socket's inode (0 where the platform has none).
    pub(crate) inode: u64,
    /// The owner's uid, where the platform reports it.
    pub(crate) uid: Option<u32>,
    /// IPV6_V6ONLY of an IPv6 socket; `None` for IPv4 or when unknown.
    pub(crate) v6only: Option<bool>,
    /// Every process holding this socket, sorted.
    pub(crate) pids: Vec<u32>,
}

impl Socket {
    /// Whether this socket takes the port from servers of `family`: an IPv6
    /// wildcard socket without IPV6_V6ONLY also takes the IPv4 port.
    /// So does an IPv6 socket bound to an IPv4-mapped address
    /// (`::ffff:127.0.0.1`), which only IPv4 clients can reach.
    pub(crate) fn covers(&self, family: Family) -> bool {
        let mapped = match self.address {
            IpAddr::V6(v6) => v6.to_ipv4_mapped().is_some(),
            IpAddr::V4(_) => false,
        };
        self.family == family
            || (family == Family::Ipv4
                && self.family == Family::Ipv6
                && ((self.v6only == Some(false) && self.address.is_unspecified()) || mapped))
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
    pub(crate) fn families(&self) -> impl Iterator<Item = Family> {
        [(self.v4, Family::Ipv4), (self.v6, Family::Ipv6)].into_iter().filter(|x| x.0).map(|x| x.1)
    }

    pub(crate) fn protocols(&self) -> impl Iterator<Item = Protocol> {
        [(self.tcp, Protocol::Tcp), (self.udp, Protocol::Udp)]
            .into_iter()
            .filter(|x| x.0)
            .map(|x| x.1)
    }
}

/// What to ask the kernel for.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Scope<'a> {
    /// Every listening TCP socket and every unconnected UDP socket: the listing.
    Listening,
    /// The listeners of these ports (sorted, unique): TCP listening
    /// sockets and UDP sockets (unconnected or connected). Cheap: the
    /// kernel finds them by port.
    Ports(&'a [u16]),
    /// Every socket bound to one of these ports, in any state
    /// (bound-inactive, connections, TIME_WAIT): asked when an exclusive
    /// bind shows something is bound there. It makes the kernel walk its
    /// bind and connection tables.
    AnyState(&'a [u16]),
}

/// The result of one scan.
#[derive(Debug, Default)]
pub(crate) struct Snapshot {
    /// The sockets found, sorted by protocol, port, family and address.
    pub(crate) sockets: Vec<Socket>,
    /// Processes whose sockets could not be read (another user's process
    /// without root): their sockets have no pids.
    pub(crate) unreadable: Vec<u32>,
    /// Notes about how the scan was done (a fallback backend, say).
    pub(crate) notes: Vec<String>,
    /// `/proc` is mounted with `hidepid`: other users' processes are
    /// invisible, not merely unreadable.
    pub(crate) hidepid: bool,
    /// Why `/proc` could not be walked at all, if it could not.
    pub(crate) proc_error: Option<String>,
}

/// Takes the snapshot. With `owners`, every socket's holders are filled in
/// (skipped when no socket matched, so a free port costs no `/proc` walk).
pub(crate) fn snapshot(
    select: Selection,
    scope: Scope<'_>,
    owners: bool,
) -> anyhow::Result<Snapshot> {
    let mut snap = Snapshot::default();
    #[cfg(target_os = "linux")]
    {
        // PORTCHECK_NO_SOCK_DIAG=1 stands in for a kernel without
        // sock_diag, so the fallback is tested end to end.
        let diag = if std::env::var_os("PORTCHECK_NO_SOCK_DIAG").is_some() {
            Err(anyhow::anyhow!("disabled by PORTCHECK_NO_SOCK_DIAG"))
        } else {
            linux::sockets(select, scope)
        };
        match diag {
            Ok(sockets) => snap.sockets = sockets,
            Err(err) => {
                snap.notes.push(format!(
                    "sock_diag netlink is unavailable ({err:#}); read /proc/net instead, which shows neither IPV6_V6ONLY nor bound-but-not-listening sockets"
                ));
                snap.sockets = procnet::sockets(select, scope)?;
            }
        }
        snap.sockets.sort_by_key(|s| (s.protocol, s.port, s.family, s.address, s.inode));
        if owners {
            let mut inodes: Vec<u64> =
                snap.sockets.iter().filter(|s| s.state.holds_port()).map(|s| s.inode).collect();
            inodes.sort_unstable();
            inodes.dedup();
            if !inodes.is_empty() {
                match owners::find(&inodes) {
                    Ok(found) => {
                        for s in &mut snap.sockets {
                            s.pids = found.holders(s.inode).to_vec();
                        }
                        snap.unreadable = found.unreadable;
                        snap.hidepid = found.hidepid;
                    }
                    // No /proc: the sockets are still real; their owners
                    // are unknown, and the report says why.
                    Err(err) => {
                        snap.proc_error = Some(format!("{err:#}"));
                    }
                }
            }
        }
    }
    #[cfg(not(target_os = "linux"))]
    {
        let _ = owners;
        snap.sockets = portable::sockets(select, scope)?;
        snap.sockets.sort_by_key(|s| (s.protocol, s.port, s.family, s.address, s.inode));
    }
    Ok(snap)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::net::Ipv6Addr;

    #[test]
    fn dual_stack_wildcard_covers_ipv4() {
        let mut s = Socket {
            protocol: Protocol::Tcp,
            family: Family::Ipv6,
            address: IpAddr::V6(Ipv6Addr::UNSPECIFIED),
            port: 5000,
            state: State::Listen,
            inode: 1,
            uid: None,
            v6only: Some(false),
            pids: vec![],
        };
        assert!(s.covers(Family::Ipv4) && s.covers(Family::Ipv6));
        s.v6only = Some(true);
        assert!(!s.covers(Family::Ipv4));
        s.address = "::ffff:127.0.0.1".parse().unwrap();
        assert!(s.covers(Family::Ipv4));
    }

    /// netstat2, the portable backend, sees the same listener as sock_diag
    /// (and keeps compiling on Linux, where it is otherwise unused).
    #[test]
    fn portable_backend_agrees_with_sock_diag() {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let port = l.local_addr().unwrap().port();
        let select = Selection { tcp: true, udp: false, v4: true, v6: false };
        let ours = linux::sockets(select, Scope::Ports(&[port])).unwrap();
        let theirs = portable::sockets(select, Scope::Ports(&[port])).unwrap();
        assert_eq!(ours.len(), 1);
        assert_eq!(theirs.len(), 1);
        assert_eq!((ours[0].address, ours[0].inode), (theirs[0].address, theirs[0].inode));
        assert_eq!(theirs[0].pids, vec![std::process::id()]);
    }

    #[test]
    fn udp_close_is_unconn() {
        assert_eq!(State::from_kernel(Protocol::Udp, 7).as_str(), "unconn");
        assert_eq!(State::from_kernel(Protocol::Tcp, 7).as_str(), "bound_inactive");
        assert_eq!(State::from_kernel(Protocol::Tcp, 13).as_str(), "bound_inactive");
    }
}
