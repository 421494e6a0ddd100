//! Host facts on Windows. Not read yet (docs/architecture.md, "not run
//! here"): elevation (a token query) and the adapters' addresses
//! (GetAdaptersAddresses). Without them a report names no LAN address for
//! an exposed socket and never assumes it sees every process.

use super::Interfaces;

/// Never assumed: portcheck does not yet ask whether its token is elevated.
pub(crate) fn is_root() -> bool {
    false
}

/// None yet: the report then lists the socket's own address only.
pub(crate) fn interfaces() -> Interfaces {
    Interfaces::default()
}

/// Windows errors reach portcheck as `std::io::Error`, which the caller
/// already reads: nothing more to recognise.
pub(crate) fn is_os_permission_error(_e: &(dyn std::error::Error + 'static)) -> bool {
    false
}
