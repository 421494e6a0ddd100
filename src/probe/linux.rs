//! Linux's probe: the wildcard address, close-on-exec, SO_REUSEADDR as
//! the caller asks (Linux refuses a wildcard bind beside any socket on the
//! port, so the wildcard answers for every address).

use nix::sys::socket::SockFlag;

use super::Probe;
use crate::net::{Family, Protocol};

pub(super) fn bind_probe(protocol: Protocol, family: Family, port: u16, reuse: bool) -> Probe {
    super::unix::bind_at((protocol, family, port), false, reuse, SockFlag::SOCK_CLOEXEC)
}
