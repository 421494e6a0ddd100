//! The mechanics that macOS and Windows share, where no fd is spent per
//! target (a pid and start time, or a process handle) and sockets have
//! no inode: nothing to check of `/proc`, no fd limit to raise, no fd to
//! re-read before the signal. The last check is `scan::holds_any`, right
//! before the signal: libproc's fd list on macOS, a fresh read of the
//! socket table on Windows (the target must still be its owner, or the
//! inheriting child the orphan rule finds again).

use super::PinError;

/// Nothing to check: there is no `/proc` to disagree with.
pub(crate) fn proc_is_ours() -> Result<(), crate::i18n::Msg> {
    Ok(())
}

/// Nothing to raise: no fd is held per target.
pub(crate) fn raise_fd_limit() {}

/// No fd is held per target.
pub(crate) fn fd_budget() -> usize {
    usize::MAX
}

/// No fd to re-read: whether the target still holds one of its sockets
/// is asked of `scan::holds_any` right before each signal (libproc's fd
/// list on macOS; on Windows a fresh read of the socket table, with the
/// orphan rule).
pub(crate) struct Holding {
    pid: u32,
    inodes: Vec<u64>,
    ports: Vec<u16>,
}

pub(crate) fn holding(pid: u32, inodes: &[u64], ports: &[u16]) -> Result<Holding, PinError> {
    Ok(Holding { pid, inodes: inodes.to_vec(), ports: ports.to_vec() })
}

impl Holding {
    /// Whether the target still holds one of its sockets, read afresh.
    pub(crate) fn still(&self) -> bool {
        crate::scan::holds_any(self.pid, &self.inodes, &self.ports)
    }
}

/// A stopped process is not told apart here: it is left as it is.
pub(crate) fn wake(_pinned: &super::Pinned) -> super::Stopped {
    super::Stopped::Running
}
