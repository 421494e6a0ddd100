//! Host facts on Windows. Not read yet (docs/architecture.md, "not run
//! here"): elevation (a token query) and the adapters' addresses
//! (GetAdaptersAddresses). Without them a report names no LAN address for
//! an exposed socket and never assumes it sees every process.

use std::net::IpAddr;

/// Never assumed: portcheck does not yet ask whether its token is elevated.
pub(crate) fn is_root() -> bool {
    false
}

/// None yet: the report then lists the socket's own address only.
pub(crate) fn interface_addresses() -> Vec<IpAddr> {
    Vec::new()
}
