//! The Unix bind: nix's socket calls.

use std::os::fd::AsRawFd;

use nix::errno::Errno;
use nix::sys::socket::{
    AddressFamily, SockFlag, SockType, SockaddrIn, SockaddrIn6, bind, setsockopt, socket, sockopt,
};

use super::Probe;
use crate::net::{Family, Protocol};

pub(super) fn bind_probe(protocol: Protocol, family: Family, port: u16, reuse: bool) -> Probe {
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
        Err(Errno::EAFNOSUPPORT | Errno::EPROTONOSUPPORT) => return Probe::Unsupported,
        Err(e) => return Probe::Failed(format!("socket: {e}")),
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
        Err(Errno::EACCES | Errno::EPERM) => Probe::Denied,
        Err(Errno::EADDRNOTAVAIL | Errno::EAFNOSUPPORT) => Probe::Unsupported,
        Err(e) => Probe::Failed(format!("bind: {e}")),
    }
}
