//! Facts about the host portcheck runs on that the reports use: whether
//! it runs with full privilege, and its interfaces. One module per
//! platform (`host/unix.rs`, `host/windows.rs`); whether Linux runs under
//! WSL is one file read on every platform (`host/wsl.rs`).

use std::net::IpAddr;

#[cfg(unix)]
mod unix;
#[cfg(unix)]
pub(crate) use unix::{interfaces, is_os_permission_error, is_root};
#[cfg(windows)]
mod windows;
#[cfg(windows)]
pub(crate) use windows::{interfaces, is_os_permission_error, is_root};
mod wsl;
pub(crate) use wsl::{Wsl, wsl};

/// The interfaces, as `getifaddrs` and `if_nameindex` list them.
#[derive(Default)]
pub(crate) struct Interfaces {
    /// (name, address, up) for every address of every interface.
    pub(crate) addresses: Vec<(String, IpAddr, bool)>,
    /// Broadcast addresses (a UDP socket may bind one).
    pub(crate) broadcast: Vec<IpAddr>,
    /// Interface index → name.
    pub(crate) names: Vec<(u32, String)>,
}
