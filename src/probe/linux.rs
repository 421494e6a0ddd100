//! Linux's probe: the wildcard address, close-on-exec, SO_REUSEADDR as
//! the caller asks (Linux refuses a wildcard bind beside any socket on the
//! port, so the wildcard answers for every address).

use nix::sys::socket::SockFlag;

use super::Probe;
use crate::net::{Family, Protocol};

pub(super) fn bind_probe(protocol: Protocol, family: Family, port: u16, reuse: bool) -> Probe {
    super::unix::bind_at((protocol, family, port), false, reuse, SockFlag::SOCK_CLOEXEC)
}

/// A development server's bind on one address (see `probe_as_werkzeug`).
pub(super) fn bind_as_werkzeug(addr: std::net::IpAddr, port: u16) -> Probe {
    super::unix::bind_as_werkzeug(addr, port, SockFlag::SOCK_CLOEXEC)
}

/// Whether an IPv6 server that sets nothing binds dual-stack here
/// (`net.ipv6.bindv6only` is 0, Linux's default): its `[::]:PORT` then
/// takes the IPv4 port too, so an IPv4 holder makes the port in use for
/// it. Unreadable is the default, 0.
pub(crate) fn ipv6_servers_take_ipv4() -> bool {
    crate::port::has_ipv6()
        && std::fs::read_to_string("/proc/sys/net/ipv6/bindv6only")
            .map_or(true, |s| s.trim() == "0")
}
