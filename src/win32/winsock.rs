//! Winsock: started once, and the exclusive bind behind the Windows probe.

use std::sync::OnceLock;

use windows_sys::Win32::Networking::WinSock::{
    AF_INET, AF_INET6, INVALID_SOCKET, IPPROTO_IPV6, IPPROTO_TCP, IPPROTO_UDP, IPV6_V6ONLY,
    SO_EXCLUSIVEADDRUSE, SOCK_DGRAM, SOCK_STREAM, SOCKADDR, SOCKADDR_IN, SOCKADDR_IN6, SOL_SOCKET,
    WSADATA, WSAGetLastError, WSAStartup, bind, closesocket, setsockopt, socket,
};

/// Initialises Winsock once (std does this too, but only for its own
/// sockets). Returns the WSAStartup error, if any.
fn winsock() -> Result<(), i32> {
    static STARTED: OnceLock<i32> = OnceLock::new();
    let code = *STARTED.get_or_init(|| {
        let mut data = WSADATA {
            wVersion: 0,
            wHighVersion: 0,
            iMaxSockets: 0,
            iMaxUdpDg: 0,
            lpVendorInfo: std::ptr::null_mut(),
            szDescription: [0; 257],
            szSystemStatus: [0; 129],
        };
        // SAFETY: `data` is a valid, writable WSADATA for the call's
        // duration; version 2.2 is what every Windows since 98 supports.
        unsafe { WSAStartup(0x0202, &raw mut data) }
    });
    if code == 0 { Ok(()) } else { Err(code) }
}

/// A Winsock socket, closed on drop.
struct Sock(usize);

impl Drop for Sock {
    fn drop(&mut self) {
        // SAFETY: `self.0` is a socket this struct alone owns, closed once.
        unsafe { closesocket(self.0) };
    }
}

/// The last Winsock error.
fn last_wsa() -> i32 {
    // SAFETY: no arguments; reads this thread's last Winsock error.
    unsafe { WSAGetLastError() }
}

/// Sets an `i32`-valued socket option.
fn set_int(s: &Sock, level: i32, name: i32, value: i32) -> Result<(), i32> {
    let bytes = value.to_ne_bytes();
    // SAFETY: `s.0` is an open socket; `bytes` is 4 readable bytes that
    // outlive the call, and the length passed says 4.
    let rc = unsafe { setsockopt(s.0, level, name, bytes.as_ptr(), 4) };
    if rc == 0 { Ok(()) } else { Err(last_wsa()) }
}

/// Binds the wildcard address of `v6` or IPv4 on `port`, TCP or UDP, with
/// SO_EXCLUSIVEADDRUSE (never SO_REUSEADDR, which on Windows lets a
/// second socket steal a bound port), IPV6_V6ONLY on IPv6, then closes
/// the socket. `Err` is the Winsock error code of the step that failed
/// and which step it was.
pub(crate) fn bind_exclusive(tcp: bool, v6: bool, port: u16) -> Result<(), (&'static str, i32)> {
    winsock().map_err(|e| ("WSAStartup", e))?;
    let (af, ty, proto) = (
        i32::from(if v6 { AF_INET6 } else { AF_INET }),
        if tcp { SOCK_STREAM } else { SOCK_DGRAM },
        if tcp { IPPROTO_TCP } else { IPPROTO_UDP },
    );
    // SAFETY: plain integer arguments; the result is checked below.
    let raw = unsafe { socket(af, ty, proto) };
    if raw == INVALID_SOCKET {
        return Err(("socket", last_wsa()));
    }
    let s = Sock(raw);
    set_int(&s, SOL_SOCKET, SO_EXCLUSIVEADDRUSE, 1).map_err(|e| ("SO_EXCLUSIVEADDRUSE", e))?;
    let rc = if v6 {
        set_int(&s, IPPROTO_IPV6, IPV6_V6ONLY, 1).map_err(|e| ("IPV6_V6ONLY", e))?;
        let addr =
            SOCKADDR_IN6 { sin6_family: AF_INET6, sin6_port: port.to_be(), ..Default::default() };
        // SAFETY: `addr` is a valid SOCKADDR_IN6 (the unspecified address)
        // living across the call, and its size is passed with it.
        unsafe { bind(s.0, (&raw const addr).cast::<SOCKADDR>(), size_of::<SOCKADDR_IN6>() as i32) }
    } else {
        let addr =
            SOCKADDR_IN { sin_family: AF_INET, sin_port: port.to_be(), ..Default::default() };
        // SAFETY: as above, a valid SOCKADDR_IN (0.0.0.0) and its size.
        unsafe { bind(s.0, (&raw const addr).cast::<SOCKADDR>(), size_of::<SOCKADDR_IN>() as i32) }
    };
    if rc == 0 { Ok(()) } else { Err(("bind", last_wsa())) }
}
