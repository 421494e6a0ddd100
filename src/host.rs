//! Facts about the host portcheck runs on that the reports use: whether
//! it runs with full privilege, its interfaces, and how a user gets full
//! privilege there (the `*_hint`, `elevate` and `denied_who` messages: sudo
//! on Unix, an Administrator terminal on Windows), read by `kill` and
//! `report` alike. One module per platform (`host/unix.rs`,
//! `host/windows.rs`); whether Linux runs under
//! WSL is one file read on every platform (`host/wsl.rs`).

use std::net::IpAddr;

#[cfg(unix)]
mod unix;
#[cfg(unix)]
pub(crate) use unix::{
    denied_fix, denied_hint, denied_who, elevate, hidden_hint, interfaces, is_os_permission_error,
    is_root, my_uid, name, open_plain, same_file, terminal_columns, terminal_takes_colour,
};
#[cfg(windows)]
mod windows;
#[cfg(windows)]
pub(crate) use windows::{
    denied_fix, denied_hint, denied_who, elevate, hidden_hint, interfaces, is_os_permission_error,
    is_root, my_uid, name, open_plain, same_file, terminal_columns, terminal_takes_colour,
};
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

/// The most a project file is read (a Flask app, a package.json).
const READ_MAX: u64 = 256 * 1024;

/// The text of the file `name` in `dir`, when it is a regular file of at
/// most 256 KiB (in UTF-8), read in one read: a FIFO, a device, a symlink
/// (to `/dev/zero`, a terminal, another user's file) or a directory there
/// is never read, and opening one never blocks (`host::open_plain`).
pub(crate) fn read_small(dir: &std::path::Path, name: &str) -> Option<String> {
    use std::io::Read;
    let mut file = open_plain(&dir.join(name)).ok()?;
    let meta = file.metadata().ok()?;
    if !meta.file_type().is_file() || meta.len() > READ_MAX {
        return None;
    }
    let mut buf = vec![0; usize::try_from(READ_MAX).ok()? + 1];
    let n = file.read(&mut buf).ok()?;
    buf.truncate(n);
    (u64::try_from(n).ok()? <= READ_MAX).then_some(())?;
    String::from_utf8(buf).ok()
}
