//! macOS's probe, by BSD rules: never SO_REUSEADDR (with it a wildcard
//! bind succeeds beside a socket on 127.0.0.1:PORT), and both the wildcard
//! and the loopback address, since Flask's 127.0.0.1 bind succeeds beside
//! AirPlay's `*:5000`. The port is in use if either bind says so; a
//! privileged port is denied on loopback (anyone may bind below 1024 on the
//! wildcard since 10.14, not on 127.0.0.1), which is the address a
//! development server binds. The socket table is trusted first; this
//! only proves "free".

use nix::sys::socket::SockFlag;

use super::Probe;
use crate::net::{Family, Protocol};

pub(super) fn bind_probe(protocol: Protocol, family: Family, port: u16, _reuse: bool) -> Probe {
    let what = (protocol, family, port);
    match super::unix::bind_at(what, false, false, SockFlag::empty()) {
        Probe::Free => super::unix::bind_at(what, true, false, SockFlag::empty()),
        other => other,
    }
}

/// A development server's bind on one address (see `probe_as_werkzeug`).
pub(super) fn bind_as_werkzeug(addr: std::net::IpAddr, port: u16) -> Probe {
    super::unix::bind_as_werkzeug(addr, port, SockFlag::empty())
}
