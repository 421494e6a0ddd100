//! Facts about the host portcheck runs on that the reports use: whether
//! it runs with full privilege, and the addresses of its interfaces. One
//! module per platform (`host/unix.rs`, `host/windows.rs`).

#[cfg(unix)]
mod unix;
#[cfg(unix)]
pub(crate) use unix::{interface_addresses, is_root};
#[cfg(windows)]
mod windows;
#[cfg(windows)]
pub(crate) use windows::{interface_addresses, is_root};
