//! The mechanics that macOS and Windows share, where no fd is spent per
//! target (a pid and start time, or a process handle) and sockets have
//! no inode: nothing to check of `/proc`, no fd limit to raise, no fd to
//! re-read before the signal — the pin's start-time check and
//! `scan::holds_any` (libproc on macOS) stand.

use super::PinError;

/// Nothing to check: there is no `/proc` to disagree with.
pub(crate) fn proc_is_ours() -> Result<(), String> {
    Ok(())
}

/// Nothing to raise: no fd is held per target.
pub(crate) fn raise_fd_limit() {}

/// No fd is held per target.
pub(crate) fn fd_budget() -> usize {
    usize::MAX
}

/// No fd to re-read: sockets have no inode here. Whether the target
/// still holds one of its ports is asked of `scan::holds_any` (libproc's
/// fd list on macOS; always true on Windows, whose table has no inodes).
pub(crate) struct Holding {
    pid: u32,
    ports: Vec<u16>,
}

pub(crate) fn holding(pid: u32, _inodes: &[u64], ports: &[u16]) -> Result<Holding, PinError> {
    Ok(Holding { pid, ports: ports.to_vec() })
}

impl Holding {
    pub(crate) fn still(&self) -> bool {
        crate::scan::holds_any(self.pid, &[], &self.ports)
    }
}

/// A stopped process is not told apart here: it is left as it is.
pub(crate) fn wake(_pinned: &super::Pinned) -> super::Stopped {
    super::Stopped::Running
}
