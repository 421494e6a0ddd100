//! The Windows bind: SO_EXCLUSIVEADDRUSE, never SO_REUSEADDR (on Windows
//! that option lets a second socket take over a bound port, so a probe
//! with it could call a held port free). `reuse` is therefore ignored:
//! both probes are exclusive here.

use windows_sys::Win32::Networking::WinSock::{
    WSAEACCES, WSAEADDRINUSE, WSAEADDRNOTAVAIL, WSAEAFNOSUPPORT, WSAEPROTONOSUPPORT,
};

use super::Probe;
use crate::i18n::{Msg, msg};
use crate::net::{Family, Protocol};

pub(super) fn bind_probe(protocol: Protocol, family: Family, port: u16, _reuse: bool) -> Probe {
    match crate::win32::bind_exclusive(protocol == Protocol::Tcp, family == Family::Ipv6, port) {
        Ok(()) => Probe::Free,
        Err((_, WSAEADDRINUSE)) => Probe::InUse,
        // No port is privileged on Windows: WSAEACCES means the port
        // cannot be bound at all — an excluded port range (Hyper-V, WSL 2,
        // Docker Desktop), another program's exclusive bind, or security
        // software. Never free; `port/windows.rs` says which.
        Err((_, WSAEACCES)) => Probe::Refused,
        // "Not available" only where the family truly is not: a policy
        // that forbids IPv4 or IPv6 sockets makes the answer unknown.
        Err((_, WSAEAFNOSUPPORT | WSAEPROTONOSUPPORT | WSAEADDRNOTAVAIL))
            if family == Family::Ipv6 && !crate::port::has_ipv6() =>
        {
            Probe::Unsupported
        }
        Err((call, code)) => {
            let e = std::io::Error::from_raw_os_error(code);
            failed(msg!("probe-call-failed", call = call, error = e.to_string()), &e)
        }
    }
}

/// Binds TCP `addr:port` and listens, then closes: whether a development
/// server could start there now. Werkzeug also sets SO_REUSEADDR, which on
/// Windows lets a socket share a port another socket holds without
/// SO_EXCLUSIVEADDRUSE; the probe does not (a probe with it could call a
/// held port free), so its "no" is the cautious answer.
pub(super) fn bind_as_werkzeug(addr: std::net::IpAddr, port: u16) -> Probe {
    match std::net::TcpListener::bind((addr, port)) {
        Ok(_) => Probe::Free,
        Err(e) if e.raw_os_error() == Some(WSAEADDRINUSE) => Probe::InUse,
        Err(e) if e.raw_os_error() == Some(WSAEACCES) => Probe::Refused,
        Err(e) => failed(msg!("probe-cannot-bind", error = e.to_string()), &e),
    }
}

/// A probe that could not run, `why`; the OS refused it when `e` is a
/// permission error.
fn failed(why: Msg, e: &std::io::Error) -> Probe {
    let permission = e.kind() == std::io::ErrorKind::PermissionDenied;
    Probe::Failed(super::Failure { why, permission })
}
