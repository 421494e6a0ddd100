//! The Unix bind, shared by Linux (`linux.rs`) and macOS (`macos.rs`):
//! nix's socket calls, on the wildcard or the loopback address.

use std::os::fd::AsRawFd;

use nix::errno::Errno;
use nix::sys::socket::{
    AddressFamily, SockFlag, SockType, SockaddrIn, SockaddrIn6, bind, setsockopt, socket, sockopt,
};

use super::{Failure, Probe};
use crate::i18n::{Msg, msg};
use crate::net::{Family, Protocol};

/// Binds `port` on `family`'s wildcard address (or, with `loopback`, on
/// 127.0.0.1 / ::1) with the socket `flags`, SO_REUSEADDR when `reuse`,
/// IPV6_V6ONLY on IPv6; then closes the socket.
pub(super) fn bind_at(
    (protocol, family, port): (Protocol, Family, u16),
    loopback: bool,
    reuse: bool,
    flags: SockFlag,
) -> Probe {
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
    let fd = match socket(af, ty, flags, None) {
        Ok(fd) => fd,
        Err(Errno::EAFNOSUPPORT | Errno::EPROTONOSUPPORT) if family_missing(family) => {
            return Probe::Unsupported;
        }
        Err(e) => return failed(msg!("probe-cannot-socket", error = describe(e)), e),
    };
    if reuse && let Err(e) = setsockopt(&fd, sockopt::ReuseAddr, &true) {
        return failed(call_failed("SO_REUSEADDR", e), e);
    }
    let result = match family {
        Family::Ipv4 => {
            let a = if loopback { [127, 0, 0, 1] } else { [0; 4] };
            bind(fd.as_raw_fd(), &SockaddrIn::new(a[0], a[1], a[2], a[3], port))
        }
        Family::Ipv6 => {
            if let Err(e) = setsockopt(&fd, sockopt::Ipv6V6Only, &true) {
                return failed(call_failed("IPV6_V6ONLY", e), e);
            }
            bind(
                fd.as_raw_fd(),
                &SockaddrIn6::from(std::net::SocketAddrV6::new(
                    if loopback {
                        std::net::Ipv6Addr::LOCALHOST
                    } else {
                        std::net::Ipv6Addr::UNSPECIFIED
                    },
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
        Err(e) => failed(msg!("probe-cannot-bind", error = describe(e)), e),
    }
}

/// Whether `family` does not exist on this host: only IPv6 can be missing.
fn family_missing(family: Family) -> bool {
    family == Family::Ipv6 && !crate::port::has_ipv6()
}

/// A probe that could not run, `why`; the OS refused it when `e` is
/// EPERM or EACCES.
fn failed(why: Msg, e: Errno) -> Probe {
    Probe::Failed(Failure { why, permission: matches!(e, Errno::EPERM | Errno::EACCES) })
}

/// A socket option that could not be set, and the OS's words.
fn call_failed(option: &str, e: Errno) -> Msg {
    msg!("probe-call-failed", call = option, error = e.to_string())
}

/// An errno (the OS's words), with what it usually means for the probe.
fn describe(e: Errno) -> Msg {
    let error = e.desc();
    match e {
        Errno::EPERM | Errno::EACCES => msg!("probe-errno-policy", error = error),
        Errno::EAFNOSUPPORT => msg!("probe-errno-family", error = error),
        Errno::EMFILE | Errno::ENFILE => msg!("probe-errno-fds", error = error),
        Errno::ENOBUFS | Errno::ENOMEM => msg!("probe-errno-memory", error = error),
        _ => msg!("probe-errno", error = error),
    }
}

/// Binds TCP `addr:port` as Werkzeug's `prepare_socket` does (a stream
/// socket, SO_REUSEADDR, bind; then listen, as its server does), and
/// closes it: whether a development server could start there now.
/// `flags`: close-on-exec where `socket` takes it (Linux), none on macOS.
pub(super) fn bind_as_werkzeug(addr: std::net::IpAddr, port: u16, flags: SockFlag) -> Probe {
    let af = if addr.is_ipv4() { AddressFamily::Inet } else { AddressFamily::Inet6 };
    let fd = match socket(af, SockType::Stream, flags, None) {
        Ok(fd) => fd,
        Err(e) => return failed(msg!("probe-cannot-socket", error = describe(e)), e),
    };
    if let Err(e) = setsockopt(&fd, sockopt::ReuseAddr, &true) {
        return failed(call_failed("SO_REUSEADDR", e), e);
    }
    let at = std::net::SocketAddr::new(addr, port);
    let bound = match at {
        std::net::SocketAddr::V4(a) => bind(fd.as_raw_fd(), &SockaddrIn::from(a)),
        std::net::SocketAddr::V6(a) => bind(fd.as_raw_fd(), &SockaddrIn6::from(a)),
    };
    let listened =
        bound.and_then(|()| nix::sys::socket::listen(&fd, nix::sys::socket::Backlog::new(1)?));
    match listened {
        Ok(()) => Probe::Free,
        Err(Errno::EADDRINUSE) => Probe::InUse,
        Err(Errno::EACCES | Errno::EPERM) if crate::port::HostPorts::read().privileged(port) => {
            Probe::Denied
        }
        Err(e) => failed(msg!("probe-cannot-bind", error = describe(e)), e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Lang, scoped};

    /// What an errno means for the probe, in the reader's language; the
    /// OS's own words and the names of settings as they are.
    #[test]
    fn an_errno_is_explained_in_korean_with_the_os_words_kept() {
        let why = msg!("probe-cannot-socket", error = describe(Errno::EMFILE));
        let os = Errno::EMFILE.desc();
        assert_eq!(
            why.english(),
            format!("cannot create a socket: {os} (out of file descriptors: ulimit -n)")
        );
        let korean = scoped(Lang::Ko, || why.to_string());
        assert_eq!(korean, format!("소켓을 만들 수 없음: {os} (파일 디스크립터 부족: ulimit -n)"));
        let json = scoped(Lang::Ko, || serde_json::to_string(&why).unwrap());
        assert_eq!(json, serde_json::to_string(&why.english()).unwrap());
        assert_eq!(describe(Errno::EADDRNOTAVAIL).english(), Errno::EADDRNOTAVAIL.desc());
    }
}
