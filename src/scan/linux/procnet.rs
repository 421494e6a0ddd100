//! Linux's fallback when sock_diag netlink is unavailable (a kernel built
//! without it, a seccomp policy that forbids netlink): the text tables in
//! `/proc/net/{tcp,tcp6,udp,udp6}`. They list every socket, so the port
//! filter runs here; they have no IPV6_V6ONLY and no bound-inactive
//! sockets.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use anyhow::Context;

use crate::net::{Family, Protocol, Selection, State};
use crate::scan::{Scope, Socket};

pub(super) fn sockets(select: Selection, scope: Scope<'_>) -> anyhow::Result<Vec<Socket>> {
    let mut out = Vec::new();
    for protocol in select.protocols() {
        for family in select.families() {
            let file = match (protocol, family) {
                (Protocol::Tcp, Family::Ipv4) => "tcp",
                (Protocol::Tcp, Family::Ipv6) => "tcp6",
                (Protocol::Udp, Family::Ipv4) => "udp",
                (Protocol::Udp, Family::Ipv6) => "udp6",
            };
            let path = format!("/proc/net/{file}");
            let text = match std::fs::read_to_string(&path) {
                Ok(t) => t,
                // No IPv6 on this host, proven (a hidden /proc/net proves nothing).
                Err(e)
                    if e.kind() == std::io::ErrorKind::NotFound
                        && family == Family::Ipv6
                        && !crate::port::has_ipv6() =>
                {
                    continue;
                }
                Err(e) => return Err(e).with_context(|| format!("cannot read {path}")),
            };
            for line in text.lines().skip(1) {
                let Some(s) = parse_line(line, protocol, family) else { continue };
                if scope.wants(s.protocol, s.port, s.state) {
                    out.push(s);
                }
            }
        }
    }
    Ok(out)
}

/// One row: `sl local rem st tx:rx tr:when retrnsmt uid timeout inode …`.
fn parse_line(line: &str, protocol: Protocol, family: Family) -> Option<Socket> {
    let f: Vec<&str> = line.split_whitespace().collect();
    let (local, state, uid, inode) = (f.get(1)?, f.get(3)?, f.get(7)?, f.get(9)?);
    let (addr, port) = local.split_once(':')?;
    let address = parse_addr(addr)?;
    if Family::of(&address) != family {
        return None;
    }
    Some(Socket {
        protocol,
        family,
        address,
        port: u16::from_str_radix(port, 16).ok()?,
        state: State::from_kernel(protocol, u8::from_str_radix(state, 16).ok()?),
        inode: inode.parse().ok()?,
        uid: uid.parse().ok(),
        v6only: None,
        pids: Vec::new(),
        interface: 0,
    })
}

/// The kernel prints addresses as 32-bit words in host byte order.
fn parse_addr(hex: &str) -> Option<IpAddr> {
    let word = |i: usize| -> Option<[u8; 4]> {
        let w = u32::from_str_radix(hex.get(i * 8..i * 8 + 8)?, 16).ok()?;
        Some(w.to_ne_bytes())
    };
    match hex.len() {
        8 => Some(IpAddr::V4(Ipv4Addr::from(word(0)?))),
        32 => {
            let mut b = [0u8; 16];
            for i in 0..4 {
                b[i * 4..i * 4 + 4].copy_from_slice(&word(i)?);
            }
            Some(IpAddr::V6(Ipv6Addr::from(b)))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_rows() {
        let v4 = "   0: 0100007F:1388 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 487 1 0000000000000000 100 0 0 10 0";
        let s = parse_line(v4, Protocol::Tcp, Family::Ipv4).unwrap();
        assert_eq!(s.address, "127.0.0.1".parse::<IpAddr>().unwrap());
        assert_eq!((s.port, s.state, s.uid, s.inode), (5000, State::Listen, Some(1000), 487));
        let v6 = "   0: 00000000000000000000000001000000:1F90 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 9 1 0";
        let s = parse_line(v6, Protocol::Tcp, Family::Ipv6).unwrap();
        assert_eq!(s.address, "::1".parse::<IpAddr>().unwrap());
        assert_eq!(s.port, 8080);
        assert!(parse_line("garbage", Protocol::Tcp, Family::Ipv4).is_none());
    }

    #[test]
    fn finds_a_listener_like_sock_diag_does() {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let port = l.local_addr().unwrap().port();
        let select = Selection { tcp: true, udp: false, v4: true, v6: false };
        let found = sockets(select, Scope::Ports(&[port])).unwrap();
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].state, State::Listen);
    }
}
