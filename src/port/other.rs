//! Port settings elsewhere: the IANA dynamic range as the ephemeral range
//! and 1024 as the privileged limit, until each platform reads its own.

use super::HostPorts;

pub(super) fn read() -> HostPorts {
    HostPorts { unprivileged_start: 1024, ephemeral: (49152, 65535), reserved: Vec::new() }
}
