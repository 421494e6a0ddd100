//! The bind probe: "free" means portcheck bound the port and let it go.

use std::os::fd::AsRawFd;

use nix::errno::Errno;
use nix::sys::socket::{
    AddressFamily, SockFlag, SockType, SockaddrIn, SockaddrIn6, bind, setsockopt, socket, sockopt,
};

use crate::net::{Family, Protocol};

/// What binding the wildcard address said about a port.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Probe {
    /// Bound and released: free.
    Free,
    /// EADDRINUSE.
    InUse,
    /// EACCES/EPERM on a privileged port: no privilege. Not "in use".
    Denied,
    /// The family does not exist on this host (IPv6 disabled at boot).
    /// Never IPv4, and never an error a policy returns for a family the
    /// host has.
    Unsupported,
    /// Any other failure (a seccomp policy, `RestrictAddressFamilies=`,
    /// EMFILE, ENOBUFS, an LSM refusing the bind): the probe did not run,
    /// so the answer is unknown.
    Failed(String),
}

/// Binds `family`'s wildcard address on `port` the way servers do, then
/// closes the socket. TCP sets SO_REUSEADDR (every Unix server does), so a
/// TIME_WAIT left by a server that also set it does not count; UDP does
/// not, so any UDP socket on the port counts. IPv6 sets IPV6_V6ONLY so the
/// two families are judged separately.
pub(crate) fn probe(protocol: Protocol, family: Family, port: u16) -> Probe {
    bind_probe(protocol, family, port, protocol == Protocol::Tcp)
}

/// Like [`probe`] but without SO_REUSEADDR: it succeeds only when nothing
/// at all is bound to the port — no listener, no bound-inactive socket, no
/// connection using it as its local port, no TIME_WAIT.
pub(crate) fn probe_exclusive(protocol: Protocol, family: Family, port: u16) -> Probe {
    bind_probe(protocol, family, port, false)
}

/// What exclusive binds of one port said, over several protocols and
/// families: the one definition of "nothing at all is bound there".
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Exclusive {
    /// A bind failed with EADDRINUSE: something is bound.
    pub(crate) bound: bool,
    /// A bind was not permitted (a privileged port without the right).
    pub(crate) denied: bool,
    /// Families this host does not have.
    pub(crate) unsupported: Vec<Family>,
    /// Binds that failed otherwise, and how.
    pub(crate) failed: Vec<(Protocol, Family, String)>,
}

impl Exclusive {
    /// Every bind succeeded (a family the host lacks aside).
    pub(crate) fn free(&self) -> bool {
        !self.bound && !self.denied && self.failed.is_empty()
    }
}

/// Binds `port` exclusively for each of `protocols` × `families`.
pub(crate) fn exclusive(
    protocols: impl IntoIterator<Item = Protocol>,
    families: impl IntoIterator<Item = Family> + Clone,
    port: u16,
) -> Exclusive {
    let mut out = Exclusive::default();
    for protocol in protocols {
        for family in families.clone() {
            match probe_exclusive(protocol, family, port) {
                Probe::Free => {}
                Probe::InUse => out.bound = true,
                Probe::Denied => out.denied = true,
                Probe::Unsupported => {
                    if !out.unsupported.contains(&family) {
                        out.unsupported.push(family);
                    }
                }
                Probe::Failed(e) => out.failed.push((protocol, family, e)),
            }
        }
    }
    out
}

fn bind_probe(protocol: Protocol, family: Family, port: u16, reuse: bool) -> Probe {
    let (af, ty) = (
        match family {
            Family::Ipv4 => AddressFamily::Inet,
            Family::Ipv6 => AddressFamily::Inet6,
        },
        match protocol {
            Protocol::Tcp => SockType::Stream,
            Protocol::Udp => SockType::Datagram,
        },
    );
    let fd = match socket(af, ty, SockFlag::SOCK_CLOEXEC, None) {
        Ok(fd) => fd,
        Err(Errno::EAFNOSUPPORT | Errno::EPROTONOSUPPORT) if family_missing(family) => {
            return Probe::Unsupported;
        }
        Err(e) => return Probe::Failed(format!("cannot create a socket: {}", describe(e))),
    };
    if reuse && let Err(e) = setsockopt(&fd, sockopt::ReuseAddr, &true) {
        return Probe::Failed(format!("SO_REUSEADDR: {e}"));
    }
    let result = match family {
        Family::Ipv4 => bind(fd.as_raw_fd(), &SockaddrIn::new(0, 0, 0, 0, port)),
        Family::Ipv6 => {
            if let Err(e) = setsockopt(&fd, sockopt::Ipv6V6Only, &true) {
                return Probe::Failed(format!("IPV6_V6ONLY: {e}"));
            }
            bind(
                fd.as_raw_fd(),
                &SockaddrIn6::from(std::net::SocketAddrV6::new(
                    std::net::Ipv6Addr::UNSPECIFIED,
                    port,
                    0,
                    0,
                )),
            )
        }
    };
    match result {
        Ok(()) => Probe::Free,
        Err(Errno::EADDRINUSE) => Probe::InUse,
        Err(Errno::EACCES | Errno::EPERM) if crate::port::HostPorts::read().privileged(port) => {
            Probe::Denied
        }
        Err(Errno::EADDRNOTAVAIL | Errno::EAFNOSUPPORT) if family_missing(family) => {
            Probe::Unsupported
        }
        Err(e) => Probe::Failed(format!("cannot bind: {}", describe(e))),
    }
}

/// Whether `family` does not exist on this host: only IPv6 can be missing.
fn family_missing(family: Family) -> bool {
    family == Family::Ipv6 && !crate::port::has_ipv6()
}

/// An errno, with what it usually means for the probe.
fn describe(e: Errno) -> String {
    let why = match e {
        Errno::EPERM | Errno::EACCES => {
            " (a sandbox or security policy forbids it: seccomp, systemd's RestrictAddressFamilies=, an LSM)"
        }
        Errno::EAFNOSUPPORT => " (the family exists on this host: a policy forbids it)",
        Errno::EMFILE | Errno::ENFILE => " (out of file descriptors: ulimit -n)",
        Errno::ENOBUFS | Errno::ENOMEM => " (the kernel is out of memory for sockets)",
        _ => "",
    };
    format!("{}{why}", e.desc())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_held_port_is_in_use_and_a_released_one_free() {
        let held = std::net::TcpListener::bind("0.0.0.0:0").unwrap();
        let port = held.local_addr().unwrap().port();
        assert_eq!(probe(Protocol::Tcp, Family::Ipv4, port), Probe::InUse);
        drop(held);
        assert_eq!(probe(Protocol::Tcp, Family::Ipv4, port), Probe::Free);
    }

    #[test]
    fn udp_is_judged_apart_from_tcp() {
        let held = std::net::UdpSocket::bind("0.0.0.0:0").unwrap();
        let port = held.local_addr().unwrap().port();
        assert_eq!(probe(Protocol::Udp, Family::Ipv4, port), Probe::InUse);
        assert_ne!(probe(Protocol::Tcp, Family::Ipv4, port), Probe::InUse);
    }
}
