//! The one check "does pid P hold socket inode I", by its fd table: the
//! links of `/proc/PID/fd`, and where the main thread has exited (an
//! empty table) its threads' (`/proc/PID/task/TID/fd`); a link names a
//! socket as `socket:[INODE]`.
//!
//! When it runs: the owner walk's second pass (`owners.rs`) reads the
//! threads' tables of every process for sockets the walk left without a
//! holder, during the scan; `--kill` asks [`held`] once per target when
//! it pins it, after the report and before its first signal, and
//! [`Held::still`] (a `readlink` per found fd, no table read) right before
//! each of its signals and while waiting.

use std::path::{Path, PathBuf};

use rustix::io::Errno;

/// "socket:[12345]" → 12345.
pub(super) fn socket_inode(link: &[u8]) -> Option<u64> {
    let rest = link.strip_prefix(b"socket:[")?;
    let digits = rest.strip_suffix(b"]")?;
    digits.iter().try_fold(0u64, |acc, &b| {
        b.is_ascii_digit().then(|| acc.checked_mul(10)?.checked_add(u64::from(b - b'0'))).flatten()
    })
}

/// The inode an fd link names, when it names a socket of `inodes` (sorted).
fn wanted_inode(link: &Path, inodes: &[u64]) -> Option<u64> {
    use std::os::unix::ffi::OsStrExt;
    socket_inode(link.as_os_str().as_bytes()).filter(|n| inodes.binary_search(n).is_ok())
}

/// Adds the fds of the table `dir` that name one of `inodes` to `found`;
/// returns how many entries the table had.
fn sockets_in(dir: std::fs::ReadDir, inodes: &[u64], found: &mut Vec<(PathBuf, u64)>) -> usize {
    let mut entries = 0;
    for entry in dir.flatten() {
        entries += 1;
        let Ok(link) = std::fs::read_link(entry.path()) else { continue };
        if let Some(n) = wanted_inode(&link, inodes) {
            found.push((entry.path(), n));
        }
    }
    entries
}

/// The fds of `pid`'s threads other than the main one
/// (`/proc/PID/task/TID/fd`) that name one of `inodes`: a zombie
/// leader's live threads, or a thread with a table of its own
/// (`unshare(CLONE_FILES)`).
pub(super) fn held_by_threads(pid: u32, inodes: &[u64]) -> Vec<(PathBuf, u64)> {
    let mut found = Vec::new();
    let tasks = std::fs::read_dir(format!("/proc/{pid}/task")).into_iter().flatten().flatten();
    for task in tasks.filter(|t| t.file_name().to_str() != Some(&pid.to_string())) {
        if let Ok(dir) = std::fs::read_dir(task.path().join("fd")) {
            sockets_in(dir, inodes, &mut found);
        }
    }
    found
}

/// The fds through which a process holds its sockets, found by one read
/// of its fd table.
#[derive(Debug)]
pub(crate) struct Held(Vec<(PathBuf, u64)>);

/// Why a process is not found holding a socket.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum NotHeld {
    /// The process is gone.
    Gone,
    /// Its fd table could not be read: the error, in words.
    Unreadable(String),
    /// It holds none of the sockets.
    LetGo,
}

/// Whether `pid` holds one of `inodes` (sorted): the fds that do. An empty
/// table means the main thread has exited while other threads hold the
/// process's files: their tables are read instead, as the owner walk does.
pub(crate) fn held(pid: u32, inodes: &[u64]) -> Result<Held, NotHeld> {
    let dir = match std::fs::read_dir(format!("/proc/{pid}/fd")) {
        Ok(d) => d,
        Err(e) if gone(&e) => return Err(NotHeld::Gone),
        Err(e) => return Err(NotHeld::Unreadable(format!("/proc/{pid}/fd: {e}"))),
    };
    let mut found = Vec::new();
    if sockets_in(dir, inodes, &mut found) == 0 {
        found = held_by_threads(pid, inodes);
    }
    if found.is_empty() { Err(NotHeld::LetGo) } else { Ok(Held(found)) }
}

/// An error that means the process is gone.
fn gone(e: &std::io::Error) -> bool {
    e.kind() == std::io::ErrorKind::NotFound || e.raw_os_error() == Some(Errno::SRCH.raw_os_error())
}

impl Held {
    /// Whether one of these fds still holds its socket: a `readlink` per
    /// fd, no fd-table read.
    pub(crate) fn still(&self) -> bool {
        self.0.iter().any(|(path, inode)| {
            std::fs::read_link(path).ok().and_then(|l| wanted_inode(&l, &[*inode])) == Some(*inode)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_socket_links() {
        assert_eq!(socket_inode(b"socket:[12345]"), Some(12345));
        assert_eq!(socket_inode(b"pipe:[12345]"), None);
        assert_eq!(socket_inode(b"socket:[12x]"), None);
        assert_eq!(socket_inode(b"socket:[]"), Some(0));
        assert_eq!(socket_inode(b"socket:[99999999999999999999]"), None);
    }

    /// This process holds its listener through one fd, until it closes it.
    #[test]
    fn finds_the_fd_that_holds_a_socket() {
        use std::os::fd::AsRawFd;
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let link = std::fs::read_link(format!("/proc/self/fd/{}", listener.as_raw_fd())).unwrap();
        let inode = socket_inode(link.to_string_lossy().as_bytes()).unwrap();
        let found = held(std::process::id(), &[inode]).unwrap();
        assert_eq!(found.0.len(), 1);
        assert!(found.still());
        assert_eq!(held(std::process::id(), &[inode + 1]).err(), Some(NotHeld::LetGo));
        drop(listener);
        assert!(!found.still());
    }
}
