//! Facts about the host portcheck runs on that the reports use: whether
//! it runs with full privilege, its interfaces, and how a user gets full
//! privilege there (the `*_HINT`, `ELEVATE` and `DENIED_WHO` words: sudo
//! on Unix, an Administrator terminal on Windows), read by `kill` and
//! `report` alike. One module per platform (`host/unix.rs`,
//! `host/windows.rs`); whether Linux runs under
//! WSL is one file read on every platform (`host/wsl.rs`).

use std::net::IpAddr;

#[cfg(unix)]
mod unix;
#[cfg(unix)]
pub(crate) use unix::{
    DENIED_HINT, DENIED_WHO, ELEVATE, HIDDEN_HINT, interfaces, is_os_permission_error, is_root,
    open_plain, terminal_takes_colour, uid,
};
#[cfg(windows)]
mod windows;
#[cfg(windows)]
pub(crate) use windows::{
    DENIED_HINT, DENIED_WHO, ELEVATE, HIDDEN_HINT, interfaces, is_os_permission_error, is_root,
    open_plain, terminal_takes_colour,
};

/// portcheck's own uid, the one sockets carry: none on Windows, whose
/// sockets have no uid.
#[cfg(windows)]
pub(crate) fn uid() -> Option<u32> {
    None
}
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
