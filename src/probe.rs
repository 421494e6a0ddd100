//! The bind probe: "free" means portcheck bound the port and let it go.

//!
//! The bind itself is the platform's: `probe/linux.rs` and
//! `probe/macos.rs` (over the Unix bind of `probe/unix.rs`),
//! `probe/windows.rs`.

#[cfg(target_os = "linux")]
mod linux;
#[cfg(target_os = "linux")]
pub(crate) use linux::ipv6_servers_take_ipv4;
#[cfg(target_os = "linux")]
use linux::{bind_as_werkzeug, bind_probe};
#[cfg(target_os = "macos")]
mod macos;
#[cfg(target_os = "macos")]
use macos::{bind_as_werkzeug, bind_probe};
#[cfg(unix)]
mod unix;
#[cfg(windows)]
mod windows;
#[cfg(windows)]
use windows::{bind_as_werkzeug, bind_probe};

use crate::i18n::{Msg, msg};
use crate::net::{Family, Protocol};

/// macOS and Windows keep their rules for `-6` (docs/reliability.md): an
/// IPv6 question is answered for IPv6 alone there.
#[cfg(not(target_os = "linux"))]
pub(crate) fn ipv6_servers_take_ipv4() -> bool {
    false
}

/// What a `-6` answer adds on a host whose IPv6 servers are dual-stack
/// by default, beside a port an IPv4 socket holds.
pub(crate) fn dual_stack_note() -> Msg {
    msg!("probe-dual-stack")
}

/// What binding the wildcard address said about a port.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Probe {
    /// Bound and released: free.
    Free,
    /// EADDRINUSE.
    InUse,
    /// EACCES/EPERM on a privileged port: no privilege. Not "in use".
    #[cfg_attr(windows, allow(dead_code))]
    Denied,
    /// The OS refused the bind for a reason no privilege lifts (Windows's
    /// WSAEACCES: an excluded port range, another program's exclusive
    /// bind, security software). Nothing can bind the port: never free.
    #[cfg_attr(not(windows), allow(dead_code))]
    Refused,
    /// The family does not exist on this host (IPv6 disabled at boot).
    /// Never IPv4, and never an error a policy returns for a family the
    /// host has.
    Unsupported,
    /// Any other failure (a seccomp policy, `RestrictAddressFamilies=`,
    /// EMFILE, ENOBUFS, an LSM refusing the bind): the probe did not run,
    /// so the answer is unknown.
    Failed(Failure),
}

/// Why a probe could not run, and whether the OS refused it (EACCES or
/// EPERM from a sandbox or security policy): an error made of it is
/// JSON's `"kind": "permission"`.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Failure {
    pub(crate) why: Msg,
    pub(crate) permission: bool,
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.why)
    }
}

/// Binds `family`'s wildcard address on `port` the way servers do, then
/// closes the socket. TCP sets SO_REUSEADDR (every Unix server does), so a
/// TIME_WAIT left by a server that also set it does not count; UDP does
/// not, so any UDP socket on the port counts. IPv6 sets IPV6_V6ONLY so the
/// two families are judged separately.
pub(crate) fn probe(protocol: Protocol, family: Family, port: u16) -> Probe {
    bind_probe(protocol, family, port, protocol == Protocol::Tcp)
}

/// Whether a development server could start on TCP `addr:port` now:
/// a real bind and listen as Werkzeug makes them, released at once.
pub(crate) fn probe_as_werkzeug(addr: std::net::IpAddr, port: u16) -> Probe {
    bind_as_werkzeug(addr, port)
}

/// Like [`probe`] but without SO_REUSEADDR: it succeeds only when nothing
/// at all is bound to the port — no listener, no bound-inactive socket, no
/// connection using it as its local port, no TIME_WAIT.
pub(crate) fn probe_exclusive(protocol: Protocol, family: Family, port: u16) -> Probe {
    bind_probe(protocol, family, port, false)
}

/// What exclusive binds of one port said, over several protocols and
/// families: the one definition of "nothing at all is bound there".
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Exclusive {
    /// A bind failed with EADDRINUSE: something is bound.
    pub(crate) bound: bool,
    /// A bind was not permitted (a privileged port without the right).
    pub(crate) denied: bool,
    /// A bind was refused for good ([`Probe::Refused`]): the port cannot
    /// be bound.
    pub(crate) refused: bool,
    /// Families this host does not have.
    pub(crate) unsupported: Vec<Family>,
    /// Binds that failed otherwise, and how.
    pub(crate) failed: Vec<(Protocol, Family, Failure)>,
}

impl Exclusive {
    /// Every bind succeeded (a family the host lacks aside).
    pub(crate) fn free(&self) -> bool {
        !self.bound && !self.denied && !self.refused && self.failed.is_empty()
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
                Probe::Refused => out.refused = true,
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
