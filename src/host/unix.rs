//! Host facts on Unix: the effective uid and getifaddrs(3).

use std::net::IpAddr;

/// Whether portcheck runs as root (and so sees every process).
pub(crate) fn is_root() -> bool {
    nix::unistd::geteuid().is_root()
}

/// The addresses of the interfaces that are up, loopback included.
pub(crate) fn interface_addresses() -> Vec<IpAddr> {
    let Ok(ifs) = nix::ifaddrs::getifaddrs() else { return Vec::new() };
    ifs.filter(|i| i.flags.contains(nix::net::if_::InterfaceFlags::IFF_UP))
        .filter_map(|i| {
            let a = i.address?;
            if let Some(v4) = a.as_sockaddr_in() {
                return Some(IpAddr::V4(v4.ip()));
            }
            a.as_sockaddr_in6().map(|v6| IpAddr::V6(v6.ip()))
        })
        .collect()
}
