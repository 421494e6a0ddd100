//! Port settings elsewhere: the IANA dynamic range as the ephemeral range
//! and 1024 as the privileged limit, until each platform reads its own.

use super::HostPorts;

pub(super) fn read() -> HostPorts {
    HostPorts { unprivileged_start: 1024, ephemeral: (49152, 65535), reserved: Vec::new() }
}

/// Without a way to ask, IPv6 is taken to exist: a socket that cannot be
/// created is then a failed check, never "not available".
pub(super) fn has_ipv6() -> bool {
    true
}
